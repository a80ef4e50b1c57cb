using System.Globalization;
using System.Net;
using System.Text;
using Parley.Domains;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// The negotiating text as a document a diplomat reads: numbered articles (the issue's description
/// as heading, the chosen option's clause), a version number, agreed / proposed / open marks, the
/// changes since the previous version, and the final text of what was agreed; as Markdown or HTML.
/// </summary>
/// <remarks>
/// Clause text comes from <see cref="IssueOption.Clause"/> (categorical issues) or
/// <see cref="NumericIssue.ClauseTemplate"/> with <c>{value}</c> replaced (numeric issues); without
/// either, "issue: value". An open article reads "[open]" followed by each party's position.
/// </remarks>
public static class NegotiatingTextDocument
{
    /// <summary>The clause for level <paramref name="level"/> of <paramref name="issue"/>.</summary>
    public static string Clause(Issue issue, int level)
    {
        switch (issue)
        {
            case CategoricalIssue c when !string.IsNullOrWhiteSpace(c.Options[level].Clause):
                return c.Options[level].Clause!;
            case NumericIssue n when !string.IsNullOrWhiteSpace(n.ClauseTemplate):
                return n.ClauseTemplate!.Replace("{value}", n.FormatLevel(level), StringComparison.Ordinal);
            default:
                return $"{issue.Name}: {issue.FormatLevel(level)}";
        }
    }

    /// <summary>The article heading: the issue's description (without a closing full stop), or its name.</summary>
    public static string Heading(Issue issue) =>
        string.IsNullOrWhiteSpace(issue.Description) ? issue.Name : issue.Description!.Trim().TrimEnd('.');

    /// <summary>The mark of a status in Markdown: "agreed", "proposed" or "open".</summary>
    public static string Mark(ArticleStatus status) => status switch
    {
        ArticleStatus.Agreed => "agreed",
        ArticleStatus.Proposed => "proposed",
        _ => "open",
    };

    /// <summary>One version of the text as Markdown, with the changes since <paramref name="previous"/> and, for open articles, the positions in <paramref name="gaps"/>.</summary>
    public static string ToMarkdown(NegotiatingText text, NegotiatingText? previous = null, PartialAgreement? gaps = null, string? title = null)
    {
        var sb = new StringBuilder();
        var domain = text.Domain;
        sb.Append(CultureInfo.InvariantCulture, $"# {title ?? "Negotiating text"}: version {text.Version}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"{text.AgreedCount} of {Wording.Count(domain.IssueCount, "article")} agreed.");
        if (!string.IsNullOrWhiteSpace(text.Note))
        {
            sb.Append(CultureInfo.InvariantCulture, $" {text.Note}");
        }

        sb.Append("\n\n");
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var issue = domain.Issues[i];
            sb.Append(CultureInfo.InvariantCulture, $"## Article {i + 1}. {Heading(issue)} [{Mark(text.Statuses[i])}]\n\n");
            if (text.Draft[i] == PartialOutcome.Open)
            {
                sb.Append("[open]\n\n");
                AppendPositionsMarkdown(sb, domain, gaps, i);
            }
            else
            {
                sb.Append(Clause(issue, text.Draft[i])).Append("\n\n");
            }
        }

        if (previous is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"## Changes since version {previous.Version}\n\n");
            var changed = text.ChangedFrom(previous);
            if (changed.Count == 0)
            {
                sb.Append("None.\n\n");
            }

            foreach (var i in changed)
            {
                sb.Append(CultureInfo.InvariantCulture, $"- Article {i + 1} ({domain.Issues[i].Name}): ");
                sb.Append(CultureInfo.InvariantCulture, $"~~{ClauseOrOpen(domain, i, previous.Draft[i])}~~ ({Mark(previous.Statuses[i])}) → {ClauseOrOpen(domain, i, text.Draft[i])} ({Mark(text.Statuses[i])})\n");
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>The final text of what was agreed, as Markdown: the agreed articles, numbered, then the open issues with their gaps and the package that would close them.</summary>
    public static string FinalMarkdown(MediationResult result, Scenario scenario)
    {
        var sb = new StringBuilder();
        var domain = scenario.Domain;
        var agreed = result.Agreement.Agreed;
        var title = scenario.Metadata.Title ?? scenario.Name;
        sb.Append(CultureInfo.InvariantCulture, $"# {title}: agreed text\n\n");
        var meta = string.Join(", ", new[] { scenario.Metadata.Location, scenario.Metadata.Date }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (meta.Length > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{meta}. ");
        }

        sb.Append(CultureInfo.InvariantCulture, $"Version {result.FinalText.Version} of the negotiating text; mediator strategy: {result.Mediator}; outcome: {EndReasonText(result.EndReason)} ({agreed.SettledCount} of {Wording.Count(domain.IssueCount, "article")} agreed).\n\n");
        var n = 0;
        for (var i = 0; i < domain.IssueCount; i++)
        {
            if (agreed.IsSettled(i))
            {
                sb.Append(CultureInfo.InvariantCulture, $"## Article {++n}. {Heading(domain.Issues[i])}\n\n{Clause(domain.Issues[i], agreed[i])}\n\n");
            }
        }

        if (n == 0)
        {
            sb.Append("No article was agreed.\n\n");
        }

        if (result.Agreement.OpenIssues.Count > 0)
        {
            sb.Append("## Open issues (not part of the agreement)\n\n");
            foreach (var gap in result.Agreement.OpenIssues)
            {
                sb.Append(CultureInfo.InvariantCulture, $"### {Heading(domain.Issues[gap.Issue])}\n\n");
                AppendPositionsMarkdown(sb, domain, result.Agreement, gap.Issue);
                var zone = gap.ZoneOfAgreement.Count == 0 ? "none" : string.Join(", ", gap.ZoneOfAgreement.Select(domain.Issues[gap.Issue].FormatLevel));
                sb.Append(CultureInfo.InvariantCulture, $"Clauses every party accepts on this article alone: {zone}.\n\n");
                if (gap.ClosingLevel is { } c)
                {
                    var movers = gap.Moves.Count == 0 ? "nobody" : string.Join(", ", gap.Moves.Select(m => $"{m.Party} (gives up {m.Concession.ToString("0.00", CultureInfo.InvariantCulture)} of the issue's value)"));
                    sb.Append(CultureInfo.InvariantCulture, $"In the package that would close the gap: {Clause(domain.Issues[gap.Issue], c)} Who would have to move: {movers}.\n\n");
                }
            }

            if (result.Agreement.ClosingPackage is null)
            {
                sb.Append("No package that keeps the agreed articles is acceptable to every party.\n\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>The end reason in words.</summary>
    public static string EndReasonText(EndReason reason) => reason switch
    {
        EndReason.Agreement => "full agreement",
        EndReason.Partial => "partial agreement",
        EndReason.Deadline => "no agreement by the deadline",
        _ => "failure",
    };

    /// <summary>One version of the text as an HTML fragment (an &lt;article&gt; per issue) with the changes since <paramref name="previous"/> marked.</summary>
    public static string ToHtmlFragment(NegotiatingText text, NegotiatingText? previous, PartialAgreement? gaps)
    {
        var sb = new StringBuilder();
        var domain = text.Domain;
        var changed = previous is null ? [] : new HashSet<int>(text.ChangedFrom(previous));
        sb.Append("<ol class=\"articles\">\n");
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var issue = domain.Issues[i];
            var status = Mark(text.Statuses[i]);
            var cls = changed.Contains(i) ? $"{status} changed" : status;
            sb.Append(CultureInfo.InvariantCulture, $"<li class=\"article {cls}\"><div class=\"head\"><span class=\"num\">Article {i + 1}</span> <span class=\"title\">{E(Heading(issue))}</span> <span class=\"mark {status}\">{status}</span></div>\n");
            if (changed.Contains(i) && previous is not null && previous.Draft[i] != text.Draft[i])
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p class=\"clause\"><del>{E(ClauseOrOpen(domain, i, previous.Draft[i]))}</del><br><ins>{E(ClauseOrOpen(domain, i, text.Draft[i]))}</ins></p>\n");
            }
            else if (text.Draft[i] == PartialOutcome.Open)
            {
                sb.Append("<p class=\"clause open\">[open]</p>\n");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p class=\"clause\">{E(Clause(issue, text.Draft[i]))}</p>\n");
            }

            if (text.Draft[i] == PartialOutcome.Open && gaps?.OpenIssues.FirstOrDefault(g => g.Issue == i) is { } gap)
            {
                sb.Append("<ul class=\"positions\">");
                foreach (var p in gap.Positions)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"<li><b>{E(p.Party)}</b>: {E(Clause(issue, p.Level))}</li>");
                }

                sb.Append("</ul>\n");
            }

            sb.Append("</li>\n");
        }

        sb.Append("</ol>\n");
        return sb.ToString();
    }

    /// <summary>HTML-escapes <paramref name="s"/>.</summary>
    public static string E(string s) => WebUtility.HtmlEncode(s);

    private static string ClauseOrOpen(Domain domain, int issue, int level) => level == PartialOutcome.Open ? "[open]" : Clause(domain.Issues[issue], level);

    private static void AppendPositionsMarkdown(StringBuilder sb, Domain domain, PartialAgreement? gaps, int issue)
    {
        var gap = gaps?.OpenIssues.FirstOrDefault(g => g.Issue == issue);
        if (gap is null)
        {
            return;
        }

        foreach (var p in gap.Positions)
        {
            sb.Append(CultureInfo.InvariantCulture, $"- {p.Party}: {Clause(domain.Issues[issue], p.Level)}\n");
        }

        sb.Append('\n');
    }
}
