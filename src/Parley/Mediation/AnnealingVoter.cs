namespace Parley.Mediation;

/// <summary>
/// Klein et al.'s annealing agent: always accepts a text at least as good as the current one and
/// accepts a worse one with probability <c>exp(gain / T(t))</c>, so that early on the search can
/// leave a local optimum; it never accepts a text that crosses its red lines.
/// </summary>
/// <remarks>
/// Temperature at normalised time t: <c>T(t) = InitialTemperature · (1 − t)</c> (utility units;
/// default 0.05, so a loss of 0.05 is accepted with probability e⁻¹ ≈ 0.37 at the start and
/// never at the deadline). Feedback, single articles and signing are truthful; a veto is
/// withheld with the same acceptance probability.
/// Source: M. Klein, P. Faratin, H. Sayama, Y. Bar-Yam, "Negotiating complex contracts", Group
/// Decision and Negotiation 12 (2003) 111–125.
/// </remarks>
public sealed class AnnealingVoter : Voter
{
    /// <summary>Creates an annealing voter.</summary>
    public AnnealingVoter(double initialTemperature = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialTemperature);
        InitialTemperature = initialTemperature;
    }

    /// <summary>The temperature at time 0, in utility units.</summary>
    public double InitialTemperature { get; }

    /// <inheritdoc />
    public override string Name => "annealing";

    /// <summary>The temperature at normalised time <paramref name="time"/>.</summary>
    public double Temperature(double time) => InitialTemperature * (1 - Math.Clamp(time, 0, 1));

    /// <inheritdoc />
    public override bool Vote(VoteContext context)
    {
        if (context.CrossesRedLine)
        {
            return false;
        }

        var gain = context.Gain;
        return gain >= -Epsilon || Tolerates(gain, context.Time, context.Random);
    }

    /// <inheritdoc />
    protected override bool BlocksArticle(VoteContext context, int issue)
    {
        var gain = context.ArticleGain(issue);
        return gain < -Epsilon && !Tolerates(gain, context.Time, context.Random);
    }

    private bool Tolerates(double gain, double time, Random random)
    {
        var t = Temperature(time);
        return t > 0 && random.NextDouble() < Math.Exp(gain / t);
    }
}
