using System.Globalization;
using System.Text;
using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// The status-quo, ratification and robustness analysis in words, as Markdown: the status quo, the
/// early harvest, each side's win-set, the candidate packages with P(ratified) and robustness, and
/// the reality check. The CLI prints it; the demo's report embeds it.
/// </summary>
public static class TwoLevelReport
{
    /// <summary>The Markdown text.</summary>
    public static string ToMarkdown(TwoLevelAnalysis analysis, RobustnessResult? robustness)
    {
        var inv = CultureInfo.InvariantCulture;
        var model = analysis.Model;
        var domain = model.Domain;
        var names = model.PartyNames;
        var sb = new StringBuilder();
        if (model.StatusQuo is { } sq)
        {
            sb.AppendLine(inv, $"### Today's situation{(sq.Date is null ? string.Empty : $" ({Wording.MonthYear(sq.Date)})")}: what holds if nothing is agreed");
            sb.AppendLine();
            sb.AppendLine("| Article | Today | What holds today |");
            sb.AppendLine("| --- | --- | --- |");
            for (var i = 0; i < domain.IssueCount; i++)
            {
                sb.AppendLine(inv, $"| {Wording.Words(domain.Issues[i].Name)} | {(sq.Levels[i] == StatusQuo.NoClause ? "No agreed clause" : Wording.Words(sq.Describe(i)))} | {Cell(sq.Entries[i].Note)} |");
            }

            sb.AppendLine();
            sb.AppendLine("Value of today's situation to each side (0 to 1; with no agreement they stay here): " + string.Join(", ", names.Select((n, p) => string.Create(inv, $"{n} {model.StatusQuoUtility(p):0.###}"))) + ".");
            sb.AppendLine();
            sb.AppendLine("### Early harvest: changes every side prefers to today's situation");
            sb.AppendLine();
            if (analysis.EarlyHarvest.Count == 0)
            {
                sb.AppendLine("None: no change on one or two articles is a gain for every side.");
            }
            else
            {
                sb.AppendLine("| Change | " + string.Join(" | ", names.Select(n => n + " gains")) + " | " + string.Join(" | ", names.Select(n => "Chance " + n + " approves at home")) + " |");
                sb.AppendLine("| --- |" + string.Concat(Enumerable.Repeat(" ---: |", names.Count * 2)));
                foreach (var h in analysis.EarlyHarvest)
                {
                    sb.AppendLine(inv, $"| {Changes(domain, h.Agreement)} | {string.Join(" | ", h.Gains.Select(g => g.ToString("0.###", inv)))} | {string.Join(" | ", h.PRatified.Select(g => g.ToString("0.##", inv)))} |");
                }
            }

            sb.AppendLine();
        }

        if (analysis.Ratification.Count > 0 || analysis.Counts is not null)
        {
            sb.AppendLine("### Approval at home");
            sb.AppendLine();
            if (analysis.Counts is { } c)
            {
                sb.AppendLine(inv, $"Of the {c.Feasible:N0} packages that cross no red line or linkage rule, {c.Zone:N0} are better than no agreement for every side at the table; {c.Ratifiable:N0} of them would also be approved at home by every side with a chance of at least {analysis.Options.RatificationLevel:0.##}.");
            }

            foreach (var r in analysis.Ratification)
            {
                sb.AppendLine(inv, $"- {r.Party} needs the approval of: {string.Join(", ", r.Ratifiers)}; {(r.WinSetCount is { } w ? w.ToString("N0", inv) : "an uncounted number of")} packages would pass both at the table and at home for {r.Party}.");
            }

            sb.AppendLine();
        }

        sb.AppendLine("### Candidate packages");
        sb.AppendLine();
        if (analysis.Candidates.Count == 0)
        {
            sb.AppendLine("None: no package is better than no agreement for every side, and there is no early harvest.");
        }
        else
        {
            var robust = robustness is not null;
            var mediator = model.Scenario.Mediator is { } m && analysis.Candidates.Any(c => c.MediatorUtility is not null) ? m.Name : null;
            sb.AppendLine("| Candidate | Package | " + string.Join(" | ", names.Select(n => "Value to " + n)) + " | Every side accepts it | Chance every side approves at home | Likely to block | Gives up most |" + (robust ? " When the estimates vary: accepted / also approved at home / the best balance |" : string.Empty) + (mediator is null ? string.Empty : $" {mediator}'s own interest (not a party) |"));
            sb.AppendLine("| --- | --- |" + string.Concat(Enumerable.Repeat(" ---: |", names.Count)) + " --- | ---: | --- | --- |" + (robust ? " --- |" : string.Empty) + (mediator is null ? string.Empty : " ---: |"));
            foreach (var e in analysis.Candidates)
            {
                var blockers = string.Join("; ", e.Blockers.SelectMany(b => b));
                var line = string.Create(inv, $"| {SensitivityPlot.PackageName(e.Label)} | {Changes(domain, e.Agreement)} | {string.Join(" | ", e.Utilities.Select(u => u.ToString("0.###", inv)))} | {(e.Acceptable ? "Yes" : "No")} | {e.PRatifiedAll:0.###} | {(blockers.Length == 0 ? "-" : blockers)} | {e.MovesMost ?? "-"} |");
                if (robustness?.Packages.FirstOrDefault(p => p.Package.Agreement.Equals(e.Agreement)) is { } pr)
                {
                    line += string.Create(inv, $" {pr.PAcceptable:0.###} / {pr.PRatified:0.###} / {pr.PNash:0.###} |");
                }

                if (mediator is not null)
                {
                    line += string.Create(inv, $" {e.MediatorUtility:0.###} |");
                }

                sb.AppendLine(line);
            }
        }

        sb.AppendLine();
        if (robustness is not null)
        {
            sb.AppendLine(inv, $"### How sure: {robustness.Draws:N0} variations of the estimated numbers within their stated ranges (seed {robustness.Seed})");
            sb.AppendLine();
            sb.AppendLine(inv, $"- No package is better than no agreement for every side in {robustness.PZoneEmpty:P1} of the variations.");
            var harvest = Enumerable.Range(0, domain.IssueCount).Where(i => robustness.EarlyHarvest[i] > 0).OrderByDescending(i => robustness.EarlyHarvest[i]).ToList();
            sb.AppendLine("- A change every side gains from (early harvest) exists on: " + (harvest.Count == 0 ? "no article" : string.Join(", ", harvest.Select(i => string.Create(inv, $"{Wording.Words(domain.Issues[i].Name)} ({robustness.EarlyHarvest[i]:P0})")))) + ".");
            for (var p = 0; p < names.Count; p++)
            {
                var top = robustness.Concessions[p].FirstOrDefault();
                if (top is not null)
                {
                    var text = top.RedLines is null ? "dropping none of the red lines searched makes any package acceptable to every side" : top.RedLines.Count == 0 ? "none needed (some package is already better than no agreement for every side)" : "drop " + string.Join(" + ", top.RedLines.Select(x => $"\"{x}\""));
                    sb.AppendLine(inv, $"- {names[p]}'s most frequent smallest concession: {text} ({top.Frequency:P0} of the variations).");
                }
            }

            if (robustness.RealityCheck is { } check)
            {
                sb.AppendLine();
                sb.AppendLine("### Reality check");
                sb.AppendLine();
                sb.AppendLine(inv, $"The model shows the real outcome's shape in **{check.PShape:P1}** of {check.Draws:N0} variations (the agreed articles are an early harvest every side would approve at home: {check.PAgreedIsHarvest:P1}; no package that every home front would approve moves the open articles: {check.PNoCorePackage:P1}).");
                sb.AppendLine();
                sb.AppendLine("Definition: " + check.Definition + ".");
            }

            var bars = robustness.Sensitivity.Where(b => double.IsFinite(b.Swing)).Take(5).ToList();
            if (bars.Count > 0)
            {
                sb.AppendLine();
                sb.AppendLine($"The figure depends most on these estimates ({(robustness.SensitivityMetric == "pRound5Shape" ? "share showing the real outcome's shape" : "share with no acceptable package")} with the estimate in the lower / upper half of its range): " + string.Join("; ", bars.Select(b => string.Create(inv, $"{b.Range} {b.Low:0.###} / {b.High:0.###}"))) + ".");
            }

            sb.AppendLine();
        }

        return sb.ToString();
    }

    /// <summary>The settled articles of a package in words, "Article: Option" joined by semicolons ("No change" when none).</summary>
    public static string Changes(Domain domain, PartialOutcome agreement)
    {
        var parts = new List<string>();
        for (var i = 0; i < domain.IssueCount; i++)
        {
            if (agreement.IsSettled(i))
            {
                parts.Add($"{Wording.Words(domain.Issues[i].Name)}: {Wording.Words(domain.Issues[i].FormatLevel(agreement[i]))}");
            }
        }

        return parts.Count == 0 ? "No change" : string.Join("; ", parts);
    }

    private static string Cell(string? text) => text is null ? string.Empty : text.Replace("|", "/", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
