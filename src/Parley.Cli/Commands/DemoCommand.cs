using System.CommandLine;
using System.Globalization;
using Parley.Analysis.TwoLevel;
using Parley.Formats;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Reports;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley demo [--report dir] [--seed N] [--uncertainty N] [--json]</c>: a mediated round on the
/// built-in Israel–Syria scenario, shown live, then the result, the analyst's view (status quo, early
/// harvest, candidate packages, reality check) and a report folder.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The built-in scenario the demo runs.</summary>
    public const string ScenarioName = "israel-syria-2026";

    /// <summary>Where the report goes when --report is not given.</summary>
    public const string DefaultReportFolder = "parley-demo-report";

    public static Command Create(CliIO io)
    {
        var report = new Option<string>("--report") { Description = "The report folder (index.html, final-text.md, trace.json).", DefaultValueFactory = _ => DefaultReportFolder };
        var seed = new Option<int>("--seed") { Description = "The seed of the mediator's and the parties' random choices: the same seed gives the same run.", DefaultValueFactory = _ => 7 };
        var draws = new Option<int>("--uncertainty") { Description = "How many scenarios the reality check draws within the scenario's uncertainty ranges (seeded by --seed).", DefaultValueFactory = _ => DefaultDraws };
        var json = CommonOptions.JsonOption();
        var command = new Command("demo", "Mediate round 5 of the Israel–Syria security talks (built-in scenario israel-syria-2026), live, and write a report.");
        command.Options.Add(report);
        command.Options.Add(seed);
        command.Options.Add(draws);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(report)!;
            var drawCount = parse.GetValue(draws);
            if (drawCount < 1 || drawCount > MaxDraws)
            {
                throw new InputException("--uncertainty", string.Empty, string.Create(CultureInfo.InvariantCulture, $"the number of draws must be between 1 and {MaxDraws:N0}, not {drawCount}"));
            }

            MediationReportFolder.Prepare(folder);
            var scenario = ScenarioLoader.Load(ScenarioName);
            var run = Plan(scenario, parse.GetValue(seed));
            if (parse.GetValue(json))
            {
                var quiet = run.Session.Run(null, ct);
                var (a, r) = RealityCheck(scenario, quiet, drawCount, run.Seed);
                var trustedQuiet = DemoMediation.Trusted(scenario, run.Seed).Run(null, ct);
                MediationReportFolder.Write(folder, quiet, scenario, a, r, ct);
                await io.Out.WriteAsync(DemoJson.Document(quiet, scenario, a, r, trustedQuiet).ToJsonString(JsonText.SerializerOptions) + "\n").ConfigureAwait(false);
                return quiet.EndReason == EndReason.Failure ? ExitCodes.Failure : ExitCodes.Ok;
            }

            var console = CommonOptions.Console(io);
            Introduce(console, scenario, run);
            var printer = new MediationConsole(console, scenario, showRounds: true);
            var result = run.Session.Run(printer, ct);
            printer.WriteResult(result);
            var (analysis, robustness) = RealityCheck(scenario, result, drawCount, run.Seed);
            CommonOptions.Heading(console, "[bold]Today's situation, approval at home, candidate packages, and how sure the figures are[/]");
            console.WriteLine(TwoLevelReport.ToMarkdown(analysis, robustness));
            var trusted = DemoMediation.Trusted(scenario, run.Seed).Run(null, ct);
            CommonOptions.Heading(console, "[bold]A trusted mediator aiming at approval at home[/]");
            console.MarkupLine(Markup.Escape(Trusted(scenario, analysis, trusted)));
            var files = MediationReportFolder.Write(folder, result, scenario, analysis, robustness, ct);
            if (robustness.RealityCheck is { } check)
            {
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Reality check: in {check.PShape:P1} of {check.Draws:N0} scenarios drawn within the model's stated uncertainty (seed {robustness.Seed}), the model shows the real outcome's shape; what the figure hangs on: docs/scenarios.md.")));
            }

            await io.Out.FlushAsync(ct).ConfigureAwait(false);
            await io.Error.WriteLineAsync($"report written to {Path.GetFullPath(folder)} ({string.Join(", ", files.Select(Path.GetFileName))})").ConfigureAwait(false);
            return result.EndReason == EndReason.Failure ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The reality check's default number of draws.</summary>
    public const int DefaultDraws = 1000;

    private const int MaxDraws = 1_000_000;

    /// <summary>
    /// The status-quo and ratification analysis of the scenario, its candidate packages compared after the
    /// round (<see cref="MediationCandidates"/>), and its uncertainty analysis with the reality check (which
    /// does not depend on the candidates).
    /// </summary>
    public static (TwoLevelAnalysis Analysis, RobustnessResult Robustness) RealityCheck(Scenario scenario, MediationResult round, int draws, int seed)
    {
        var compared = MediationCandidates.Extend(TwoLevelAnalyzer.Analyze(scenario), scenario, round, draws, seed);
        return (compared.Analysis, compared.Robustness ?? RobustnessAnalyzer.Run(compared.Analysis, new RobustnessOptions(draws, seed)));
    }

    // The trusted mediator's session in one paragraph: what it tabled, whether the parties signed, and the package's chance of ratification at home.
    private static string Trusted(Scenario scenario, TwoLevelAnalysis analysis, MediationResult trusted)
    {
        var inv = CultureInfo.InvariantCulture;
        if (trusted.Deal is not { } deal)
        {
            return $"With the profiles and constituencies confided, the mediator reached no signed package ({EndReasonNames.Name(trusted.EndReason)}).";
        }

        var model = analysis.Model;
        var package = TwoLevelReport.Changes(scenario.Domain, Parley.Domains.PartialOutcome.From(deal));
        var utilities = string.Join(", ", scenario.Negotiators.Select((p, k) => string.Create(inv, $"{p.Name} {trusted.Utilities[k]:0.###} (today's situation {model.StatusQuoUtility(k):0.###})")));
        return string.Create(inv, $"With the profiles and the constituencies at home confided, the mediator tables the package that best balances both sides' gains over today's situation, weighed by the chance that both home fronts approve it; both sign it at the table: {package}. Value to each side (0 to 1): {utilities}. Chance that every side's home front approves it: {model.RatificationAll(deal.Levels):0.###}. Signing at the table is not approval at home.");
    }

    /// <summary>The demo's session: see <see cref="DemoMediation"/>.</summary>
    public static DemoMediation Plan(Scenario scenario, int seed) => DemoMediation.Create(scenario, seed);

    private static void Introduce(IAnsiConsole console, Scenario scenario, DemoMediation run)
    {
        var meta = scenario.Metadata;
        CommonOptions.Heading(console, $"[bold]Parley demo: {Markup.Escape(meta.Title ?? scenario.Name)}[/]");
        if (meta.Description is { } description)
        {
            console.MarkupLine($"[grey]{Markup.Escape(description)}[/]");
        }

        console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"Mediator: {scenario.Mediator?.Name ?? "the mediator"}, {run.Description}. Seed {run.Seed}.")));
        console.MarkupLine(Markup.Escape($"Agenda: {string.Join(", ", run.Agenda.Select(i => scenario.Domain.Issues[i].Name))}."));
        console.MarkupLine("[grey]Each round: the article on the table, the clause proposed, each party's answer and its value of that clause (0 = its worst option, 1 = its best). Each text version: ■ agreed · open.[/]");
        console.WriteLine();
    }
}
