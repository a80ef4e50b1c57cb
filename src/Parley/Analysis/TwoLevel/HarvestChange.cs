using Parley.Domains;

namespace Parley.Analysis.TwoLevel;

/// <summary>
/// A change to the status quo on one or two issues that every party prefers to the status quo (an
/// "early harvest"): the changes, each party's gain and probability of ratifying it.
/// </summary>
/// <param name="Agreement">The partial agreement: the changed articles settled, every other issue open (at the status quo).</param>
/// <param name="Gains">Each party's utility gain over the status quo (all positive).</param>
/// <param name="PRatified">Each party's probability of ratifying it (1 without constituencies).</param>
public sealed record HarvestChange(PartialOutcome Agreement, IReadOnlyList<double> Gains, IReadOnlyList<double> PRatified)
{
    /// <summary>The smallest gain of any party.</summary>
    public double MinGain => Gains.Min();
}
