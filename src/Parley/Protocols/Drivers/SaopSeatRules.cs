using Parley.Agents;

namespace Parley.Protocols.Drivers;

/// <summary>SAOP for a hosted seat: the agent sees offers, accepts and walk-aways, and acts on its turn.</summary>
internal sealed class SaopSeatRules(IAgent agent) : IHostedSeatRules
{
    /// <inheritdoc />
    public ActionKind? HistoryKind(EventKind kind) => kind switch
    {
        EventKind.Offered => ActionKind.Offer,
        EventKind.Accepted => ActionKind.Accept,
        EventKind.WalkedAway => ActionKind.WalkAway,
        _ => null,
    };

    /// <inheritdoc />
    public (bool Over, (Func<NegotiationAction> Call, string What)? Move) Next(Negotiation negotiation, int party)
    {
        var saop = (SaopNegotiation)negotiation;
        if (negotiation.IsOver || saop.Turn != party)
        {
            return (negotiation.IsOver, null);
        }

        var state = saop.StateAt(negotiation.ReadClock());
        return (false, (() => NegotiationAction.From(agent.Act(state)), "Act"));
    }
}
