using BenchmarkDotNet.Attributes;
using Parley.Analysis.TwoLevel;
using Parley.Formats;
using Parley.Formats.Genius;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Benchmarks.Analysis;

/// <summary>
/// The two-level analyses (issue 15): 10,000 robustness draws on the built-in Israel–Syria scenario
/// (559,872 outcomes; each draw an exact zone, Nash package, early harvest, candidate checks,
/// concessions and reality check), and the ratification-aware analysis of AMPOvsCity (1,944,000
/// outcomes) with one constituency per side (exact zone, win-set and ratifiable counts by
/// enumeration, the ratifiable frontier, the Nash and ratification-aware Nash packages).
/// </summary>
[MemoryDiagnoser]
public class TwoLevelBenchmarks
{
    private TwoLevelAnalysis _israelSyria = null!;
    private Scenario _ampo = null!;

    [GlobalSetup]
    public void Setup()
    {
        _israelSyria = TwoLevelAnalyzer.Analyze(BuiltInScenarios.Load("israel-syria-2026"));
        _ampo = WithOneConstituencyPerSide(GeniusReader.ReadFolder(BenchmarkPaths.Domain("other", "AMPOvsCity")));
    }

    /// <summary>10,000 draws within the scenario's uncertainty ranges, every core.</summary>
    [Benchmark]
    public RobustnessResult IsraelSyria_10000Draws() => RobustnessAnalyzer.Run(_israelSyria, new RobustnessOptions(10_000, 7));

    /// <summary>The same on one core.</summary>
    [Benchmark]
    public RobustnessResult IsraelSyria_10000Draws_OneCore() => RobustnessAnalyzer.Run(_israelSyria, new RobustnessOptions(10_000, 7) { MaxDegreeOfParallelism = 1 });

    /// <summary>The whole ratification-aware analysis of AMPOvsCity.</summary>
    [Benchmark]
    public TwoLevelAnalysis AmpoVsCity_RatificationAware() => TwoLevelAnalyzer.Analyze(_ampo);

    /// <summary>Only the ratification-aware Nash package (branch and bound, no counts).</summary>
    [Benchmark]
    public int[]? AmpoVsCity_RatificationNashOnly() => TwoLevelModel.Create(_ampo).RatificationNashPackage();

    /// <summary>
    /// AMPOvsCity with one constituency per side: a synthetic one, since the GENIUS files have none. It
    /// ranks options as its party does but weighs the issues in reverse order, and approves when its
    /// utility reaches 0.6 ± 0.1.
    /// </summary>
    public static Scenario WithOneConstituencyPerSide(Scenario scenario)
    {
        var parties = scenario.Parties.Select(p =>
        {
            if (p.Role != PartyRole.Party || p.Profile is not AdditiveProfile profile)
            {
                return p;
            }

            var own = new AdditiveProfile(scenario.Domain, profile.Weights.Reverse(), profile.ValueFunctions);
            var ratifier = new Ratifier($"{p.Name} constituency", own, 0.6, 0.1);
            return p with { Ratification = new Ratification(RatificationRule.Unanimity, 1, [ratifier]) };
        });
        return new Scenario(scenario.Name, scenario.Domain, parties, scenario.Metadata, scenario.Deadline);
    }
}
