using System.CommandLine;
using System.Globalization;
using Parley.Domains;
using Parley.Formats;
using Parley.Preferences;
using Parley.Reports;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary><c>parley inspect &lt;scenario&gt; [--profiles a,b] [--json]</c>.</summary>
internal static class InspectCommand
{
    public static Command Create(CliIO io)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var profiles = CommonOptions.ProfilesOption();
        var json = CommonOptions.JsonOption();
        var command = new Command("inspect", "Show a scenario's issues, outcome count, parties, roles, weights, reservation values, discount factors and red lines.");
        command.Arguments.Add(scenario);
        command.Options.Add(profiles);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var loaded = ScenarioLoader.Load(parse.GetValue(scenario)!, CommonOptions.SplitList(parse.GetValue(profiles)));
            if (parse.GetValue(json))
            {
                await io.Out.WriteLineAsync(ToJson(loaded)).ConfigureAwait(false);
            }
            else
            {
                Render(loaded, CommonOptions.Console(io));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The JSON of `parley inspect --json` (the contract in issue 2).</summary>
    public static string ToJson(Scenario scenario) => ScenarioJson.Write(scenario);

    private static void Render(Scenario scenario, IAnsiConsole console)
    {
        var domain = scenario.Domain;
        var inv = CultureInfo.InvariantCulture;
        var meta = scenario.Metadata;
        CommonOptions.Heading(console, $"[bold]{Markup.Escape(meta.Title ?? scenario.Name)}[/]");
        if (meta.Description is { } description)
        {
            console.WriteLine(description);
        }

        var facts = new Grid().AddColumn().AddColumn();
        facts.AddRow("[grey]scenario[/]", Markup.Escape(scenario.Name));
        if (meta.Date is { } date)
        {
            facts.AddRow("[grey]date[/]", Markup.Escape(date));
        }

        if (meta.Location is { } location)
        {
            facts.AddRow("[grey]location[/]", Markup.Escape(location));
        }

        facts.AddRow("[grey]issues[/]", domain.IssueCount.ToString(inv));
        facts.AddRow("[grey]outcomes[/]", domain.OutcomeCount.ToString("N0", inv));
        if (scenario.Deadline is { IsUnlimited: false } deadline)
        {
            facts.AddRow("[grey]deadline[/]", Markup.Escape(string.Join(", ", new[] { deadline.Rounds is { } r ? $"{r} rounds" : null, deadline.Time is { } t ? Durations.Describe(t) : null }.Where(x => x is not null))));
        }

        console.Write(facts);
        console.WriteLine();

        var parties = scenario.Parties.Where(p => p.Profile is not null).ToArray();
        var issues = new Table().Title("Issues").AddColumn("issue").AddColumn("type").AddColumn("levels");
        foreach (var p in parties)
        {
            issues.AddColumn(new TableColumn($"weight: {Markup.Escape(p.Name)}").RightAligned());
        }

        for (var i = 0; i < domain.IssueCount; i++)
        {
            var issue = domain.Issues[i];
            var levels = issue switch
            {
                CategoricalIssue c => string.Join(", ", c.Options.Select(o => o.Name)),
                IntegerIssue n => n.Step == 1 ? $"{n.LowerBound} .. {n.UpperBound}" : $"{n.LowerBound} .. {n.UpperBound} step {n.Step}",
                RealIssue r => string.Create(inv, $"{r.Min} .. {r.Max} ({r.Cardinality} levels)"),
                _ => issue.Cardinality.ToString(inv),
            };
            var row = new List<string> { Markup.Escape(issue.Name), issue.Kind.ToString().ToLowerInvariant(), Markup.Escape(levels) };
            foreach (var p in parties)
            {
                row.Add(p.Profile is AdditiveProfile a ? a.Weights[i].ToString("0.###", inv) : "-");
            }

            issues.AddRow(row.ToArray());
        }

        console.Write(issues);

        var table = new Table().Title("Parties").AddColumn("party").AddColumn("role").AddColumn(new TableColumn("reservation").RightAligned()).AddColumn(new TableColumn("discount").RightAligned()).AddColumn("red lines");
        foreach (var p in scenario.Parties)
        {
            var lines = p.Profile is null ? "" : string.Join("\n", p.Profile.RedLines.Lines.Select(l => l.Describe(domain)));
            table.AddRow(
                Markup.Escape(p.Name),
                p.Role.ToString().ToLowerInvariant(),
                p.Profile?.ReservationValue.ToString("0.###", inv) ?? "-",
                p.Profile is null ? "-" : p.Profile.IsDiscounted ? p.Profile.DiscountFactor.ToString("0.###", inv) : "none",
                Markup.Escape(lines.Length == 0 ? "-" : lines));
        }

        console.Write(table);

        var nonlinear = scenario.Parties.Where(p => p.Profile is NonlinearProfile).ToArray();
        if (nonlinear.Length > 0)
        {
            var constraints = new Table().Title("Nonlinear preferences (weighted constraints)").AddColumn("party").AddColumn(new TableColumn("constraints").RightAligned()).AddColumn(new TableColumn("exclusive").RightAligned()).AddColumn("issues per constraint (issues: constraints)").AddColumn(new TableColumn("scale").RightAligned()).AddColumn("additive part");
            foreach (var p in nonlinear)
            {
                var n = (NonlinearProfile)p.Profile!;
                constraints.AddRow(
                    Markup.Escape(p.Name),
                    n.Constraints.Count.ToString(inv),
                    n.Constraints.Count(c => c.IsExclusive).ToString(inv),
                    string.Join(", ", n.IssuesPerConstraint().Select(kv => string.Create(inv, $"{kv.Key}: {kv.Value}"))),
                    n.Scale.ToString("0.###", inv) + (n.CapsAtOne ? ", capped at 1" : string.Empty),
                    n.Additive is null ? "none" : "yes");
            }

            console.Write(constraints);
        }
    }
}
