namespace Parley.Tournaments;

/// <summary>Accumulates mean and variance in one pass (Welford 1962); NaN values are skipped.</summary>
/// <remarks>Fed in session-id order, so its figures are identical however the sessions were scheduled.</remarks>
public sealed class RunningStatistic
{
    private long _count;
    private double _mean;
    private double _m2;

    /// <summary>Adds a value (ignored when NaN).</summary>
    public void Add(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        _count++;
        var delta = value - _mean;
        _mean += delta / _count;
        _m2 += delta * (value - _mean);
    }

    /// <summary>The statistic so far.</summary>
    public Statistic ToStatistic()
    {
        if (_count == 0)
        {
            return new Statistic(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        if (_count == 1)
        {
            return new Statistic(1, _mean, 0, _mean, _mean);
        }

        var sd = Math.Sqrt(_m2 / (_count - 1));
        var half = StudentT.Quantile975(_count - 1) * sd / Math.Sqrt(_count);
        return new Statistic(_count, _mean, sd, _mean - half, _mean + half);
    }
}
