using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Parley.Analysis.TwoLevel;

namespace Parley.Reports;

/// <summary>
/// The status-quo, ratification and robustness analysis as an HTML section for a report page: the
/// text of <see cref="TwoLevelReport"/> and, with a robustness result, the sensitivity chart inline.
/// </summary>
public static partial class TwoLevelHtml
{
    /// <summary>The section (a <c>&lt;section class="analysis"&gt;</c> element).</summary>
    public static string Section(TwoLevelAnalysis analysis, RobustnessResult? robustness, string title)
    {
        var sb = new StringBuilder();
        sb.Append("<section class=\"analysis\" id=\"analysis\"><h2>Today's situation, approval at home, and how sure the figures are</h2>\n");
        sb.Append(FromMarkdown(TwoLevelReport.ToMarkdown(analysis, robustness)));
        if (robustness is not null)
        {
            sb.Append("<figure>").Append(SensitivityPlot.Render(robustness, title)).Append("<figcaption>Which estimates the headline figure depends on most, and how often each candidate package still holds when the estimates vary.</figcaption></figure>\n");
        }

        sb.Append("</section>\n");
        return sb.ToString();
    }

    /// <summary>
    /// Converts the small Markdown subset <see cref="TwoLevelReport"/> writes (### headings, pipe
    /// tables, "- " lists, paragraphs, **bold**) to HTML; every text is escaped.
    /// </summary>
    public static string FromMarkdown(string markdown)
    {
        var sb = new StringBuilder();
        var lines = markdown.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n');
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                sb.Append("<h3>").Append(Inline(line[4..])).Append("</h3>\n");
                i++;
            }
            else if (line.StartsWith('|'))
            {
                sb.Append("<table>");
                var header = true;
                while (i < lines.Length && lines[i].StartsWith('|'))
                {
                    var cells = lines[i].Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                    if (cells.All(c => c.Length > 0 && c.All(ch => ch is '-' or ':')))
                    {
                        i++;
                        continue;
                    }

                    var tag = header ? "th" : "td";
                    sb.Append("<tr>");
                    foreach (var c in cells)
                    {
                        sb.Append('<').Append(tag).Append('>').Append(Inline(c)).Append("</").Append(tag).Append('>');
                    }

                    sb.Append("</tr>\n");
                    header = false;
                    i++;
                }

                sb.Append("</table>\n");
            }
            else if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                sb.Append("<ul>");
                while (i < lines.Length && lines[i].StartsWith("- ", StringComparison.Ordinal))
                {
                    sb.Append("<li>").Append(Inline(lines[i][2..])).Append("</li>\n");
                    i++;
                }

                sb.Append("</ul>\n");
            }
            else if (line.Trim().Length == 0)
            {
                i++;
            }
            else
            {
                sb.Append("<p>").Append(Inline(line)).Append("</p>\n");
                i++;
            }
        }

        return sb.ToString();
    }

    private static string Inline(string text) => Bold().Replace(WebUtility.HtmlEncode(text), "<strong>$1</strong>");

    [GeneratedRegex(@"\*\*(.+?)\*\*")]
    private static partial Regex Bold();
}
