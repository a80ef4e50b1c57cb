using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Agents;

/// <summary>
/// What an agent knows when a session starts: the domain, its OWN profile (never another
/// party's), its place at the table, the deadline, the public history and a seeded random source.
/// </summary>
/// <remarks>
/// Built by the protocol, one per party per session; cheap (the outcome index is shared between
/// sessions through <see cref="OutcomeIndex.For"/> and fetched only when first read).
/// </remarks>
public sealed class AgentContext
{
    private OutcomeIndex? _index;

    /// <summary>Creates a context.</summary>
    public AgentContext(
        Profile profile,
        int partyIndex,
        IReadOnlyList<string> partyNames,
        Deadline deadline,
        NegotiationHistory history,
        Random random,
        CancellationToken cancellation = default)
    {
        Profile = profile;
        PartyIndex = partyIndex;
        PartyNames = partyNames;
        Deadline = deadline;
        History = history;
        Random = random;
        Cancellation = cancellation;
    }

    /// <summary>The domain under negotiation.</summary>
    public Domain Domain => Profile.Domain;

    /// <summary>The agent's own preferences.</summary>
    public Profile Profile { get; }

    /// <summary>The agent's position at the table (0 moves first).</summary>
    public int PartyIndex { get; }

    /// <summary>The agent's party name.</summary>
    public string PartyName => PartyNames[PartyIndex];

    /// <summary>The names of all parties, in turn order (public knowledge).</summary>
    public IReadOnlyList<string> PartyNames { get; }

    /// <summary>The number of parties at the table.</summary>
    public int PartyCount => PartyNames.Count;

    /// <summary>The session's deadline (rounds and/or wall time).</summary>
    public Deadline Deadline { get; }

    /// <summary>Every action so far, in order.</summary>
    /// <remarks>Valid during the session only: a tournament reuses a worker's history for its next session, so an
    /// agent that learns across sessions keeps what it learned, not this object.</remarks>
    public NegotiationHistory History { get; }

    /// <summary>The agent's own random source, seeded from the session seed and the agent's position.</summary>
    public Random Random { get; }

    /// <summary>Signalled when the session has abandoned the agent (it overran its time limit); a cooperative agent stops.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>The agent's outcomes sorted by its own utility (built once per profile and shared).</summary>
    public OutcomeIndex Index => _index ??= OutcomeIndex.For(Profile);

    /// <summary>The agent's own utility of <paramref name="outcome"/>, undiscounted.</summary>
    public double Utility(Outcome outcome) => Profile.Utility(outcome.Levels);
}
