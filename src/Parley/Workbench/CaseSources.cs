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
        var extension = Path.GetExtension(name).ToLowerInvariant() is ".xml" ? ".xml" : ".json";
        var folder = Directory.CreateTempSubdirectory("parley-upload-");
        try
        {
            var path = Path.Combine(folder.FullName, Path.GetFileNameWithoutExtension(name) + extension);
            await using (var file = File.Create(path))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        throw new InputException(name, "", $"the upload is larger than the limit of {maxBytes} bytes");
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                }
            }

            try
            {
                return ScenarioLoader.Load(path);
            }
            catch (InputException e)
            {
                // Name the uploaded file, not the temporary copy.
                throw new InputException(name, e.Location, e.Problem, e);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
