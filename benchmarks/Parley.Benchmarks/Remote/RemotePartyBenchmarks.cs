using BenchmarkDotNet.Attributes;
using Parley.Agents;
using Parley.Formats.Genius;
using Parley.Protocols;
using Parley.Remote;
using Parley.Scenarios;

namespace Parley.Benchmarks.Remote;

/// <summary>
/// The cost of a remote GeniusWeb party on loopback: the 1,000-round Boulware-vs-Linear SAOP session
/// on ANAC 2012 CameraC in which nobody accepts (as in SaopSessionBenchmarks, so every one of the
/// 2,000 turns is played), with the Boulware side played by Parley's own GeniusWeb party
/// (<see cref="PartyServer"/>, in this process) over a real loopback WebSocket, against the same
/// session with both agents in process through the same asynchronous host. Each of the 1,000 remote
/// turns is one round trip (ActionDone and YourTurn out, the party's Offer back, its ActionDone out),
/// so (remote − hosted) / 1,000 is the overhead per round trip. The session's setup (connecting,
/// Settings, the party fetching its profile, Finished and the close) is inside the measured time.
/// </summary>
[MemoryDiagnoser]
public class RemotePartyBenchmarks
{
    private const int Rounds = 1000;
    private const string RemoteId = "bench-never-accepting-boulware";
    private Scenario _scenario = null!;
    private SessionOptions _options = null!;
    private PartyServer _server = null!;
    private SessionSeat[] _remote = null!;
    private SessionSeat[] _hosted = null!;

    [GlobalSetup]
    public void Setup()
    {
        _scenario = GeniusReader.ReadFolder(BenchmarkPaths.Domain("anac", "y2012", "CameraC"));
        foreach (var profile in _scenario.Profiles)
        {
            _ = OutcomeIndex.For(profile);
        }

        AgentRegistry.Register(new AgentDescriptor(RemoteId, "Boulware that never accepts (benchmark).", "benchmark"), () => NeverAccepting(BuiltInAgents.BoulwareE));
        _server = new PartyServer(agents: [RemoteId]);
        _options = new SessionOptions { Deadline = new Deadline(Rounds, null), RecordTrace = false, Seed = 1 };
        _remote = [SessionSeat.Parse(_server.PartySocketAddress(RemoteId).ToString()), SessionSeat.Of("linear", () => NeverAccepting(1))];
        _hosted = [SessionSeat.Of("boulware", () => NeverAccepting(BuiltInAgents.BoulwareE)), SessionSeat.Of("linear", () => NeverAccepting(1))];
        foreach (var check in new[] { Session_RemoteBoulware_1000Rounds(), Session_HostedBoulware_1000Rounds() })
        {
            if (check.EndReason != EndReason.Deadline || check.Actions != 2 * Rounds)
            {
                throw new InvalidOperationException($"The benchmark session must run to its deadline; it ended by {check.EndReason} after {check.Actions} actions ({check.Failure?.Reason}).");
            }
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _server.Dispose();

    [Benchmark(Baseline = true)]
    public SessionResult Session_HostedBoulware_1000Rounds() => Run(_hosted);

    [Benchmark]
    public SessionResult Session_RemoteBoulware_1000Rounds() => Run(_remote);

    private static BoaAgent NeverAccepting(double e) => new(new TimeDependentBidding(e), new AcConst(1.1));

    private SessionResult Run(SessionSeat[] seats) =>
        MixedSessions.RunSaop(_scenario.Domain, _scenario.Profiles, [.. _scenario.Negotiators.Select(p => p.Name)], seats, _options);
}
