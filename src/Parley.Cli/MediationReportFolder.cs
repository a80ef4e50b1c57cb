using Parley.Analysis.TwoLevel;
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
    public const string Analysis = "analysis.md";
    public const string Robustness = "robustness.svg";

    /// <summary>
    /// Creates <paramref name="folder"/> when missing, before the session runs, so that a path that
    /// cannot hold the report (a file, a folder without write access) is reported before any work
    /// is done or any result printed.
    /// </summary>
    /// <exception cref="InputException">The folder cannot be created.</exception>
    public static void Prepare(string folder) => Guard(folder, () => Directory.CreateDirectory(folder));

    /// <summary>
    /// Writes the three files into <paramref name="folder"/> (created when missing) and returns their
    /// paths; with an analysis, also analysis.md and (with a robustness result) robustness.svg, and the
    /// page carries the analysis section.
    /// </summary>
    /// <exception cref="InputException">A file cannot be written there.</exception>
    public static IReadOnlyList<string> Write(string folder, MediationResult result, Scenario scenario, TwoLevelAnalysis? analysis = null, RobustnessResult? robustness = null)
    {
        var page = Path.Combine(folder, Page);
        var text = Path.Combine(folder, FinalText);
        var trace = Path.Combine(folder, Trace);
        var files = new List<string> { page, text, trace };
        var title = $"{scenario.Name}: robustness";
        Guard(folder, () =>
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(page, MediationReportDocument.ToHtml(result, scenario, analysis is null ? null : TwoLevelHtml.Section(analysis, robustness, title)));
            File.WriteAllText(text, NegotiatingTextDocument.FinalMarkdown(result, scenario));
            File.WriteAllText(trace, MediationJson.Trace(result, scenario).ToJsonString(JsonOutput.SerializerOptions) + "\n");
            if (analysis is not null)
            {
                var md = Path.Combine(folder, Analysis);
                File.WriteAllText(md, TwoLevelReport.ToMarkdown(analysis, robustness));
                files.Add(md);
                if (robustness is not null)
                {
                    var svg = Path.Combine(folder, Robustness);
                    File.WriteAllText(svg, SensitivityPlot.Render(robustness, title));
                    files.Add(svg);
                }
            }
        });
        return files;
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
