using System.Globalization;
using Parley.Domains;
using Parley.Mediation;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Reports;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>
/// Prints a mediated session to a console: live, one line per round (the text on the table,
/// each party's answer and value) and per revision of the text (version, agreed articles, each
/// party's utility of what is agreed so far), then the result. Plain lines, so that the output
/// reads the same in a terminal, in a pipe and in a file.
/// </summary>
internal sealed class MediationConsole(IAnsiConsole console, Scenario scenario, bool showRounds) : IMediationObserver
{
    private const int TableWidth = 52;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly Party[] _parties = scenario.Negotiators.ToArray();
    private readonly Parley.Analysis.TwoLevel.TwoLevelModel? _statusQuo = StatusQuoArticleAcceptance.ModelFor(scenario);
    private NegotiatingText? _pending;
    private NegotiatingText? _printed;
    private bool _header;

    private Domain Domain => scenario.Domain;

    /// <inheritdoc />
    public void OnRevision(NegotiatingText text)
    {
        // A revision made in a round is printed with the round's line; any other stands alone.
        Flush();
        _pending = text;
    }

    /// <inheritdoc />
    public void OnRound(MediationRound round, NegotiatingText text)
    {
        var revision = _pending is not null && _pending.Version == round.Version ? _pending : null;
        if (revision is not null)
        {
            _pending = null;
        }
        else
        {
            Flush();
        }

        if (!showRounds)
        {
            if (revision is not null)
            {
                PrintRevision(revision);
            }

            return;
        }

        Header();
        var onTable = round.Issue is { } issue
            ? $"{issue + 1,2} {Domain.Issues[issue].Name} = {Domain.Issues[issue].FormatLevel(round.Proposal[issue])}"
            : Changes(round);
        var answers = new List<string>();
        for (var p = 0; p < _parties.Length; p++)
        {
            var b = round.Ballots[p];

            // Issue by issue a party judges the clause by its own value of it; otherwise the whole text by its utility.
            var value = round.Issue is { } i ? ArticleAcceptance.ClauseValue(_parties[p].Profile!, i, round.Proposal[i]) : b.Utility;
            var answer = b.Feedback is { } f ? f.ToString().ToLowerInvariant() : b.Vetoed.Count > 0 ? $"veto×{b.Vetoed.Count}" : b.Accepted ? "yes" : "no";
            var cell = string.Create(Inv, $"{answer,-4} {value:0.00}").PadRight(PartyWidth);
            answers.Add(b.Accepted ? $"[green]{Markup.Escape(cell)}[/]" : $"[red]{Markup.Escape(cell)}[/]");
        }

        var verdict = round.Issue is not null
            ? round.Adopted ? "[green bold]agreed[/]" : "[yellow]not agreed[/]"
            : round.Adopted ? "[green]adopted[/]" : "[grey]rejected[/]";
        var version = revision is null ? "" : $"v{revision.Version}";
        var strip = revision is null ? new string(' ', Domain.IssueCount) : Strip(revision);
        console.MarkupLine(string.Create(Inv, $"{round.Round,5}  {version,-4} {strip}  {Markup.Escape(Fit(onTable, TableWidth))}  {string.Join("", answers)}{verdict}"));
        if (revision is not null)
        {
            _printed = revision;
        }
    }

    /// <summary>One mark per article, in article order: ■ agreed, ▪ proposed, · open.</summary>
    public static string Strip(NegotiatingText text) => string.Concat(text.Statuses.Select(s => s switch
    {
        ArticleStatus.Agreed => "[green]■[/]",
        ArticleStatus.Proposed => "[yellow]▪[/]",
        _ => "[grey]·[/]",
    }));

    /// <summary>The result: outcome, agreed articles, open issues with their gaps, zones of agreement, utilities and packages.</summary>
    public void WriteResult(MediationResult result)
    {
        Flush();
        var agreement = result.Agreement;
        console.WriteLine();
        var colour = result.EndReason switch { EndReason.Agreement => "green", EndReason.Partial => "yellow", _ => "red" };
        CommonOptions.Heading(console, $"[bold {colour}]{Markup.Escape(NegotiatingTextDocument.EndReasonText(result.EndReason))}[/]: {agreement.Agreed.SettledCount} of {Wording.Count(Domain.IssueCount, "article")} agreed, {Wording.Count(result.Rounds, "round")}, {Wording.Count(result.VersionCount, "version")} of the text");
        if (result.FailureMessage is { } failure)
        {
            console.MarkupLine($"[red]{Markup.Escape(failure)}[/]");
        }

        console.MarkupLine("[bold]Agreed articles[/]");
        if (agreement.AgreedIssues.Count == 0)
        {
            console.MarkupLine("  none");
        }

        foreach (var i in agreement.AgreedIssues)
        {
            var issue = Domain.Issues[i];
            var zone = agreement.ZonesOfAgreement[i];
            console.MarkupLine($"  [green]■[/] Art. {i + 1} [bold]{Markup.Escape(issue.Name)}[/] = {Markup.Escape(issue.FormatLevel(agreement.Agreed[i]))}  [grey](clauses both sides accept: {Markup.Escape(Zone(issue, zone))})[/]");
            console.MarkupLine($"      [grey]{Markup.Escape(NegotiatingTextDocument.Clause(issue, agreement.Agreed[i]))}[/]");
        }

        if (agreement.OpenIssues.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Open issues[/]: each party's position, the clauses every side accepts on that article alone, and the clause of the package that would close the gap, with who would have to move (the share of the issue's value each gives up)");
            foreach (var gap in agreement.OpenIssues)
            {
                var issue = Domain.Issues[gap.Issue];
                var positions = string.Join("  ·  ", gap.Positions.Select(p => $"{p.Party} holds '{issue.FormatLevel(p.Level)}'"));
                console.MarkupLine($"  [red]·[/] Art. {gap.Issue + 1} [bold]{Markup.Escape(issue.Name)}[/]: {Markup.Escape(positions)}  ·  clauses every side accepts: {(gap.ZoneOfAgreement.Count == 0 ? "[red]none[/]" : Markup.Escape(Zone(issue, gap.ZoneOfAgreement)))}");
                var closing = gap.ClosingLevel is { } c
                    ? $"would close at '{issue.FormatLevel(c)}': " + (gap.Moves.Count == 0 ? "nobody moves" : string.Join(", ", gap.Moves.Select(m => string.Create(Inv, $"{m.Party} moves (gives up {m.Concession:0.00})"))))
                    : "no package closes it";
                console.MarkupLine($"      [grey]{Markup.Escape(closing)}[/]");
            }
        }

        if (agreement.ClosingPackage is not null && agreement.OpenIssues.Count > 0)
        {
            var movers = _parties.Select(p => (p.Name, Issues: agreement.OpenIssues.Where(g => g.Moves.Any(m => m.Party == p.Name)).Select(g => Domain.Issues[g.Issue].Name).ToArray()))
                .Where(x => x.Issues.Length > 0)
                .Select(x => $"{x.Name} on {string.Join(", ", x.Issues)}");
            console.MarkupLine($"  [bold]Who would have to move[/] for the package that closes the gap: {Markup.Escape(string.Join("; ", movers))}.");
        }

        console.WriteLine();
        var utilities = _parties.Select((p, k) => string.Create(Inv, $"{p.Name} {result.Utilities[k]:0.000} (walk-away {p.Profile!.ReservationValue:0.00})"));
        console.MarkupLine($"[bold]Value of what was agreed, 0 to 1[/]{(agreement.IsComplete ? "" : _statusQuo is null ? " (open articles count 0)" : " (open articles stay as they are today)")}: {Markup.Escape(string.Join("  ·  ", utilities))}");
        WritePackages(agreement);
    }

    private void WritePackages(PartialAgreement agreement)
    {
        var columns = new List<(string Title, Outcome? Package)>();
        if (!agreement.IsComplete)
        {
            columns.Add(("Closes the gap (keeps the agreed articles)", agreement.ClosingPackage));
        }

        columns.Add(("Best balance over every possible text", agreement.NashPackage));
        console.WriteLine();
        console.MarkupLine("[bold]Packages a trusted mediator would table[/] (the one that balances both sides' gains over walking away best, no red line crossed; ■ = agreed article)");
        if (columns.All(c => c.Package is null))
        {
            console.MarkupLine("  [red]none[/]: no package is worth its walk-away value to every party without crossing a red line.");
            return;
        }

        var table = new Table().Border(TableBorder.Simple).AddColumn("Article");
        foreach (var (title, _) in columns)
        {
            table.AddColumn(Markup.Escape(title));
        }

        for (var i = 0; i < Domain.IssueCount; i++)
        {
            var row = new List<string> { (agreement.Agreed.IsSettled(i) ? "[green]■[/] " : "  ") + Markup.Escape(Domain.Issues[i].Name) };
            foreach (var (_, package) in columns)
            {
                row.Add(package is null ? "[grey]none[/]" : Markup.Escape(Domain.Issues[i].FormatLevel(package[i])));
            }

            table.AddRow(row.ToArray());
        }

        for (var p = 0; p < _parties.Length; p++)
        {
            var row = new List<string> { $"[bold]Value to {Markup.Escape(_parties[p].Name)}[/]" };
            foreach (var (_, package) in columns)
            {
                row.Add(package is null ? "" : string.Create(Inv, $"[bold]{_parties[p].Profile!.Utility(package):0.000}[/]"));
            }

            table.AddRow(row.ToArray());
        }

        console.Write(table);
        if (agreement.Analysis is { } analysis)
        {
            var zone = analysis.AgreementZone.OutcomeCount is { } count
                ? string.Create(Inv, $"{count:N0} of {analysis.OutcomeCount:N0} packages are acceptable to every party")
                : analysis.AgreementZone.IsEmpty ? "no package is acceptable to every party" : "some packages are acceptable to every party (not counted)";
            console.MarkupLine(Markup.Escape(string.Create(Inv, $"Over every possible text: {zone}; {Wording.Count(analysis.Pareto.Count, "package")} cannot be improved for one side without a loss to the other; the best balance above is, of the acceptable packages, the one that balances both sides' gains over walking away best.")));
        }
    }

    private int PartyWidth => Math.Max(10, _parties.Max(p => p.Name.Length) + 2);

    private void Header()
    {
        if (_header)
        {
            return;
        }

        _header = true;
        var parties = string.Concat(_parties.Select(p => Markup.Escape(p.Name.PadRight(PartyWidth))));
        console.MarkupLine($"[grey]round  text {"articles".PadRight(Domain.IssueCount)}  {"on the table".PadRight(TableWidth)}  {parties}[/]");
    }

    private void Flush()
    {
        if (_pending is { } text)
        {
            _pending = null;
            PrintRevision(text);
        }
    }

    private void PrintRevision(NegotiatingText text)
    {
        var agreed = text.AgreedPart();
        var utility = text.AgreedCount == 0 ? "" : (text.IsFullyAgreed ? " Value of the text: " : " Value of the agreed articles: ") + string.Join(", ", _parties.Select((p, k) => agreed.TryComplete(out var whole) ? string.Create(Inv, $"{p.Name} {p.Profile!.Utility(whole):0.00}") : _statusQuo is not null ? string.Create(Inv, $"{p.Name} {_statusQuo.Value(k, agreed):0.00}") : p.Profile is AdditiveProfile a ? string.Create(Inv, $"{p.Name} {a.SettledUtility(agreed):0.00}") : p.Name)) + ".";
        var changed = _printed is null || showRounds ? [] : text.ChangedFrom(_printed);
        var what = changed.Count == 0 || changed.Count == Domain.IssueCount ? "" : $" Changed: {string.Join(", ", changed.Select(i => Domain.Issues[i].Name))}.";
        var prefix = showRounds ? "       " : "  text ";
        console.MarkupLine(string.Create(Inv, $"{prefix}{("v" + text.Version.ToString(Inv)),-4} {Strip(text)}  [grey]{Markup.Escape((text.Note ?? "") + what + utility)}[/]"));
        _printed = text;
    }

    private string Changes(MediationRound round)
    {
        var changed = new List<string>();
        if (_printed is { } previous)
        {
            for (var i = 0; i < Domain.IssueCount; i++)
            {
                if (previous.Draft[i] != round.Proposal[i])
                {
                    changed.Add(Domain.Issues[i].Name);
                }
            }
        }

        return changed.Count == 0 ? "whole text" : "text changing " + string.Join(", ", changed);
    }

    private static string Fit(string s, int width) => s.Length <= width ? s.PadRight(width) : s[..(width - 1)] + "…";

    private static string Zone(Issue issue, IReadOnlyList<int> zone) => zone.Count == 0 ? "none" : string.Join(", ", zone.Select(issue.FormatLevel));
}
