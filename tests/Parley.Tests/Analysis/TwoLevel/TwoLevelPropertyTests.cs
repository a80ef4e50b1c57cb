using CsCheck;
using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Analysis.TwoLevel;

public sealed class TwoLevelPropertyTests
{
    private static readonly Gen<int> Seeds = Gen.Int[0, int.MaxValue - 1];

    [Fact]
    public void Disagreement_WithStatusQuo_EqualsStatusQuoUtilities() =>
        Seeds.Sample(seed =>
        {
            var scenario = TwoLevelScenarios.Create(seed);
            var model = TwoLevelModel.Create(scenario);
            for (var p = 0; p < model.PartyCount; p++)
            {
                var party = scenario.Negotiators[p];
                var profile = (AdditiveProfile)party.Profile!;
                var sqUtility = TwoLevelScenarios.StatusQuoUtility(profile, party.StatusQuoValues, scenario.StatusQuo!);
                model.StatusQuoUtility(p).ShouldBe(sqUtility, 1e-12, $"seed {seed}");
                model.Disagreement(p).ShouldBe(party.ExplicitReservationValue ? profile.ReservationValue : sqUtility, 1e-12, $"seed {seed}");
            }
        }, iter: 300, threads: 1);

    [Fact]
    public void Value_PartialAgreement_EqualsStatusQuoWithTheArticlesChanged() =>
        Gen.Select(Seeds, Gen.Int[0, int.MaxValue - 1]).Sample((seed, draftSeed) =>
        {
            var scenario = TwoLevelScenarios.Create(seed);
            var model = TwoLevelModel.Create(scenario);
            var rng = new Random(draftSeed);
            var domain = scenario.Domain;
            var draft = PartialOutcome.AllOpen(domain.IssueCount);
            for (var i = 0; i < domain.IssueCount; i++)
            {
                if (rng.Next(2) == 0)
                {
                    draft = draft.Settle(i, rng.Next(domain.Issues[i].Cardinality));
                }
            }

            var sq = scenario.StatusQuo!;
            for (var p = 0; p < model.PartyCount; p++)
            {
                var party = scenario.Negotiators[p];
                var profile = (AdditiveProfile)party.Profile!;
                var expected = 0.0;
                for (var i = 0; i < domain.IssueCount; i++)
                {
                    expected += draft.IsSettled(i) ? profile.LevelUtility(i, draft[i])
                        : sq.Levels[i] == StatusQuo.NoClause ? profile.Weights[i] * party.StatusQuoValues![i]
                        : profile.LevelUtility(i, sq.Levels[i]);
                }

                model.Value(p, draft).ShouldBe(expected, 1e-12, $"seed {seed}");
                if (draft.IsComplete)
                {
                    model.Value(p, draft).ShouldBe(profile.Utility(draft.Levels), 1e-12);
                }
            }
        }, iter: 300, threads: 1);

    [Fact]
    public void Analyze_RandomScenariosWithRatifiers_EqualsBruteForce() =>
        Seeds.Sample(seed => CheckAgainstBruteForce(seed, TwoLevelScenarios.Create(seed)), iter: 400, threads: 1);

    [Fact]
    public void Analyze_NoStatusQuo_EqualsBruteForce() =>
        Seeds.Sample(seed => CheckAgainstBruteForce(seed, TwoLevelScenarios.Create(seed, withStatusQuo: false)), iter: 150, threads: 1);

    [Fact]
    public void Searches_DrawnScenarios_EqualBruteForceOnTheDrawnNumbers() =>
        Seeds.Sample(seed =>
        {
            var model = TwoLevelModel.Create(TwoLevelScenarios.Create(seed)).Draw(new Random(seed));
            var brute = BruteTwoLevel.FromModel(model);
            Same(model.NashPackage(), brute.Nash(false), seed);
            Same(model.RatificationNashPackage(), brute.Nash(true), seed);
            model.HasZone().ShouldBe(brute.ZoneCount() > 0, $"seed {seed}");
        }, iter: 300, threads: 1);

    [Fact]
    public void HasAcceptableCompletion_RandomDrafts_EqualsBruteForce() =>
        Gen.Select(Seeds, Gen.Int[0, int.MaxValue - 1]).Sample((seed, draftSeed) =>
        {
            var scenario = TwoLevelScenarios.Create(seed);
            var model = TwoLevelModel.Create(scenario);
            var rng = new Random(draftSeed);
            var n = scenario.Domain.IssueCount;
            var draft = PartialOutcome.AllOpen(n);
            for (var i = 0; i < n; i++)
            {
                if (rng.Next(3) == 0)
                {
                    draft = draft.Settle(i, rng.Next(scenario.Domain.Issues[i].Cardinality));
                }
            }

            var brute = BruteTwoLevel.FromScenario(scenario);
            var completions = brute.Outcomes().Where(o => draft.IsExtendedBy(o)).ToList();
            model.HasAcceptableCompletion(draft).ShouldBe(completions.Any(brute.InZone), $"seed {seed}/{draftSeed}");
            for (var p = 0; p < model.PartyCount; p++)
            {
                var party = scenario.Negotiators[p];
                var own = party.Profile!.RedLines.Lines.Concat(scenario.Linkage?.Rules ?? []).ToList();
                var expected = completions.Any(o => !own.Any(l => l.IsCrossedBy(scenario.Domain, o)) && brute.Utility(p, o) >= brute.Disagreement(p));
                model.HasAcceptableCompletion(draft, p).ShouldBe(expected, $"seed {seed}/{draftSeed}, party {p}");
            }
        }, iter: 300, threads: 1);

    [Fact]
    public void SmallestConcession_RandomScenarios_EqualsBruteForceOverSubsetsOfRedLines() =>
        Seeds.Sample(seed =>
        {
            var scenario = TwoLevelScenarios.Create(seed);
            var model = TwoLevelModel.Create(scenario);
            var domain = scenario.Domain;
            var outcomes = domain.EnumerateOutcomes().Select(o => o.Levels.ToArray()).ToList();
            bool ZoneWithout(int party, IReadOnlyCollection<int> dropped) =>
                outcomes.Any(o =>
                    !scenario.Negotiators.Select((x, p) => x.Profile!.RedLines.Lines.Where((_, l) => p != party || !dropped.Contains(l)).Any(line => line.IsCrossedBy(domain, o))).Any(crossed => crossed)
                    && (scenario.Linkage is null || !scenario.Linkage.Rules.Any(l => l.IsCrossedBy(domain, o)))
                    && Enumerable.Range(0, model.PartyCount).All(p => model.Utility(p, o) >= model.Disagreement(p)));

            for (var p = 0; p < model.PartyCount; p++)
            {
                var lines = scenario.Negotiators[p].Profile!.RedLines.Lines.Count;
                IReadOnlyList<int>? expected = null;
                for (var size = 0; size <= Math.Min(2, lines) && expected is null; size++)
                {
                    foreach (var subset in Subsets(lines, size))
                    {
                        if (ZoneWithout(p, subset))
                        {
                            expected = subset;
                            break;
                        }
                    }
                }

                var actual = model.SmallestConcession(p, 2);
                if (expected is null)
                {
                    actual.ShouldBeNull($"seed {seed}, party {p}");
                }
                else
                {
                    actual.ShouldNotBeNull($"seed {seed}, party {p}");
                    actual.Count.ShouldBe(expected.Count, $"seed {seed}, party {p}");
                    ZoneWithout(p, actual.ToArray()).ShouldBeTrue($"seed {seed}, party {p}");
                }
            }
        }, iter: 200, threads: 1);

    private static IEnumerable<int[]> Subsets(int n, int size)
    {
        if (size == 0)
        {
            yield return [];
            yield break;
        }

        for (var first = 0; first < n; first++)
        {
            foreach (var rest in Subsets(n, size - 1).Where(r => r.Length == 0 || r[0] > first))
            {
                yield return [first, .. rest];
            }
        }
    }

    [Fact]
    public void Run_SameSeed_SameResultWhateverTheThreadCount()
    {
        var analysis = TwoLevelAnalyzer.Analyze(TwoLevelScenarios.Create(11));
        var one = RobustnessAnalyzer.Run(analysis, new RobustnessOptions(300, 5) { MaxDegreeOfParallelism = 1 });
        var two = RobustnessAnalyzer.Run(analysis, new RobustnessOptions(300, 5) { MaxDegreeOfParallelism = 2 });

        two.PZoneEmpty.ShouldBe(one.PZoneEmpty);
        two.EarlyHarvest.ShouldBe(one.EarlyHarvest);
        two.Packages.Select(p => (p.PAcceptable, p.PRatified, p.PNash)).ShouldBe(one.Packages.Select(p => (p.PAcceptable, p.PRatified, p.PNash)));
        two.Sensitivity.Select(b => (b.Low, b.High)).ShouldBe(one.Sensitivity.Select(b => (b.Low, b.High)));
    }

    [Fact]
    public void Run_RandomScenarios_FrequenciesEqualBruteForceOverTheSameDraws() =>
        Gen.Int[0, 100_000].Sample(seed =>
        {
            var scenario = TwoLevelScenarios.Create(seed);
            var analysis = TwoLevelAnalyzer.Analyze(scenario);
            const int Draws = 40;
            var result = RobustnessAnalyzer.Run(analysis, new RobustnessOptions(Draws, seed));
            var zoneEmpty = 0;
            var harvest = new int[scenario.Domain.IssueCount];
            var acceptable = new int[analysis.Candidates.Count];
            for (var d = 0; d < Draws; d++)
            {
                var m = analysis.Model.Draw(TwoLevelModel.DrawRandom(seed, d));
                var brute = BruteTwoLevel.FromModel(m);
                zoneEmpty += brute.ZoneCount() == 0 ? 1 : 0;
                for (var i = 0; i < harvest.Length; i++)
                {
                    var any = Enumerable.Range(0, scenario.Domain.Issues[i].Cardinality)
                        .Where(l => l != scenario.StatusQuo!.Levels[i])
                        .Any(l => TwoLevelAnalyzer.Harvest(m, PartialOutcome.AllOpen(harvest.Length).Settle(i, l)) is not null);
                    harvest[i] += any ? 1 : 0;
                }

                for (var c = 0; c < acceptable.Length; c++)
                {
                    var agreement = analysis.Candidates[c].Agreement;
                    acceptable[c] += m.IsFeasible(agreement) && Enumerable.Range(0, m.PartyCount).All(p => m.Value(p, agreement) >= m.Disagreement(p)) ? 1 : 0;
                }
            }

            result.PZoneEmpty.ShouldBe(zoneEmpty / (double)Draws, $"seed {seed}");
            result.EarlyHarvest.ShouldBe(harvest.Select(h => h / (double)Draws).ToArray(), $"seed {seed}");
            result.Packages.Select(p => p.PAcceptable).ShouldBe(acceptable.Select(a => a / (double)Draws).ToArray(), $"seed {seed}");
        }, iter: 60, threads: 1);

    /// <summary>
    /// One uncertain number decides whether the zone is empty: the sampled frequency converges to the
    /// probability computed by brute force over a fine grid of that number (each grid point analysed by
    /// enumerating every outcome), within four standard errors at a fixed seed.
    /// </summary>
    [Fact]
    public void Run_OneUncertainValue_FrequencyConvergesToBruteForceProbability()
    {
        var domain = new Domain("d", [
            new CategoricalIssue("a", [new IssueOption("a0"), new IssueOption("a1"), new IssueOption("a2")]),
            new CategoricalIssue("b", [new IssueOption("b0"), new IssueOption("b1")])]);
        var sq = new StatusQuo(domain, [new StatusQuoEntry(0, 0), new StatusQuoEntry(1, StatusQuo.NoClause)]);
        Scenario Build(double? fixedValue)
        {
            var one = new AdditiveProfile(domain, [0.6, 0.4], [new TableValueFunction([0.2, 0.7, 0.9]), new TableValueFunction([0.1, 0.8])], 0, 1, [new ForbiddenOption(0, 0)]);
            var two = new AdditiveProfile(domain, [0.5, 0.5], [new TableValueFunction([0.9, 0.5, 0.2]), new TableValueFunction([0.6, 0.3])]);
            var range = fixedValue is { } v
                ? new UncertainParameter(UncertaintyTarget.StatusQuoValue, "two", 1, -1, null, UncertaintyShape.Uniform, v, v, null, null, "grid point")
                : new UncertainParameter(UncertaintyTarget.StatusQuoValue, "two", 1, -1, null, UncertaintyShape.Triangular, 0, 1, null, null, "test");
            return new Scenario("grid", domain, [
                new Party("one", PartyRole.Party, one) { StatusQuoValues = [0, 0.5], ExplicitReservationValue = false },
                new Party("two", PartyRole.Party, two) { StatusQuoValues = [0, 0.45], ExplicitReservationValue = false }])
            {
                StatusQuo = sq,
                Uncertainty = [range],
            };
        }

        const int Grid = 2000;
        var empty = 0.0;
        var triangular = Build(null).Uncertainty[0];
        for (var g = 0; g < Grid; g++)
        {
            // The grid over the quantiles: each point carries probability 1/Grid of the triangular law.
            var value = triangular.Draw(0.45, (g + 0.5) / Grid);
            var model = TwoLevelModel.Create(Build(value)).Draw(new Random(0));
            empty += BruteTwoLevel.FromModel(model).ZoneCount() == 0 ? 1.0 / Grid : 0;
        }

        const int Draws = 4000;
        var result = RobustnessAnalyzer.Run(TwoLevelAnalyzer.Analyze(Build(null)), new RobustnessOptions(Draws, 3));

        empty.ShouldBeInRange(0.05, 0.95); // the case is not degenerate
        var error = 4 * Math.Sqrt(empty * (1 - empty) / Draws) + (1.0 / Grid);
        result.PZoneEmpty.ShouldBe(empty, error);
    }

    private static void CheckAgainstBruteForce(int seed, Scenario scenario)
    {
        var analysis = TwoLevelAnalyzer.Analyze(scenario, new TwoLevelOptions { MaxDegreeOfParallelism = 1 });
        var brute = BruteTwoLevel.FromScenario(scenario);
        var counts = analysis.Counts!;
        var level = analysis.Options.RatificationLevel;
        counts.Feasible.ShouldBe(brute.FeasibleCount(), $"seed {seed}");
        counts.Zone.ShouldBe(brute.ZoneCount(), $"seed {seed}");
        counts.Ratifiable.ShouldBe(brute.RatifiableCount(level), $"seed {seed}");
        for (var p = 0; p < brute.Parties; p++)
        {
            counts.WinSet[p].ShouldBe(brute.WinSet(p, level), $"seed {seed}, party {p}");
            analysis.Model.Disagreement(p).ShouldBe(brute.Disagreement(p), $"seed {seed}");
        }

        Same(analysis.Nash?.Agreement.Levels.ToArray(), brute.Nash(false), seed);
        if (analysis.Model.HasRatification)
        {
            Same(analysis.RatificationNash?.Agreement.Levels.ToArray(), brute.Nash(true), seed);
        }

        analysis.RatifiableFrontier.Select(f => BruteTwoLevel.Key(f.Utilities)).ToHashSet().SetEquals(brute.RatifiableFrontier(level)).ShouldBeTrue($"seed {seed}");
        var sq = scenario.StatusQuo?.Levels.ToArray() ?? Enumerable.Repeat(-1, scenario.Domain.IssueCount).ToArray();
        var open = Enumerable.Range(0, scenario.Domain.IssueCount).Where(i => (seed >> i) % 2 == 0).ToArray();
        analysis.Model.HasRatifiableMove(open, level).ShouldBe(brute.HasRatifiableMove(open, sq, level), $"seed {seed}");
    }

    private static void Same(int[]? actual, int[]? expected, int seed)
    {
        if (expected is null)
        {
            actual.ShouldBeNull($"seed {seed}");
        }
        else
        {
            actual.ShouldNotBeNull($"seed {seed}");
            actual.ShouldBe(expected, $"seed {seed}");
        }
    }
}
