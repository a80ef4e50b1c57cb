using System.CommandLine;
using System.Globalization;
using Parley.Analysis;
using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Formats;
using Parley.Reports;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary><c>parley analyze &lt;scenario&gt; [--profiles a,b] [--parties a,b] [--json] [--plot out.svg]</c>.</summary>
internal static class AnalyzeCommand
{
    private const int FrontierRowsShown = 25;

    /// <summary>The most --uncertainty draws.</summary>
    private const int RobustnessLimit = 10_000_000;

    public static Command Create(CliIO io)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var profiles = CommonOptions.ProfilesOption();
        var parties = new Option<string?>("--parties") { Description = "Comma-separated names of the negotiating parties to analyse, in order (default: all)." };
        var json = CommonOptions.JsonOption();
        var plot = new Option<string?>("--plot") { Description = "Write an SVG plot of the utility space to this file (pairwise plots for more than two parties)." };
        var uncertainty = new Option<int?>("--uncertainty") { Description = "Draw this many scenarios within the scenario's uncertainty ranges and report how robust the zone, the early harvest and the candidate packages are." };
        var seed = new Option<int>("--seed") { Description = "The seed of the --uncertainty draws: the same seed gives the same result.", DefaultValueFactory = _ => 1 };
        var robustnessPlot = new Option<string?>("--robustness-plot") { Description = "With --uncertainty: write the sensitivity (tornado) chart and the candidates' robustness as SVG to this file." };
        var command = new Command("analyze", "Pareto frontier, Nash / Kalai-Smorodinsky / egalitarian / max-welfare points, zone of agreement and per-issue gaps.");
        command.Arguments.Add(scenario);
        command.Options.Add(profiles);
        command.Options.Add(parties);
        command.Options.Add(json);
        command.Options.Add(plot);
        command.Options.Add(uncertainty);
        command.Options.Add(seed);
        command.Options.Add(robustnessPlot);
        command.SetAction(async (parse, ct) =>
        {
            var loaded = ScenarioLoader.Load(parse.GetValue(scenario)!, CommonOptions.SplitList(parse.GetValue(profiles)));
            var chosen = CommonOptions.SplitList(parse.GetValue(parties));
            if (chosen is not null)
            {
                try
                {
                    loaded = loaded.WithNegotiators(chosen);
                }
                catch (ArgumentException ex)
                {
                    throw new InputException(parse.GetValue(scenario)!, "--parties", ex.Message, ex);
                }
            }

            if (loaded.Negotiators.Count == 0)
            {
                throw new InputException(parse.GetValue(scenario)!, string.Empty, "the scenario has no negotiating party to analyse");
            }

            var plotPath = parse.GetValue(plot);
            if (plotPath is not null && loaded.Negotiators.Count < 2)
            {
                throw new InputException(plotPath, string.Empty, "a utility-space plot needs at least two parties");
            }

            var draws = parse.GetValue(uncertainty);
            var robustnessPlotPath = parse.GetValue(robustnessPlot);
            var source = parse.GetValue(scenario)!;
            if (draws is < 1 or > RobustnessLimit)
            {
                throw new InputException("--uncertainty", string.Empty, string.Create(CultureInfo.InvariantCulture, $"the number of draws must be between 1 and {RobustnessLimit:N0}, not {draws}"));
            }

            if (draws is not null && loaded.Uncertainty.Count == 0)
            {
                throw new InputException(source, "$.uncertainty", "the scenario states no uncertainty ranges to draw from (see docs/formats.md, \"uncertainty\")");
            }

            if (robustnessPlotPath is not null && draws is null)
            {
                throw new InputException("--robustness-plot", string.Empty, "a robustness plot needs --uncertainty N");
            }

            if (robustnessPlotPath is not null)
            {
                OutputPaths.CheckFile("--robustness-plot", robustnessPlotPath, "robustness.svg", "plot");
            }

            if (plotPath is not null)
            {
                OutputPaths.CheckFile("--plot", plotPath, "plot.svg", "plot");
            }

            var progress = new StderrProgress(io.Error, io.ErrorIsTerminal);
            var result = await Task.Run(() => OutcomeSpaceAnalyzer.Analyze(loaded, AnalysisOptions.Default, progress, ct), ct).ConfigureAwait(false);
            progress.Done();
            TwoLevelAnalysis? twoLevel = null;
            RobustnessResult? robustness = null;
            if (draws is not null || TwoLevelAnalyzer.Applies(loaded))
            {
                try
                {
                    twoLevel = await Task.Run(() => TwoLevelAnalyzer.Analyze(loaded), ct).ConfigureAwait(false);
                }
                catch (ArgumentException ex)
                {
                    throw new InputException(source, string.Empty, ex.Message.TrimEnd('.'), ex);
                }

                if (draws is { } n)
                {
                    var analysis = twoLevel;
                    robustness = await Task.Run(() => RobustnessAnalyzer.Run(analysis, new RobustnessOptions(n, parse.GetValue(seed))), ct).ConfigureAwait(false);
                }
            }

            if (robustnessPlotPath is not null)
            {
                OutputPaths.WriteText("--robustness-plot", robustnessPlotPath, SensitivityPlot.Render(robustness!, $"{loaded.Name}: robustness"), "plot");
            }

            if (plotPath is not null)
            {
                var svg = UtilitySpacePlot.Render(result, new UtilitySpacePlotOptions { Title = loaded.Name });
                OutputPaths.WriteText("--plot", plotPath, svg, "plot");
            }

            if (parse.GetValue(json))
            {
                await io.Out.WriteAsync(ToJson(result, twoLevel is null ? null : TwoLevelJson.Properties(twoLevel, robustness))).ConfigureAwait(false);
            }
            else
            {
                PrintTables(io, loaded.Name, result);
                if (twoLevel is not null)
                {
                    await io.Out.WriteLineAsync().ConfigureAwait(false);
                    await io.Out.WriteAsync(TwoLevelReport.ToMarkdown(twoLevel, robustness)).ConfigureAwait(false);
                }
            }

            if (robustnessPlotPath is not null)
            {
                await io.Error.WriteLineAsync($"robustness plot written to {robustnessPlotPath}").ConfigureAwait(false);
            }

            if (plotPath is not null)
            {
                await io.Error.WriteLineAsync($"plot written to {plotPath}").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The --json document (the library's <see cref="AnalysisJson"/>).</summary>
    internal static string ToJson(AnalysisResult result, System.Text.Json.Nodes.JsonObject? extra = null) => AnalysisJson.Write(result, extra);

    private static void PrintTables(CliIO io, string name, AnalysisResult result)
    {
        var console = CommonOptions.Console(io);
        if (ReferenceEquals(io.Out, Console.Out) && !Console.IsOutputRedirected && console.Profile.Width < 160)
        {
            console.Profile.Width = 160;
        }

        var inv = CultureInfo.InvariantCulture;
        var domain = result.Domain;
        console.MarkupLine($"[bold]{Markup.Escape(name)}[/]: {Wording.Count(result.OutcomeCount, "outcome")}, {Wording.Count(result.PartyNames.Count, "party", "parties")} ({Markup.Escape(string.Join(", ", result.PartyNames))}), frontier by {result.Method}");
        var zone = result.AgreementZone;
        var zoneText = zone.IsEmpty
            ? "[red]EMPTY[/]: no outcome is acceptable to every party"
            : zone.OutcomeCount is { } n
                ? $"{Wording.Count(n, "outcome")} acceptable to every party ({Wording.Percent(n, result.OutcomeCount)})"
                : "not empty (too large to count)";
        if (!zone.IsProved)
        {
            zoneText = "[yellow]UNKNOWN[/] within the solver's time budget (no acceptable outcome found, none ruled out)";
        }
        console.MarkupLine($"Zone of possible agreement: {zoneText}");
        console.MarkupLine($"Reservation values: {Markup.Escape(Vector(result.ReservationValues))}");
        if (result.Solver is { } solver)
        {
            console.MarkupLine(solver.IsProved
                ? string.Create(inv, $"Frontier [green]proved exact[/] by CP-SAT: {solver.Solves} solves, {solver.Seconds:0.##} s ({solver.DeterministicSeconds:0.##} s of CP-SAT deterministic time).")
                : string.Create(inv, $"Frontier [yellow]not proved[/] within the {solver.TimeBudgetSeconds:0.#} s budget ({solver.Solves} solves): a point's first utility could still rise by up to {solver.UtilityGap:0.#####}. Unproved points are marked *."));
            console.MarkupLine("Per-issue gaps are not computed for solver-built frontiers (the acceptable options of 10^10+ outcomes are not enumerated).");
        }
        console.WriteLine();

        var solutions = new Table().Title("Solution points (undiscounted utilities)").Border(TableBorder.Rounded);
        solutions.AddColumn("Solution");
        foreach (var p in result.PartyNames)
        {
            solutions.AddColumn(new TableColumn(Markup.Escape(p)).RightAligned());
        }

        solutions.AddColumn("Outcome");
        AddSolution(solutions, domain, "Nash", result.Nash, result.PartyNames.Count);
        AddSolution(solutions, domain, "Kalai-Smorodinsky", result.KalaiSmorodinsky, result.PartyNames.Count);
        AddSolution(solutions, domain, "Egalitarian", result.Egalitarian, result.PartyNames.Count);
        AddSolution(solutions, domain, "Max welfare", result.MaxWelfare, result.PartyNames.Count);
        AddSolution(solutions, domain, "GENIUS KS (least asymmetry)", result.GeniusKalaiSmorodinsky, result.PartyNames.Count);
        console.Write(solutions);

        var frontier = new Table().Title($"Pareto frontier: {Wording.Count(result.Pareto.Count, "point")}").Border(TableBorder.Rounded);
        foreach (var p in result.PartyNames)
        {
            frontier.AddColumn(new TableColumn(Markup.Escape(p)).RightAligned());
        }

        frontier.AddColumn("Outcome");
        for (var i = 0; i < Math.Min(result.Pareto.Count, FrontierRowsShown); i++)
        {
            var cells = result.Pareto[i].Utilities.Select(u => u.ToString("0.00000", inv) + (result.Pareto[i].IsProved ? string.Empty : "*")).ToList();
            cells.Add(Markup.Escape(OutcomeText(domain, result.Pareto[i].Outcome)));
            frontier.AddRow(cells.ToArray());
        }

        if (result.Pareto.Count > FrontierRowsShown)
        {
            frontier.Caption($"first {FrontierRowsShown} of {result.Pareto.Count.ToString(inv)}; --json lists all");
        }

        console.Write(frontier);

        var gaps = new Table().Title("Per-issue gaps").Border(TableBorder.Rounded);
        gaps.AddColumn("Issue");
        gaps.AddColumn("Blocks?");
        foreach (var p in result.PartyNames)
        {
            gaps.AddColumn("Ideal of " + Markup.Escape(p));
        }

        gaps.AddColumn("Options in some acceptable outcome");
        foreach (var gap in result.Gaps)
        {
            var issue = domain.Issues[gap.Issue];
            var cells = new List<string> { Markup.Escape(gap.IssueName), gap.IsBlocking ? "[red]yes[/]" : "no" };
            cells.AddRange(gap.IdealLevels.Select(l => l >= 0 ? Markup.Escape(issue.FormatLevel(l)) : "-"));
            var options = gap.AcceptableLevels.Select(issue.FormatLevel).ToList();
            var text = options.Count == 0 ? "none" : options.Count == issue.Cardinality ? $"all {options.Count}" : string.Join(", ", options.Take(8)) + (options.Count > 8 ? $", ... ({options.Count} of {issue.Cardinality})" : string.Empty);
            cells.Add(Markup.Escape(text));
            gaps.AddRow(cells.ToArray());
        }

        console.Write(gaps);
        if (result.Relaxations.Count > 0)
        {
            console.MarkupLine("[bold]Single changes that open the zone[/] (least costly first):");
            foreach (var r in result.Relaxations)
            {
                console.MarkupLine("  - " + Markup.Escape(r.Description));
            }
        }
        else if (zone.IsEmpty)
        {
            console.MarkupLine("No single change (one reservation value, or one red line) opens the zone.");
        }
    }

    private static void AddSolution(Table table, Domain domain, string name, SolutionPoint? point, int parties)
    {
        var cells = new List<string> { name };
        if (point is null)
        {
            cells.AddRange(Enumerable.Repeat("-", parties));
            cells.Add("none (empty zone)");
        }
        else
        {
            cells.AddRange(point.Utilities.Select(u => u.ToString("0.00000", CultureInfo.InvariantCulture)));
            cells.Add(Markup.Escape(OutcomeText(domain, point.Outcome)));
        }

        table.AddRow(cells.ToArray());
    }

    private static string OutcomeText(Domain domain, Outcome outcome) =>
        string.Join(", ", domain.Describe(outcome).Select(kv => $"{kv.Key}={kv.Value}"));

    private static string Vector(IReadOnlyList<double> v) =>
        "(" + string.Join(", ", v.Select(x => x.ToString("0.#####", CultureInfo.InvariantCulture))) + ")";

    /// <summary>A percentage line on standard error, only on a terminal and only once the work has taken a moment.</summary>
    private sealed class StderrProgress(TextWriter error, bool enabled) : IProgress<double>
    {
        private readonly bool _enabled = enabled;
        private readonly long _start = Environment.TickCount64;
        private int _lastPercent = -1;
        private bool _shown;

        public void Report(double value)
        {
            if (!_enabled || Environment.TickCount64 - _start < 500)
            {
                return;
            }

            var percent = (int)Math.Clamp(value * 100, 0, 100);
            lock (error)
            {
                if (percent == _lastPercent)
                {
                    return;
                }

                _lastPercent = percent;
                _shown = true;
                var bar = new string('#', percent / 5).PadRight(20, '.');
                error.Write(string.Create(CultureInfo.InvariantCulture, $"\ranalysing [{bar}] {percent,3}%"));
            }
        }

        public void Done()
        {
            if (_shown)
            {
                lock (error)
                {
                    error.Write("\r" + new string(' ', 40) + "\r");
                }
            }
        }
    }
}
