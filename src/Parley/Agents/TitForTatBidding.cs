using Parley.Domains;

namespace Parley.Agents;

/// <summary>
/// Naive tit-for-tat: concede, in one's own utility, as much as the others' last offer conceded
/// (measured in one's own utility); back off as much when they back off.
/// </summary>
/// <remarks>
/// The "naive" reciprocating strategy of Baarslag, Hindriks &amp; Jonker (2013), "A tit for tat
/// negotiation strategy for real-time bilateral negotiations", in Complex Automated Negotiations,
/// Springer: it assumes a zero-sum game (the opponent's gain is read as one's own loss) and so
/// needs no opponent model. The target starts at the best utility and stays within
/// [max(worst, reservation), best]. With more than two parties it reciprocates the change between
/// the last two offers made by any other party.
/// </remarks>
public sealed class TitForTatBidding : IBiddingStrategy
{
    private AgentContext? _context;
    private double _target;
    private double _min;
    private int _seen;
    private double _lastOther = double.NaN;

    /// <summary>The current target utility.</summary>
    public double Target => _target;

    /// <inheritdoc />
    public void Start(AgentContext context, IOpponentModel? opponentModel)
    {
        _context = context;
        _target = context.Index.MaxUtility;
        _min = Math.Min(_target, Math.Max(context.Index.MinUtility, context.Profile.ReservationValue));
        _seen = 0;
        _lastOther = double.NaN;
    }

    /// <inheritdoc />
    public Outcome NextBid(NegotiationState state)
    {
        var context = _context ?? throw new InvalidOperationException("Start was not called.");
        var history = context.History.Since(_seen);
        for (var i = 0; i < history.Length; i++)
        {
            ref readonly var entry = ref history[i];
            if (entry.Kind != ActionKind.Offer || entry.Actor == context.PartyIndex || entry.Offer is null)
            {
                continue;
            }

            var u = context.Profile.Utility(entry.Offer.Levels);
            if (!double.IsNaN(_lastOther))
            {
                _target = Math.Clamp(_target - (u - _lastOther), _min, context.Index.MaxUtility);
            }

            _lastOther = u;
        }

        _seen = context.History.Count;
        var index = context.Index;
        var rank = index.RankAtLeast(_target);
        return index.OutcomeAt(Math.Max(0, rank));
    }
}
