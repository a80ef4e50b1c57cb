using Parley.Domains;

namespace Parley.Agents;

/// <summary>The B of BOA: decides what to offer next.</summary>
/// <remarks>The BOA architecture: Baarslag, Hindriks, Hendrikx, Dirkzwager &amp; Jonker (2014), "Decoupling negotiating agents to explore the space of negotiation strategies".</remarks>
public interface IBiddingStrategy
{
    /// <summary>Prepares for a session; <paramref name="opponentModel"/> is the agent's model, if it has one.</summary>
    void Start(AgentContext context, IOpponentModel? opponentModel);

    /// <summary>The outcome the agent would offer now. Called once per turn, before the acceptance decision.</summary>
    Outcome NextBid(NegotiationState state);
}
