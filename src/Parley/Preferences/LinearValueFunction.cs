namespace Parley.Preferences;

/// <summary><c>v(x) = Slope·x + Offset</c>: GENIUS's linear evaluator for integer and real issues.</summary>
public sealed class LinearValueFunction : NumericValueFunction
{
    /// <summary>Creates a linear value function.</summary>
    public LinearValueFunction(double slope, double offset)
    {
        if (!double.IsFinite(slope) || !double.IsFinite(offset))
        {
            throw new ArgumentException("A linear value function needs a finite slope and offset.");
        }

        Slope = slope;
        Offset = offset;
    }

    /// <summary>The slope.</summary>
    public double Slope { get; }

    /// <summary>The value at x = 0.</summary>
    public double Offset { get; }

    /// <summary>The linear function through (x0, v0) and (x1, v1).</summary>
    public static LinearValueFunction Through(double x0, double v0, double x1, double v1)
    {
        if (x1 == x0)
        {
            return new LinearValueFunction(0, v0);
        }

        var slope = (v1 - v0) / (x1 - x0);
        return new LinearValueFunction(slope, v0 - (slope * x0));
    }

    /// <inheritdoc />
    public override double Evaluate(double x) => (Slope * x) + Offset;
}
