using Parley.Mediation;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Cli;

/// <summary>Writes a mediated session's report folder: the HTML page, the final text in Markdown and the trace as JSON.</summary>
internal static class MediationReportFolder
{
    public const string Page = "index.html";
    public const string FinalText = "final-text.md";
    public const string Trace = "trace.json";

    /// <summary>
    /// Creates <paramref name="folder"/> when missing, before the session runs, so that a path that
    /// cannot hold the report (a file, a folder without write access) is reported before any work
    /// is done or any result printed.
    /// </summary>
    /// <exception cref="InputException">The folder cannot be created.</exception>
    public static void Prepare(string folder) => Guard(folder, () => Directory.CreateDirectory(folder));

    /// <summary>Writes the three files into <paramref name="folder"/> (created when missing) and returns their paths.</summary>
    /// <exception cref="InputException">A file cannot be written there.</exception>
    public static IReadOnlyList<string> Write(string folder, MediationResult result, Scenario scenario)
    {
        var page = Path.Combine(folder, Page);
        var text = Path.Combine(folder, FinalText);
        var trace = Path.Combine(folder, Trace);
        Guard(folder, () =>
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(page, MediationReportDocument.ToHtml(result, scenario));
            File.WriteAllText(text, NegotiatingTextDocument.FinalMarkdown(result, scenario));
            File.WriteAllText(trace, MediationJson.Trace(result, scenario).ToJsonString(JsonOutput.SerializerOptions) + "\n");
        });
        return [page, text, trace];
    }

    private static void Guard(string folder, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(folder, "", $"cannot write the report there: {ex.Message}", ex);
        }
    }
}
