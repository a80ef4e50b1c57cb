namespace Parley.Scenarios;

/// <summary>
/// A range (and distribution) for numbers of the scenario that no source gives, labelled as a
/// modelling assumption: the robustness analysis draws scenarios within these ranges.
/// </summary>
/// <remarks>
/// The range is either absolute (<see cref="Low"/>..<see cref="High"/>) or a spread around each
/// number's own value: ± <see cref="Absolute"/>, or ± <see cref="Relative"/> of it. Exactly one of the
/// three forms is set; widths are never negative.
/// </remarks>
/// <param name="Target">Which numbers vary.</param>
/// <param name="Party">The negotiating party they belong to.</param>
/// <param name="Issue">The issue's index for a single weight, value or status-quo value (−1 otherwise).</param>
/// <param name="Level">The option's level for a single value (−1 otherwise).</param>
/// <param name="Ratifier">The constituency's name: for a threshold, or for weights and values of a constituency's own profile (null: the party's).</param>
/// <param name="Shape">Uniform or triangular.</param>
/// <param name="Low">The absolute lower bound, when the range is absolute.</param>
/// <param name="High">The absolute upper bound, when the range is absolute.</param>
/// <param name="Absolute">The half-width around the number's own value, when the spread is absolute.</param>
/// <param name="Relative">The half-width as a fraction of the number's own value, when the spread is relative.</param>
/// <param name="Assumption">Why this range: the modelling assumption in words.</param>
public sealed record UncertainParameter(
    UncertaintyTarget Target,
    string Party,
    int Issue,
    int Level,
    string? Ratifier,
    UncertaintyShape Shape,
    double? Low,
    double? High,
    double? Absolute,
    double? Relative,
    string Assumption)
{
    /// <summary>The range around <paramref name="value"/> this parameter allows.</summary>
    public (double Low, double High) Range(double value)
    {
        if (Low is { } lo && High is { } hi)
        {
            return (lo, hi);
        }

        if (Absolute is { } a)
        {
            return (value - a, value + a);
        }

        var r = Relative ?? 0;
        var w = Math.Abs(value) * r;
        return (value - w, value + w);
    }

    /// <summary>Draws one number for a value whose scenario value is <paramref name="value"/>, from <paramref name="u"/> uniform in [0, 1).</summary>
    public double Draw(double value, double u)
    {
        var (lo, hi) = Range(value);
        if (hi <= lo)
        {
            return lo;
        }

        if (Shape == UncertaintyShape.Uniform)
        {
            return lo + (u * (hi - lo));
        }

        var mode = Math.Clamp(value, lo, hi);
        var f = (mode - lo) / (hi - lo);
        return u < f
            ? lo + Math.Sqrt(u * (hi - lo) * (mode - lo))
            : hi - Math.Sqrt((1 - u) * (hi - lo) * (hi - mode));
    }
}
