using Parley.Domains;

namespace Parley.Mediation;

/// <summary>
/// Simulated annealing inside the mediator (Klein et al. 2003): each new text changes one or two
/// articles of the current one; a text every party accepts is adopted; a text that k parties
/// reject is still adopted with probability <c>exp(−k / T)</c>, so that early in the session the
/// text can leave a local optimum that hill-climbing would be stuck in.
/// </summary>
/// <remarks>
/// Temperature schedule (geometric cooling over the session's normalised time t ∈ [0, 1], the
/// share of its deadline used, whether the deadline is in rounds or in wall time):
/// <c>T(t) = T₀ · (T_end / T₀)^t</c> with <c>T₀ = </c><see cref="InitialTemperature"/> (default 1:
/// one rejection is overridden with probability e⁻¹ ≈ 0.37 at the start) and
/// <c>T_end = </c><see cref="FinalTemperature"/> (default 0.05: one rejection is overridden with
/// probability e⁻²⁰ ≈ 2·10⁻⁹ at the deadline, so the end of the session is pure hill-climbing).
/// With a deadline of R rounds only, t = r / R and this is <c>T₀ · α^r</c> with
/// <c>α = (T_end / T₀)^(1/R)</c>. Cooling by time matters when only a wall-time limit is set (a
/// <c>--time</c> tournament has no round limit): counted in rounds, the temperature never fell.
/// In the feedback protocol k counts "worse" answers. The last text all parties accepted is kept
/// by the protocol whatever the annealing does. Source: M. Klein, P. Faratin, H. Sayama,
/// Y. Bar-Yam, "Negotiating complex contracts", Group Decision and Negotiation 12 (2003) 111–125.
/// </remarks>
public sealed class AnnealingMediator : MediatorStrategy
{
    /// <summary>Creates an annealing mediator.</summary>
    public AnnealingMediator(double initialTemperature = 1.0, double finalTemperature = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(initialTemperature);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(finalTemperature);
        InitialTemperature = initialTemperature;
        FinalTemperature = Math.Min(finalTemperature, initialTemperature);
    }

    /// <summary>T₀, the temperature in round 0 (in rejections).</summary>
    public double InitialTemperature { get; }

    /// <summary>T_end, the temperature at the round limit.</summary>
    public double FinalTemperature { get; }

    /// <inheritdoc />
    public override string Name => "annealing";

    /// <summary>The temperature in round <paramref name="round"/> of <paramref name="maxRounds"/> (a deadline in rounds only).</summary>
    public double Temperature(int round, int maxRounds) =>
        Temperature((double)Math.Clamp(round, 0, Math.Max(1, maxRounds)) / Math.Max(1, maxRounds));

    /// <summary>The temperature at normalised time <paramref name="time"/> (the share of the deadline used, clamped to [0, 1]).</summary>
    public double Temperature(double time) =>
        InitialTemperature * Math.Pow(FinalTemperature / InitialTemperature, Math.Clamp(time, 0, 1));

    /// <inheritdoc />
    public override Outcome? Propose(MediatorView view) =>
        Mutate(view, view.Random.NextDouble() < 0.7 ? 1 : 2) ?? Mutate(view, 1, avoidTried: false);

    /// <inheritdoc />
    public override bool Adopt(MediatorView view, Outcome candidate, BallotTally tally)
    {
        if (tally.Unanimous)
        {
            return true;
        }

        var t = Temperature(view.Time);
        return view.Random.NextDouble() < Math.Exp(-tally.Rejects / t);
    }
}
