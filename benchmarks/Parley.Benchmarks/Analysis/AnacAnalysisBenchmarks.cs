using BenchmarkDotNet.Attributes;
using Parley.Analysis;
using Parley.Formats.Genius;
using Parley.Scenarios;

namespace Parley.Benchmarks.Analysis;

/// <summary>
/// Full analysis of GENIUS domains from ../shared/domains (AMPOvsCity: 1,944,000 outcomes; Energy:
/// 390,625). Peers on the same kind of machine: NegMAS 8 s and GENIUS 9.3 s for AMPOvsCity, GENIUS
/// 1.3 s for Energy.
/// </summary>
[MemoryDiagnoser]
public class AnacAnalysisBenchmarks
{
    private Scenario _ampo = null!;
    private Scenario _energy = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ampo = GeniusReader.ReadFolder(BenchmarkPaths.Domain("other", "AMPOvsCity"));
        _energy = GeniusReader.ReadFolder(BenchmarkPaths.Domain("anac", "y2011", "Energy"));
    }

    /// <summary>Frontier and every solution point only (what the peers' figures measure).</summary>
    [Benchmark]
    public AnalysisResult AmpoVsCity_FrontierAndSolutions() =>
        OutcomeSpaceAnalyzer.Analyze(_ampo, new AnalysisOptions { CountAgreementZone = false, AnalyzeGaps = false });

    /// <summary>Everything: frontier, solution points, zone count, per-issue gaps.</summary>
    [Benchmark]
    public AnalysisResult AmpoVsCity_Full() => OutcomeSpaceAnalyzer.Analyze(_ampo);

    /// <summary>Everything, on ANAC 2011 Energy.</summary>
    [Benchmark]
    public AnalysisResult Energy_Full() => OutcomeSpaceAnalyzer.Analyze(_energy);
}
