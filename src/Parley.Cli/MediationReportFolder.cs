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
    /// Checks, before the session runs and without creating anything, that <paramref name="folder"/>
    /// can receive the report, so that a path that cannot hold it (a file, a folder without write
    /// access) is reported before any work is done or any result printed.
    /// </summary>
    /// <exception cref="InputException">The folder could not be written.</exception>
    public static void Prepare(string folder) => OutputPaths.CheckFolder("--report", folder);

    /// <summary>
    /// Writes the three files into <paramref name="folder"/> whole or not at all (see
    /// <see cref="OutputPaths.WriteFolder(string, string, Action{string}, CancellationToken)"/>): an interruption never leaves an empty or half-written report.
    /// </summary>
    /// <exception cref="InputException">A file cannot be written there.</exception>
    public static IReadOnlyList<string> Write(string folder, MediationResult result, Scenario scenario, CancellationToken cancellationToken = default) =>
        OutputPaths.WriteFolder(
            "--report",
            folder,
            [
                (Page, s => Text(s, MediationReportDocument.ToHtml(result, scenario))),
                (FinalText, s => Text(s, NegotiatingTextDocument.FinalMarkdown(result, scenario))),
                (Trace, s => Text(s, MediationJson.Trace(result, scenario).ToJsonString(JsonOutput.SerializerOptions) + "\n")),
            ],
            cancellationToken);

    private static void Text(Stream stream, string text) => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(text));
}
