using CsCheck;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Tests.Generators;

namespace Parley.Tests.Preferences;

public sealed class RedLineFeasibilityTests
{
    private static Gen<(Domain Domain, RedLineSet[] Sets)> SmallDomainsWithManyLines =>
        ModelGen.Domain(maxIssues: 3, allowReal: false).SelectMany(domain =>
            Gen.Int[1, 4].SelectMany(parties =>
                ModelGen.Sequence(Enumerable.Range(0, parties).Select(_ => ModelGen.RedLines(domain)).ToArray())
                    .Select(lines => (domain, lines.Select(l => new RedLineSet(domain, l)).ToArray()))));

    [Fact]
    public void AnyOutcomeAllowed_RandomSmallDomains_AgreesWithEnumeration()
    {
        SmallDomainsWithManyLines.Sample(
            x =>
            {
                var expected = x.Domain.EnumerateOutcomes().Any(o => x.Sets.All(s => !s.IsCrossed(o.Levels)));
                RedLineSet.AnyOutcomeAllowed(x.Sets).ShouldBe(expected);
            },
            iter: 2000);
    }

    [Fact]
    public void AnyOutcomeAllowed_BudgetExhausted_Undecided()
    {
        // 20 binary issues; one combination forbids issue 0 = a with issue 19 = a, the other issue 0 = b with 19 = b...
        var domain = new Domain("wide", Enumerable.Range(0, 20).Select(i => (Issue)new CategoricalIssue($"i{i}", [new IssueOption("a"), new IssueOption("b")])));
        var lines = new RedLine[]
        {
            new ForbiddenCombination([new RedLineCondition(0, [0]), new RedLineCondition(19, [0])], null),
            new ForbiddenCombination([new RedLineCondition(0, [0]), new RedLineCondition(19, [1])], null),
            new ForbiddenCombination([new RedLineCondition(0, [1]), new RedLineCondition(19, [0])], null),
            new ForbiddenCombination([new RedLineCondition(0, [1]), new RedLineCondition(19, [1])], null),
        };
        var sets = new[] { new RedLineSet(domain, lines) };

        RedLineSet.AnyOutcomeAllowed(sets, budget: 1000).ShouldBeNull();
        RedLineSet.AnyOutcomeAllowed(sets, budget: 10_000_000).ShouldBe(false);
    }

    [Fact]
    public void Check_OneParty_SaysANegotiationNeedsTwo()
    {
        var domain = new Domain("d", [new CategoricalIssue("x", [new IssueOption("a"), new IssueOption("b")])]);
        var scenario = new Scenario("s", domain, [new Party("North", PartyRole.Party, new AdditiveProfile(domain, [1.0], [new TableValueFunction([0, 1])]))]);

        var ex = Should.Throw<InputException>(() => NegotiationPreconditions.Check(scenario, "s.json"));

        ex.Message.ShouldBe("s.json: a negotiation needs at least two negotiating parties, and this scenario has only North; add a party (a profile), or choose two with --profiles");
    }

    [Fact]
    public void Check_BoundsThatDoNotOverlap_NamesTheIssueAndBothParties()
    {
        var domain = new Domain("d", [new IntegerIssue("years", 1, 10)]);
        AdditiveProfile Profile(RedLine line) => new(domain, [1.0], [new LinearValueFunction(0.1, 0)], redLines: [line]);
        var scenario = new Scenario("s", domain,
        [
            new Party("North", PartyRole.Party, Profile(new NumericBound(0, null, 3))),
            new Party("South", PartyRole.Party, Profile(new NumericBound(0, 5, null))),
        ]);

        var ex = Should.Throw<InputException>(() => NegotiationPreconditions.Check(scenario, "s.json"));

        ex.Message.ShouldStartWith("s.json: the red lines of North and South leave no option of issue 'years' (North: ");
        ex.Message.ShouldEndWith("so no outcome is possible; relax one of them");
    }

    [Fact]
    public void Check_OverlappingBounds_Passes()
    {
        var domain = new Domain("d", [new IntegerIssue("years", 1, 10)]);
        AdditiveProfile Profile(RedLine line) => new(domain, [1.0], [new LinearValueFunction(0.1, 0)], redLines: [line]);
        var scenario = new Scenario("s", domain,
        [
            new Party("North", PartyRole.Party, Profile(new NumericBound(0, null, 5))),
            new Party("South", PartyRole.Party, Profile(new NumericBound(0, 5, null))),
        ]);

        Should.NotThrow(() => NegotiationPreconditions.Check(scenario, "s.json"));
    }
}
