using System.CommandLine;
using System.Globalization;
using System.Text;
using Parley.Remote;
using Parley.Analysis;
using Parley.Formats;
using Parley.Formats.ParleyJson;
using Parley.Protocols;
using Parley.Protocols.Log;
using Parley.Protocols.Traces;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley negotiate &lt;scenario&gt; --agents a,b [--profiles p,q] [--rounds N | --time 3s] [--seed S]
/// [--json] [--trace file.csv|file.json] [--plot file.svg]</c>: one SAOP session.
/// </summary>
internal static class NegotiateCommand
{
    private const int LiveTableRounds = 60;

    public static Command Create(CliIO io)
    {
        var scenario = CommonOptions.ScenarioArgument();
        var agents = new Option<string>("--agents") { Description = "One agent per party, comma-separated, in turn order: a built-in id (see 'parley agents') or a remote GeniusWeb party's URL (ws://host:port/path).", Required = true };
        var profiles = CommonOptions.ProfilesOption();
        var rounds = new Option<int?>("--rounds") { Description = "Deadline in rounds (default 1000 unless --time is given)." };
        var time = new Option<string?>("--time") { Description = "Deadline in wall time, e.g. 3s, 500ms, 2m." };
        var seed = new Option<int>("--seed") { Description = "Seed of the agents' random sources.", DefaultValueFactory = _ => 0 };
        var timeout = new Option<string>("--action-timeout") { Description = "Longest time an agent may take for one action.", DefaultValueFactory = _ => "10s" };
        var json = CommonOptions.JsonOption();
        var trace = new Option<string?>("--trace") { Description = "Write the event stream to this file (.csv or .json)." };
        var plot = new Option<string?>("--plot") { Description = "Write an SVG picture of the (two-party) session to this file." };
        var protocol = new Option<string>("--protocol") { Description = "saop (stacked alternating offers, the default) or mopac (GeniusWeb's multiple-offers protocol).", DefaultValueFactory = _ => "saop" };
        protocol.AcceptOnlyFromAmong("saop", "mopac");
        var log = new Option<string?>("--log") { Description = "Write the session's event log to this file (JSON Lines; 'parley replay' rebuilds the session from it)." };
        var command = new Command("negotiate", "Run one session between built-in agents on a scenario (stacked alternating offers, or MOPAC).");
        command.Arguments.Add(scenario);
        foreach (var o in new Option[] { agents, profiles, rounds, time, seed, timeout, json, trace, plot, log, protocol })
        {
            command.Options.Add(o);
        }

        command.SetAction(async (parse, ct) =>
        {
            var request = new Request(
                parse.GetValue(scenario)!,
                parse.GetValue(agents)!,
                parse.GetValue(profiles),
                parse.GetValue(rounds),
                parse.GetValue(time),
                parse.GetValue(seed),
                parse.GetValue(timeout)!,
                parse.GetValue(json),
                parse.GetValue(trace),
                parse.GetValue(plot),
                parse.GetValue(log),
                parse.GetValue(protocol)!);
            return await RunAsync(io, request, ct).ConfigureAwait(false);
        });
        return command;
    }

    private static async Task<int> RunAsync(CliIO io, Request request, CancellationToken cancellation)
    {
        var loaded = ScenarioLoader.Load(request.Scenario, CommonOptions.SplitList(request.Profiles));
        NegotiationPreconditions.Check(loaded, request.Scenario);
        var agentIds = CommonOptions.SplitAgents(request.Agents);
        var negotiators = loaded.Negotiators;
        if (agentIds.Count != negotiators.Count)
        {
            throw new InputException("--agents", string.Empty, $"{Wording.Count(agentIds.Count, "agent")} for {Wording.Count(negotiators.Count, "party", "parties")} ({string.Join(", ", negotiators.Select(p => p.Name))}); give one agent per party, or choose parties with --profiles");
        }

        if (request.Plot is not null && negotiators.Count != 2)
        {
            throw new InputException("--plot", string.Empty, $"the session picture shows two-party sessions; this one has {negotiators.Count} parties");
        }

        if (request.Plot is not null)
        {
            OutputPaths.CheckFile("--plot", request.Plot, "session.svg", "plot");
        }

        if (request.Trace is not null)
        {
            OutputPaths.CheckFile("--trace", request.Trace, "trace.csv", "trace");
        }

        // An agent is a built-in id or a remote GeniusWeb party's URL (ws://host:port/path).
        var seats = new SessionSeat[agentIds.Count];
        for (var i = 0; i < agentIds.Count; i++)
        {
            try
            {
                seats[i] = SessionSeat.Parse(agentIds[i]);
            }
            catch (ArgumentException ex)
            {
                throw new InputException("--agents", agentIds[i], ex.Message);
            }
        }

        var hasRemote = seats.Any(s => s.Remote is not null);
        var agents = hasRemote ? [] : seats.Select(s => s.Agent!()).ToArray();

        var wall = request.Time is null ? (TimeSpan?)null : ParseDuration("--time", request.Time);
        var roundLimit = Deadline.Resolve(request.Rounds, wall, loaded.Deadline, Deadline.DefaultSessionRounds).Rounds;
        if (roundLimit is <= 0)
        {
            throw new InputException("--rounds", string.Empty, "the number of rounds must be positive");
        }

        var deadline = new Deadline(roundLimit, wall);
        var live = !request.Json && roundLimit is <= LiveTableRounds ? new LiveTable(io.Out, loaded) : null;
        var progress = !request.Json && live is null && io.ErrorIsTerminal ? new Progress(io.Error, deadline) : null;
        using var logWriter = request.Log is { } logPath
            ? NegotiationLogWriter.Create(logPath, new NegotiationLogHeader(
                request.Protocol,
                ParleyScenarioWriter.ToJson(loaded),
                [.. negotiators.Select(p => p.Name)],
                null,
                deadline,
                request.Seed,
                new Dictionary<string, string>(StringComparer.Ordinal) { ["agents"] = string.Join(',', agentIds) }))
            : null;
        var options = new SessionOptions
        {
            Log = logWriter,
            Cancellation = cancellation,
            Deadline = deadline,
            Seed = request.Seed,
            ActionTimeLimit = ParseDuration("--action-timeout", request.ActionTimeout),
            RecordTrace = request.Plot is not null || live is not null, // a trace file is streamed (below), not kept
            Observer = (ISessionObserver?)live ?? progress,
        };

        if (!request.Json)
        {
            await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Scenario {loaded.Name}: {Wording.Count(loaded.Domain.IssueCount, "issue")}, {Wording.Count(loaded.Domain.OutcomeCount, "outcome")}; deadline {Describe(deadline)}; seed {request.Seed}")).ConfigureAwait(false);
            for (var i = 0; i < negotiators.Count; i++)
            {
                await io.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {i + 1}. {negotiators[i].Name} played by {agentIds[i]}")).ConfigureAwait(false);
            }

            live?.WriteHeader();
        }

        var mopac = request.Protocol == "mopac";
        if (mopac && (request.Trace is not null || request.Plot is not null))
        {
            throw new InputException(request.Trace is not null ? "--trace" : "--plot", string.Empty, "traces and session pictures are drawn for SAOP sessions; use --log for a MOPAC session's events");
        }

        // The trace streams to its file as the session runs (a long session's trace is never held in memory).
        using var traceFile = request.Trace is { } traceTarget ? OpenTrace(traceTarget, loaded.Domain, [.. negotiators.Select(p => p.Name)]) : null;
        if (traceFile is not null)
        {
            options = options with { Observer = SessionObservers.Combine(options.Observer, traceFile) };
        }

        // The scenario's linkage rules bind every offer: each party carries them as red lines (the engine
        // refuses an offer across its offerer's red lines), so no agreement breaks one. The log's header
        // keeps the scenario as written; its replay adds the rules the same way.
        var bound = loaded.WithLinkageAsRedLines();
        SessionResult result;
        IReadOnlyList<Parley.Domains.Outcome?>? agreements = null;
        try
        {
            if (hasRemote && mopac)
            {
                (result, agreements) = await MixedSessions.RunMopacAsync(bound, seats, options with { Observer = null }).ConfigureAwait(false);
            }
            else if (hasRemote)
            {
                result = await MixedSessions.RunSaopAsync(bound.Domain, [.. bound.Negotiators.Select(p => p.Profile!)], [.. negotiators.Select(p => p.Name)], seats, options).ConfigureAwait(false);
            }
            else if (mopac)
            {
                var setup = NegotiationSetup.For(bound, deadline, request.Seed);
                var started = TimeProvider.System.GetTimestamp();
                var negotiation = Parley.Protocols.Drivers.MopacAgentRunner.Run(new MopacNegotiation(setup), agents, options with { Observer = null });
                result = Mopac.Result(negotiation, TimeProvider.System.GetElapsedTime(started));
                agreements = negotiation.Agreements;
            }
            else
            {
                result = Saop.Run(bound, agents, options);
            }
        }
        catch (OperationCanceledException)
        {
            progress?.Done();
            logWriter?.Flush();
            await io.Error.WriteLineAsync(request.Log is { } kept
                ? $"interrupted: the event log {kept} holds the session so far ('parley replay {kept}' shows where it stopped)"
                : "interrupted: nothing was kept (give --log to keep a session's events)").ConfigureAwait(false);
            throw;
        }

        progress?.Done();

        // GENIUS's log columns: the agreement (or, without one, the reservation values) against the frontier and the Nash point
        // (the zone-of-agreement count and the gap analysis are not reported here, so they are not computed).
        var analysis = OutcomeSpaceAnalyzer.Analyze(loaded, SaopResultJson.MetricsOptions);
        var metrics = OutcomeMetrics.Measure(analysis, result.Utilities);

        // Post-settlement (Raiffa): after an agreement, the package every party weakly prefers to it, if there is one.
        var improvement = !mopac && result.Agreement is { } agreed ? Parley.Mediation.PostSettlement.ForAgreement(loaded, agreed, result.Seed) : null;

        if (request.Trace is { } tracePath)
        {
            CompleteTrace(traceFile!, tracePath, result);
            await io.Error.WriteLineAsync($"trace written to {Path.GetFullPath(tracePath)}").ConfigureAwait(false);
        }

        if (request.Plot is { } plotPath)
        {
            OutputPaths.WriteText("--plot", plotPath, SessionSvgPlot.Render(result, negotiators[0].Profile!, negotiators[1].Profile!, agents: agentIds), "plot");
            await io.Error.WriteLineAsync($"plot written to {Path.GetFullPath(plotPath)}").ConfigureAwait(false);
        }

        if (request.Json)
        {
            await io.Out.WriteLineAsync(SaopResultJson.Write(result, metrics, loaded, agentIds, agreements, improvement)).ConfigureAwait(false);
        }
        else
        {
            await WriteSummaryAsync(io.Out, result, metrics, loaded, agreements: agreements, improvement: improvement).ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    private static TraceFile OpenTrace(string path, Parley.Domains.Domain domain, IReadOnlyList<string> parties)
    {
        try
        {
            return TraceFile.Create(path, domain, parties);
        }
        catch (ArgumentException)
        {
            throw new InputException("--trace", path, "the trace file must end in .csv or .json");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException("--trace", path, ex.Message, ex);
        }
    }

    private static void CompleteTrace(TraceFile trace, string path, SessionResult result)
    {
        try
        {
            trace.Complete(result);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException("--trace", path, ex.Message, ex);
        }
    }

    internal static async Task WriteSummaryAsync(TextWriter output, SessionResult result, OutcomeMetrics metrics, Scenario scenario, bool replayed = false, IReadOnlyList<Parley.Domains.Outcome?>? agreements = null, Parley.Domains.Outcome? improvement = null)
    {
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync().ConfigureAwait(false);
        var ended = result.EndReason switch
        {
            EndReason.Agreement => $"Agreement in round {result.Rounds} (t = {result.Time.ToString("0.###", c)})",
            EndReason.Deadline => $"No agreement: deadline reached after {Wording.Count(result.Rounds, "round")}",
            EndReason.WalkAway when result.WalkedAwayParty >= 0 => $"No agreement: {result.PartyNames[result.WalkedAwayParty]} walked away in round {result.Rounds}",
            EndReason.WalkAway => $"No agreement: the parties walked away by round {result.Rounds}",
            EndReason.Partial => $"Agreements among some of the parties by round {result.Rounds} (the others have none)",
            _ => $"Failure of {result.Failure!.PartyName} ({result.Failure.Kind.ToString().ToLowerInvariant()}): {result.Failure.Reason}",
        };
        await output.WriteLineAsync(ended).ConfigureAwait(false);
        if (result.Agreement is { } agreement)
        {
            foreach (var (issue, value) in scenario.Domain.Describe(agreement))
            {
                await output.WriteLineAsync($"  {issue} = {value}").ConfigureAwait(false);
            }
        }

        var discounted = scenario.Profiles.Any(p => p.IsDiscounted);
        await output.WriteLineAsync(discounted ? "Utilities (undiscounted → discounted):" : "Utilities:").ConfigureAwait(false);
        for (var i = 0; i < result.PartyNames.Count; i++)
        {
            var line = discounted
                ? $"  {result.PartyNames[i]}: {result.Utilities[i].ToString("0.0000", c)} → {result.DiscountedUtilities[i].ToString("0.0000", c)}"
                : $"  {result.PartyNames[i]}: {result.Utilities[i].ToString("0.0000", c)}";
            var own = agreements is null ? result.Agreement : agreements[i];
            await output.WriteLineAsync(line + (own is not null ? string.Empty : " (reservation value)")).ConfigureAwait(false);
        }

        await output.WriteLineAsync($"Social welfare: {result.SocialWelfare.ToString("0.0000", c)}").ConfigureAwait(false);
        await output.WriteLineAsync($"Distance to the Pareto frontier: {metrics.DistanceToPareto.ToString("0.0000", c)}").ConfigureAwait(false);
        await output.WriteLineAsync($"Distance to the Nash point: {(metrics.DistanceToNash is { } n ? n.ToString("0.0000", c) : "none (no deal is acceptable to every party)")}").ConfigureAwait(false);
        if (improvement is not null)
        {
            var gains = string.Join(", ", result.PartyNames.Select(name => $"{name} {scenario.FindParty(name)!.Profile!.Utility(improvement).ToString("0.0000", c)}"));
            await output.WriteLineAsync($"Post-settlement: every party does at least as well with this package ({gains}):").ConfigureAwait(false);
            foreach (var (issue, value) in scenario.Domain.Describe(improvement))
            {
                await output.WriteLineAsync($"  {issue} = {value}").ConfigureAwait(false);
            }
        }
        else if (result.Agreement is not null && agreements is null)
        {
            await output.WriteLineAsync("Post-settlement: no package is better for one party and no worse for any (the agreement is Pareto-optimal)").ConfigureAwait(false);
        }

        await output.WriteLineAsync(replayed
            ? $"{Wording.Count(result.Actions, "action")} (replayed from the event log)"
            : $"{Wording.Count(result.Actions, "action")} in {result.Elapsed.TotalMilliseconds.ToString("0.###", c)} ms").ConfigureAwait(false);
    }

    private static string Describe(Deadline deadline) =>
        (deadline.Rounds, deadline.Time) switch
        {
            ({ } r, { } t) => $"{Wording.Count(r, "round")} or {Durations.Describe(t)}",
            ({ } r, null) => Wording.Count(r, "round"),
            (null, { } t) => Durations.Describe(t),
            _ => "none",
        };

    private static TimeSpan ParseDuration(string option, string text) =>
        Durations.TryParse(text, out var value) ? value : throw new InputException(option, text, "expected a positive duration such as 3s, 500ms or 2m");

    private sealed record Request(string Scenario, string Agents, string? Profiles, int? Rounds, string? Time, int Seed, string ActionTimeout, bool Json, string? Trace, string? Plot, string? Log, string Protocol);

    /// <summary>Prints each action as it happens (short sessions).</summary>
    private sealed class LiveTable(TextWriter output, Scenario scenario) : ISessionObserver
    {
        private readonly IReadOnlyList<string> _names = [.. scenario.Negotiators.Select(p => p.Name)];
        private readonly int _nameWidth = Math.Max(6, scenario.Negotiators.Max(p => p.Name.Length) + 2);

        public void WriteHeader()
        {
            var sb = new StringBuilder().Append("round".PadRight(7)).Append("t".PadRight(7)).Append("party".PadRight(_nameWidth)).Append("action".PadRight(10));
            foreach (var n in _names)
            {
                sb.Append(("u:" + n).PadRight(ColumnWidth(n)));
            }

            output.WriteLine(sb.ToString().TrimEnd());
        }

        private static int ColumnWidth(string name) => Math.Max(10, name.Length + 4);

        public void OnEvent(in SessionEvent e, ReadOnlySpan<double> utilities)
        {
            var c = CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            sb.Append((e.Round + 1).ToString(c).PadRight(7)).Append(e.Time.ToString("0.000", c).PadRight(7)).Append(_names[e.Actor].PadRight(_nameWidth))
                .Append(TraceCsvWriter.ActionName(e.Kind).PadRight(10));
            for (var i = 0; i < utilities.Length; i++)
            {
                var u = utilities[i];
                sb.Append((double.IsNaN(u) ? "-" : u.ToString("0.0000", c)).PadRight(ColumnWidth(_names[i])));
            }

            output.WriteLine(sb.ToString().TrimEnd());
        }
    }

    /// <summary>A one-line progress indicator on standard error (long sessions).</summary>
    private sealed class Progress(TextWriter error, Deadline deadline) : ISessionObserver
    {
        private int _lastShown = -1;

        public void OnEvent(in SessionEvent e, ReadOnlySpan<double> utilities)
        {
            var rounds = deadline.Rounds ?? 0;
            var percent = rounds > 0 ? (int)(100L * e.Round / rounds) : (int)(100 * e.Time);
            if (percent != _lastShown && percent % 5 == 0)
            {
                _lastShown = percent;
                error.Write($"\rround {e.Round + 1}{(rounds > 0 ? "/" + rounds.ToString(CultureInfo.InvariantCulture) : string.Empty)}  t = {e.Time.ToString("0.00", CultureInfo.InvariantCulture)}");
            }
        }

        public void Done()
        {
            if (_lastShown >= 0)
            {
                error.WriteLine();
            }
        }
    }
}
