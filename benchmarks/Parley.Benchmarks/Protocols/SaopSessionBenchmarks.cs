using BenchmarkDotNet.Attributes;
using Parley.Agents;
using Parley.Formats.Genius;
using Parley.Protocols;
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

    [Benchmark]
    public OutcomeIndex IndexBuild_CameraC() => OutcomeIndex.Build(_scenario.Profiles[0]);

    private static BoaAgent NeverAccepting(double e) => new(new TimeDependentBidding(e), new AcConst(1.1));
}
