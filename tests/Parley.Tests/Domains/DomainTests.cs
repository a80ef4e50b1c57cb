using System.Numerics;
using Parley.Domains;

namespace Parley.Tests.Domains;

public sealed class DomainTests
{
    private static Domain TwelveByTen() =>
        new("big", Enumerable.Range(0, 12).Select(i => (Issue)new CategoricalIssue($"i{i}", Enumerable.Range(0, 10).Select(o => $"o{o}").ToArray())));

    [Fact]
    public void OutcomeCount_TwelveIssuesOfTen_IsTenToTheTwelve()
    {
        var domain = TwelveByTen();

        domain.OutcomeCount.ShouldBe(BigInteger.Pow(10, 12));
        domain.LongOutcomeCount.ShouldBe(1_000_000_000_000L);
    }

    [Fact]
    public void OutcomeCount_BeyondLong_IsBigIntegerAndLongIsMinusOne()
    {
        var domain = new Domain("huge", Enumerable.Range(0, 30).Select(i => (Issue)new IntegerIssue($"n{i}", 0, 99)));

        domain.OutcomeCount.ShouldBe(BigInteger.Pow(100, 30));
        domain.LongOutcomeCount.ShouldBe(-1);
    }

    [Fact]
    public void OutcomeAt_IndexOf_RoundTripAtTheEdgesOfAHugeSpace()
    {
        var domain = new Domain("huge", Enumerable.Range(0, 30).Select(i => (Issue)new IntegerIssue($"n{i}", 0, 99)));
        var last = domain.OutcomeCount - 1;

        domain.IndexOf(domain.OutcomeAt(last).Levels).ShouldBe(last);
        domain.OutcomeAt(0).Levels.ToArray().ShouldAllBe(l => l == 0);
        domain.OutcomeAt(last).Levels.ToArray().ShouldAllBe(l => l == 99);
    }

    [Fact]
    public void Advance_VisitsEveryOutcomeInIndexOrder()
    {
        var domain = new Domain("d", [new CategoricalIssue("a", "x", "y"), new IntegerIssue("b", 1, 5, 2), new RealIssue("c", 0, 1, 3)]);
        var levels = new int[3];
        var seen = new List<long>();

        do
        {
            seen.Add(domain.LongIndexOf(levels));
        }
        while (domain.Advance(levels));

        seen.ShouldBe(Enumerable.Range(0, 18).Select(i => (long)i));
    }

    [Fact]
    public void Constructor_DuplicateIssueNames_Throws()
    {
        Should.Throw<ArgumentException>(() => new Domain("d", [new CategoricalIssue("a", "x"), new CategoricalIssue("a", "y")]))
            .Message.ShouldContain("'a' twice");
    }

    [Fact]
    public void OutcomeOf_NamesAndNumbers_ResolveToLevels()
    {
        var domain = new Domain("d", [new CategoricalIssue("a", "x", "y"), new IntegerIssue("b", 1, 5, 2), new RealIssue("c", 0, 1, 3)]);

        var outcome = domain.OutcomeOf(new Dictionary<string, string> { ["a"] = "y", ["b"] = "3", ["c"] = "0.5" });

        outcome.Levels.ToArray().ShouldBe([1, 1, 1]);
        domain.Describe(outcome).Select(kv => kv.Value).ShouldBe(["y", "3", "0.5"]);
    }
}
