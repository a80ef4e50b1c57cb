using System.Globalization;
using System.Text;
using Parley.Mediation;
using Parley.Protocols;
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
    public static string ToHtml(MediationResult result, Scenario scenario) => ToHtml(result, scenario, null);

    /// <summary>Renders the page with <paramref name="analysisSection"/> (an HTML section, for example <see cref="TwoLevelHtml.Section"/>) before the versions of the text.</summary>
    public static string ToHtml(MediationResult result, Scenario scenario, string? analysisSection)
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
        var cls = result.EndReason switch { EndReason.Agreement => "ok", EndReason.Partial => "partial", _ => "fail" };
        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"summary\"><div class=\"outcome {cls}\">{E(NegotiatingTextDocument.EndReasonText(result.EndReason))}</div>\n<dl>");
        sb.Append(CultureInfo.InvariantCulture, $"<dt>Articles agreed</dt><dd>{agreement.Agreed.SettledCount} of {domain.IssueCount}</dd>");
        sb.Append(CultureInfo.InvariantCulture, $"<dt>Mediator</dt><dd>{E(result.Mediator)} · {E(result.Protocol.ToString().ToLowerInvariant())}{(result.Trace.Any(r => r.Issue is not null) ? " · issue by issue" : "")}</dd>");
        sb.Append(CultureInfo.InvariantCulture, $"<dt>Parties' strategies</dt><dd>{E(string.Join(", ", result.PartyNames.Select((n, i) => $"{n}: {result.Voters[i]}")))}</dd>");
        sb.Append(CultureInfo.InvariantCulture, $"<dt>Rounds · versions</dt><dd>{Wording.Number(result.Rounds)} · {Wording.Number(result.VersionCount)}");
        if (result.Rounds > 0 && result.Acceptances.Count == result.PartyNames.Count)
        {
            sb.Append(CultureInfo.InvariantCulture, $" <span class=\"hint\">(adopted in {Wording.Count(result.AdoptedRounds, "round")}; accepted by {E(string.Join(", ", result.PartyNames.Select((n, i) => $"{n} in {Wording.Number(result.Acceptances[i])}")))})</span>");
        }

        sb.Append("</dd>");
        sb.Append("<dt>Value of what was agreed (0–1)</dt><dd>").Append(agreement.IsComplete ? "" : scenario.StatusQuo is null ? "<span class=\"hint\">agreed articles only:</span> " : "<span class=\"hint\">today's situation with the agreed articles:</span> ");
        sb.Append(string.Join(" · ", result.PartyNames.Select((n, i) => string.Create(CultureInfo.InvariantCulture, $"{E(n)} {result.Utilities[i]:0.00} (walk-away {parties[i].Profile!.ReservationValue:0.00})"))));
        sb.Append("</dd></dl>");
        if (result.FailureMessage is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"failure\">{E(result.FailureMessage)}</p>");
        }

        sb.Append("</section>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<p class=\"lede\">{Lede(result, scenario)}</p>\n");

        // Figures.
        var byIssue = result.Trace.Any(r => r.Issue is not null);
        sb.Append("<section class=\"figures\"><h2>Figures</h2><div class=\"figrow\">\n");
        var overRounds = byIssue
            ? (scenario.StatusQuo is null
                ? "Each party's value (0 to 1) of the articles agreed so far, round by round (open articles count 0); dashed: walk-away values; dotted: each party's value of the package that would close the gap; diamond at the end: what the result reports."
                : "Each party's value (0 to 1) of the articles agreed so far, round by round (open articles stay as today); dashed: walk-away values (today's situation); dotted: each party's value of the package that would close the gap; diamond at the end: what the result reports.")
            : "Each party's value (0 to 1) of every text put to it (faint dots: rejected, solid: adopted; line: the text on the table, which is not agreed until every party signs it); dashed: walk-away values; diamond at the end: what the result reports (the agreement, or the agreed articles alone).";
        if (!result.IsTraceComplete)
        {
            overRounds += string.Create(CultureInfo.InvariantCulture, $" A long session: the figure draws {Wording.Number(result.Trace.Count)} of its {Wording.Number(result.Rounds)} rounds (the first and last {Wording.Number(SingleTextNegotiation.KeptAtEachEnd)} and an evenly spaced sample between).");
        }

        sb.Append("<figure>").Append(MediationPlots.UtilityOverRounds(result, scenario)).Append(CultureInfo.InvariantCulture, $"<figcaption>{E(overRounds)}</figcaption></figure>\n");
        if (MediationPlots.UtilityPlane(result, scenario) is { } plane)
        {
            var planeCaption = byIssue
                ? "The value of the agreed articles to each side (0 to 1), version by version, against the packages a trusted mediator would table; shaded: better than walking away for both."
                : "The value of every text put to the parties to each side (0 to 1); shaded: better than walking away for both.";
            sb.Append("<figure>").Append(plane).Append(CultureInfo.InvariantCulture, $"<figcaption>{E(planeCaption)}</figcaption></figure>\n");
        }

        sb.Append("</div>\n<figure class=\"wide\">").Append(MediationPlots.TextTimeline(result, scenario)).Append("<figcaption>The negotiating text, version by version: each column is a version, each row an article.</figcaption></figure>\n");
        sb.Append("</section>\n");

        // Articles: where each stands, in words a diplomat reads without a glossary.
        sb.Append("<section><h2>Where each article stands</h2><p class=\"hint\">For each article still open: what each side wants, the clauses every side would accept on that article alone, the clause of the package that would close the gap, and who would have to give ground for it (how much of what the article is worth to that side, out of 100).</p>");
        sb.Append("<table class=\"gaps\"><thead><tr><th>No.</th><th>Article</th><th>Where it stands</th><th>Clauses every side accepts on this article alone</th>");
        foreach (var p in parties)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th>{E(p.Name)} wants</th>");
        }

        sb.Append("<th>Clause that would close the gap</th><th>Who would give ground, and how much</th></tr></thead><tbody>\n");
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var issue = domain.Issues[i];
            var gap = agreement.OpenIssues.FirstOrDefault(g => g.Issue == i);
            var zone = agreement.ZonesOfAgreement[i];
            string Option(int level) => E(Wording.Words(issue.FormatLevel(level)));
            sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"{(gap is null ? "agreed" : "open")}\"><td>{i + 1}</td><td>{E(Wording.Words(issue.Name))}</td><td><span class=\"mark {(gap is null ? "agreed" : "open")}\">{(gap is null ? "Agreed" : "Still open")}</span></td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td>{(zone.Count == 0 ? "<em>None</em>" : string.Join(", ", zone.Select(Option)))}</td>");
            if (gap is null)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<td colspan=\"{parties.Count}\">Agreed: {Option(agreement.Agreed[i])}</td><td></td><td></td></tr>\n");
                continue;
            }

            foreach (var pos in gap.Positions)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<td>{Option(pos.Level)}</td>");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<td>{(gap.ClosingLevel is { } c ? Option(c) : "<em>None</em>")}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td>{E(string.Join(", ", gap.Moves.Select(mv => string.Create(CultureInfo.InvariantCulture, $"{mv.Party} gives up {Math.Round(mv.Concession * 100, MidpointRounding.AwayFromZero):0} of 100"))))}</td></tr>\n");
        }

        sb.Append("</tbody></table>\n");
        sb.Append("</section>\n");
        sb.Append(Packages(result, scenario));

        // Final text.
        sb.Append(CultureInfo.InvariantCulture, $"<section class=\"text final\"><h2>Final text <span class=\"version\">version {result.FinalText.Version}</span></h2>\n");
        sb.Append(NegotiatingTextDocument.ToHtmlFragment(result.FinalText, null, agreement));
        sb.Append("</section>\n");

        // Versions, first to last, each with its changes.
        sb.Append(analysisSection ?? string.Empty);
        sb.Append("<section class=\"versions\"><h2>Versions of the text</h2>\n");
        if (result.Versions.Count < result.VersionCount)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<p class=\"hint\">A long session: {Wording.Number(result.Versions.Count)} of its {Wording.Number(result.VersionCount)} versions are kept (the first and last {Wording.Number(SingleTextNegotiation.KeptAtEachEnd)} and an evenly spaced sample between); changes are shown against the version kept before. The event log (--log) holds every one.</p>\n");
        }

        sb.Append("<table class=\"versions\"><thead><tr><th>Version</th><th>Agreed</th><th>Articles</th><th>Change</th></tr></thead><tbody>\n");
        for (var v = 0; v < result.Versions.Count; v++)
        {
            var text = result.Versions[v];
            var previous = v > 0 ? result.Versions[v - 1] : null;
            var changes = previous is null ? [] : text.ChangedFrom(previous);
            if (previous is not null && text.Version > previous.Version + 1)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"gap\"><td colspan=\"4\">⋯ {Wording.Count(text.Version - previous.Version - 1, "version")} not kept ⋯</td></tr>\n");
            }

            sb.Append(CultureInfo.InvariantCulture, $"<tr><td class=\"v\">v{text.Version}</td><td class=\"n\">{text.AgreedCount}/{domain.IssueCount}</td><td class=\"strip\">");
            for (var i = 0; i < domain.IssueCount; i++)
            {
                var mark = NegotiatingTextDocument.Mark(text.Statuses[i]);
                sb.Append(CultureInfo.InvariantCulture, $"<span class=\"cell {mark}{(changes.Contains(i) ? " changed" : "")}\" title=\"{i + 1}. {E(domain.Issues[i].Name)}: {mark}\"></span>");
            }

            sb.Append("</td><td>");
            if (!string.IsNullOrWhiteSpace(text.Note))
            {
                sb.Append(CultureInfo.InvariantCulture, $"<span class=\"note\">{E(text.Note!)}</span>");
            }

            if (previous is not null && changes.Count > 0 && changes.Count <= 4)
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

            sb.Append("</td></tr>\n");
        }

        sb.Append("</tbody></table></section>\n");
        if (scenario.Metadata.Sources is { Count: > 0 } sources)
        {
            sb.Append("<section class=\"sources\"><h2>Sources</h2><ul>");
            foreach (var s in sources)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<li>{E(s)}</li>");
            }

            sb.Append("</ul><p>How much each article matters to each side, what each clause is worth to it and its walk-away value are the scenario's modelling assumptions, not reported facts.</p></section>\n");
        }

        sb.Append("<footer>Generated by Parley. The values are modelling assumptions; see the scenario file.</footer>\n</main></body></html>\n");
        return sb.ToString();
    }

    /// <summary>The outcome in three sentences: what was agreed, what stays open and why, and what would close the gap.</summary>
    private static string Lede(MediationResult result, Scenario scenario)
    {
        static string E(string s) => NegotiatingTextDocument.E(s);
        var domain = scenario.Domain;
        var agreement = result.Agreement;
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        var agreed = agreement.AgreedIssues.Select(i => Wording.Words(domain.Issues[i].Name)).ToArray();
        sb.Append(agreed.Length == 0
            ? "<b>No article was agreed.</b> "
            : string.Create(inv, $"<b>Agreed ({agreed.Length} of {domain.IssueCount}):</b> {E(string.Join(", ", agreed))}. "));
        if (agreement.OpenIssues.Count == 0)
        {
            return sb.Append("Every party signed the whole text.").ToString();
        }

        var blocked = agreement.OpenIssues.Where(g => g.ZoneOfAgreement.Count == 0).Select(g => Wording.Words(g.Name)).ToArray();
        var settleable = agreement.OpenIssues.Where(g => g.ZoneOfAgreement.Count > 0).Select(g => Wording.Words(g.Name)).ToArray();
        sb.Append(CultureInfo.InvariantCulture, $"<b>Open ({agreement.OpenIssues.Count}):</b> {E(string.Join(", ", agreement.OpenIssues.Select(g => Wording.Words(g.Name))))}");
        sb.Append(blocked.Length == agreement.OpenIssues.Count
            ? "; on none of them is any clause acceptable to every party on its own. "
            : string.Create(inv, $"; {E(string.Join(", ", settleable))} could still be settled alone. "));
        if (agreement.ClosingPackage is { } closing)
        {
            var utilities = string.Join(", ", scenario.Negotiators.Select(p => string.Create(inv, $"{p.Name} {p.Profile!.Utility(closing):0.00}")));
            var movers = scenario.Negotiators
                .Select(p => (p.Name, Issues: agreement.OpenIssues.Where(g => g.Moves.Any(mv => mv.Party == p.Name)).Select(g => Wording.Words(g.Name)).ToArray()))
                .Where(x => x.Issues.Length > 0)
                .Select(x => $"{x.Name} on {string.Join(", ", x.Issues)}");
            sb.Append(CultureInfo.InvariantCulture, $"<b>What would close the gap:</b> a package that keeps the agreed articles and that every party would sign ({E(utilities)})");
            sb.Append(blocked.Length == agreement.OpenIssues.Count ? ", a trade across issues: " : ": ");
            sb.Append(CultureInfo.InvariantCulture, $"{E(string.Join("; ", movers))} would have to move.");
        }
        else
        {
            sb.Append("<b>No package</b> that keeps the agreed articles is worth at least its walk-away value to every party without crossing a red line.");
        }

        return sb.ToString();
    }

    private static string Packages(MediationResult result, Scenario scenario)
    {
        static string E(string s) => NegotiatingTextDocument.E(s);
        var domain = scenario.Domain;
        var agreement = result.Agreement;
        var columns = new List<(string Title, Domains.Outcome? Package)>();
        if (!agreement.IsComplete)
        {
            columns.Add(("Package that would close the gap (keeps the agreed articles)", agreement.ClosingPackage));
        }

        columns.Add(("Best balance of gains over every possible text", agreement.NashPackage));
        var sb = new StringBuilder();
        sb.Append("<section><h2>Packages a trusted mediator would table</h2><p class=\"hint\">Of the packages that cross no red line, the one that balances both sides' gains over walking away best; the parties confide their priorities to the mediator, never to each other. Bold: a clause that differs from the agreed text.");
        if (agreement.Analysis is { } analysis)
        {
            var zone = analysis.AgreementZone.OutcomeCount is { } count
                ? string.Create(CultureInfo.InvariantCulture, $"{count:N0} of {analysis.OutcomeCount:N0} packages are acceptable to every party")
                : analysis.AgreementZone.IsEmpty ? "no package is acceptable to every party" : "the packages acceptable to every party were not counted";
            sb.Append(CultureInfo.InvariantCulture, $" Over every possible text: {E(zone)}; {Wording.Count(analysis.Pareto.Count, "package")} cannot be improved for one side without a loss to the other.");
        }

        sb.Append("</p>\n");
        if (columns.All(c => c.Package is null))
        {
            return sb.Append("<p class=\"package\">None: no package is worth at least its walk-away value to every party without crossing a red line.</p></section>\n").ToString();
        }

        sb.Append("<table class=\"gaps packages\"><thead><tr><th>No.</th><th>Article</th>");
        foreach (var (title, _) in columns)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<th>{E(title)}</th>");
        }

        sb.Append("</tr></thead><tbody>\n");
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var settled = agreement.Agreed.IsSettled(i);
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{i + 1}</td><td>{E(Wording.Words(domain.Issues[i].Name))}{(settled ? " <span class=\"mark agreed\">agreed</span>" : "")}</td>");
            foreach (var (_, package) in columns)
            {
                var cell = package is null ? "<em>None</em>" : E(Wording.Words(domain.Issues[i].FormatLevel(package[i])));
                var differs = package is not null && (!settled || package[i] != agreement.Agreed[i]);
                sb.Append(differs ? $"<td><b>{cell}</b></td>" : $"<td>{cell}</td>");
            }

            sb.Append("</tr>\n");
        }

        foreach (var p in scenario.Negotiators)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr class=\"values\"><td></td><td>Value to {E(p.Name)}, 0 to 1 <span class=\"hint\">(walk-away {p.Profile!.ReservationValue.ToString("0.00", CultureInfo.InvariantCulture)})</span></td>");
            foreach (var (_, package) in columns)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<td>{(package is null ? "" : p.Profile!.Utility(package).ToString("0.000", CultureInfo.InvariantCulture))}</td>");
            }

            sb.Append("</tr>\n");
        }

        return sb.Append("</tbody></table></section>\n").ToString();
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
        .outcome::first-letter { text-transform: uppercase; } .outcome.ok { background: var(--ok); } .outcome.partial { background: var(--warn); } .outcome.fail { background: var(--bad); }
        dl { display:grid; grid-template-columns: max-content 1fr; gap: 3px 14px; margin: 0; }
        dt { color: var(--muted); } dd { margin: 0; }
        .figrow { display:flex; flex-wrap: wrap; gap: 28px; align-items: flex-start; }
        .figrow figure { display: table; } .figrow figcaption { display: table-caption; caption-side: bottom; padding-top: 4px; }
        .packages-note, section > p.hint { font: 12.5px/1.45 Helvetica, Arial, sans-serif; }
        .lede { font-size: 15.5px; line-height: 1.55; margin: 16px 0 0; padding: 12px 16px; background: #f7f8fa; border-left: 4px solid var(--accent); }
        table.packages tr.values td { border-top: 2px solid var(--line); font-weight: 600; }
        table.versions { border-collapse: collapse; width: 100%; font: 12.5px/1.4 Helvetica, Arial, sans-serif; }
        table.versions th, table.versions td { border-bottom: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; }
        table.versions th { background: #f0f2f5; } table.versions td.v { font-weight: 600; white-space: nowrap; } table.versions td.n { color: var(--muted); white-space: nowrap; }
        td.strip { white-space: nowrap; } .cell { display: inline-block; width: 9px; height: 12px; margin-right: 1px; background: #e6e8ec; vertical-align: middle; }
        .cell.agreed { background: var(--ok); } .cell.proposed { background: #e3a33b; } .cell.changed { outline: 1.5px solid var(--ink); outline-offset: -1px; }
        table.versions ul.diff { margin: 2px 0 0; padding-left: 16px; } table.versions .note { color: var(--ink); }
        figure { margin: 0; } figure.wide { margin-top: 14px; } .hint { color: var(--muted); } figcaption { font: 12px/1.4 Helvetica, Arial, sans-serif; color: var(--muted); max-width: 560px; }
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
        .note { margin: 0 0 2px; font-size: 13.5px; } ul.diff { margin: 2px 0; font: 12.5px/1.4 Helvetica, Arial, sans-serif; }
        .failure { color: var(--bad); }
        .sources, footer { font: 12px/1.45 Helvetica, Arial, sans-serif; color: var(--muted); }
        footer { margin-top: 28px; border-top: 1px solid var(--line); padding-top: 8px; }
        @media print { body { background:#fff; } main { padding: 0; max-width: none; } h2 { break-after: avoid; } li.article, tr, figure { break-inside: avoid; } .outcome { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
        """;
}
