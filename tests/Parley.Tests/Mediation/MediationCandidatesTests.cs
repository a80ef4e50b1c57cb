using Parley.Formats;
using Parley.Mediation;

namespace Parley.Tests.Mediation;

/// <summary>The candidate packages a mediator compares after a round (issue 15).</summary>
public sealed class MediationCandidatesTests
{
    [Fact]
    public void Compare_IsraelSyriaAfterTheDemoRound_SeveralDistinctPackagesEachFullyDescribed()
    {
        var scenario = BuiltInScenarios.Load("israel-syria-2026");
        var result = DemoMediation.Create(scenario, 7).Session.Run();

        var candidates = MediationCandidates.Compare(scenario, result, draws: 200, seed: 7).ShouldNotBeNull();

        var model = candidates.Analysis.Model;
        var packages = candidates.Packages;
        packages.Count.ShouldBeGreaterThanOrEqualTo(4);
        packages.Select(p => string.Join(",", model.Complete(p.Agreement))).Distinct().Count().ShouldBe(packages.Count);
        packages.Select(p => p.Label).ShouldContain("nash");
        packages.Select(p => p.Label).ShouldContain("ratification-nash");
        packages.Select(p => p.Label).ShouldContain("this round's agreed articles");
        foreach (var p in packages)
        {
            p.Utilities.Count.ShouldBe(2);
            p.PRatifiedAll.ShouldBeInRange(0, 1);
            p.MovesMost.ShouldNotBeNull();
            var robust = candidates.RobustnessOf(p).ShouldNotBeNull();
            robust.PAcceptable.ShouldBeInRange(0, 1);
            robust.PRatified.ShouldBeInRange(0, 1);
        }

        // The round's agreed articles are valued as the status quo with them replaced, as the result reports.
        var agreed = packages.Single(p => p.Label == "this round's agreed articles");
        agreed.Utilities.ShouldBe(result.Utilities, tolerance: 1e-9);
    }

    [Fact]
    public void Compare_SameSeed_SameFigures()
    {
        var scenario = BuiltInScenarios.Load("israel-syria-2026");
        var result = DemoMediation.Create(scenario, 7).Session.Run();

        var a = MediationCandidates.Compare(scenario, result, draws: 300, seed: 3).ShouldNotBeNull();
        var b = MediationCandidates.Compare(scenario, result, draws: 300, seed: 3).ShouldNotBeNull();

        b.Robustness.ShouldNotBeNull().Packages.Select(p => (p.PAcceptable, p.PRatified, p.PNash))
            .ShouldBe(a.Robustness.ShouldNotBeNull().Packages.Select(p => (p.PAcceptable, p.PRatified, p.PNash)));
    }

    [Fact]
    public void Compare_ScenarioWithoutStatusQuoRatificationOrLinkage_IsNull()
    {
        var scenario = MediationFixtures.BorderTalks();

        MediationCandidates.Compare(scenario, null).ShouldBeNull();
        MediationCandidates.Applies(scenario).ShouldBeFalse();
    }

    [Fact]
    public void Compare_LinkageWithoutStatusQuo_CandidatesHonourTheRule()
    {
        var scenario = Parley.Formats.ParleyJson.ParleyScenarioReader.Read(Path.Combine(TestPaths.Root, "tests", "corpus", "two-level", "linkage.json"));

        var candidates = MediationCandidates.Compare(scenario, null).ShouldNotBeNull();

        candidates.Robustness.ShouldBeNull(); // no uncertainty range stated
        candidates.Packages.Count.ShouldBeGreaterThanOrEqualTo(2);
        foreach (var p in candidates.Packages)
        {
            scenario.Linkage!.Constraints.IsCrossed(p.Agreement).ShouldBeFalse(p.Label);
            p.Acceptable.ShouldBeTrue(p.Label);
        }
    }
}
