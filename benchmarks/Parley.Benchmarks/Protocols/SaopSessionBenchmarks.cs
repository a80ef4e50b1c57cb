using BenchmarkDotNet.Attributes;
using Parley.Agents;
using Parley.Formats.Genius;
using Parley.Formats.ParleyJson;
using Parley.Protocols;
using Parley.Protocols.Drivers;
using Parley.Protocols.Log;
using Parley.Scenarios;

namespace Parley.Benchmarks.Protocols;

/// <summary>
/// One 1,000-round Boulware-vs-Linear SAOP session on ANAC 2012 CameraC in which nobody accepts
/// (both use AC_const(1.1): no utility reaches 1.1, so the session always runs to the deadline and
/// every one of the 2,000 turns is played), against NegMAS's 0.62 s for the same session. The
/// profiles' outcome indexes are built in the global setup (shared, as in a tournament); their
/// build time is measured separately. Allocated / 1,000 = allocations per round.
/// </summary>
[MemoryDiagnoser]
public class SaopSessionBenchmarks
{
    private const int Rounds = 1000;
    private Scenario _scenario = null!;
    private SessionOptions _lean = null!;
    private SessionOptions _traced = null!;
    private List<NegotiationEvent> _log = null!;
    private NegotiationLogHeader _header = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = GeniusReader.ReadFolder(BenchmarkPaths.Domain("anac", "y2012", "CameraC"));
        foreach (var profile in _scenario.Profiles)
        {
            _ = OutcomeIndex.For(profile);
        }

        _lean = new SessionOptions { Deadline = new Deadline(Rounds, null), RecordTrace = false, Seed = 1 };
        _traced = _lean with { RecordTrace = true };
        var collector = new LogCollector();
        Saop.Run(_scenario, [NeverAccepting(BuiltInAgents.BoulwareE), NeverAccepting(1)], _lean with { Log = collector });
        _log = collector.Events;
        _header = new NegotiationLogHeader("saop", ParleyScenarioWriter.ToJson(_scenario), [.. _scenario.Negotiators.Select(p => p.Name)], null, _lean.Deadline, 1, new Dictionary<string, string>());
        var check = Session_BoulwareVsLinear_1000Rounds();
        if (check.EndReason != EndReason.Deadline || check.Actions != 2 * Rounds)
        {
            throw new InvalidOperationException($"The benchmark session must run to its deadline; it ended by {check.EndReason} after {check.Actions} actions.");
        }
    }

    [Benchmark(Baseline = true)]
    public SessionResult Session_BoulwareVsLinear_1000Rounds() =>
        Saop.Run(_scenario, [NeverAccepting(BuiltInAgents.BoulwareE), NeverAccepting(1)], _lean);

    [Benchmark]
    public SessionResult Session_BoulwareVsLinear_1000Rounds_FullTrace() =>
        Saop.Run(_scenario, [NeverAccepting(BuiltInAgents.BoulwareE), NeverAccepting(1)], _traced);

    [Benchmark]
    public SessionResult Session_BoulwareVsLinear_1000Rounds_ActionTimeLimit() =>
        Saop.Run(_scenario, [NeverAccepting(BuiltInAgents.BoulwareE), NeverAccepting(1)], _lean with { ActionTimeLimit = TimeSpan.FromSeconds(10) });

    /// <summary>The same session with both agents playing through the asynchronous entry point, each on its own task (<see cref="HostedAgent"/> seats on a <see cref="NegotiationHost"/>, as the server fills a seat with an agent): a seat whose turn comes is resumed on the host's strand.</summary>
    [Benchmark]
    public SessionResult Session_BoulwareVsLinear_1000Rounds_AsyncHost()
    {
        var negotiation = new SaopNegotiation(NegotiationSetup.For(_scenario, _lean.Deadline, _lean.Seed));
        using var host = new NegotiationHost(negotiation);
        var a = Task.Run(() => HostedAgent.PlayAsync(host, 0, NeverAccepting(BuiltInAgents.BoulwareE)));
        var b = Task.Run(() => HostedAgent.PlayAsync(host, 1, NeverAccepting(1)));
        Task.WaitAll(a, b);
        return Saop.Result(negotiation, TimeSpan.Zero);
    }

    /// <summary>
    /// The same 2,000 moves submitted from outside, as web requests or remote parties would: two
    /// tasks each wait for their party's turn (<see cref="NegotiationHost.WaitForTurnAsync"/>, resumed
    /// on the thread pool) and submit that party's next move from the recorded session. Measures the
    /// host alone, with a hop between threads per action; the agents' thinking is not included.
    /// </summary>
    [Benchmark]
    public long Session_1000Rounds_OutsideSubmitters()
    {
        var negotiation = new SaopNegotiation(NegotiationSetup.For(_scenario, _lean.Deadline, _lean.Seed));
        using var host = new NegotiationHost(negotiation);
        var a = Task.Run(() => SubmitRecordedAsync(host, 0));
        var b = Task.Run(() => SubmitRecordedAsync(host, 1));
        Task.WaitAll(a, b);
        return negotiation.EventCount;
    }

    private async Task SubmitRecordedAsync(NegotiationHost host, int party)
    {
        foreach (var e in _log)
        {
            if (e.Actor != party || e.Kind != EventKind.Offered)
            {
                continue;
            }

            await host.WaitForTurnAsync(party).ConfigureAwait(false);
            if (!host.Submit(party, NegotiationAction.Offer(e.Outcome!)).Accepted)
            {
                throw new InvalidOperationException("A recorded move was refused.");
            }
        }
    }

    /// <summary>Rebuilding the 1,000-round session (2,002 events) from its log, every event re-decided and checked.</summary>
    [Benchmark]
    public long Replay_1000RoundSession()
    {
        var negotiation = new SaopNegotiation(NegotiationSetup.For(_scenario, _lean.Deadline, _lean.Seed));
        negotiation.Replay(_log);
        return negotiation.EventCount;
    }

    /// <summary>The same session, writing its event log (JSON Lines) to a stream as it goes.</summary>
    [Benchmark]
    public SessionResult Session_BoulwareVsLinear_1000Rounds_WithEventLog()
    {
        using var sink = new NegotiationLogWriter(Stream.Null, _header);
        return Saop.Run(_scenario, [NeverAccepting(BuiltInAgents.BoulwareE), NeverAccepting(1)], _lean with { Log = sink });
    }

    [Benchmark]
    public OutcomeIndex IndexBuild_CameraC() => OutcomeIndex.Build(_scenario.Profiles[0]);

    private static BoaAgent NeverAccepting(double e) => new(new TimeDependentBidding(e), new AcConst(1.1));

    private sealed class LogCollector : INegotiationObserver
    {
        public List<NegotiationEvent> Events { get; } = [];

        public void OnEvent(Negotiation negotiation, in NegotiationEvent e) => Events.Add(e);
    }
}
