using BenchmarkDotNet.Attributes;
using Parley.Formats.Genius;
using Parley.Preferences;

namespace Parley.Benchmarks.Preferences;

/// <summary>
/// Utility of one outcome under a nonlinear profile (issue 13's target: under 200 ns for 160 constraints):
/// the largest shared profile, S-1NAGUNL-255's profile-2 (130 hyper-rectangles); ANAC 2014's 50issues
/// profile-1 (80 hyper-rectangles over 40 issues, the largest ANAC profile); and a generated profile of 160
/// rectangles of 1 to 4 ranges over 50 ten-level issues. Each invocation evaluates 1,024 pre-drawn outcomes.
/// </summary>
[MemoryDiagnoser]
public class NonlinearEvaluationBenchmarks
{
    private const int Batch = 1024;
    private NonlinearProfile _profile = null!;
    private int[][] _outcomes = null!;
    private NonlinearProfile _largest = null!;
    private int[][] _largestOutcomes = null!;
    private NonlinearProfile _generated = null!;
    private int[][] _generatedOutcomes = null!;

    [GlobalSetup]
    public void Setup()
    {
        var scenario = GeniusReader.ReadFolder(BenchmarkPaths.Domain("anac", "y2014", "50issues"));
        _profile = (NonlinearProfile)scenario.Profiles[0];
        var random = new Random(42);
        var cards = scenario.Domain.Cardinalities.ToArray();
        _outcomes = Enumerable.Range(0, Batch).Select(_ => cards.Select(c => random.Next(c)).ToArray()).ToArray();

        var largest = GeniusReader.ReadFolder(BenchmarkPaths.Domain("other", "S-1NAGUNL-255"));
        _largest = (NonlinearProfile)largest.Profiles[1];
        var largestCards = largest.Domain.Cardinalities.ToArray();
        _largestOutcomes = Enumerable.Range(0, Batch).Select(_ => largestCards.Select(c => random.Next(c)).ToArray()).ToArray();

        var domain = new Parley.Domains.Domain("fifty", Enumerable.Range(0, 50).Select(i => (Parley.Domains.Issue)new Parley.Domains.IntegerIssue($"i{i}", 0, 9)));
        var rectangles = Enumerable.Range(0, 160).Select(_ => new HyperRectangle(
            Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
            {
                var (a, b) = (random.Next(10), random.Next(10));
                return new IssueRange(random.Next(50), Math.Min(a, b), Math.Max(a, b));
            }),
            random.Next(1, 100),
            random.Next(10) == 0));
        _generated = new NonlinearProfile(domain, null, rectangles, 2000, capAtOne: true);
        _generatedOutcomes = Enumerable.Range(0, Batch).Select(_ => Enumerable.Range(0, 50).Select(_ => random.Next(10)).ToArray()).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public double Utility_160GeneratedConstraints()
    {
        var sum = 0.0;
        foreach (var o in _generatedOutcomes)
        {
            sum += _generated.Utility(o);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public double Utility_Anac2014FiftyIssues()
    {
        var sum = 0.0;
        foreach (var o in _outcomes)
        {
            sum += _profile.Utility(o);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = Batch)]
    public double Utility_LargestSharedProfile()
    {
        var sum = 0.0;
        foreach (var o in _largestOutcomes)
        {
            sum += _largest.Utility(o);
        }

        return sum;
    }
}
