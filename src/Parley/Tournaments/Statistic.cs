namespace Parley.Tournaments;

/// <summary>A sample's size, mean, standard deviation and 95% confidence interval of the mean.</summary>
/// <param name="Count">How many values (NaN values are not counted).</param>
/// <param name="Mean">The mean; NaN when empty.</param>
/// <param name="StandardDeviation">The sample standard deviation (n − 1); 0 for one value, NaN when empty.</param>
/// <param name="Low">The lower bound of the 95% confidence interval of the mean (Student's t).</param>
/// <param name="High">The upper bound of the 95% confidence interval of the mean.</param>
public sealed record Statistic(long Count, double Mean, double StandardDeviation, double Low, double High)
{
    /// <summary>The half-width of the confidence interval.</summary>
    public double HalfWidth => (High - Low) / 2;
}
