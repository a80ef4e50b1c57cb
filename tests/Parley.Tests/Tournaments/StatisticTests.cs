using Parley.Tournaments;

namespace Parley.Tests.Tournaments;

public sealed class StatisticTests
{
    [Fact]
    public void ToStatistic_FourValues_MeanSdAndStudentInterval()
    {
        var s = new RunningStatistic();
        foreach (var v in new[] { 1.0, 2, 3, 4, double.NaN })
        {
            s.Add(v);
        }

        var stat = s.ToStatistic();

        stat.Count.ShouldBe(4);
        stat.Mean.ShouldBe(2.5, 1e-12);
        stat.StandardDeviation.ShouldBe(Math.Sqrt(5.0 / 3), 1e-12);
        stat.HalfWidth.ShouldBe(3.1824 * Math.Sqrt(5.0 / 3) / 2, 1e-9);
    }

    [Theory]
    [InlineData(30, 2.0423)]
    [InlineData(40, 2.0211)]
    [InlineData(120, 1.9799)]
    [InlineData(1000, 1.9623)]
    public void Quantile975_DegreesOfFreedom_MatchesTables(int df, double expected)
    {
        StudentT.Quantile975(df).ShouldBe(expected, 1e-4);
    }
}
