using CsCheck;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Tests.Preferences;

public sealed class NonlinearProfileTests
{
    private static readonly Domain Space = new("space", Enumerable.Range(0, 5).Select(i => (Issue)new IntegerIssue($"i{i}", 0, 9)));

    [Fact]
    public void Utility_RandomRectanglesAndOutcomes_EqualsDirectSumOfHoldingConstraints()
    {
        var rectangle = Gen.Select(
            Gen.Select(Gen.Int[0, 4], Gen.Int[0, 9], Gen.Int[0, 9], (i, a, b) => new IssueRange(i, Math.Min(a, b), Math.Max(a, b))).Array[0, 4],
            Gen.Int[-20, 100],
            Gen.Bool,
            (ranges, value, exclusive) => new HyperRectangle(ranges, value, exclusive && ranges.Length > 0));
        Gen.Select(rectangle.Array[0, 150], Gen.Int[0, 9].Array[5].Array[20]).Sample((rects, outcomes) =>
        {
            var profile = new NonlinearProfile(Space, null, rects, scale: 50, capAtOne: true);
            foreach (var o in outcomes)
            {
                var raw = rects.Sum(r => r.Evaluate(o));
                profile.RawUtility(o).ShouldBe(raw, 1e-9);
                profile.Utility(o).ShouldBe(Math.Min(1, raw / 50), 1e-12);
            }
        });
    }

    [Fact]
    public void Utility_ExclusiveRectangle_HoldsOnlyOutsideTheBox()
    {
        var profile = new NonlinearProfile(Space, null, [new HyperRectangle([new IssueRange(0, 2, 4), new IssueRange(1, 0, 0)], 7, isExclusive: true)]);

        profile.Utility([3, 0, 0, 0, 0]).ShouldBe(0);
        profile.Utility([5, 0, 0, 0, 0]).ShouldBe(7);
        profile.Utility([3, 1, 0, 0, 0]).ShouldBe(7);
    }

    [Fact]
    public void From_AdditiveProfile_GivesTheSameUtilities()
    {
        var additive = new AdditiveProfile(Space, [1, 2, 0, 0, 1], Enumerable.Range(0, 5).Select(_ => (ValueFunction)new TableValueFunction(Enumerable.Range(0, 10).Select(l => l / 9.0))), 0.3);

        var view = NonlinearProfile.From(additive);

        view.ReservationValue.ShouldBe(0.3);
        view.Utility([9, 3, 4, 5, 1]).ShouldBe(additive.Utility([9, 3, 4, 5, 1]), 1e-12);
    }

    [Fact]
    public void Constructor_RangeBeyondTheIssue_IsRefused()
    {
        Should.Throw<ArgumentException>(() => new NonlinearProfile(Space, null, [new HyperRectangle([new IssueRange(0, 0, 10)], 1)]))
            .Message.ShouldContain("level 10");
    }
}
