using System.Text.Encodings.Web;
using System.Text.Json;
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

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the three files into <paramref name="folder"/> (created when missing) and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, MediationResult result, Scenario scenario)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var page = Path.Combine(folder, Page);
            var text = Path.Combine(folder, FinalText);
            var trace = Path.Combine(folder, Trace);
            File.WriteAllText(page, MediationReportDocument.ToHtml(result, scenario));
            File.WriteAllText(text, NegotiatingTextDocument.FinalMarkdown(result, scenario));
            File.WriteAllText(trace, MediationJson.Trace(result, scenario).ToJsonString(Json) + "\n");
            return [page, text, trace];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(folder, "", $"cannot write the report there: {ex.Message}", ex);
        }
    }
}
