using Parley.Analysis;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Protocols.Log;

namespace Parley.Sessions;

/// <summary>
/// Rebuilds a session from its event log and gives the same result the run that wrote it gave:
/// the negotiation state (verified event by event) and the command's JSON contract.
/// </summary>
/// <remarks>
/// The log carries the scenario, the setup and the host's settings (agent ids, mediator and voter
/// kinds); the protocol named in the header re-decides every logged action and checks that every
/// derived event matches, so a tampered log is refused with the first event that does not fit.
/// Protocols register here (<see cref="Register"/>); SAOP and MOPAC are built in.
/// </remarks>
public static class SessionReplay
{
    private static readonly Dictionary<string, Func<NegotiationLog, ReplayedSession>> Protocols = new(StringComparer.Ordinal)
    {
        ["saop"] = ReplaySaop,
        ["mopac"] = ReplayMopac,
        [SingleTextReplay.Protocol] = SingleTextReplay.Replay,
    };

    private static readonly Lock Gate = new();

    /// <summary>The protocols a log may name.</summary>
    public static IReadOnlyList<string> Known
    {
        get
        {
            lock (Gate)
            {
                return [.. Protocols.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Registers (or replaces) how logs of protocol <paramref name="id"/> are replayed.</summary>
    public static void Register(string id, Func<NegotiationLog, ReplayedSession> replay)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(replay);
        lock (Gate)
        {
            Protocols[id] = replay;
        }
    }

    /// <summary>Replays the log file <paramref name="path"/>.</summary>
    /// <exception cref="InputException">An unreadable or malformed log, an unknown protocol, or events the protocol does not reproduce.</exception>
    public static ReplayedSession Replay(string path) => Replay(NegotiationLog.Read(path), path);

    /// <summary>Replays a log read already; <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="InputException">An unknown protocol, or events the protocol does not reproduce.</exception>
    public static ReplayedSession Replay(NegotiationLog log, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(log);
        Func<NegotiationLog, ReplayedSession>? replay;
        lock (Gate)
        {
            Protocols.TryGetValue(log.Header.Protocol, out replay);
        }

        if (replay is null)
        {
            throw new InputException(sourceName, "line 1", $"unknown protocol '{log.Header.Protocol}' (known: {string.Join(", ", Known)})");
        }

        try
        {
            return replay(log);
        }
        catch (InvalidLogException ex)
        {
            throw new InputException(sourceName, $"line {ex.Sequence + 2}", $"the log does not replay: {ex.Problem}", ex);
        }
        catch (ArgumentException ex)
        {
            throw new InputException(sourceName, "line 1", $"the header does not set up a {log.Header.Protocol} session: {ex.Message}", ex);
        }
    }

    /// <summary>The setup a log's header describes, over the scenario it carries (its linkage rules added to every party's red lines, as the session ran).</summary>
    public static NegotiationSetup SetupOf(NegotiationLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var scenario = log.Scenario.WithLinkageAsRedLines();
        var profiles = log.Header.Parties.Select(name => scenario.FindParty(name)?.Profile).ToArray();
        return new NegotiationSetup(scenario.Domain, log.Header.Parties, profiles, log.Header.Deadline, log.Header.Seed, log.Header.Mediator);
    }

    private static ReplayedSession ReplaySaop(NegotiationLog log)
    {
        var negotiation = new SaopNegotiation(SetupOf(log));
        negotiation.Replay(log.Events);
        var result = Saop.Result(negotiation, TimeSpan.Zero);
        var analysis = OutcomeSpaceAnalyzer.Analyze(log.Scenario, SaopResultJson.MetricsOptions);
        var metrics = OutcomeMetrics.Measure(analysis, result.Utilities);
        var agents = (log.Header.Setting("agents") ?? string.Empty).Split(',');
        var improvement = result.Agreement is { } agreement ? PostSettlement.ForAgreement(log.Scenario, agreement, result.Seed) : null;
        return new ReplayedSession(log, negotiation, result, SaopResultJson.Write(result, metrics, log.Scenario, agents, postSettlement: improvement), metrics);
    }

    private static ReplayedSession ReplayMopac(NegotiationLog log)
    {
        var negotiation = new MopacNegotiation(SetupOf(log));
        negotiation.Replay(log.Events);
        var result = Mopac.Result(negotiation, TimeSpan.Zero);
        var analysis = OutcomeSpaceAnalyzer.Analyze(log.Scenario, SaopResultJson.MetricsOptions);
        var metrics = OutcomeMetrics.Measure(analysis, result.Utilities);
        var agents = (log.Header.Setting("agents") ?? string.Empty).Split(',');
        return new ReplayedSession(log, negotiation, result, SaopResultJson.Write(result, metrics, log.Scenario, agents, negotiation.Agreements), metrics);
    }
}
