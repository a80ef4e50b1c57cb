using Parley.Agents;
using Parley.Domains;
using Parley.Preferences;
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
    public static SessionResult Run(Domain domain, IReadOnlyList<Profile> profiles, IReadOnlyList<string> partyNames, IReadOnlyList<IAgent> agents, SessionOptions options)
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

        var session = new SaopRun(domain, profiles, partyNames, agents, options);
        return SessionWatchdog.Run(session.Guard, session.Run, session.Abandoned);
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

    private sealed class SaopRun
    {
        private readonly Domain _domain;
        private readonly Profile[] _profiles;
        private readonly string[] _names;
        private readonly IAgent[] _agents;
        private readonly SessionOptions _options;
        private readonly SessionClock _clock;
        private readonly NegotiationHistory _history;
        private readonly SessionTrace? _trace;
        private readonly double[] _utilities;
        private int _round;
        private double _time;
        private int _actions;
        private int _lastRound = -1;

        public SaopRun(Domain domain, IReadOnlyList<Profile> profiles, IReadOnlyList<string> names, IReadOnlyList<IAgent> agents, SessionOptions options)
        {
            _domain = domain;
            _profiles = [.. profiles];
            _names = [.. names];
            _agents = [.. agents];
            _options = options;
            _clock = new SessionClock(options.Deadline, options.TimeProvider);
            Guard = new AgentCallGuard(options.ActionTimeLimit, options.TimeProvider, _names);
            var expected = options.Deadline.Rounds is { } r ? (int)Math.Min((long)r * _names.Length + 1, 1 << 16) : 256;
            _history = new NegotiationHistory(expected);
            _trace = options.RecordTrace ? new SessionTrace(domain, _names, expected) : null;
            _utilities = new double[_names.Length];
        }

        public AgentCallGuard Guard { get; }

        public SessionResult Abandoned(SessionFailure failure) => Finish(EndReason.Failure, null, failure, -1);

        public SessionResult Run()
        {
            var n = _agents.Length;
            _clock.Start();
            for (var p = 0; p < n; p++)
            {
                var context = new AgentContext(_profiles[p], p, _names, _options.Deadline, _history, new Random(AgentSeed(_options.Seed, p)), Guard.Cancellation);
                Guard.Enter(p);
                try
                {
                    _agents[p].Start(context);
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    return Guard.Exit(p) ? Fail(p, FailureKind.Exception, Describe("Start", ex)) : AfterGuardRefusal();
                }

                if (!Guard.Exit(p))
                {
                    return AfterGuardRefusal();
                }
            }

            Outcome? table = null;
            var offeredBy = -1;
            var acceptances = 0;
            var observer = _options.Observer;
            var record = _trace is not null || observer is not null;
            for (_round = 0; ; _round++)
            {
                for (var p = 0; p < n; p++)
                {
                    if (_clock.IsOver(_round))
                    {
                        _time = 1;
                        return Finish(EndReason.Deadline, null, null, -1);
                    }

                    _time = _clock.TimeAt(_round, p, n);
                    var state = new NegotiationState(_round, _time, table, offeredBy, acceptances);
                    AgentAction action;
                    Guard.Enter(p);
                    try
                    {
                        action = _agents[p].Act(state);
                    }
                    catch (Exception ex) when (ex is not OutOfMemoryException)
                    {
                        return Guard.Exit(p) ? Fail(p, FailureKind.Exception, Describe("Act", ex)) : AfterGuardRefusal();
                    }

                    if (!Guard.Exit(p))
                    {
                        return AfterGuardRefusal();
                    }

                    _actions++;
                    _lastRound = _round;
                    switch (action.Kind)
                    {
                        case ActionKind.Offer:
                            var offer = action.Offer;
                            if (offer is null || !_domain.IsValid(offer.Levels))
                            {
                                return Fail(p, FailureKind.InvalidAction, offer is null
                                    ? "offered nothing (an Offer action without an outcome)"
                                    : $"offered {offer}, which is not an outcome of domain '{_domain.Name}' ({_domain.IssueCount} issues with levels 0..cardinality−1)");
                            }

                            table = offer;
                            offeredBy = p;
                            acceptances = 0;
                            _history.Add(new HistoryEntry(_round, _time, p, ActionKind.Offer, offer));
                            if (record)
                            {
                                Record(new SessionEvent(_round, _time, p, ActionKind.Offer, offer), observer);
                            }

                            break;
                        case ActionKind.Accept:
                            if (table is null || offeredBy == p)
                            {
                                return Fail(p, FailureKind.InvalidAction, table is null
                                    ? "accepted when no offer was on the table"
                                    : "accepted its own offer");
                            }

                            acceptances++;
                            _history.Add(new HistoryEntry(_round, _time, p, ActionKind.Accept, table));
                            if (record)
                            {
                                Record(new SessionEvent(_round, _time, p, ActionKind.Accept, table), observer);
                            }

                            if (acceptances == n - 1)
                            {
                                return Finish(EndReason.Agreement, table, null, -1);
                            }

                            break;
                        case ActionKind.WalkAway:
                            _history.Add(new HistoryEntry(_round, _time, p, ActionKind.WalkAway, null));
                            if (record)
                            {
                                Record(new SessionEvent(_round, _time, p, ActionKind.WalkAway, null), observer);
                            }

                            return Finish(EndReason.WalkAway, null, null, p);
                        default:
                            return Fail(p, FailureKind.InvalidAction, $"returned an unknown action kind ({(int)action.Kind})");
                    }
                }
            }
        }

        private static string Describe(string call, Exception ex) => $"{call} threw {ex.GetType().Name}: {ex.Message}";

        private SessionResult AfterGuardRefusal() =>
            Guard.IsAbandoned
                ? null! // the watchdog owns the result; nobody reads this one
                : Finish(EndReason.Failure, null, Guard.Failure, -1);

        private SessionResult Fail(int party, FailureKind kind, string reason) =>
            Finish(EndReason.Failure, null, new SessionFailure(party, _names[party], kind, reason), -1);

        private void Record(in SessionEvent e, ISessionObserver? observer)
        {
            if (e.Offer is { } offer)
            {
                for (var i = 0; i < _profiles.Length; i++)
                {
                    _utilities[i] = _profiles[i].Utility(offer.Levels);
                }
            }
            else
            {
                Array.Fill(_utilities, double.NaN);
            }

            _trace?.Add(e, _utilities);
            observer?.OnEvent(e, _utilities);
        }

        private SessionResult Finish(EndReason reason, Outcome? agreement, SessionFailure? failure, int walkedAway)
        {
            var n = _profiles.Length;
            var utilities = new double[n];
            var discounted = new double[n];
            for (var i = 0; i < n; i++)
            {
                utilities[i] = agreement is null ? _profiles[i].ReservationValue : _profiles[i].Utility(agreement.Levels);
                discounted[i] = _profiles[i].Discount(utilities[i], _time);
            }

            var rounds = _lastRound + 1;
            return new SessionResult(reason, agreement, rounds, _time, _clock.Elapsed, _names, utilities, discounted, _actions, _options.Seed, failure, walkedAway, _trace);
        }
    }
}
