using System.CommandLine;
using System.Globalization;
using Parley.Analysis;
using Parley.Formats;
using Parley.Formats.Genius;
using Parley.Reports;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary><c>parley pareto-check &lt;folder&gt;... [--json] [--markdown] [--time-budget s]</c>: published frontiers against Parley's.</summary>
internal static class ParetoCheckCommand
{
    public static Command Create(CliIO io)
    {
        var folders = new Argument<string[]>("folders") { Description = "GENIUS folders that hold a published pareto.xml (ANAC 2014, S-1N*).", Arity = ArgumentArity.OneOrMore };
        var json = CommonOptions.JsonOption();
        var markdown = new Option<bool>("--markdown") { Description = "Print the Markdown table of docs/analysis.md, with the dominated points listed under it." };
        var budget = new Option<double>("--time-budget") { Description = "Seconds of CP-SAT time per scenario (default 60).", DefaultValueFactory = _ => 60 };
        var command = new Command("pareto-check", "Check each folder's published pareto.xml against Parley's proved Pareto frontier: exact, dominated points and by which outcomes, points missing.");
        command.Arguments.Add(folders);
        command.Options.Add(json);
        command.Options.Add(markdown);
        command.Options.Add(budget);
        command.SetAction(async (parse, ct) =>
        {
            var seconds = parse.GetValue(budget);
            if (!double.IsFinite(seconds) || seconds <= 0)
            {
                throw new InputException("--time-budget", string.Empty, "the time budget must be a positive number of seconds");
            }

            var options = new AnalysisOptions { AnalyzeGaps = false, CountAgreementZone = false, SolverTimeBudget = TimeSpan.FromSeconds(seconds) };
            var results = new List<PublishedFrontierComparison>();
            foreach (var folder in parse.GetValue(folders)!)
            {
                var pareto = Path.Combine(folder, "pareto.xml");
                if (!File.Exists(pareto))
                {
                    throw new InputException(folder, string.Empty, "the folder has no pareto.xml (the published frontier) to check");
                }

                var published = GeniusParetoFile.Read(pareto);
                var scenario = ScenarioLoader.Load(folder, null);
                if (scenario.Negotiators.Count != published[0].Length)
                {
                    throw new InputException(pareto, "line 1", string.Create(CultureInfo.InvariantCulture, $"the published points have {published[0].Length} utilities but the folder has {scenario.Negotiators.Count} profiles"));
                }

                var analysis = await Task.Run(() => OutcomeSpaceAnalyzer.Analyze(scenario, options, null, ct), ct).ConfigureAwait(false);
                results.Add(PublishedFrontierComparison.Compare(scenario.Name, analysis, published));
            }

            if (parse.GetValue(json))
            {
                await io.Out.WriteLineAsync(JsonText.Build(w =>
                {
                    w.WriteStartArray();
                    foreach (var r in results)
                    {
                        r.WriteJson(w);
                    }

                    w.WriteEndArray();
                })).ConfigureAwait(false);
            }
            else if (parse.GetValue(markdown))
            {
                await io.Out.WriteLineAsync(PublishedFrontierComparison.MarkdownHeader).ConfigureAwait(false);
                foreach (var r in results)
                {
                    await io.Out.WriteLineAsync(r.MarkdownRow()).ConfigureAwait(false);
                }

                await io.Out.WriteLineAsync().ConfigureAwait(false);
                foreach (var line in results.SelectMany(r => r.DominatedDetails()))
                {
                    await io.Out.WriteLineAsync(line).ConfigureAwait(false);
                }
            }
            else
            {
                var console = CommonOptions.Console(io);
                var table = new Table().Title("Published Pareto frontiers against Parley's").AddColumn("scenario").AddColumn("Parley frontier").AddColumn(new TableColumn("published").RightAligned()).AddColumn(new TableColumn("on frontier").RightAligned()).AddColumn(new TableColumn("dominated").RightAligned()).AddColumn(new TableColumn("above").RightAligned()).AddColumn(new TableColumn("missing").RightAligned()).AddColumn("verdict");
                foreach (var r in results)
                {
                    table.AddRow(
                        Markup.Escape(r.Scenario),
                        string.Create(CultureInfo.InvariantCulture, $"{r.Analysis.Pareto.Count} points, {(r.FrontierProved ? "proved" : "not proved")}"),
                        r.Checks.Count.ToString(CultureInfo.InvariantCulture),
                        r.OnFrontier.ToString(CultureInfo.InvariantCulture),
                        r.Dominated.ToString(CultureInfo.InvariantCulture),
                        r.Unreachable.ToString(CultureInfo.InvariantCulture),
                        r.Missing.Count.ToString(CultureInfo.InvariantCulture),
                        r.IsExact ? "[green]exact[/]" : "[yellow]not exact[/]");
                }

                console.Write(table);
                foreach (var line in results.SelectMany(r => r.DominatedDetails()))
                {
                    console.WriteLine(line);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
