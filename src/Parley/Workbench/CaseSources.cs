using Parley.Formats;
using Parley.Scenarios;

namespace Parley.Workbench;

/// <summary>Reads the scenario a case is made from: a built-in scenario, or an uploaded file in any single-file format Parley reads.</summary>
public static class CaseSources
{
    /// <summary>The built-in scenario <paramref name="name"/>.</summary>
    /// <exception cref="InputException">No built-in scenario has that name.</exception>
    public static Scenario BuiltIn(string name) => BuiltInScenarios.Load(name);

    /// <summary>
    /// Reads an uploaded scenario from <paramref name="content"/> (at most <paramref name="maxBytes"/>
    /// bytes). The format is told by content, as <see cref="ScenarioLoader"/> does; errors name
    /// <paramref name="fileName"/> and the place in it.
    /// </summary>
    /// <exception cref="InputException">The upload is too large, or is not a scenario Parley reads.</exception>
    public static async Task<Scenario> ReadUploadAsync(Stream content, string fileName, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = Path.GetFileName(string.IsNullOrWhiteSpace(fileName) ? "upload.json" : fileName);

        // Read into memory (bounded) without blocking a thread on the network, then parse from memory: no temporary file.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new InputException(name, "", $"the upload is larger than the limit of {maxBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return ScenarioLoader.Load(buffer, name, maxBytes);
    }
}
