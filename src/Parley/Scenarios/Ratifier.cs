using Parley.Preferences;

namespace Parley.Scenarios;

/// <summary>
/// A constituency at home that must approve a deal (Putnam's level II): its own preferences (or its
/// party's), its weight or veto, and an uncertain approval threshold.
/// </summary>
/// <remarks>
/// The constituency approves when its margin, its utility of the deal minus its utility of the status
/// quo (minus 0 when the scenario has no status quo), reaches a threshold that is only known to lie
/// uniformly in [<see cref="Threshold"/> − <see cref="ThresholdWidth"/>, <see cref="Threshold"/> +
/// <see cref="ThresholdWidth"/>]: P(approve) = F(margin), F the uniform distribution function (a step
/// at <see cref="Threshold"/> when the width is 0).
/// </remarks>
/// <param name="Name">The constituency's name, unique within the party.</param>
/// <param name="Profile">Its own preferences over the domain (issues it does not weigh have weight 0), or null for its party's profile.</param>
/// <param name="Threshold">The centre of the approval threshold on the margin.</param>
/// <param name="ThresholdWidth">The half-width of the threshold's uncertainty (0: a known threshold).</param>
/// <param name="Weight">Its weight under a qualified majority (seats, votes).</param>
/// <param name="Veto">Whether it must approve whatever the others do.</param>
/// <param name="Description">Who it is, with its source.</param>
public sealed record Ratifier(string Name, AdditiveProfile? Profile, double Threshold, double ThresholdWidth, double Weight = 1, bool Veto = false, string? Description = null)
{
    /// <summary>The value of each issue's "no clause" state for this constituency's own profile (length = issue count; unused entries 0); null when it uses its party's.</summary>
    public IReadOnlyList<double>? StatusQuoValues { get; init; }

    /// <summary>The probability that the constituency approves a deal whose margin over the status quo is <paramref name="margin"/>.</summary>
    public double Approval(double margin) => ApprovalProbability(margin, Threshold, ThresholdWidth);

    /// <summary>P(T ≤ margin) for T uniform on [threshold − width, threshold + width] (a step when width is 0).</summary>
    public static double ApprovalProbability(double margin, double threshold, double width)
    {
        if (width <= 0)
        {
            return margin >= threshold ? 1 : 0;
        }

        var p = (margin - (threshold - width)) / (2 * width);
        return p <= 0 ? 0 : p >= 1 ? 1 : p;
    }
}
