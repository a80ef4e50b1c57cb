using System.CommandLine;
using System.Globalization;
using Parley.Cli.Tournaments;
using Parley.Formats;
using Parley.Scenarios;
using Parley.Mediation;
using Parley.Reports;
using Parley.Tournaments;
using Spectre.Console;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley tournament --agents a,b,c --scenarios &lt;folder or list&gt; [--repetitions 10] [--rounds 1000 | --time 3s]
/// [--parallel N] [--seed 1] [--out results/] [--no-post-settlement] [--json]</c>, or, mediated, <c>--mediators m1,m2 --voters v1,v2 [--protocol votes]</c>.
/// </summary>
internal static class TournamentCommand
{
    public static Command Create(CliIO io)
    {
        var agents = new Option<string?>("--agents") { Description = "Agent ids, comma-separated (see 'parley agents'), e.g. boulware,conceder,time-dependent:e=0.5." };
        var mediators = new Option<string?>("--mediators") { Description = "A mediated tournament: mediator ids, comma-separated (" + string.Join(", ", MediatedSessions.MediatorIds) + "); needs --voters." };
        var voters = new Option<string?>("--voters") { Description = "A mediated tournament: voter ids seated on the profiles (" + string.Join(", ", MediatedSessions.VoterIds) + "); every tuple is played under every mediator." };
        var protocol = new Option<MediatedProtocol>("--protocol") { Description = "The mediated protocol: votes, feedback or veto.", DefaultValueFactory = _ => MediatedProtocol.Votes };
        var scenarios = new Option<string>("--scenarios") { Description = "A folder of GENIUS domain folders (searched recursively), one domain folder, a comma-separated list of them, or a text file listing one per line.", Required = true };
        var repetitions = new Option<int>("--repetitions") { Description = "How many times each seating is played, each with its own seed.", DefaultValueFactory = _ => 10 };
        var rounds = new Option<int?>("--rounds") { Description = "Deadline in rounds (1000 when neither --rounds nor --time is given)." };
        var time = new Option<string?>("--time") { Description = "Deadline in wall time, e.g. 3s, 500ms, 2m (not reproducible: prefer --rounds)." };
        var parallel = new Option<int>("--parallel") { Description = "Sessions run at once (default: every core). Results do not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };
        var seed = new Option<int>("--seed") { Description = "Tournament seed; every session's seed is derived from it and the session's identity.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Results folder: journal, results.csv, summary.json, plots. Run again with the same arguments to resume.", DefaultValueFactory = _ => "results" };
        var json = CommonOptions.JsonOption();
        var sessionTimeout = new Option<string?>("--session-timeout") { Description = "Abandon a session (recorded as a failure) after this long; default 60s plus the --time deadline." };
        var actionTimeout = new Option<string?>("--action-timeout") { Description = "Longest one agent call may take before the session fails, attributed to that agent (default: no limit)." };
        var maxSessions = new Option<long>("--max-sessions") { Description = "Refuse a tournament of more sessions than this (default 10,000,000); the disk's free space is checked too.", DefaultValueFactory = _ => TournamentStorage.DefaultSessionLimit };
        var noPostSettlement = new Option<bool>("--no-post-settlement") { Description = "Do not judge each agreement for a post-settlement improvement (a text every party weakly prefers); by default the CSV, summary and table say, per session, whether one exists and what it gains each party." };
        var progressOption = new Option<bool>("--progress") { Description = "Show the progress bar even when standard error is redirected." };
        var command = new Command("tournament", "Run every ordered pair (or n-party group) of agents on every profile of every scenario, repeated; resumable, parallel, reproducible.");
        foreach (var o in new Option[] { agents, mediators, voters, protocol, scenarios, repetitions, rounds, time, parallel, seed, output, json, sessionTimeout, actionTimeout, maxSessions, noPostSettlement, progressOption })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            var mediatorIds = parse.GetValue(mediators) is { } m ? CommonOptions.SplitAgents(m) : null;
            var voterIds = parse.GetValue(voters) is { } v ? CommonOptions.SplitAgents(v) : null;
            var agentValue = parse.GetValue(agents);
            if ((mediatorIds is null) != (voterIds is null))
            {
                throw new InputException(mediatorIds is null ? "--voters" : "--mediators", string.Empty, "a mediated tournament needs both --mediators and --voters");
            }

            if (mediatorIds is null && agentValue is null)
            {
                throw new InputException("--agents", string.Empty, "give the agents (--agents), or the mediators and voters of a mediated tournament (--mediators, --voters)");
            }

            if (mediatorIds is not null && agentValue is not null)
            {
                throw new InputException("--agents", string.Empty, "a mediated tournament seats --voters, not --agents");
            }

            var agentIds = voterIds ?? CommonOptions.SplitAgents(agentValue!);
            var timeLimit = parse.GetValue(time) is { } t ? ParseDuration("--time", t) : (TimeSpan?)null;
            var roundLimit = Deadline.Resolve(parse.GetValue(rounds), timeLimit, null, Deadline.DefaultSessionRounds).Rounds;
            var parallelism = parse.GetValue(parallel);
            if (parallelism < 1)
            {
                throw new InputException("--parallel", string.Empty, $"must be at least 1, not {parallelism}");
            }

            var sources = ScenarioDiscovery.Resolve(parse.GetValue(scenarios)!);
            var postSettlement = !parse.GetValue(noPostSettlement);
            SessionRunner runner;
            IReadOnlyList<TournamentScenario> planned;
            string protocolText;
            if (mediatorIds is not null)
            {
                var mediated = new MediatedSessions([.. sources.Select(s => s.Scenario)], mediatorIds, agentIds, parse.GetValue(protocol), postSettlement: postSettlement);
                (runner, planned) = (mediated.Run, mediated.Scenarios);
                protocolText = "mediated:" + parse.GetValue(protocol).ToString().ToLowerInvariant();
            }
            else
            {
                var actionLimit = parse.GetValue(actionTimeout) is { } a ? ParseDuration("--action-timeout", a) : (TimeSpan?)null;
                var saop = new SaopSessions([.. sources.Select(s => s.Scenario)], agentIds, actionTimeLimit: actionLimit, postSettlement: postSettlement);
                (runner, planned) = (saop.Run, saop.Scenarios);
                protocolText = actionLimit is { } al ? string.Create(CultureInfo.InvariantCulture, $"saop:action-timeout={al.TotalSeconds}s") : "saop";
            }

            var described = planned.Select((s, i) => s with { Name = sources[i].Name, Fingerprint = sources[i].Fingerprint }).ToArray();
            var definition = new TournamentDefinition(agentIds, described, parse.GetValue(repetitions), roundLimit, timeLimit, parse.GetValue(seed), mediatorIds, SelfPlay: mediatorIds is not null, Protocol: protocolText, PostSettlement: postSettlement);
            var plan = new TournamentPlan(definition);
            var folder = Path.GetFullPath(parse.GetValue(output)!);
            OutputPaths.CheckFolder("--out", folder, "results");
            TournamentStorage.EnsureRoom(plan, folder, parse.GetValue(maxSessions));
            var timeout = parse.GetValue(sessionTimeout) is { } st ? ParseDuration("--session-timeout", st) : TimeSpan.FromSeconds(60) + (timeLimit ?? TimeSpan.Zero);
            var showProgress = parse.GetValue(progressOption) || io.ErrorIsTerminal;
            var progress = showProgress ? new ProgressLine(io.Error) : null;
            await io.Error.WriteLineAsync($"{Wording.Count(plan.Count, "session")}: {(mediatorIds is null ? string.Empty : Wording.Count(mediatorIds.Count, "mediator") + ", ")}{Wording.Count(agentIds.Count, mediatorIds is null ? "agent" : "voter")}, {Wording.Count(described.Length, "scenario")}, {Wording.Count(definition.Repetitions, "repetition")}, {definition.DeadlineText}; {Wording.Number(parallelism)} in parallel; results in {folder}").ConfigureAwait(false);
            var report = await Task.Run(() => Tournament.Run(plan, runner, folder, new TournamentRunOptions(parallelism, timeout), progress, ct), CancellationToken.None).ConfigureAwait(false);
            progress?.Finish();
            var run = report.Run;
            if (report.Summary is null)
            {
                // Interrupted (Ctrl-C, SIGTERM): every finished session is in the journal, which a rerun resumes from.
                await io.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"interrupted: {run.Resumed + run.Ran:N0} of {run.Total:N0} sessions are kept in {Path.Combine(folder, TournamentResults.JournalFileName)}; run the same command again to resume")).ConfigureAwait(false);
                return ExitCodes.Interrupted;
            }

            await io.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Wording.Count(run.Ran, "session")} run in {run.Elapsed.TotalSeconds:0.0} s ({(run.Elapsed > TimeSpan.Zero ? run.Ran / run.Elapsed.TotalSeconds : 0):N0} sessions/s){(run.Resumed > 0 ? $", {run.Resumed:N0} resumed from the journal" : string.Empty)}{(run.Failed > 0 ? $", {run.Failed:N0} failed" : string.Empty)}.")).ConfigureAwait(false);
            if (parse.GetValue(json))
            {
                await io.Out.WriteAsync(TournamentSummaryJson.ToJson(report.Summary, definition)).ConfigureAwait(false);
            }
            else
            {
                WriteTable(io, report.Summary, folder);
            }

            await io.Error.WriteLineAsync($"results written to {folder} ({TournamentResults.CsvFileName}, {TournamentResults.SummaryFileName}, scores.svg, heatmap.svg, distributions.svg)").ConfigureAwait(false);

            return ExitCodes.Ok;
        });
        return command;
    }

    internal static TimeSpan ParseDuration(string option, string text) =>
        Durations.TryParse(text, out var value)
            ? value
            : throw new InputException(option, string.Empty, $"'{text}' is not a positive duration such as 3s, 500ms or 2m");

    private static void WriteTable(CliIO io, TournamentSummary summary, string folder)
    {
        var output = io.Out;
        var console = CommonOptions.Console(io);
        if (summary.Mediators is { } mediators)
        {
            console.Write(BuildTable("Mediator", mediators, summary.PostSettlement is not null));
        }

        console.Write(BuildTable(summary.Mediators is null ? "Agent" : "Voter", summary.Agents, summary.PostSettlement is not null));
        output.WriteLine($"{Wording.Count(summary.Sessions, "session")}, {Wording.Count(summary.Agreements, "agreement")}, {Wording.Count(summary.Failures, "failure")}.");
        if (summary.PostSettlement is { } post)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Post-settlement: {Wording.Count(post.Improvable, "agreement")} of {Wording.Number(post.Judged)} left a text every party weakly prefers on the table (Improvable: that share of an agent's agreements; Left: its mean gain from it)."));
        }
    }

    private static Table BuildTable(string first, IReadOnlyList<AgentSummary> rows, bool postSettlement)
    {
        var table = new Table().Border(TableBorder.Simple);
        string[] headers = [first, "Sessions", "Score ± 95% CI", "SD", "Utility", "Agreed", "To Pareto", "To Nash", "Welfare", "Failed", .. postSettlement ? (string[])["Improvable", "Left"] : []];
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(header) { Alignment = header == first ? Justify.Left : Justify.Right });
        }

        foreach (var a in rows.OrderByDescending(a => double.IsFinite(a.DiscountedUtility.Mean) ? a.DiscountedUtility.Mean : double.NegativeInfinity))
        {
            string[] cells =
            [
                Markup.Escape(a.Agent),
                a.Sessions.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{F(a.DiscountedUtility.Mean)} ± {F(a.DiscountedUtility.HalfWidth)}"),
                F(a.DiscountedUtility.StandardDeviation),
                F(a.Utility.Mean),
                F(a.Agreement.Mean),
                F(a.DistanceToPareto.Mean),
                F(a.DistanceToNash.Mean),
                F(a.SocialWelfare.Mean),
                a.Failures.ToString(CultureInfo.InvariantCulture),
                .. postSettlement ? (string[])[F(a.PostSettlement?.Mean ?? double.NaN), F(a.PostSettlementGain?.Mean ?? double.NaN)] : [],
            ];
            table.AddRow(cells);
        }

        return table;
    }

    private static string F(double v) => double.IsFinite(v) ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
