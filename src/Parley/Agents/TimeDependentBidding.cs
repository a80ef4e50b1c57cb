using Parley.Domains;

namespace Parley.Agents;

/// <summary>
/// Time-dependent concession: the target utility falls from the best outcome towards the
/// reservation value as the deadline nears, fast or slow according to the exponent e.
/// </summary>
/// <remarks>
/// Faratin, Sierra &amp; Jennings (1998), "Negotiation decision functions for autonomous agents",
/// Robotics and Autonomous Systems 24(3-4), in the form GENIUS's TimeDependentAgent uses:
/// <c>target(t) = Pmin + (Pmax − Pmin)·(1 − F(t))</c>, <c>F(t) = k + (1 − k)·t^(1/e)</c>, with
/// Pmax the best utility, Pmin the larger of the worst utility and the reservation value, k the
/// initial concession (0 by default). e &lt; 1 is Boulware (concedes late), e = 1 linear, e &gt; 1
/// Conceder; e = 0 never concedes (Hardliner). The offer is the outcome whose utility is nearest the
/// target, never below Pmin, found in O(log n) in the <see cref="OutcomeIndex"/>.
/// </remarks>
public sealed class TimeDependentBidding : IBiddingStrategy
{
    private OutcomeIndex? _index;
    private double _pmin;
    private double _pmax;

    /// <summary>Creates the strategy with concession exponent <paramref name="e"/> and initial concession <paramref name="k"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">e is negative or not finite, or k is outside [0, 1].</exception>
    public TimeDependentBidding(double e, double k = 0)
    {
        if (!double.IsFinite(e) || e < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(e), e, "The concession exponent e must be a finite number ≥ 0.");
        }

        if (!(k >= 0 && k <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "The initial concession k must lie in [0, 1].");
        }

        E = e;
        K = k;
    }

    /// <summary>The concession exponent e.</summary>
    public double E { get; }

    /// <summary>The initial concession k.</summary>
    public double K { get; }

    /// <summary>The highest target (the best utility), known after <see cref="Start"/>.</summary>
    public double MaxTarget => _pmax;

    /// <summary>The lowest target (worst utility or reservation value, whichever is higher), known after <see cref="Start"/>.</summary>
    public double MinTarget => _pmin;

    /// <inheritdoc />
    public void Start(AgentContext context, IOpponentModel? opponentModel)
    {
        _index = context.Index;
        _pmax = _index.MaxUtility;
        _pmin = Math.Min(_pmax, Math.Max(_index.MinUtility, context.Profile.ReservationValue));
    }

    /// <summary>F(t) = k + (1 − k)·t^(1/e): the share of the range conceded at time <paramref name="time"/>.</summary>
    public double Concession(double time)
    {
        var t = Math.Clamp(time, 0, 1);
        if (E == 0)
        {
            return K;
        }

        return K + ((1 - K) * Math.Pow(t, 1 / E));
    }

    /// <summary>The target utility at normalised time <paramref name="time"/>.</summary>
    public double TargetUtility(double time) => _pmin + ((_pmax - _pmin) * (1 - Concession(time)));

    /// <inheritdoc />
    public Outcome NextBid(NegotiationState state)
    {
        var index = _index ?? throw new InvalidOperationException("Start was not called.");
        return index.OutcomeAt(RankAt(state.Time));
    }

    /// <summary>The index rank of the bid at <paramref name="time"/>: the outcome nearest the target, moved up to Pmin when the nearest lies below it.</summary>
    internal int RankAt(double time)
    {
        var index = _index ?? throw new InvalidOperationException("Start was not called.");
        var rank = index.RankNearest(TargetUtility(time));
        if (index.UtilityAt(rank) < _pmin)
        {
            rank = Math.Max(0, index.RankAtLeast(_pmin));
        }

        return rank;
    }
}
