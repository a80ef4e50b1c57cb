using CsCheck;
using Parley.Analysis;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Tests.Analysis;

/// <summary>The CP-SAT frontier against brute force on nonlinear spaces small enough to enumerate.</summary>
public sealed class CpSatFrontierPropertyTests
{
    private static readonly Gen<Domain> Domains =
        Gen.Int[2, 5].Array[2, 4].Select(cards => new Domain("generated", cards.Select((c, i) => (Issue)new IntegerIssue($"i{i}", 0, c - 1))));

    private static Gen<IssueRange> Range(Domain domain) =>
        Gen.Int[0, domain.IssueCount - 1].SelectMany(issue =>
            Gen.Int[0, domain.Issues[issue].Cardinality - 1].Array[2].Select(b => new IssueRange(issue, Math.Min(b[0], b[1]), Math.Max(b[0], b[1]))));

    private static Gen<HyperRectangle> Rectangle(Domain domain) =>
        Gen.Select(Range(domain).Array[0, 3], Gen.Int[-5, 20], Gen.Int[0, 3], (ranges, value, kind) =>
            new HyperRectangle(ranges, value, isExclusive: kind == 0 && ranges.Length > 0));

    private static Gen<AdditiveProfile?> Additive(Domain domain) =>
        Gen.Bool.SelectMany(has => has
            ? Gen.Int[0, 10].Array[domain.IssueCount].SelectMany(weights =>
                Gen.Int[0, 10].Array[domain.Issues.Max(i => i.Cardinality)].Array[domain.IssueCount].Select(tables =>
                    (AdditiveProfile?)new AdditiveProfile(domain, weights.Select(w => w * 1.0), domain.Issues.Select((issue, i) => (ValueFunction)new TableValueFunction(tables[i].Take(issue.Cardinality).Select(v => v * 0.1))))))
            : Gen.Const((AdditiveProfile?)null));

    private static Gen<NonlinearProfile> Profile(Domain domain) =>
        Gen.Select(Additive(domain), Rectangle(domain).Array[1, 6], Gen.Int[5, 60], Gen.Bool, Gen.Int[0, 8], (additive, rects, scale, cap, reservation) =>
            new NonlinearProfile(domain, additive, rects, scale, cap, reservation * 0.1));

    /// <summary>Red lines: a forbidden level, or a forbidden combination of two or three conditions (levels of one issue each, possibly the same issue twice).</summary>
    private static Gen<RedLine> RedLine(Domain domain) =>
        Gen.OneOf(
            Gen.Int[0, domain.IssueCount - 1].SelectMany(i => Gen.Int[0, domain.Issues[i].Cardinality - 1].Select(l => (RedLine)new ForbiddenOption(i, l))),
            Gen.Int[0, domain.IssueCount - 1].SelectMany(i => Gen.Int[0, domain.Issues[i].Cardinality - 1].Array[1, 3].Select(levels => new RedLineCondition(i, levels.Distinct().ToArray())))
                .Array[2, 3].Select(conditions => (RedLine)new ForbiddenCombination(conditions)));

    private static readonly Gen<NonlinearProfile[]> PairsWithRedLines =
        Domains.SelectMany(domain => Gen.Select(Profile(domain), RedLine(domain).Array[0, 3], (profile, lines) => (NonlinearProfile)profile.WithRedLines(lines)).Array[2]);

    private static readonly Gen<NonlinearProfile[]> Pairs =
        Domains.SelectMany(domain => Profile(domain).Array[2]);

    [Fact]
    public void Analyze_SolverOnGeneratedNonlinearSpaces_EqualsBruteForce() =>
        Pairs.Sample(Check, iter: 300, threads: 1);

    /// <summary>
    /// With no time at all the search proves nothing: the frontier is reported unproved, the zone's emptiness is
    /// unknown, and the gap still bounds how far the first party's utility ranges over the space (no clock is raced:
    /// a zero budget stops before the first solve).
    /// </summary>
    [Fact]
    public void Solve_ZeroBudget_ReportsUnprovedWithAGapThatBoundsTheSpace() =>
        Pairs.Sample(profiles =>
        {
            var result = CpSatFrontier.Solve(profiles[0], profiles[1], TimeSpan.Zero, 1, 2, CpSatFrontier.Strategy.Epsilon, null, 0, 1, CancellationToken.None);
            result.Report.IsProved.ShouldBeFalse();
            result.Points.ShouldBeEmpty();
            var utilities = profiles[0].Domain.EnumerateOutcomes().Select(o => profiles[0].Utility(o.Levels)).ToList();
            (utilities.Max() - utilities.Min()).ShouldBeLessThanOrEqualTo(result.Report.UtilityGap + 1e-9);

            var analysis = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { ForceSolver = true, AnalyzeGaps = false, SolverTimeBudget = TimeSpan.Zero });
            analysis.Solver!.IsProved.ShouldBeFalse();
            analysis.AgreementZone.IsProved.ShouldBeFalse();
        }, iter: 50, threads: 1);

    /// <summary>Red lines (forbidden levels and combinations) are hard constraints of the solver's model, as they are of the enumeration.</summary>
    [Fact]
    public void Analyze_SolverWithRedLines_EqualsBruteForce() =>
        PairsWithRedLines.Sample(Check, iter: 300, threads: 1);

    /// <summary>
    /// Both search strategies (parallel epsilon strips, and the dichotomic search for supported points followed by
    /// epsilon steps under each edge), on one thread and on three, give the brute-force frontier with every point proved.
    /// </summary>
    [Fact]
    public void Solve_EveryStrategyAndThreadCount_EqualsBruteForce() =>
        Pairs.Select(PairsWithRedLines, (plain, lined) => new[] { plain, lined }).Sample(pairs => pairs.All(profiles =>
        {
            var expected = BruteFrontier(profiles, exact: true);
            foreach (var strategy in new[] { CpSatFrontier.Strategy.Epsilon, CpSatFrontier.Strategy.Dichotomic })
            {
                foreach (var threads in new[] { 1, 3 })
                {
                    var result = CpSatFrontier.Solve(profiles[0], profiles[1], TimeSpan.FromMinutes(5), 1, threads, strategy, null, 0, 1, CancellationToken.None);
                    result.Report.IsProved.ShouldBeTrue();
                    result.Points.ShouldAllBe(p => p.IsProved);
                    Vectors(result.Points.Select(p => (IReadOnlyList<double>)p.Utilities)).ShouldBe(expected, $"{strategy}, {threads} threads");
                    if (strategy == CpSatFrontier.Strategy.Dichotomic)
                    {
                        result.Report.SupportedPoints.ShouldNotBeNull();
                        result.Report.SupportedPoints!.Value.ShouldBeLessThanOrEqualTo(Math.Max(1, expected.Count));
                    }
                }
            }

            return true;
        }), iter: 150, threads: 1);

    /// <summary>Additive profiles through the solver (seen as additive part, no constraints) against brute force and the Minkowski construction's Nash point.</summary>
    [Fact]
    public void Analyze_SolverOnAdditiveProfiles_EqualsMinkowski() =>
        Domains.SelectMany(domain => Additive(domain).Where(a => a is not null).Array[2]).Sample(pair =>
        {
            var profiles = pair.Select(p => (Profile)p!).ToArray();
            var solver = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { ForceSolver = true, AnalyzeGaps = false });
            var minkowski = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { AnalyzeGaps = false });

            solver.Method.ShouldBe("cp-sat");
            minkowski.Method.ShouldBe("minkowski");
            solver.Solver!.IsProved.ShouldBeTrue();
            Vectors(solver.Pareto.Select(p => p.Utilities)).ShouldBe(BruteFrontier([.. profiles.Select(NonlinearProfile.From)], exact: true));
            solver.Nash!.Utilities[0].ShouldBe(minkowski.Nash!.Utilities[0], 1e-9);
            solver.Nash.Utilities[1].ShouldBe(minkowski.Nash.Utilities[1], 1e-9);
        }, iter: 100, threads: 1);

    private static void Check(NonlinearProfile[] profiles)
    {
        var solver = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { ForceSolver = true, AnalyzeGaps = false });
        var enumerated = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { ForceEnumeration = true, AnalyzeGaps = false });

        solver.Method.ShouldBe("cp-sat");
        solver.Solver!.IsProved.ShouldBeTrue();
        // The solver works in exact (scaled integer) arithmetic; the enumeration in doubles, where two
        // mathematically equal utilities summed in different orders can differ by an ulp and both stay on
        // the frontier. So the solver is held to the frontier of the rounded utilities, the enumeration to
        // the frontier of the doubles.
        Vectors(solver.Pareto.Select(p => p.Utilities)).ShouldBe(BruteFrontier(profiles, exact: true));
        Vectors(enumerated.Pareto.Select(p => p.Utilities)).ShouldBe(BruteFrontier(profiles, exact: false));
        foreach (var point in solver.Pareto)
        {
            // Every reported outcome really gives the reported utilities.
            point.Utilities[0].ShouldBe(profiles[0].Utility(point.Outcome));
            point.Utilities[1].ShouldBe(profiles[1].Utility(point.Outcome));
        }

        solver.AgreementZone.IsEmpty.ShouldBe(enumerated.AgreementZone.IsEmpty);
        solver.AgreementZone.IsProved.ShouldBeTrue();
        (solver.Nash is null).ShouldBe(enumerated.Nash is null);
        if (solver.Nash is not null)
        {
            solver.Nash.Utilities[0].ShouldBe(enumerated.Nash!.Utilities[0], 1e-9);
            solver.Nash.Utilities[1].ShouldBe(enumerated.Nash.Utilities[1], 1e-9);
        }
    }

    private static List<string> Vectors(IEnumerable<IReadOnlyList<double>> points) =>
        points.Select(u => string.Join(",", u.Select(x => Math.Round(x, 9).ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).Distinct().Order(StringComparer.Ordinal).ToList();

    private static List<string> BruteFrontier(NonlinearProfile[] profiles, bool exact)
    {
        double U(NonlinearProfile p, Outcome o) => exact ? Math.Round(p.Utility(o), 9) : p.Utility(o);
        var all = profiles[0].Domain.EnumerateOutcomes().Where(o => !profiles.Any(p => p.RedLines.IsCrossed(o.Levels))).Select(o => new[] { U(profiles[0], o), U(profiles[1], o) }).ToList();
        var frontier = all.Where(p => !all.Any(q => q[0] >= p[0] && q[1] >= p[1] && (q[0] > p[0] || q[1] > p[1]))).Select(p => (IReadOnlyList<double>)p);
        return Vectors(frontier).Distinct().ToList();
    }
}
