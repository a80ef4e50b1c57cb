using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Parley.Analysis;
using Parley.Formats.Genius;
using Parley.Scenarios;

namespace Parley.Benchmarks.Analysis;

/// <summary>
/// The proved CP-SAT frontier (and Nash point) of each of the 18 nonlinear folders of ../shared/domains
/// (ANAC 2014 and S-1N*). One cold run per folder (a solve is seconds, not microseconds): the figure is the
/// wall time of <see cref="OutcomeSpaceAnalyzer.Analyze(Scenario, AnalysisOptions?, IProgress{double}?, CancellationToken)"/>
/// without zone count or gaps. Issue 13's goals: all 18 within 20 s; the 10-issue domain under 0.2 s.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class NonlinearFrontierBenchmarks
{
    private Scenario _scenario = null!;

    /// <summary>The folder, relative to ../shared/domains.</summary>
    [Params(
        "anac/y2014/10issues", "anac/y2014/10issuesDiscounted", "anac/y2014/10issuesDiscountedwithRV", "anac/y2014/10issueswithRV",
        "anac/y2014/30issues", "anac/y2014/30issuesDiscounted", "anac/y2014/30issuesDiscountedwithRV", "anac/y2014/30issueswithRV",
        "anac/y2014/50issues", "anac/y2014/50issuesDiscounted", "anac/y2014/50issuesDiscountedwithRV", "anac/y2014/50issueswithRV",
        "other/S-1NAGUNL-114", "other/S-1NAGUNL-128", "other/S-1NAGUNL-255", "other/S-1NIKFRT-1", "other/S-1NIKFRT-2", "other/S-1NIKFRT-3")]
    public string Folder { get; set; } = "";

    [GlobalSetup]
    public void Setup() => _scenario = GeniusReader.ReadFolder(BenchmarkPaths.Domain(Folder.Split('/')));

    [Benchmark]
    public AnalysisResult ProvedFrontierAndNash()
    {
        var result = OutcomeSpaceAnalyzer.Analyze(_scenario, new AnalysisOptions { CountAgreementZone = false, AnalyzeGaps = false, SolverTimeBudget = TimeSpan.FromMinutes(10) });
        if (result.Solver is not { IsProved: true })
        {
            throw new InvalidOperationException($"{Folder}: the frontier was not proved");
        }

        return result;
    }
}
