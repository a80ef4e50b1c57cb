using CsCheck;
using Parley.Agents;
using Parley.Domains;
using Parley.Preferences;
using Parley.Tests.Generators;

namespace Parley.Tests.Agents;

public sealed class OutcomeIndexTests
{
    [Fact]
    public void Build_GeneratedProfiles_SortsEveryAcceptableOutcomeBestFirst()
    {
        ModelGen.Domain(4).SelectMany(d => ModelGen.Profile(d, withRedLines: true)).Sample(profile =>
        {
            var index = OutcomeIndex.Build(profile);
            var expected = profile.Domain.EnumerateOutcomes().Where(o => !profile.CrossesRedLine(o.Levels)).ToList();
            if (expected.Count == 0)
            {
                expected = profile.Domain.EnumerateOutcomes().ToList();
            }

            index.Count.ShouldBe(expected.Count);
            for (var r = 0; r < index.Count; r++)
            {
                index.UtilityAt(r).ShouldBe(profile.Utility(index.LevelsAt(r)), 1e-12);
                if (r > 0)
                {
                    index.UtilityAt(r).ShouldBeLessThanOrEqualTo(index.UtilityAt(r - 1));
                }
            }
        }, iter: 100);
    }

    [Fact]
    public void RankNearest_GeneratedTargets_MatchesBruteForce()
    {
        ModelGen.Domain(4).SelectMany(d => ModelGen.Profile(d)).Select(Gen.Double[-0.2, 1.2], (p, t) => (p, t)).Sample(pair =>
        {
            var (profile, target) = pair;
            var index = OutcomeIndex.Build(profile);
            var bestGap = double.MaxValue;
            for (var r = 0; r < index.Count; r++)
            {
                bestGap = Math.Min(bestGap, Math.Abs(index.UtilityAt(r) - target));
            }

            Math.Abs(index.UtilityAt(index.RankNearest(target)) - target).ShouldBe(bestGap, 1e-12);
            var atLeast = index.RankAtLeast(target);
            if (atLeast >= 0)
            {
                index.UtilityAt(atLeast).ShouldBeGreaterThanOrEqualTo(target);
            }

            if (atLeast + 1 < index.Count)
            {
                index.UtilityAt(atLeast + 1).ShouldBeLessThan(target);
            }
        }, iter: 200);
    }

    [Fact]
    public void For_SameProfile_ReturnsTheSharedIndex()
    {
        var profile = Protocols.SessionFixtures.Bilateral().Profiles[0];

        OutcomeIndex.For(profile).ShouldBeSameAs(OutcomeIndex.For(profile));
        OutcomeIndex.For(profile).OutcomeAt(0).ShouldBeSameAs(OutcomeIndex.For(profile).OutcomeAt(0));
    }

    [Fact]
    public void Build_SpaceAboveTheExactLimit_SamplesAndKeepsTheBestOutcome()
    {
        var issues = Enumerable.Range(0, 8).Select(i => (Issue)new IntegerIssue($"i{i}", 0, 9)).ToArray();
        var domain = new Domain("big", issues);
        var profile = new AdditiveProfile(domain, Enumerable.Repeat(1.0 / 8, 8), issues.Select(_ => (ValueFunction)LinearValueFunction.Through(0, 0, 9, 1)));

        var index = OutcomeIndex.Build(profile, exactLimit: 1000, sampleSize: 5000);

        index.IsSampled.ShouldBeTrue();
        index.Count.ShouldBe(5000);
        index.MaxUtility.ShouldBe(1, 1e-12);
        index.MinUtility.ShouldBe(0, 1e-12);
        OutcomeIndex.Build(profile, exactLimit: 1000, sampleSize: 5000).LevelsAt(17).ToArray().ShouldBe(index.LevelsAt(17).ToArray());
    }
}
