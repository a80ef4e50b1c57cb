using Parley.Domains;

namespace Parley.Agents;

/// <summary>The A of BOA: decides whether to accept the offer on the table.</summary>
public interface IAcceptanceStrategy
{
    /// <summary>Prepares for a session.</summary>
    void Start(AgentContext context);

    /// <summary>Whether to accept <paramref name="offer"/>, knowing the agent would otherwise offer <paramref name="nextBid"/>.</summary>
    bool ShouldAccept(NegotiationState state, Outcome offer, Outcome nextBid);
}
