using CsCheck;
using Parley.Analysis;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Tests.Generators;

namespace Parley.Tests.Analysis;

public sealed class OutcomeSpaceAnalyzerPropertyTests
{
    private static readonly Gen<Scenario> Scenarios =
        Gen.Int[2, 5].SelectMany(parties => ModelGen.Scenario(parties, maxIssues: 4, withRedLines: true));

    [Fact]
    public void Analyze_RandomScenarios_EqualsBruteForce() =>
        Scenarios.Sample(scenario => Check(scenario, AnalysisOptions.Default), iter: 300, threads: 1);

    /// <summary>
    /// Scenarios with "round" numbers (weights in steps of 0.05, values in steps of 0.1), like the
    /// GENIUS files: many utilities tie in real arithmetic and differ only by floating-point rounding.
    /// </summary>
    private static readonly Gen<Scenario> RoundScenarios =
        Gen.Int[2, 4].SelectMany(parties => ModelGen.Domain(4).SelectMany(domain =>
            ModelGen.Sequence(Enumerable.Range(0, parties).Select(_ => RoundProfile(domain)).ToArray())
                .Select(profiles => new Scenario("round", domain, profiles.Select((p, i) => new Party($"party{i + 1}", PartyRole.Party, p))))));

    [Fact]
    public void Analyze_RoundNumberScenarios_EqualsBruteForce() =>
        RoundScenarios.Sample(scenario => Check(scenario, AnalysisOptions.Default), iter: 300, threads: 1);

    private static Gen<AdditiveProfile> RoundProfile(Domain domain) =>
        Gen.Select(
            Gen.Int[1, 20].Array[domain.IssueCount],
            ModelGen.Sequence(domain.Issues.Select(RoundFunction).ToArray()),
            Gen.Int[0, 12],
            ModelGen.RedLines(domain),
            (weights, functions, reservation, lines) =>
                new AdditiveProfile(domain, weights.Select(w => w * 0.05), functions, reservation * 0.05, 1, lines));

    private static Gen<ValueFunction> RoundFunction(Issue issue) => issue switch
    {
        CategoricalIssue c => Gen.Int[0, 10].Array[c.Cardinality].Select(v => (ValueFunction)new TableValueFunction(v.Select(x => x * 0.1))),
        NumericIssue n => Gen.Select(Gen.Int[0, 10], Gen.Int[0, 10], (a, b) => (ValueFunction)LinearValueFunction.Through(n.Min, a * 0.1, n.Max == n.Min ? n.Min + 1 : n.Max, b * 0.1)),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>
    /// One to four parties with every kind of red line: numeric bounds, forbidden options, and
    /// combinations of one to three clauses, each clause naming one or two levels (and sometimes the
    /// same issue twice), so joint units of up to every issue and chained combinations occur.
    /// </summary>
    private static readonly Gen<Scenario> RichRedLineScenarios =
        Gen.Int[1, 4].SelectMany(parties => ModelGen.Domain(4).SelectMany(domain =>
            ModelGen.Sequence(Enumerable.Range(0, parties).Select(_ => RichProfile(domain)).ToArray())
                .Select(profiles => new Scenario("rich", domain, profiles.Select((p, i) => new Party($"party{i + 1}", PartyRole.Party, p))))));

    [Fact]
    public void Analyze_RichRedLineScenarios_EqualsBruteForce() =>
        RichRedLineScenarios.Sample(scenario => Check(scenario, AnalysisOptions.Default), iter: 300, threads: 1);

    [Fact]
    public void Analyze_RichRedLineScenariosByEnumeration_EqualsBruteForce() =>
        RichRedLineScenarios.Sample(scenario => Check(scenario, new AnalysisOptions { ForceEnumeration = true }), iter: 100, threads: 1);

    private static Gen<Profile> RichProfile(Domain domain) =>
        Gen.Select(
            Gen.Bool,
            ModelGen.Profile(domain),
            RoundProfile(domain),
            Gen.Int[0, 3].SelectMany(count => ModelGen.Sequence(Enumerable.Range(0, count).Select(_ => RichRedLine(domain)).ToArray())),
            (round, random, roundProfile, lines) => (round ? roundProfile : (Profile)random).WithRedLines(lines));

    private static Gen<RedLine> RichRedLine(Domain domain)
    {
        var numeric = Enumerable.Range(0, domain.IssueCount).Where(i => domain.Issues[i] is NumericIssue).ToArray();
        var condition = Gen.Int[0, domain.IssueCount - 1].SelectMany(i =>
            Gen.Int[0, domain.Issues[i].Cardinality - 1].Array[1, 2].Select(levels => new RedLineCondition(i, levels.Distinct().ToArray())));
        var combination = Gen.Int[1, 3].SelectMany(n => ModelGen.Sequence(Enumerable.Range(0, n).Select(_ => condition).ToArray()))
            .Select(conditions => (RedLine)new ForbiddenCombination(conditions, "generated"));
        var option = Gen.Int[0, domain.IssueCount - 1].SelectMany(i =>
            Gen.Int[0, domain.Issues[i].Cardinality - 1].Select(l => (RedLine)new ForbiddenOption(i, l, "generated")));
        if (numeric.Length == 0)
        {
            return Gen.Frequency((3, combination), (1, option));
        }

        var bound = Gen.Int[0, numeric.Length - 1].SelectMany(n =>
        {
            var issue = (NumericIssue)domain.Issues[numeric[n]];
            return Gen.Select(Gen.Int[0, issue.Cardinality - 1], Gen.Int[0, issue.Cardinality - 1], Gen.Int[0, 2], (a, b, sides) => (RedLine)new NumericBound(
                numeric[n],
                sides == 1 ? null : issue.ValueAt(Math.Min(a, b)),
                sides == 2 ? null : issue.ValueAt(Math.Max(a, b)),
                "generated"));
        });
        return Gen.Frequency((3, combination), (1, option), (1, bound));
    }

    [Fact]
    public void Analyze_RandomScenariosByEnumeration_EqualsBruteForce() =>
        Scenarios.Sample(scenario => Check(scenario, new AnalysisOptions { ForceEnumeration = true }), iter: 150, threads: 1);

    [Fact]
    public void Analyze_AllOutcomesPerPoint_ListsEveryOutcomeOfEachVector() =>
        Gen.Int[2, 3].SelectMany(p => ModelGen.Scenario(p, maxIssues: 4, withRedLines: true)).Sample(
            scenario =>
            {
                var reference = new BruteForceAnalysis(scenario.Profiles);
                var result = OutcomeSpaceAnalyzer.Analyze(scenario, new AnalysisOptions { AllOutcomesPerFrontierPoint = true });
                result.Pareto.Count.ShouldBe(reference.Frontier.Count);
                foreach (var point in result.Pareto)
                {
                    var expected = reference.OutcomesOf[BruteForceAnalysis.Key(point.Utilities.ToArray())];
                    point.Outcomes.Select(o => string.Join(",", o.Levels.ToArray()))
                        .ShouldBe(expected.Select(l => string.Join(",", l)));
                }
            },
            iter: 150,
            threads: 1);

    [Fact]
    public void Analyze_SameInputTwice_GivesIdenticalResults() =>
        ModelGen.Scenario(3, 5, withRedLines: true).Sample(
            scenario => Describe(OutcomeSpaceAnalyzer.Analyze(scenario)).ShouldBe(Describe(OutcomeSpaceAnalyzer.Analyze(scenario))),
            iter: 20,
            threads: 1);

    [Fact]
    public void Analyze_EqualPartialSums_ReportsSmallestOutcome()
    {
        // Issue b does not matter to anyone: every outcome (a, b) with the same a ties, and the
        // reported outcome of each frontier point is the one with b at its first level.
        var domain = new Domain("ties", [new CategoricalIssue("a", "x", "y"), new CategoricalIssue("b", "p", "q", "r")]);
        var one = new AdditiveProfile(domain, [1.0, 0.0], [new TableValueFunction([1.0, 0.0]), new TableValueFunction([0.3, 1.0, 0.5])]);
        var two = new AdditiveProfile(domain, [1.0, 0.0], [new TableValueFunction([0.0, 1.0]), new TableValueFunction([1.0, 0.2, 0.5])]);

        var result = OutcomeSpaceAnalyzer.Analyze([one, two]);

        result.Pareto.Select(p => p.Outcome.ToString()).ShouldBe(["[0, 0]", "[1, 0]"]);
    }

    private static string Describe(AnalysisResult r) =>
        string.Join(";", r.Pareto.Select(p => string.Join(",", p.Utilities) + ":" + p.Outcome)) + "|" + r.Nash?.Outcome + r.KalaiSmorodinsky?.Outcome + r.AgreementZone;

    private static void Check(Scenario scenario, AnalysisOptions options)
    {
        var profiles = scenario.Profiles;
        var reference = new BruteForceAnalysis(profiles);
        var result = OutcomeSpaceAnalyzer.Analyze(scenario, options);

        // The frontier: the same vectors in the same order, each with an outcome that gives exactly it.
        result.Pareto.Select(p => BruteForceAnalysis.Key(p.Utilities.ToArray()))
            .ShouldBe(reference.Frontier.Select(BruteForceAnalysis.Key));
        foreach (var point in result.Pareto)
        {
            UtilitiesOf(profiles, point.Outcome).ShouldBe(point.Utilities.ToArray());
            profiles.Any(p => p.RedLines.IsCrossed(point.Outcome.Levels)).ShouldBeFalse("a frontier outcome crosses a red line");
        }

        // GENIUS's Kalai-Smorodinsky: least asymmetry over the whole frontier, ties to the smaller vector.
        var genius = reference.Frontier
            .OrderBy(Asymmetry)
            .ThenBy(v => v, Comparer<double[]>.Create(CompareLex))
            .FirstOrDefault();
        if (genius is null)
        {
            result.GeniusKalaiSmorodinsky.ShouldBeNull();
        }
        else
        {
            result.GeniusKalaiSmorodinsky.ShouldNotBeNull();
            result.GeniusKalaiSmorodinsky.Utilities.ToArray().ShouldBe(genius);
            UtilitiesOf(profiles, result.GeniusKalaiSmorodinsky.Outcome).ShouldBe(genius);
        }

        // The ideal point.
        if (reference.Ideal is null)
        {
            result.IdealUtilities.ShouldBeNull();
        }
        else
        {
            result.IdealUtilities.ShouldNotBeNull();
            result.IdealUtilities.ToArray().ShouldBe(reference.Ideal);
        }

        // The zone of agreement.
        result.AgreementZone.IsEmpty.ShouldBe(reference.Acceptable.Count == 0);
        result.AgreementZone.OutcomeCount.ShouldBe(reference.Acceptable.Count);

        // Solution points.
        CheckPoint(profiles, result.Nash, reference.Nash);
        CheckPoint(profiles, result.KalaiSmorodinsky, reference.KalaiSmorodinsky);
        CheckPoint(profiles, result.Egalitarian, reference.Egalitarian);
        CheckPoint(profiles, result.MaxWelfare, reference.MaxWelfare);

        // Gaps: levels that appear in some acceptable outcome, each party's ideal level, the levels no
        // single-issue line forbids, and whether the issue blocks.
        var domain = scenario.Domain;
        result.Gaps.Count.ShouldBe(domain.IssueCount);
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var gap = result.Gaps[i];
            var levels = Enumerable.Range(0, domain.Issues[i].Cardinality).ToList();
            gap.Issue.ShouldBe(i);
            gap.AcceptableLevels.ShouldBe(reference.AcceptableLevels[i], $"issue {i}");
            gap.IdealLevels.ShouldBe(
                profiles.Select(p => levels.Where(l => p.RedLines.IsLevelAllowed(i, l))
                    .OrderByDescending(l => ((AdditiveProfile)p).LevelUtility(i, l)).ThenBy(l => l)
                    .DefaultIfEmpty(-1).First()),
                $"issue {i}");
            var common = levels.Where(l => profiles.All(p => p.RedLines.IsLevelAllowed(i, l))).ToList();
            gap.CommonlyAllowedLevels.ShouldBe(common, $"issue {i}");
            var blockingLines = result.Relaxations.Where(r => r.RedLine is not null && Mentions(r.RedLine, i)).ToList();
            gap.BlockingRedLines.ShouldBe(blockingLines);
            gap.IsBlocking.ShouldBe(reference.Acceptable.Count == 0 && (common.Count == 0 || blockingLines.Count > 0), $"issue {i}");
        }

        // Relaxations of an empty zone: exactly the single changes that open it.
        if (reference.Acceptable.Count == 0)
        {
            CheckRelaxations(profiles, reference, result);
        }
        else
        {
            result.Relaxations.ShouldBeEmpty();
        }
    }

    private static void CheckRelaxations(IReadOnlyList<Profile> profiles, BruteForceAnalysis reference, AnalysisResult result)
    {
        var k = profiles.Count;
        var expectedLowerings = new List<(int Party, double To)>();
        for (var i = 0; i < k; i++)
        {
            var others = reference.Feasible.Where(f => Enumerable.Range(0, k).All(j => j == i || f.U[j] >= reference.Reservation[j])).ToList();
            if (others.Count > 0)
            {
                expectedLowerings.Add((i, others.Max(f => f.U[i])));
            }
        }

        result.Relaxations.Where(r => r.Kind == RelaxationKind.LowerReservationValue)
            .Select(r => (r.Party, r.NewReservationValue)).OrderBy(x => x.Party)
            .ShouldBe(expectedLowerings);

        // Least costly first: lowerings by amount (then party), then red-line drops.
        var lowerings = result.Relaxations.TakeWhile(r => r.Kind == RelaxationKind.LowerReservationValue).ToList();
        lowerings.Count.ShouldBe(expectedLowerings.Count);
        foreach (var r in lowerings)
        {
            r.Amount.ShouldBe(reference.Reservation[r.Party] - r.NewReservationValue);
            r.Amount.ShouldBeGreaterThan(0);
            r.RedLineIndex.ShouldBe(-1);
        }

        lowerings.ShouldBe(lowerings.OrderBy(r => r.Amount).ThenBy(r => r.Party));
        result.LeastCostlyRelaxation.ShouldBe(result.Relaxations.FirstOrDefault());

        var expectedDrops = new List<(int Party, int Line)>();
        for (var i = 0; i < k; i++)
        {
            var lines = profiles[i].RedLines.Lines;
            for (var l = 0; l < lines.Count; l++)
            {
                var modified = profiles.ToArray();
                modified[i] = profiles[i].WithRedLines(lines.Where((_, m) => m != l));
                if (new BruteForceAnalysis(modified).Acceptable.Count > 0)
                {
                    expectedDrops.Add((i, l));
                }
            }
        }

        result.Relaxations.Where(r => r.Kind == RelaxationKind.DropRedLine)
            .Select(r => (r.Party, r.RedLineIndex))
            .ShouldBe(expectedDrops);
    }

    private static void CheckPoint(IReadOnlyList<Profile> profiles, SolutionPoint? actual, double[]? expected)
    {
        if (expected is null)
        {
            actual.ShouldBeNull();
            return;
        }

        actual.ShouldNotBeNull();
        actual.Utilities.ToArray().ShouldBe(expected);
        UtilitiesOf(profiles, actual.Outcome).ShouldBe(expected);
        profiles.All(p => p.Accepts(actual.Outcome.Levels)).ShouldBeTrue();
    }

    private static double Asymmetry(double[] v)
    {
        var sum = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            for (var j = i + 1; j < v.Length; j++)
            {
                sum += Math.Abs(v[i] - v[j]);
            }
        }

        return sum;
    }

    private static int CompareLex(double[]? a, double[]? b)
    {
        for (var i = 0; i < a!.Length; i++)
        {
            var c = a[i].CompareTo(b![i]);
            if (c != 0)
            {
                return c;
            }
        }

        return 0;
    }

    private static bool Mentions(RedLine line, int issue) => line switch
    {
        ForbiddenOption f => f.Issue == issue,
        NumericBound b => b.Issue == issue,
        ForbiddenCombination c => c.Conditions.Any(x => x.Issue == issue),
        _ => false,
    };

    private static double[] UtilitiesOf(IReadOnlyList<Profile> profiles, Outcome outcome) =>
        profiles.Select(p => p.Utility(outcome)).ToArray();
}
