using BenchmarkDotNet.Attributes;
using Parley.Formats.Genius;
using Parley.Preferences;

namespace Parley.Benchmarks.Preferences;

/// <summary>
/// Utility of one outcome under ANAC 2014's 50issues profile-1 (160 hyper-rectangle constraints over 40
/// issues; issue 13's target: under 200 ns). Each invocation evaluates 1,024 pre-drawn outcomes.
/// </summary>
[MemoryDiagnoser]
public class NonlinearEvaluationBenchmarks
{
    private const int Batch = 1024;
    private NonlinearProfile _profile = null!;
    private int[][] _outcomes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = GeniusReader.ReadFolder(BenchmarkPaths.Domain("anac", "y2014", "50issues"));
        _profile = (NonlinearProfile)scenario.Profiles[0];
        var random = new Random(42);
        var cards = scenario.Domain.Cardinalities.ToArray();
        _outcomes = Enumerable.Range(0, Batch).Select(_ => cards.Select(c => random.Next(c)).ToArray()).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public double Utility_160Constraints()
    {
        var sum = 0.0;
        foreach (var o in _outcomes)
        {
            sum += _profile.Utility(o);
        }

        return sum;
    }
}
