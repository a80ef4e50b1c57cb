using Parley.Domains;

namespace Parley.Preferences;

/// <summary>
/// A party's private preferences over a domain: a utility for every outcome, the utility of
/// walking away (reservation value), time pressure (discount factor) and red lines.
/// </summary>
/// <remarks>
/// Utilities are normally in [0, 1]. Discounting follows GENIUS: at normalised time t ∈ [0, 1] a
/// utility u is worth u·d^t, and so is the reservation value. A discount factor outside (0, 1]
/// means no discounting (GENIUS treats 0 and values above 1 that way).
/// </remarks>
public abstract class Profile
{
    private protected Profile(Domain domain, double reservationValue, double discountFactor, IEnumerable<RedLine>? redLines)
    {
        if (!double.IsFinite(reservationValue))
        {
            throw new ArgumentException("A reservation value must be a finite number.", nameof(reservationValue));
        }

        if (double.IsNaN(discountFactor) || double.IsInfinity(discountFactor))
        {
            throw new ArgumentException("A discount factor must be a finite number.", nameof(discountFactor));
        }

        Domain = domain;
        ReservationValue = reservationValue;
        DiscountFactor = discountFactor;
        RedLines = new RedLineSet(domain, redLines ?? []);
    }

    /// <summary>The domain the profile evaluates.</summary>
    public Domain Domain { get; }

    /// <summary>The utility of no agreement (the party's BATNA), undiscounted.</summary>
    public double ReservationValue { get; }

    /// <summary>The discount factor d as given; see <see cref="IsDiscounted"/>.</summary>
    public double DiscountFactor { get; }

    /// <summary>Whether utilities shrink with time (0 &lt; d &lt; 1).</summary>
    public bool IsDiscounted => DiscountFactor > 0 && DiscountFactor < 1;

    /// <summary>The party's red lines.</summary>
    public RedLineSet RedLines { get; }

    /// <summary>The utility of an outcome, undiscounted. O(issues), no allocation for additive profiles.</summary>
    public abstract double Utility(ReadOnlySpan<int> outcome);

    /// <summary>The utility of an outcome, undiscounted.</summary>
    public double Utility(Outcome outcome) => Utility(outcome.Levels);

    /// <summary>The discounted value at normalised time <paramref name="time"/> of utility <paramref name="utility"/>.</summary>
    public double Discount(double utility, double time) =>
        IsDiscounted ? utility * Math.Pow(DiscountFactor, Math.Clamp(time, 0, 1)) : utility;

    /// <summary>The utility of an outcome at normalised time <paramref name="time"/>.</summary>
    public double DiscountedUtility(ReadOnlySpan<int> outcome, double time) => Discount(Utility(outcome), time);

    /// <summary>The reservation value at normalised time <paramref name="time"/>.</summary>
    public double DiscountedReservationValue(double time) => Discount(ReservationValue, time);

    /// <summary>Whether the outcome crosses one of the party's red lines.</summary>
    public bool CrossesRedLine(ReadOnlySpan<int> outcome) => RedLines.IsCrossed(outcome);

    /// <summary>Whether the party prefers the outcome to walking away: no red line crossed and utility ≥ reservation value.</summary>
    public bool Accepts(ReadOnlySpan<int> outcome) => !RedLines.IsCrossed(outcome) && Utility(outcome) >= ReservationValue;

    /// <summary>A copy with another reservation value.</summary>
    public abstract Profile WithReservationValue(double reservationValue);

    /// <summary>A copy with other red lines.</summary>
    public abstract Profile WithRedLines(IEnumerable<RedLine> redLines);
}
