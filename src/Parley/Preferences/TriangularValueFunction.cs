namespace Parley.Preferences;

/// <summary>
/// Rises linearly from <see cref="LowValue"/> at <see cref="Lower"/> to <see cref="PeakValue"/>
/// at <see cref="Peak"/>, then falls linearly to <see cref="HighValue"/> at <see cref="Upper"/>;
/// constant outside the bounds. A party that wants "about this much" has such a function.
/// </summary>
public sealed class TriangularValueFunction : NumericValueFunction
{
    /// <summary>Creates a triangular value function.</summary>
    public TriangularValueFunction(double lower, double peak, double upper, double lowValue = 0, double peakValue = 1, double highValue = 0)
    {
        if (!(lower <= peak && peak <= upper) || !double.IsFinite(lower) || !double.IsFinite(upper))
        {
            throw new ArgumentException($"A triangular value function needs lower ≤ peak ≤ upper (got {lower}, {peak}, {upper}).");
        }

        Lower = lower;
        Peak = peak;
        Upper = upper;
        LowValue = lowValue;
        PeakValue = peakValue;
        HighValue = highValue;
    }

    /// <summary>Where the rise starts.</summary>
    public double Lower { get; }

    /// <summary>Where the value is highest.</summary>
    public double Peak { get; }

    /// <summary>Where the fall ends.</summary>
    public double Upper { get; }

    /// <summary>The value at and below <see cref="Lower"/>.</summary>
    public double LowValue { get; }

    /// <summary>The value at <see cref="Peak"/>.</summary>
    public double PeakValue { get; }

    /// <summary>The value at and above <see cref="Upper"/>.</summary>
    public double HighValue { get; }

    /// <inheritdoc />
    public override double Evaluate(double x)
    {
        if (x <= Lower)
        {
            return Lower == Peak ? PeakValue : LowValue;
        }

        if (x >= Upper)
        {
            return Upper == Peak ? PeakValue : HighValue;
        }

        return x <= Peak
            ? LowValue + ((PeakValue - LowValue) * (x - Lower) / (Peak - Lower))
            : PeakValue + ((HighValue - PeakValue) * (x - Peak) / (Upper - Peak));
    }
}
