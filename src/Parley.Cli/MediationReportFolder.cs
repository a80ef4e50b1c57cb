using Parley.Analysis.TwoLevel;
using Parley.Mediation;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Cli;

/// <summary>Writes a mediated session's report folder: the HTML page, the final text in Markdown and the trace as JSON (and, with an analysis, analysis.md and robustness.svg).</summary>
internal static class MediationReportFolder
{
    public const string Page = "index.html";
    public const string FinalText = "final-text.md";
    public const string Trace = "trace.json";
    public const string Analysis = "analysis.md";
    public const string Robustness = "robustness.svg";

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
        Write(folder, result, scenario, null, null, cancellationToken);

    /// <summary>
    /// As <see cref="Write(string, MediationResult, Scenario, CancellationToken)"/>; with an analysis the page carries
    /// its section, and analysis.md (and, with a robustness result, robustness.svg) are written too.
    /// </summary>
    /// <exception cref="InputException">A file cannot be written there.</exception>
    public static IReadOnlyList<string> Write(string folder, MediationResult result, Scenario scenario, TwoLevelAnalysis? analysis, RobustnessResult? robustness, CancellationToken cancellationToken = default)
    {
        var title = $"{scenario.Metadata.Title ?? scenario.Name}: how sure the figures are";
        var files = new List<(string Name, Action<Stream> Write)>
        {
            (Page, s => Text(s, MediationReportDocument.ToHtml(result, scenario, analysis is null ? null : TwoLevelHtml.Section(analysis, robustness, title)))),
            (FinalText, s => Text(s, NegotiatingTextDocument.FinalMarkdown(result, scenario))),
            (Trace, s => JsonText.WriteTo(MediationJson.Trace(result, scenario, analysis is null ? null : new MediationCandidates(analysis, robustness)), s)),
        };
        if (analysis is not null)
        {
            files.Add((Analysis, s => Text(s, TwoLevelReport.ToMarkdown(analysis, robustness))));
            if (robustness is not null)
            {
                files.Add((Robustness, s => Text(s, SensitivityPlot.Render(robustness, title))));
            }
        }

        return OutputPaths.WriteFolder("--report", folder, files, cancellationToken);
    }

    private static void Text(Stream stream, string text) => stream.Write(new System.Text.UTF8Encoding(false).GetBytes(text));
}
