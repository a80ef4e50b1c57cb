using Parley.Reports;

namespace Parley.Tests.Reports;

public sealed class UtilitySpaceTicksTests
{
    [Theory]
    [InlineData(1.0, 5, 0.25)]  // a pairwise panel over [0, 1]: 0, 0.25, …, 1
    [InlineData(1.9, 5, 0.5)]   // over [0, 1.9] (QODomain's Side_BLongTerm): 0, 0.5, 1, 1.5, not eight crowded labels
    [InlineData(1.0, 16, 0.1)]  // the two-party plot (560 px wide)
    [InlineData(2.5, 16, 0.2)]
    public void TickStep_AtMostMaxTicksOnTheSpan(double span, int maxTicks, double expected)
    {
        var step = UtilitySpacePlot.TickStep(span, maxTicks);

        step.ShouldBe(expected, 1e-12);
        (Math.Floor(span / step) + 1).ShouldBeLessThanOrEqualTo(maxTicks);
    }
}
