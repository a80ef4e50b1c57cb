using BenchmarkDotNet.Attributes;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Benchmarks.Preferences;

/// <summary>
/// Utility of one outcome under a 10-issue additive profile (issue 2's target: under 20 ns).
/// Each invocation evaluates 1,024 pre-drawn outcomes, so the per-outcome figure is Mean / 1,024.
/// </summary>
[MemoryDiagnoser]
public class ProfileEvaluationBenchmarks
{
    private const int Batch = 1024;
    private AdditiveProfile _profile = null!;
    private int[][] _outcomes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var issues = Enumerable.Range(0, 10).Select(i => (Issue)new CategoricalIssue($"i{i}", Enumerable.Range(0, 10).Select(o => $"o{o}").ToArray())).ToArray();
        var domain = new Domain("ten-by-ten", issues);
        _profile = new AdditiveProfile(
            domain,
            Enumerable.Range(0, 10).Select(_ => random.NextDouble()),
            issues.Select(_ => (ValueFunction)new TableValueFunction(Enumerable.Range(0, 10).Select(_ => random.NextDouble()))));
        _outcomes = Enumerable.Range(0, Batch).Select(_ => Enumerable.Range(0, 10).Select(_ => random.Next(10)).ToArray()).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public double Utility_TenIssues()
    {
        var sum = 0.0;
        foreach (var o in _outcomes)
        {
            sum += _profile.Utility(o);
        }

        return sum;
    }
}
