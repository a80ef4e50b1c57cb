using Parley.Agents;
using Parley.Domains;
using Parley.Preferences;
using Parley.Protocols.Drivers;
using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>
/// The stacked alternating offers protocol (SAOP) for two or more parties.
/// </summary>
/// <remarks>
/// <para>Aydoğan, Festen, Hindriks &amp; Jonker (2017), "Alternating offers protocols for multilateral
/// negotiation", in Modern Approaches to Agent-based Complex Automated Negotiation, Springer.
/// Parties act in a fixed order (their order in the scenario, or as given). The first party must
/// make an offer; after that each party, in turn, accepts the offer on the table, makes a
/// counter-offer (which replaces it and resets the acceptances) or walks away (the session ends
/// with no agreement). There is an agreement as soon as every party other than the one that made
/// the offer has accepted it in sequence. A round is one turn of every party.</para>
/// <para>Ends: agreement; deadline (the round limit or the wall time passes); walk-away; failure (an
/// agent throws, overruns <see cref="SessionOptions.ActionTimeLimit"/>, makes an offer that is not
/// an outcome of the domain, or accepts when nothing is on the table): the failure is attributed to
/// that agent, nothing is retried, and the caller gets a result. Payoffs: the agreement's utility,
/// or the reservation value without one, each discounted at the end time with GENIUS's u·d^t.</para>
/// <para>Reproducible: agent i's random source is seeded from (seed, i); a round-limited session
/// reads no clock in its loop. The loop allocates nothing per turn beyond what agents allocate;
/// recording the full trace (<see cref="SessionOptions.RecordTrace"/>) adds the utility of the offer
/// for every party per action.</para>
/// </remarks>
public static class Saop
{
    /// <summary>Runs a session between the scenario's negotiators (in scenario order) and <paramref name="agents"/> (one per negotiator, same order).</summary>
    /// <exception cref="ArgumentException">Fewer than two negotiators, or not one agent per negotiator.</exception>
    public static SessionResult Run(Scenario scenario, IReadOnlyList<IAgent> agents, SessionOptions options)
    {
        var negotiators = scenario.Negotiators;
        var names = new string[negotiators.Count];
        var profiles = new Profile[negotiators.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = negotiators[i].Name;
            profiles[i] = negotiators[i].Profile!;
        }

        return Run(scenario.Domain, profiles, names, agents, options);
    }

    /// <summary>Runs a session between parties given by profile and name (the cheapest setup, for tournaments).</summary>
    /// <exception cref="ArgumentException">Fewer than two parties, counts that differ, or a profile over another domain.</exception>
    public static SessionResult Run(Domain domain, IReadOnlyList<Profile> profiles, IReadOnlyList<string> partyNames, IReadOnlyList<IAgent> agents, SessionOptions options) =>
        Run(domain, profiles, partyNames, agents, options, null);

    /// <summary>As <see cref="Run(Domain, IReadOnlyList{Profile}, IReadOnlyList{string}, IReadOnlyList{IAgent}, SessionOptions)"/>, with the agents' history kept in <paramref name="reuse"/> (see <see cref="SaopAgentRunner"/>).</summary>
    internal static SessionResult Run(Domain domain, IReadOnlyList<Profile> profiles, IReadOnlyList<string> partyNames, IReadOnlyList<IAgent> agents, SessionOptions options, NegotiationHistory? reuse)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (profiles.Count < 2)
        {
            throw new ArgumentException($"SAOP needs at least two parties (got {profiles.Count}).", nameof(profiles));
        }

        if (agents.Count != profiles.Count || partyNames.Count != profiles.Count)
        {
            throw new ArgumentException($"Got {profiles.Count} profiles, {partyNames.Count} names and {agents.Count} agents: give one agent and one name per profile.", nameof(agents));
        }

        for (var i = 0; i < profiles.Count; i++)
        {
            if (!ReferenceEquals(profiles[i].Domain, domain))
            {
                throw new ArgumentException($"The profile of '{partyNames[i]}' is over another domain.", nameof(profiles));
            }
        }

        var setup = new NegotiationSetup(domain, partyNames, profiles, options.Deadline, options.Seed) { TimeProvider = options.TimeProvider };
        return SaopAgentRunner.Run(new SaopNegotiation(setup), agents, options, reuse);
    }

    /// <summary>The seed of party <paramref name="party"/>'s random source in a session seeded with <paramref name="seed"/>.</summary>
    public static int AgentSeed(int seed, int party)
    {
        // SplitMix64 finaliser over (seed, party): well spread, stable across runtimes.
        var z = ((ulong)(uint)seed << 32) ^ (ulong)(uint)party;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    /// <summary>The result of a finished (or failed) session, from its state machine and the parties' profiles.</summary>
    /// <param name="negotiation">The session.</param>
    /// <param name="elapsed">The wall time the run took, as its driver measured it (zero for a replay).</param>
    /// <param name="trace">The utility trace, if one was kept.</param>
    public static SessionResult Result(SaopNegotiation negotiation, TimeSpan elapsed, SessionTrace? trace = null)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        var setup = negotiation.Setup;
        var n = setup.PartyCount;
        var utilities = new double[n];
        var discounted = new double[n];
        var agreement = negotiation.Agreement;
        var time = negotiation.Time;
        for (var i = 0; i < n; i++)
        {
            if (setup.Profiles[i] is not { } profile)
            {
                utilities[i] = double.NaN;
                discounted[i] = double.NaN;
                continue;
            }

            utilities[i] = agreement is null ? profile.ReservationValue : profile.Utility(agreement.Levels);
            discounted[i] = profile.Discount(utilities[i], time);
        }

        return new SessionResult(
            negotiation.IsOver ? negotiation.EndReason : EndReason.Deadline,
            agreement,
            negotiation.LastActionRound + 1,
            time,
            elapsed,
            setup.Parties,
            utilities,
            discounted,
            negotiation.Actions,
            setup.Seed,
            negotiation.Failure,
            negotiation.WalkedAwayParty,
            trace);
    }
}
