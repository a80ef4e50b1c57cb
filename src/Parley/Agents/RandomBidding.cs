using Parley.Domains;

namespace Parley.Agents;

/// <summary>Offers an outcome drawn uniformly from those at or above the reservation value.</summary>
/// <remarks>The GENIUS RandomAgent's bidding, a baseline. The draw uses the agent's seeded random source, so a session replays exactly.</remarks>
public sealed class RandomBidding : IBiddingStrategy
{
    private AgentContext? _context;
    private int _acceptable;

    /// <inheritdoc />
    public void Start(AgentContext context, IOpponentModel? opponentModel)
    {
        _context = context;
        var last = context.Index.RankAtLeast(context.Profile.ReservationValue);
        _acceptable = last < 0 ? context.Index.Count : last + 1;
    }

    /// <inheritdoc />
    public Outcome NextBid(NegotiationState state)
    {
        var context = _context ?? throw new InvalidOperationException("Start was not called.");
        return context.Index.OutcomeAt(context.Random.Next(_acceptable));
    }
}
