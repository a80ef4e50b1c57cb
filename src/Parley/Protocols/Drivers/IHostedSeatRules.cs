using Parley.Agents;

namespace Parley.Protocols.Drivers;

/// <summary>What the <see cref="HostedSeat"/> driver needs of one protocol, for one seat.</summary>
internal interface IHostedSeatRules
{
    /// <summary>The kind of history entry event <paramref name="kind"/> gives the agent, or null when the agent's history leaves it out.</summary>
    ActionKind? HistoryKind(EventKind kind);

    /// <summary>
    /// Read under the host's lock: whether the session is over and, when <paramref name="party"/> may
    /// act, its move: the call into the agent (made outside the lock, under the action time limit)
    /// and its name for a failure message; null when it is not the party's turn.
    /// </summary>
    (bool Over, (Func<NegotiationAction> Call, string What)? Move) Next(Negotiation negotiation, int party);
}
