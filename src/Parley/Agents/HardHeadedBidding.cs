using Parley.Domains;

namespace Parley.Agents;

/// <summary>
/// HardHeaded-style bidding: a Boulware target, and among the outcomes of about that own utility,
/// the one the opponent model likes most.
/// </summary>
/// <remarks>
/// After van Krimpen, Looije &amp; Hajizadeh (2013), "HardHeaded" (ANAC 2011 winner): the agent concedes
/// slowly (time-dependent target, e = 0.2 by default) and spends each concession where the
/// frequency model says the opponent gains most. Candidates are the outcomes whose utility lies
/// within <see cref="Window"/> of the utility of the outcome nearest the target (never below the
/// target's floor, the larger of the worst utility and the reservation value), at most
/// <see cref="MaxCandidates"/> of them, nearest first: O(log n + candidates · issues) per turn, never
/// a scan of the whole space.
/// </remarks>
public sealed class HardHeadedBidding : IBiddingStrategy
{
    private readonly TimeDependentBidding _concession;
    private OutcomeIndex? _index;
    private IOpponentModel? _model;

    /// <summary>Creates the strategy.</summary>
    /// <param name="e">The concession exponent of the target (Boulware when below 1).</param>
    /// <param name="window">How far from the target (in own utility) a candidate may lie.</param>
    /// <param name="maxCandidates">How many candidates nearest the target are compared.</param>
    public HardHeadedBidding(double e = 0.2, double window = 0.02, int maxCandidates = 32)
    {
        _concession = new TimeDependentBidding(e);
        Window = window;
        MaxCandidates = Math.Max(1, maxCandidates);
    }

    /// <summary>How far from the target a candidate may lie.</summary>
    public double Window { get; }

    /// <summary>How many candidates are compared at most.</summary>
    public int MaxCandidates { get; }

    /// <summary>The target utility at <paramref name="time"/>.</summary>
    public double TargetUtility(double time) => _concession.TargetUtility(time);

    /// <inheritdoc />
    public void Start(AgentContext context, IOpponentModel? opponentModel)
    {
        _concession.Start(context, opponentModel);
        _index = context.Index;
        _model = opponentModel;
    }

    /// <inheritdoc />
    public Outcome NextBid(NegotiationState state)
    {
        var index = _index ?? throw new InvalidOperationException("Start was not called.");
        var centre = _concession.RankAt(state.Time);
        if (_model is null || state.Time == 0)
        {
            return index.OutcomeAt(centre);
        }

        // Walk outwards from the centre rank while candidates stay inside the window.
        var best = centre;
        var bestScore = _model.EstimatedUtility(index.LevelsAt(centre));
        var up = centre - 1;
        var down = centre + 1;
        var floor = _concession.MinTarget;
        var around = index.UtilityAt(centre);
        for (var taken = 1; taken < MaxCandidates; taken++)
        {
            var upOk = up >= 0 && index.UtilityAt(up) - around <= Window;
            var downOk = down < index.Count && around - index.UtilityAt(down) <= Window && index.UtilityAt(down) >= floor;
            if (!upOk && !downOk)
            {
                break;
            }

            int rank;
            if (upOk && (!downOk || index.UtilityAt(up) - around <= around - index.UtilityAt(down)))
            {
                rank = up--;
            }
            else
            {
                rank = down++;
            }

            var score = _model.EstimatedUtility(index.LevelsAt(rank));
            if (score > bestScore)
            {
                best = rank;
                bestScore = score;
            }
        }

        return index.OutcomeAt(best);
    }
}
