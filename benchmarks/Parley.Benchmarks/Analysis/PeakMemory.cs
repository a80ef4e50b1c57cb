using System.Diagnostics;
using System.Globalization;
using Parley.Analysis;

namespace Parley.Benchmarks.Analysis;

/// <summary>
/// Peak memory of one full analysis in a fresh process: <c>dotnet run -c Release -- analysis-peak &lt;case&gt;</c>
/// with case = ampo, energy, two-party-1e12, three-party-1e9 or worst-80000. Prints the process's peak
/// working set before and after, and the wall time of that one cold run (JIT included, inputs read before).
/// </summary>
public static class PeakMemory
{
    public static void Run(string name)
    {
        var benchmarks = new AnacAnalysisBenchmarks();
        benchmarks.Setup();
        var two = GeneratedDomains.Random(2, 12, 10, 0.4, 12);
        var three = GeneratedDomains.Random(3, 9, 10, 0.4, 9);
        var worst = GeneratedDomains.ZeroSum80000();
        Func<AnalysisResult> run = name switch
        {
            "ampo" => benchmarks.AmpoVsCity_Full,
            "energy" => benchmarks.Energy_Full,
            "two-party-1e12" => () => OutcomeSpaceAnalyzer.Analyze(two),
            "three-party-1e9" => () => OutcomeSpaceAnalyzer.Analyze(three),
            "worst-80000" => () => OutcomeSpaceAnalyzer.Analyze(worst),
            _ => throw new ArgumentException($"Unknown case '{name}'."),
        };
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.PeakWorkingSet64;
        var watch = Stopwatch.StartNew();
        var result = run();
        watch.Stop();
        process.Refresh();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name}: frontier {result.Pareto.Count} points, zone {result.AgreementZone.OutcomeCount}; peak working set {process.PeakWorkingSet64 / 1048576.0:0.0} MiB (before the analysis {before / 1048576.0:0.0} MiB); cold run {watch.Elapsed.TotalMilliseconds:0} ms"));
    }
}
