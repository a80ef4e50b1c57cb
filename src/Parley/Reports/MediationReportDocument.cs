using System.Globalization;
using System.Text;
using Parley.Mediation;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// The report of a mediated session as one self-contained HTML page (inline CSS and SVG,
/// print-friendly): the outcome, the figures, the final text, the open issues with their gaps
/// and the packages that would close them, and every version of the negotiating text with its changes.
/// </summary>
public static class MediationReportDocument
{
    /// <summary>Renders the page.</summary>
    public static string ToHtml(MediationResult result, Scenario scenario)
    {
        static string E(string s) => NegotiatingTextDocument.E(s);
        var domain = scenario.Domain;
        var agreement = result.Agreement;
        var parties = scenario.Negotiators;
        var title = scenario.Metadata.Title ?? scenario.Name;
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<title>{E(title)}: mediation report</title>\n<style>{Css}</style></head><body>\n<main>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<header><p class=\"kicker\">Parley · mediation report</p><h1>{E(title)}</h1>\n");
        var meta = string.Join(" · ", new[] { scenario.Metadata.Location, scenario.Metadata.Date, scenario.Mediator is { } m ? $"mediator: {m.Name}" : null }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (meta.Length > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"meta\">{E(meta)}</p>\n");
        }

        sb.Append("</header>\n");

        // Outcome summary.
        var cls = result.EndReason switch { MediationEndReason.Agreement => "ok", MediationEndReason.Partial => "partial", _ => "fail" };
        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"summary\"><div class=\"outcome {cls}\">{E(NegotiatingTextDocument.EndReasonText(result.EndReason))}</div>\n<dl>");
        sb.Append(CultureInfo.InvariantCulture, $"<dt>Articles agreed</dt><dd>{agreement.Agreed.SettledCount} of {domain.IssueCount}</dd>");
        sb.Append(CultureInfo.InvariantCulture, $"<dt>Mediator</dt><dd>{E(result.Mediator)} · {E(result.Protocol.ToString().ToLowerInvariant())}{(result.Trace.Any(r => r.Issue is not null) ? " · issue by issue" : "")}</dd>");
        sb.Append(CultureInfo.InvariantCulture, $"<dt>Parties' strategies</dt><dd>{E(string.Join(", ", result.PartyNames.Select((n, i) => $"{n}: {result.Voters[i]}")))}</dd>");
        sb.Append(CultureInfo.InvariantCulture, $"<dt>Rounds · versions</dt><dd>{result.Rounds} · {result.Versions.Count}</dd>");
        sb.Append("<dt>Utility of what was agreed</dt><dd>");
        sb.Append(string.Join(" · ", result.PartyNames.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{E(n)} {result.Utilities[i]:0.00} (reservation {parties[i].Profile!.ReservationValue:0.00})"))));
        sb.Append("</dd></dl>");
        if (result.FailureMessage is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"failure\">{E(result.FailureMessage)}</p>");
        }

        sb.Append("</section>\n");

        // Figures.
        sb.Append("<section class=\"figures\"><h2>Figures</h2><div class=\"figrow\">\n");
        sb.Append("<figure>").Append(MediationPlots.UtilityOverRounds(result, scenario)).Append("<figcaption>Each party's utility of every text put to it (faint dots: rejected, solid: adopted; line: the text in force); dashed: reservation values.</figcaption></figure>\n");
        if (MediationPlots.UtilityPlane(result, scenario) is { } plane)
        {
            sb.Append("<figure>").Append(plane).Append("<figcaption>Texts in the utility plane; shaded: both above their reservation values.</figcaption></figure>\n");
        }

        sb.Append("</div></section>\n");

        // Articles: final status with zones and gaps.
        sb.Append("<section><h2>Where each article stands</h2><table class=\"gaps\"><thead><tr><th>#</th><th>Article</th><th>Status</th><th>Clauses all accept alone</th>");
        foreach (var p in parties)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th>{E(p.Name)}'s position</th>");
        }

        sb.Append("<th>Closing package</th><th>Who moves</th></tr></thead><tbody>\n");
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var issue = domain.Issues[i];
            var gap = agreement.OpenIssues.FirstOrDefault(g => g.Issue == i);
            var zone = agreement.ZonesOfAgreement[i];
            sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"{(gap is null ? "agreed" : "open")}\"><td>{i + 1}</td><td>{E(issue.Name)}</td><td><span class=\"mark {(gap is null ? "agreed" : "open")}\">{(gap is null ? "agreed" : "open")}</span></td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td>{(zone.Count == 0 ? "<em>none</em>" : E(string.Join(", ", zone.Select(issue.FormatLevel))))}</td>");
            if (gap is null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<td colspan=\"{parties.Count}\">{E(issue.FormatLevel(agreement.Agreed[i]))}</td><td></td><td></td></tr>\n");
                continue;
            }

            foreach (var pos in gap.Positions)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<td>{E(issue.FormatLevel(pos.Level))}</td>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<td>{(gap.ClosingLevel is { } c ? E(issue.FormatLevel(c)) : "<em>none</em>")}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join(", ", gap.Moves.Select(mv => string.Create(CultureInfo.InvariantCulture, $"{mv.Party} (−{mv.Concession:0.00})"))))}</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
        sb.Append(PackageLine("Package that would close the remaining gap", agreement.ClosingPackage, scenario));
        sb.Append(PackageLine("Nash package over the whole text (for comparison)", agreement.NashPackage, scenario));
        sb.Append("</section>\n");

        // Final text.
        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"text final\"><h2>Final text <span class=\"version\">version {result.FinalText.Version}</span></h2>\n");
        sb.Append(NegotiatingTextDocument.ToHtmlFragment(result.FinalText, null, agreement));
        sb.Append("</section>\n");

        // Versions, newest first, each with its changes.
        sb.Append("<section class=\"versions\"><h2>Versions of the text</h2>\n");
        for (var v = result.Versions.Count - 1; v >= 0; v--)
        {
            var text = result.Versions[v];
            var previous = v > 0 ? result.Versions[v - 1] : null;
            var changes = text.ChangedFrom(previous);
            sb.Append(CultureInfo.InvariantCulture, $"<div class=\"version-entry\"><h3>Version {text.Version} <span class=\"count\">{text.AgreedCount}/{domain.IssueCount} agreed</span></h3>");
            if (!string.IsNullOrWhiteSpace(text.Note))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<p class=\"note\">{E(text.Note!)}</p>");
            }

            if (previous is not null && changes.Count > 0)
            {
                sb.Append("<ul class=\"diff\">");
                foreach (var i in changes)
                {
                    var issue = domain.Issues[i];
                    var before = previous.Draft[i] < 0 ? "[open]" : issue.FormatLevel(previous.Draft[i]);
                    var after = text.Draft[i] < 0 ? "[open]" : issue.FormatLevel(text.Draft[i]);
                    sb.Append(CultureInfo.InvariantCulture, $"<li>Art. {i + 1} {E(issue.Name)}: <del>{E(before)}</del> → <ins>{E(after)}</ins> <span class=\"mark {NegotiatingTextDocument.Mark(text.Statuses[i])}\">{NegotiatingTextDocument.Mark(text.Statuses[i])}</span></li>");
                }

                sb.Append("</ul>");
            }

            sb.Append("</div>\n");
        }

        sb.Append("</section>\n");
        if (scenario.Metadata.Sources is { Count: > 0 } sources)
        {
            sb.Append("<section class=\"sources\"><h2>Sources</h2><ul>");
            foreach (var s in sources)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li>{E(s)}</li>");
            }

            sb.Append("</ul><p>Weights, values and reservation values are the scenario's modelling assumptions, not reported facts.</p></section>\n");
        }

        sb.Append("<footer>Generated by Parley. Utilities are modelling assumptions; see the scenario file.</footer>\n</main></body></html>\n");
        return sb.ToString();
    }

    private static string PackageLine(string label, Domains.Outcome? package, Scenario scenario)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"package\"><b>{NegotiatingTextDocument.E(label)}:</b> ");
        if (package is null)
        {
            sb.Append("none: no package gives every party its reservation value without crossing a red line.</p>\n");
            return sb.ToString();
        }

        sb.Append(NegotiatingTextDocument.E(string.Join("; ", scenario.Domain.Describe(package).Select(kv => $"{kv.Key} = {kv.Value}"))));
        var utilities = scenario.Negotiators.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Name} {p.Profile!.Utility(package):0.00}"));
        sb.Append(CultureInfo.InvariantCulture, $" <span class=\"u\">({NegotiatingTextDocument.E(string.Join(", ", utilities))})</span></p>\n");
        return sb.ToString();
    }

    private const string Css = """
        :root { --ink:#1d2430; --muted:#5b6472; --line:#d9dde3; --ok:#2e8b57; --warn:#d68910; --bad:#c0392b; --accent:#1f5fa8; }
        * { box-sizing: border-box; }
        body { margin:0; background:#f4f5f7; color:var(--ink); font:15px/1.5 Georgia, 'Times New Roman', serif; }
        main { max-width: 1080px; margin: 0 auto; background:#fff; padding: 32px 44px 40px; }
        header { border-bottom: 3px double var(--ink); margin-bottom: 18px; }
        .kicker { font: 600 12px/1 Helvetica, Arial, sans-serif; letter-spacing: .12em; text-transform: uppercase; color: var(--accent); margin: 0 0 6px; }
        h1 { font-size: 28px; margin: 0 0 4px; }
        h2 { font: 600 17px/1.3 Helvetica, Arial, sans-serif; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
        h3 { font: 600 14px/1.3 Helvetica, Arial, sans-serif; margin: 0 0 4px; }
        .meta { color: var(--muted); margin: 0 0 12px; }
        .summary { display:flex; gap: 24px; align-items:flex-start; font-family: Helvetica, Arial, sans-serif; font-size: 13px; }
        .outcome { font: 700 18px/1.2 Helvetica, Arial, sans-serif; padding: 14px 18px; border-radius: 6px; color:#fff; min-width: 190px; text-align:center; }
        .outcome.ok { background: var(--ok); } .outcome.partial { background: var(--warn); } .outcome.fail { background: var(--bad); }
        dl { display:grid; grid-template-columns: max-content 1fr; gap: 3px 14px; margin: 0; }
        dt { color: var(--muted); } dd { margin: 0; }
        .figrow { display:flex; flex-wrap: wrap; gap: 18px; }
        figure { margin: 0; } figcaption { font: 12px/1.4 Helvetica, Arial, sans-serif; color: var(--muted); max-width: 560px; }
        table.gaps { border-collapse: collapse; width: 100%; font: 12.5px/1.35 Helvetica, Arial, sans-serif; }
        table.gaps th, table.gaps td { border-bottom: 1px solid var(--line); padding: 5px 6px; text-align: left; vertical-align: top; }
        table.gaps th { background: #f0f2f5; }
        .mark { font: 600 10.5px/1 Helvetica, Arial, sans-serif; text-transform: uppercase; letter-spacing: .05em; padding: 3px 6px; border-radius: 3px; color: #fff; white-space: nowrap; }
        .mark.agreed { background: var(--ok); } .mark.open { background: var(--bad); } .mark.proposed { background: var(--warn); }
        .package { font: 13px/1.45 Helvetica, Arial, sans-serif; margin: 8px 0; } .package .u { color: var(--muted); }
        ol.articles { list-style: none; padding: 0; margin: 0; }
        li.article { border-left: 4px solid var(--line); padding: 6px 12px; margin: 0 0 10px; }
        li.article.agreed { border-color: var(--ok); } li.article.open { border-color: var(--bad); } li.article.proposed { border-color: var(--warn); }
        li.article.changed { background: #fffbea; }
        .head { font: 600 13.5px/1.3 Helvetica, Arial, sans-serif; display:flex; gap: 8px; align-items: center; }
        .head .num { color: var(--muted); min-width: 70px; }
        .head .title { flex: 1; }
        .clause { margin: 4px 0 2px 78px; } .clause.open { color: var(--bad); font-style: italic; }
        ul.positions { margin: 2px 0 4px 78px; padding-left: 18px; font-size: 13.5px; color: var(--muted); }
        del { color: var(--bad); } ins { color: var(--ok); text-decoration: none; border-bottom: 1px solid var(--ok); }
        .version { font-weight: 400; color: var(--muted); font-size: 13px; }
        .versions .version-entry { border-bottom: 1px dotted var(--line); padding: 6px 0; break-inside: avoid; }
        .versions .count { font-weight: 400; color: var(--muted); font-size: 12px; margin-left: 6px; }
        .note { margin: 0 0 2px; font-size: 13.5px; } ul.diff { margin: 2px 0; font: 12.5px/1.4 Helvetica, Arial, sans-serif; }
        .failure { color: var(--bad); }
        .sources, footer { font: 12px/1.45 Helvetica, Arial, sans-serif; color: var(--muted); }
        footer { margin-top: 28px; border-top: 1px solid var(--line); padding-top: 8px; }
        @media print { body { background:#fff; } main { padding: 0; max-width: none; } h2 { break-after: avoid; } li.article, tr, figure { break-inside: avoid; } .outcome { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """;
}
