using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Formats.Genius;
using Parley.Scenarios;

namespace Parley.Benchmarks.Analysis;

/// <summary>ANAC 2014 10issues (10^10 outcomes): proved CP-SAT frontier and Nash point (issue 13's goal: under 0.2 s).</summary>
[MemoryDiagnoser]
public class TenIssueFrontierBenchmarks
{
    private Scenario _scenario = null!;

    [GlobalSetup]
    public void Setup() => _scenario = GeniusReader.ReadFolder(BenchmarkPaths.Domain("anac", "y2014", "10issues"));

    [Benchmark]
    public AnalysisResult ProvedFrontierAndNash() =>
        OutcomeSpaceAnalyzer.Analyze(_scenario, new AnalysisOptions { CountAgreementZone = false, AnalyzeGaps = false });
}
