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

    private static readonly Gen<NonlinearProfile[]> Pairs =
        Domains.SelectMany(domain => Profile(domain).Array[2]);

    [Fact]
    public void Analyze_SolverOnGeneratedNonlinearSpaces_EqualsBruteForce() =>
        Pairs.Sample(Check, iter: 300, threads: 1);

    /// <summary>Additive profiles through the solver (seen as additive part, no constraints) against the Minkowski construction.</summary>
    [Fact]
    public void Analyze_SolverOnAdditiveProfiles_EqualsMinkowski() =>
        Domains.SelectMany(domain => Additive(domain).Where(a => a is not null).Array[2]).Sample(pair =>
        {
            var profiles = pair.Select(p => (Profile)p!).ToArray();
            var solver = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { ForceSolver = true, SolverWorkers = 2, AnalyzeGaps = false });
            var minkowski = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { AnalyzeGaps = false });

            solver.Method.ShouldBe("cp-sat");
            minkowski.Method.ShouldBe("minkowski");
            Vectors(solver.Pareto.Select(p => p.Utilities)).ShouldBe(Vectors(minkowski.Pareto.Select(p => p.Utilities)));
        }, iter: 100, threads: 1);

    private static void Check(NonlinearProfile[] profiles)
    {
        var solver = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { ForceSolver = true, SolverWorkers = 2, AnalyzeGaps = false });
        var enumerated = OutcomeSpaceAnalyzer.Analyze(profiles, new AnalysisOptions { ForceEnumeration = true, AnalyzeGaps = false });

        solver.Method.ShouldBe("cp-sat");
        solver.Solver!.IsProved.ShouldBeTrue();
        var brute = BruteFrontier(profiles);
        Vectors(solver.Pareto.Select(p => p.Utilities)).ShouldBe(brute);
        Vectors(enumerated.Pareto.Select(p => p.Utilities)).ShouldBe(brute);
        foreach (var point in solver.Pareto)
        {
            // Every reported outcome really gives the reported utilities.
            point.Utilities[0].ShouldBe(profiles[0].Utility(point.Outcome));
            point.Utilities[1].ShouldBe(profiles[1].Utility(point.Outcome));
        }

        solver.AgreementZone.IsEmpty.ShouldBe(enumerated.AgreementZone.IsEmpty);
        solver.AgreementZone.IsProved.ShouldBeTrue();
        (solver.Nash?.Utilities.ToArray()).ShouldBe(enumerated.Nash?.Utilities.ToArray());
    }

    private static List<string> Vectors(IEnumerable<IReadOnlyList<double>> points) =>
        points.Select(u => string.Join(",", u.Select(x => Math.Round(x, 9).ToString("R", System.Globalization.CultureInfo.InvariantCulture)))).Distinct().Order(StringComparer.Ordinal).ToList();

    private static List<string> BruteFrontier(NonlinearProfile[] profiles)
    {
        var all = profiles[0].Domain.EnumerateOutcomes().Select(o => new[] { profiles[0].Utility(o), profiles[1].Utility(o) }).ToList();
        var frontier = all.Where(p => !all.Any(q => q[0] >= p[0] && q[1] >= p[1] && (q[0] > p[0] || q[1] > p[1]))).Select(p => (IReadOnlyList<double>)p);
        return Vectors(frontier).Distinct().ToList();
    }
}
