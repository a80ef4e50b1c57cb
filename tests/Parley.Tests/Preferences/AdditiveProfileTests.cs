using Parley.Domains;
using Parley.Preferences;

namespace Parley.Tests.Preferences;

public sealed class AdditiveProfileTests
{
    private static readonly Domain Domain = new("d", [new CategoricalIssue("a", "x", "y", "z"), new IntegerIssue("b", 0, 10)]);

    [Fact]
    public void Utility_IsWeightedSumOfValueFunctions()
    {
        var profile = new AdditiveProfile(Domain, [0.6, 0.4], [new TableValueFunction([0, 0.5, 1]), LinearValueFunction.Through(0, 1, 10, 0)]);

        profile.Utility([2, 0]).ShouldBe(1.0, 1e-12);
        profile.Utility([1, 5]).ShouldBe((0.6 * 0.5) + (0.4 * 0.5), 1e-12);
    }

    [Fact]
    public void Accepts_RedLineCrossed_IsFalseWhateverTheUtility()
    {
        var profile = new AdditiveProfile(
            Domain,
            [0.6, 0.4],
            [new TableValueFunction([0, 0.5, 1]), LinearValueFunction.Through(0, 0, 10, 1)],
            reservationValue: 0.1,
            redLines: [new ForbiddenCombination([new RedLineCondition(0, [2]), new RedLineCondition(1, [10])]), new NumericBound(1, 2, null)]);

        profile.Accepts([2, 10]).ShouldBeFalse();
        profile.Accepts([2, 9]).ShouldBeTrue();
        profile.Accepts([1, 1]).ShouldBeFalse();
        profile.RedLines.CrossedBy([1, 1]).Single().ShouldBeOfType<NumericBound>();
    }

    [Fact]
    public void Discount_FollowsGeniusSemantics()
    {
        var profile = new AdditiveProfile(Domain, [1, 0], [new TableValueFunction([0, 0.5, 1]), new LinearValueFunction(0, 0)], reservationValue: 0.2, discountFactor: 0.5);

        profile.DiscountedUtility([2, 0], 1).ShouldBe(0.5, 1e-12);
        profile.DiscountedUtility([2, 0], 0.5).ShouldBe(Math.Sqrt(0.5), 1e-12);
        profile.DiscountedReservationValue(1).ShouldBe(0.1, 1e-12);
    }

    [Fact]
    public void Constructor_NegativeWeight_Throws()
    {
        Should.Throw<ArgumentException>(() => new AdditiveProfile(Domain, [-0.1, 1], [new TableValueFunction([0, 0.5, 1]), new LinearValueFunction(0, 0)]))
            .Message.ShouldContain("weight of issue 'a'");
    }
}
