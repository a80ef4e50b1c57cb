using Parley.Agents;
using Parley.Protocols;
using Parley.Protocols.Drivers;
using Parley.Remote;
using Parley.Scenarios;

namespace Parley.Tournaments;

/// <summary>
/// Runs tournament sessions with the stacked alternating offers protocol (<see cref="Saop"/>): the
/// <see cref="SessionRunner"/> of an ordinary <c>parley tournament</c>.
/// </summary>
/// <remarks>
/// Everything that does not depend on the session is prepared once and shared by every session
/// and thread: each scenario's negotiator profiles (and with them the per-profile outcome index
/// the agents search, cached by <see cref="OutcomeIndex.For"/>), each agent id parsed into a
/// factory, and each scenario's analysis (Pareto frontier, Nash point) computed the first time a
/// session of that scenario ends and reused for all the others. A session builds fresh agents,
/// runs without a trace and is measured against that analysis (distances in the undiscounted
/// utility space, as GENIUS does; social welfare is the sum of the undiscounted utilities).
/// </remarks>
public sealed class SaopSessions
{
    private readonly ScenarioEntry[] _scenarios;
    private readonly Dictionary<string, Func<IAgent>> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SessionSeat> _remote = new(StringComparer.Ordinal);
    private readonly TimeSpan? _actionTimeLimit;
    private readonly bool _postSettlement;

    // Each worker thread's history, emptied and reused by its next session: a session's agents are
    // created for it and dropped after it, so nothing reads the history once the session has ended.
    [ThreadStatic]
    private static NegotiationHistory? t_history;

    /// <summary>Prepares the sessions of a tournament over <paramref name="scenarios"/> between <paramref name="agents"/>.</summary>
    /// <param name="scenarios">The scenarios, in the tournament's order; each negotiator is a profile agents are seated on.</param>
    /// <param name="agents">The agent ids.</param>
    /// <param name="resolve">Turns an id into an agent factory; <see cref="AgentRegistry.Factory"/> when null (pass your own to add agents).</param>
    /// <param name="actionTimeLimit">The longest one agent call may take (the engine attributes an overrun to the agent); null for no limit.</param>
    /// <param name="postSettlement">Whether to judge each agreement for a post-settlement improvement (<see cref="SessionOutcome.PostSettlement"/>).</param>
    /// <exception cref="InputException">An agent id is unknown.</exception>
    public SaopSessions(IReadOnlyList<Scenario> scenarios, IReadOnlyList<string> agents, Func<string, Func<IAgent>>? resolve = null, TimeSpan? actionTimeLimit = null, bool postSettlement = true)
    {
        _postSettlement = postSettlement;
        resolve ??= AgentRegistry.Factory;
        foreach (var id in agents)
        {
            try
            {
                if (RemoteParty.IsRemote(id))
                {
                    _remote[id] = SessionSeat.Parse(id);
                    continue;
                }

                _agents[id] = resolve(id);
            }
            catch (ArgumentException ex)
            {
                throw new InputException("--agents", string.Empty, ex.Message, ex);
            }
        }

        _scenarios = new ScenarioEntry[scenarios.Count];
        var described = new TournamentScenario[scenarios.Count];
        for (var s = 0; s < scenarios.Count; s++)
        {
            _scenarios[s] = new ScenarioEntry(scenarios[s]);
            described[s] = _scenarios[s].Describe();
        }

        Scenarios = described;
        _actionTimeLimit = actionTimeLimit;
    }

    /// <summary>The scenarios as the tournament plan sees them (names, profile names, reservation values).</summary>
    public IReadOnlyList<TournamentScenario> Scenarios { get; }

    /// <summary>Runs one session; thread-safe.</summary>
    public SessionOutcome Run(SessionSpec session, CancellationToken cancellationToken)
    {
        var entry = _scenarios[session.ScenarioIndex];
        var options = new SessionOptions
        {
            Deadline = new Deadline(session.Rounds, session.Time),
            ActionTimeLimit = _actionTimeLimit,
            Seed = session.Seed,
            RecordTrace = false,
        };
        SessionResult result;
        if (_remote.Count > 0 && session.Agents.Any(_remote.ContainsKey))
        {
            // A remote GeniusWeb party plays through the asynchronous host beside in-process agents.
            var seats = session.Agents.Select(a => _remote.TryGetValue(a, out var seat) ? seat : SessionSeat.Of(a, _agents[a])).ToArray();
            result = MixedSessions.RunSaop(entry.Domain, entry.Profiles, entry.Names, seats, options with { Cancellation = cancellationToken });
        }
        else
        {
            var agents = new IAgent[session.Agents.Count];
            for (var i = 0; i < agents.Length; i++)
            {
                agents[i] = _agents[session.Agents[i]]();
            }

            // Without an action time limit the session runs on this thread to its end: its history can be reused.
            result = Saop.Run(entry.Domain, entry.Profiles, entry.Names, agents, options, _actionTimeLimit is null ? HistoryFor(session) : null);
        }

        var k = result.Utilities.Count;
        var (pareto, nash, welfare) = entry.Measure(result.Utilities);
        var failure = result.Failure;
        return new SessionOutcome(
            result.Rounds,
            result.HasAgreement,
            result.HasAgreement ? k : 0,
            entry.Discounted,
            [.. result.Utilities],
            [.. result.DiscountedUtilities],
            pareto,
            nash,
            welfare,
            result.EndReason switch
            {
                EndReason.Agreement => EndReasons.Agreement,
                EndReason.Deadline => EndReasons.Deadline,
                EndReason.WalkAway => EndReasons.WalkAway,
                _ => EndReasons.Failure,
            },
            failure is null ? null : $"{failure.Kind} by {session.Agents[failure.Party]}: {failure.Reason}",
            failure?.Party)
        {
            PostSettlement = _postSettlement && result.Agreement is { } agreement ? entry.PostSettlementOf(Domains.PartialOutcome.From(agreement)) : null,
        };
    }

    private static NegotiationHistory HistoryFor(SessionSpec session)
    {
        // Room for the whole session, as a fresh history would have.
        var needed = SaopAgentRunner.HistoryCapacity(session.Rounds, session.Agents.Count);
        var history = t_history;
        if (history is null || history.Capacity < needed)
        {
            t_history = history = new NegotiationHistory(needed);
        }

        return history;
    }
}
