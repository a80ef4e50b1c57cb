using Parley.Analysis;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Tests.Analysis;

public sealed class OutcomeSpaceAnalyzerTests
{
    // Two issues, two parties with opposed preferences on "price" and a shared one on "quality".
    private static readonly Domain Deal = new("deal", [new CategoricalIssue("price", "low", "mid", "high"), new CategoricalIssue("quality", "basic", "premium")]);

    private static AdditiveProfile Buyer(double reservation = 0, IEnumerable<RedLine>? lines = null) =>
        new(Deal, [0.7, 0.3], [new TableValueFunction([1.0, 0.5, 0.0]), new TableValueFunction([0.0, 1.0])], reservation, redLines: lines);

    private static AdditiveProfile Seller(double reservation = 0, IEnumerable<RedLine>? lines = null) =>
        new(Deal, [0.6, 0.4], [new TableValueFunction([0.0, 0.5, 1.0]), new TableValueFunction([0.25, 1.0])], reservation, redLines: lines);

    [Fact]
    public void Analyze_SmallDeal_FindsFrontierAndSolutions()
    {
        var result = OutcomeSpaceAnalyzer.Analyze([Buyer(), Seller()], ["buyer", "seller"]);

        // Premium quality helps both: the frontier is the three prices with premium.
        result.Pareto.Select(p => Deal.Describe(p.Outcome)[0].Value).ShouldBe(["low", "mid", "high"]);
        result.Pareto.ShouldAllBe(p => p.Outcome[1] == 1);
        result.Nash!.Outcome.ShouldBe(new Outcome([1, 1]));
        result.MaxWelfare!.Utilities.Sum().ShouldBe(1.4, 1e-12); // low price, premium: 1.0 + 0.4
        (result.AgreementZone with { Witness = null }).ShouldBe(new AgreementZone(false, 6));
        result.AgreementZone.Witness.ShouldNotBeNull();
        result.Method.ShouldBe("minkowski");
    }

    [Fact]
    public void Analyze_ReservationsTooHigh_ReportsEmptyZoneAndCheapestRelaxation()
    {
        var result = OutcomeSpaceAnalyzer.Analyze([Buyer(0.8), Seller(0.8)], ["buyer", "seller"]);

        result.AgreementZone.IsEmpty.ShouldBeTrue();
        result.AgreementZone.OutcomeCount.ShouldBe(0);
        result.Nash.ShouldBeNull();
        result.KalaiSmorodinsky.ShouldBeNull();

        // Buyer at 0.8 needs price low (1.0) or mid with premium (0.65 < 0.8: no): only low+premium (1.0),
        // which gives the seller 0.4. Seller at 0.8 needs high+premium, giving the buyer 0.3.
        var cheapest = result.LeastCostlyRelaxation.ShouldNotBeNull();
        cheapest.Kind.ShouldBe(RelaxationKind.LowerReservationValue);
        cheapest.PartyName.ShouldBe("seller");
        cheapest.NewReservationValue.ShouldBe(0.4, 1e-12);
        cheapest.Amount.ShouldBe(0.4, 1e-12);
    }

    [Fact]
    public void Analyze_RedLinesLeaveNoCommonOption_MarksIssueBlockingAndNamesTheLines()
    {
        // The buyer never pays "high", the seller never sells "low" or "mid".
        var buyer = Buyer(lines: [new ForbiddenOption(0, 2, "budget")]);
        var seller = Seller(lines: [new ForbiddenOption(0, 0), new ForbiddenOption(0, 1)]);

        var result = OutcomeSpaceAnalyzer.Analyze([buyer, seller], ["buyer", "seller"]);

        result.AgreementZone.IsEmpty.ShouldBeTrue();
        result.Pareto.ShouldBeEmpty();
        var price = result.Gaps[0];
        price.IsBlocking.ShouldBeTrue();
        price.CommonlyAllowedLevels.ShouldBeEmpty();
        price.BlockingRedLines.Select(r => (r.PartyName, r.RedLineIndex)).ShouldBe([("buyer", 0), ("seller", 0), ("seller", 1)]);
        result.Gaps[1].IsBlocking.ShouldBeFalse();
        price.IdealLevels.ShouldBe([0, 2]);
    }

    [Fact]
    public void Analyze_CombinationRedLine_ExcludesTheCombinationOnly()
    {
        // The seller never gives premium quality at a low price.
        var seller = Seller(lines: [new ForbiddenCombination([new RedLineCondition(0, [0]), new RedLineCondition(1, [1])])]);

        var result = OutcomeSpaceAnalyzer.Analyze([Buyer(), seller], ["buyer", "seller"]);

        var lowPremium = new Outcome([0, 1]);
        var lowBasic = new Outcome([0, 0]);
        result.Pareto.Select(p => p.Outcome).ShouldNotContain(lowPremium);
        result.Pareto.Select(p => p.Outcome).ShouldContain(lowBasic);
        result.AgreementZone.OutcomeCount.ShouldBe(5);
    }

    [Fact]
    public void Analyze_ProfilesOverDifferentDomains_Throws()
    {
        var other = new Domain("other", [new CategoricalIssue("x", "a")]);
        var profile = new AdditiveProfile(other, [1.0], [new TableValueFunction([1.0])]);

        Should.Throw<ArgumentException>(() => OutcomeSpaceAnalyzer.Analyze([Buyer(), profile]));
    }

    [Fact]
    public void Measure_AgreementOffTheFrontier_ReportsDistancesAndGains()
    {
        var result = OutcomeSpaceAnalyzer.Analyze([Buyer(0.1), Seller(0.2)], ["buyer", "seller"]);

        var metrics = OutcomeMetrics.Measure(result, [1, 0]); // mid price, basic quality

        metrics.Utilities[0].ShouldBe(0.35, 1e-12);
        metrics.Utilities[1].ShouldBe(0.4, 1e-12);
        metrics.Gains[0].ShouldBe(0.25, 1e-12);
        metrics.Gains[1].ShouldBe(0.2, 1e-12);
        metrics.SocialWelfare.ShouldBe(0.75, 1e-12);
        metrics.IsParetoOptimal.ShouldBeFalse();
        metrics.IsAcceptableToAll.ShouldBeTrue();

        // Nearest frontier point: mid + premium (0.65, 0.7), at distance sqrt(0.3^2 + 0.3^2).
        metrics.DistanceToPareto.ShouldBe(Math.Sqrt(0.18), 1e-12);
        metrics.DistanceToNash!.Value.ShouldBe(Math.Sqrt(0.18), 1e-12);
    }

    [Fact]
    public void Measure_NashOutcome_IsOnTheFrontierAtDistanceZero()
    {
        var result = OutcomeSpaceAnalyzer.Analyze([Buyer(), Seller()]);

        var metrics = OutcomeMetrics.Measure(result, result.Nash!.Outcome.Levels);

        metrics.DistanceToPareto.ShouldBe(0);
        metrics.DistanceToNash.ShouldBe(0);
        metrics.IsParetoOptimal.ShouldBeTrue();
    }

    [Fact]
    public void Measure_OutcomeWithTooFewLevels_Throws()
    {
        var analysis = OutcomeSpaceAnalyzer.Analyze([Buyer(), Seller()]);

        // One level for a two-issue domain would otherwise be scored as if the second issue were absent.
        Should.Throw<ArgumentException>(() => OutcomeMetrics.Measure(analysis, [0]));
    }

    [Fact]
    public void Analyze_Cancelled_Throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Should.Throw<OperationCanceledException>(() => OutcomeSpaceAnalyzer.Analyze([Buyer(), Seller()], cancellationToken: cts.Token));
    }

    [Fact]
    public void Analyze_IsraelSyriaScenario_MinkowskiEqualsEnumeration()
    {
        // The built-in scenario has red lines, including combinations: the joint-unit construction must
        // agree with visiting all 559,872 outcomes.
        var scenario = Parley.Formats.BuiltInScenarios.Load("israel-syria-2026");

        var fast = OutcomeSpaceAnalyzer.Analyze(scenario);
        var enumerated = OutcomeSpaceAnalyzer.Analyze(scenario, new AnalysisOptions { ForceEnumeration = true });

        fast.Method.ShouldBe("minkowski");
        enumerated.Method.ShouldBe("enumeration");
        fast.Pareto.Select(p => string.Join(",", p.Utilities)).ShouldBe(enumerated.Pareto.Select(p => string.Join(",", p.Utilities)));
        fast.Pareto.Select(p => p.Outcome).ShouldBe(enumerated.Pareto.Select(p => p.Outcome));
        fast.AgreementZone.ShouldBe(enumerated.AgreementZone);
        fast.Nash!.Outcome.ShouldBe(enumerated.Nash!.Outcome);
        fast.KalaiSmorodinsky!.Outcome.ShouldBe(enumerated.KalaiSmorodinsky!.Outcome);
        fast.Gaps.Select(g => string.Join(",", g.AcceptableLevels)).ShouldBe(enumerated.Gaps.Select(g => string.Join(",", g.AcceptableLevels)));
    }

    [Fact]
    public void Analyze_CountingHalfTooSmall_LeavesCountUnknownButZoneExact()
    {
        var profiles = new[] { Buyer(), Seller() };

        var limited = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { MaxCountingHalf = 2 });
        var enough = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { MaxCountingHalf = 3 });

        (limited.AgreementZone with { Witness = null }).ShouldBe(new AgreementZone(false, null));
        (enough.AgreementZone with { Witness = null }).ShouldBe(new AgreementZone(false, 6));
    }

    [Fact]
    public void Analyze_ManyChunksAndTiesByEnumeration_IsIndependentOfThreadsAndEqualsMinkowski()
    {
        // 8^6 = 262,144 outcomes: several enumeration chunks and buffer compactions. The last issue
        // matters to nobody, so every frontier point has eight outcomes; three parties with red lines.
        var random = new Random(7);
        var domain = new Domain("chunks", Enumerable.Range(0, 6).Select(i => (Issue)new CategoricalIssue($"i{i}", Enumerable.Range(0, 8).Select(l => $"o{l}").ToArray())).ToArray());
        AdditiveProfile Party(IEnumerable<RedLine> lines) => new(
            domain,
            [.. Enumerable.Range(0, 5).Select(_ => random.NextDouble()), 0.0],
            [.. Enumerable.Range(0, 6).Select(_ => new TableValueFunction(Enumerable.Range(0, 8).Select(_ => Math.Round(random.NextDouble(), 1))))],
            0.3 * random.NextDouble(),
            redLines: lines);
        var profiles = new[]
        {
            Party([new ForbiddenOption(0, 3)]),
            Party([new ForbiddenCombination([new RedLineCondition(1, [0, 1]), new RedLineCondition(4, [2])])]),
            Party([new ForbiddenCombination([new RedLineCondition(2, [5]), new RedLineCondition(3, [5, 6]), new RedLineCondition(5, [0])])]),
        };

        var one = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { ForceEnumeration = true, AllOutcomesPerFrontierPoint = true, MaxDegreeOfParallelism = 1 });
        var all = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { ForceEnumeration = true, AllOutcomesPerFrontierPoint = true });
        var minkowski = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { AllOutcomesPerFrontierPoint = true });

        one.Pareto.Count.ShouldBeGreaterThan(10);
        one.Pareto.ShouldAllBe(p => p.Outcomes.Count >= 7);
        Describe(all).ShouldBe(Describe(one));
        Describe(minkowski).ShouldBe(Describe(one));
    }

    private static string Describe(AnalysisResult r) => string.Join(
        "\n",
        r.Pareto.Select(p => string.Join(",", p.Utilities.Select(BitConverter.DoubleToInt64Bits)) + ":" + string.Join(";", p.Outcomes))
            .Append($"nash {r.Nash?.Outcome} ks {r.KalaiSmorodinsky?.Outcome} egal {r.Egalitarian?.Outcome} welfare {r.MaxWelfare?.Outcome} genius {r.GeniusKalaiSmorodinsky?.Outcome}")
            .Append($"zone {r.AgreementZone}")
            .Concat(r.Gaps.Select(g => string.Join(",", g.AcceptableLevels))));
}
