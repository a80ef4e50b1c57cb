namespace Parley.Preferences;

/// <summary>
/// Linear between given points (x ascending), constant beyond the first and last point.
/// GeniusWeb's NumberValueSetUtilities is the two-point case.
/// </summary>
public sealed class PiecewiseLinearValueFunction : NumericValueFunction
{
    private readonly double[] _xs;
    private readonly double[] _vs;

    /// <summary>Creates a piecewise-linear function from (x, value) points with strictly ascending x.</summary>
    public PiecewiseLinearValueFunction(IEnumerable<(double X, double Value)> points)
    {
        var list = points.ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("A piecewise-linear value function needs at least one point.", nameof(points));
        }

        _xs = new double[list.Length];
        _vs = new double[list.Length];
        for (var i = 0; i < list.Length; i++)
        {
            if (!double.IsFinite(list[i].X) || !double.IsFinite(list[i].Value))
            {
                throw new ArgumentException("A piecewise-linear value function's points must be finite.", nameof(points));
            }

            if (i > 0 && list[i].X <= list[i - 1].X)
            {
                throw new ArgumentException("A piecewise-linear value function's points must have strictly ascending x.", nameof(points));
            }

            _xs[i] = list[i].X;
            _vs[i] = list[i].Value;
        }
    }

    /// <summary>The points, x ascending.</summary>
    public IReadOnlyList<(double X, double Value)> Points => _xs.Zip(_vs).ToArray();

    /// <inheritdoc />
    public override double Evaluate(double x)
    {
        if (x <= _xs[0])
        {
            return _vs[0];
        }

        var last = _xs.Length - 1;
        if (x >= _xs[last])
        {
            return _vs[last];
        }

        var i = Array.BinarySearch(_xs, x);
        if (i >= 0)
        {
            return _vs[i];
        }

        var hi = ~i;
        var lo = hi - 1;
        return _vs[lo] + ((_vs[hi] - _vs[lo]) * (x - _xs[lo]) / (_xs[hi] - _xs[lo]));
    }
}
