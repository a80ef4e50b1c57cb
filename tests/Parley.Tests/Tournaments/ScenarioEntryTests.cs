using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Tournaments;

namespace Parley.Tests.Tournaments;

public sealed class ScenarioEntryTests
{
    [Fact]
    public void New_AnalysisDoneBeforeAnySession_NotInsideTheFirstSessionsTimeLimit()
    {
        var domain = Small();
        var a = new CountingProfile(domain, flip: false);
        var b = new CountingProfile(domain, flip: true);

        var entry = new ScenarioEntry(Two(domain, a, b));
        var callsWhenMade = a.Calls + b.Calls;
        var measured = entry.Measure([1.0, 0.0]);

        callsWhenMade.ShouldBeGreaterThan(0); // lazily, the first session's Measure paid for the analysis
        (a.Calls + b.Calls).ShouldBe(callsWhenMade);
        entry.Analysis.ShouldNotBeNull();
        measured.Pareto.ShouldBe(0, 1e-12);
    }

    [Fact]
    public void PostSettlementOf_OnTheFrontier_SameAsTheWholeSpaceSearch()
    {
        // The built-in scenario (red lines, linkage) and a linkage corpus case: the frontier shortcut against PostSettlement.Propose.
        Scenario[] scenarios =
        [
            Parley.Formats.BuiltInScenarios.Load("israel-syria-2026"),
            Parley.Formats.ParleyJson.ParleyScenarioReader.Read(Path.Combine(TestPaths.Root, "tests", "corpus", "two-level", "linkage.json")),
        ];
        var random = new Random(15);
        var improvable = 0;
        foreach (var scenario in scenarios)
        {
            var entry = new ScenarioEntry(scenario);
            entry.Analysis.ShouldNotBeNull();
            for (var trial = 0; trial < 40; trial++)
            {
                var levels = scenario.Domain.Issues.Select(i => random.Next(i.Cardinality)).ToArray();
                var agreement = new PartialOutcome(levels);
                var expected = Parley.Mediation.PostSettlement.Propose(scenario.Domain, entry.Names, entry.Profiles, [], agreement);

                var judged = entry.PostSettlementOf(agreement)!;

                judged.Improvable.ShouldBe(expected.Improved is not null, $"{scenario.Name} {agreement}");
                if (judged.Improvable)
                {
                    improvable++;
                    judged.Gains.ShouldBe(expected.Gains, $"{scenario.Name} {agreement}");
                }
            }
        }

        improvable.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void New_ScenarioWithLinkage_EveryPartysSessionProfileRefusesTheLinkedCombination()
    {
        var scenario = Parley.Formats.ParleyJson.ParleyScenarioReader.Read(Path.Combine(TestPaths.Root, "tests", "corpus", "two-level", "linkage.json"));
        int[] forbidden = [1, 1, 0]; // access open with joint patrols: both parties' favourite, ruled out by the linkage rule

        var entry = new ScenarioEntry(scenario);

        foreach (var negotiator in scenario.Negotiators)
        {
            negotiator.Profile!.CrossesRedLine(forbidden).ShouldBeFalse(); // the parties' own profiles do not forbid it
        }

        entry.Profiles.Length.ShouldBe(2);
        foreach (var profile in entry.Profiles)
        {
            profile.CrossesRedLine(forbidden).ShouldBeTrue();
            profile.CrossesRedLine([1, 0, 1]).ShouldBeFalse();
        }
    }

    [Fact]
    public void New_AnalysisBug_Escapes()
    {
        var domain = Small();

        // Before, every exception was swallowed and the distances silently left empty.
        var thrown = Record.Exception(() => new ScenarioEntry(Two(domain, new CountingProfile(domain, flip: false), new CountingProfile(domain, flip: false, fail: true))));

        thrown.ShouldNotBeNull();
        (thrown is AggregateException aggregate ? aggregate.InnerException : thrown).ShouldBeOfType<InvalidOperationException>().Message.ShouldBe("a bug in a profile");
    }

    [Fact]
    public void New_BeyondTheAnalysersLimits_DistancesLeftEmpty()
    {
        var domain = new Domain("huge", Enumerable.Range(0, 30).Select(i => (Issue)new IntegerIssue($"i{i}", 0, 9)));

        var entry = new ScenarioEntry(Two(domain, new CountingProfile(domain, flip: false), new CountingProfile(domain, flip: true)));

        entry.Analysis.ShouldBeNull();
        var (pareto, nash, welfare) = entry.Measure([0.5, 0.25]);
        pareto.ShouldBe(double.NaN);
        nash.ShouldBe(double.NaN);
        welfare.ShouldBe(0.75);
    }

    private static Domain Small() => new("small", [new IntegerIssue("x", 0, 9)]);

    private static Scenario Two(Domain domain, Profile a, Profile b) =>
        new("s", domain, [new Party("A", PartyRole.Party, a), new Party("B", PartyRole.Party, b)]);

    /// <summary>A profile the analyser must enumerate (it is not additive): utility x/9 or 1 − x/9, counting its calls.</summary>
    private sealed class CountingProfile(Domain domain, bool flip, bool fail = false) : Profile(domain, 0, 1, null)
    {
        private int _calls;

        public int Calls => _calls;

        public override double Utility(ReadOnlySpan<int> outcome)
        {
            Interlocked.Increment(ref _calls);
            if (fail)
            {
                throw new InvalidOperationException("a bug in a profile");
            }

            var x = outcome[0] / 9.0;
            return flip ? 1 - x : x;
        }

        public override Profile WithReservationValue(double reservationValue) => this;

        public override Profile WithRedLines(IEnumerable<RedLine> redLines) => this;
    }
}
