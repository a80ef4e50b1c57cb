using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Preferences;

namespace Parley.Benchmarks.Analysis;

/// <summary>
/// Full analysis (frontier, every solution point, zone of agreement with its count, gaps) on generated
/// domains. See docs/performance.md, section "Analysis".
/// </summary>
[MemoryDiagnoser]
public class OutcomeSpaceAnalysisBenchmarks
{
    private static readonly AnalysisOptions FrontierOnly = new() { CountAgreementZone = false, AnalyzeGaps = false };
    private AdditiveProfile[] _twoParty = null!;
    private AdditiveProfile[] _threeParty = null!;
    private AdditiveProfile[] _worstCase = null!;

    [GlobalSetup]
    public void Setup()
    {
        _twoParty = GeneratedDomains.Random(parties: 2, issues: 12, options: 10, reservation: 0.4, seed: 12);
        _threeParty = GeneratedDomains.Random(parties: 3, issues: 9, options: 10, reservation: 0.4, seed: 9);
        _worstCase = GeneratedDomains.ZeroSum80000();
    }

    /// <summary>Two parties, 12 issues × 10 options: 10^12 outcomes; frontier and solution points only.</summary>
    [Benchmark]
    public AnalysisResult TwoParties_TenToTheTwelve_FrontierAndSolutions() => OutcomeSpaceAnalyzer.Analyze(_twoParty, FrontierOnly);

    /// <summary>Three parties, 9 issues × 10 options: 10^9 outcomes; frontier and solution points only.</summary>
    [Benchmark]
    public AnalysisResult ThreeParties_TenToTheNine_FrontierAndSolutions() => OutcomeSpaceAnalyzer.Analyze(_threeParty, FrontierOnly);

    /// <summary>Two parties, 12 issues × 10 options: 10^12 outcomes; everything (with the exact zone count).</summary>
    [Benchmark]
    public AnalysisResult TwoParties_TenToTheTwelve() => OutcomeSpaceAnalyzer.Analyze(_twoParty);

    /// <summary>Three parties, 9 issues × 10 options: 10^9 outcomes; everything.</summary>
    [Benchmark]
    public AnalysisResult ThreeParties_TenToTheNine() => OutcomeSpaceAnalyzer.Analyze(_threeParty);

    /// <summary>Two parties, 80,000 outcomes, every one on the frontier.</summary>
    [Benchmark]
    public AnalysisResult WorstCase_80000FrontierPoints() => OutcomeSpaceAnalyzer.Analyze(_worstCase);
}
