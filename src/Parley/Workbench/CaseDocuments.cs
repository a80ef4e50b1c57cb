using System.Net;
using System.Text;

namespace Parley.Workbench;

/// <summary>The negotiating text of a case as a document (Markdown or HTML), as one audience may see it.</summary>
public static class CaseDocuments
{
    /// <summary>The text as Markdown: the adopted text article by article (each option's clause), the signed agreement once there is one (improved, when every delegation accepted the post-settlement offer), then the candidate of the open round.</summary>
    public static string ToMarkdown(MediationCase @case, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var view = @case.ViewFor(audience);
        var sb = new StringBuilder();
        sb.Append("# ").Append(view.Title).Append('\n').Append('\n');
        Section(sb, view, "The negotiating text", view.Text, markdown: true);
        if (Signed(@case, view) is { } signed)
        {
            Section(sb, view, signed.Heading, signed.Text, markdown: true);
        }

        if (Agreed(view) is { Count: > 0 } agreed)
        {
            Section(sb, view, "Articles agreed so far", agreed, markdown: true);
        }
        if (view.Round is { Open: true, Candidate: { } candidate })
        {
            Section(sb, view, $"Proposed in round {view.Round.Number}", candidate, markdown: true);
        }

        return sb.ToString();
    }

    /// <summary>The same document as a standalone HTML page (every text escaped).</summary>
    public static string ToHtml(MediationCase @case, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var view = @case.ViewFor(audience);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(E(view.Title)).Append("</title></head><body>\n");
        sb.Append("<h1>").Append(E(view.Title)).Append("</h1>\n");
        Section(sb, view, "The negotiating text", view.Text, markdown: false);
        if (Signed(@case, view) is { } signed)
        {
            Section(sb, view, signed.Heading, signed.Text, markdown: false);
        }

        if (Agreed(view) is { Count: > 0 } agreed)
        {
            Section(sb, view, "Articles agreed so far", agreed, markdown: false);
        }
        if (view.Round is { Open: true, Candidate: { } candidate })
        {
            Section(sb, view, $"Proposed in round {view.Round.Number}", candidate, markdown: false);
        }

        sb.Append("</body></html>\n");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, CaseView view, string heading, IReadOnlyDictionary<string, string>? text, bool markdown)
    {
        sb.Append(markdown ? "## " + heading + "\n\n" : "<h2>" + E(heading) + "</h2>\n");
        if (text is null)
        {
            sb.Append(markdown ? "No text has been adopted yet.\n\n" : "<p>No text has been adopted yet.</p>\n");
            return;
        }

        var article = 0;
        if (!markdown)
        {
            sb.Append("<ol>\n");
        }

        foreach (var issue in view.Issues)
        {
            article++;
            if (!text.TryGetValue(issue.Name, out var option))
            {
                continue;
            }

            var clause = issue.Clauses.TryGetValue(option, out var c) ? c : option;
            if (markdown)
            {
                sb.Append(article).Append(". **").Append(issue.Name).Append("** (").Append(option).Append("): ").Append(clause).Append('\n');
            }
            else
            {
                sb.Append("<li value=\"").Append(article).Append("\"><strong>").Append(E(issue.Name)).Append("</strong> (").Append(E(option)).Append("): ").Append(E(clause)).Append("</li>\n");
            }
        }

        sb.Append(markdown ? "\n" : "</ol>\n");
    }

    // The signed agreement, once there is one and this audience sees the public record: the improved text
    // once every delegation accepted the post-settlement offer.
    private static (string Heading, IReadOnlyDictionary<string, string> Text)? Signed(MediationCase @case, CaseView view)
    {
        if (view.Round is null || @case.SignedAgreement is not { } signed)
        {
            return null;
        }

        var heading = @case.ImprovementAdopted == true ? "The signed agreement (improved after signature: every delegation accepted)"
            : signed.IsComplete ? "The signed agreement" : "The signed agreement (the articles signed one by one)";
        return (heading, @case.TextOf(signed));
    }

    // The agreed articles as this audience sees them: from the records its view holds.
    private static Dictionary<string, string> Agreed(CaseView view)
    {
        var agreed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in view.Record)
        {
            if (r.Event is AgreementRecorded a)
            {
                foreach (var (issue, option) in a.Articles)
                {
                    agreed[issue] = option;
                }
            }
        }

        return agreed;
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
