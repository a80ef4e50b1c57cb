using System.CommandLine;
using System.Globalization;
using Parley.Formats;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Scenarios;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley demo [--report dir] [--seed N]</c>: a mediated round on the built-in Israel–Syria
/// scenario, shown live, then the result and a report folder.
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
        var command = new Command("demo", "Mediate round 5 of the Israel–Syria security talks (built-in scenario israel-syria-2026), live, and write a report.");
        command.Options.Add(report);
        command.Options.Add(seed);
        command.SetAction(async (parse, ct) =>
        {
            var folder = parse.GetValue(report)!;
            MediationReportFolder.Prepare(folder);
            var scenario = ScenarioLoader.Load(ScenarioName);
            var console = CommonOptions.Console(io);
            var run = Plan(scenario, parse.GetValue(seed));
            Introduce(console, scenario, run);
            var printer = new MediationConsole(console, scenario, showRounds: true);
            var result = run.Session.Run(printer, ct);
            printer.WriteResult(result);
            var files = MediationReportFolder.Write(folder, result, scenario, ct);
            await io.Out.FlushAsync(ct).ConfigureAwait(false);
            await io.Error.WriteLineAsync($"report written to {Path.GetFullPath(folder)} ({string.Join(", ", files.Select(Path.GetFileName))})").ConfigureAwait(false);
            return result.EndReason == EndReason.Failure ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return command;
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
