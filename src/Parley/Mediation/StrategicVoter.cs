namespace Parley.Mediation;

/// <summary>
/// Rejects texts that do not improve its own position by a margin, to pull the mediator's next
/// text toward itself; the margin shrinks to zero at the deadline.
/// </summary>
/// <remarks>
/// Margin at normalised time t: <c>m(t) = InitialMargin · (1 − t)</c>, in utility units. The voter
/// accepts only when its gain is at least m(t); answers "worse" unless the gain reaches m(t);
/// vetoes every changed article that does not gain it m(t) times the article's weight share; and
/// asks <c>v_i(l) ≥ reservation + m(t)</c> of a single article (with a status quo: that the article gain
/// it at least m(t) over the settled articles without it). It signs truthfully.
/// </remarks>
public sealed class StrategicVoter : Voter
{
    /// <summary>Creates a strategic voter.</summary>
    /// <param name="initialMargin">The gain it demands at time 0 (default 0.05).</param>
    public StrategicVoter(double initialMargin = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(initialMargin);
        InitialMargin = initialMargin;
    }

    /// <summary>The demanded gain at time 0.</summary>
    public double InitialMargin { get; }

    /// <inheritdoc />
    public override string Name => "strategic";

    /// <summary>The demanded gain at normalised time <paramref name="time"/>.</summary>
    public double Margin(double time) => InitialMargin * (1 - Math.Clamp(time, 0, 1));

    /// <inheritdoc />
    public override bool Vote(VoteContext context) =>
        !context.CrossesRedLine && context.Gain >= Margin(context.Time) - Epsilon;

    /// <inheritdoc />
    public override Feedback Answer(VoteContext context)
    {
        if (context.CrossesRedLine)
        {
            return Feedback.Worse;
        }

        var gain = context.Gain;
        var margin = Margin(context.Time);
        return gain >= margin + Epsilon && gain > Epsilon ? Feedback.Better : gain < margin - Epsilon ? Feedback.Worse : Feedback.Same;
    }

    /// <inheritdoc />
    public override bool AcceptArticle(ArticleContext context) => context.Acceptable(Margin(context.Time));

    /// <inheritdoc />
    protected override bool BlocksArticle(VoteContext context, int issue)
    {
        var share = context.Profile is Preferences.AdditiveProfile a ? a.Weights[issue] : 1.0 / context.Candidate.Count;
        return context.ArticleGain(issue) < (Margin(context.Time) * share) - Epsilon;
    }
}
