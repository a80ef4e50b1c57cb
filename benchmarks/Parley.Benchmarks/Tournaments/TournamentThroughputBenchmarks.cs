using BenchmarkDotNet.Attributes;
using Parley.Formats.Genius;
using Parley.Tournaments;

namespace Parley.Benchmarks.Tournaments;

/// <summary>
/// Tournament throughput: one repetition of the docs/performance.md tournament (10 built-in agents ×
/// the 20 two-party ANAC domains of anac20.txt, every ordered pair, 1,000-round deadline: 1,800
/// sessions) per operation, journal and outputs included, at 1 and 2 parallel sessions.
/// Sessions per second = 1,800 / Mean. Scenarios, agent factories, outcome indexes and analyses are
/// prepared once in the global setup, as in a long tournament.
/// </summary>
[MemoryDiagnoser]
public class TournamentThroughputBenchmarks
{
    private static readonly string[] Agents =
        ["boulware", "linear", "conceder", "hardliner", "random", "tit-for-tat", "micro", "hardheaded", "time-dependent:e=0.5", "time-dependent:e=5"];

    private SaopSessions _sessions = null!;
    private TournamentPlan _plan = null!;
    private string _root = null!;

    /// <summary>Sessions run at once.</summary>
    [Params(1, 2)]
    public int Parallelism { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var list = FindList();
        var folders = File.ReadAllLines(list)
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(list)!, l)))
            .ToArray();
        _sessions = new SaopSessions([.. folders.Select(f => GeniusReader.ReadFolder(f))], Agents);
        var scenarios = _sessions.Scenarios.Select((s, i) => s with { Name = Path.GetFileName(folders[i]) }).ToArray();
        _plan = new TournamentPlan(new TournamentDefinition(Agents, scenarios, 1, 1000, null, 1));
        _root = Path.Combine(Path.GetTempPath(), "parley-tournament-benchmark-" + Guid.NewGuid().ToString("N"));
        for (long id = 0; id < _plan.Count; id += 90)
        {
            _sessions.Run(_plan[id], default); // warm: outcome indexes and analyses of every scenario
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Benchmark]
    public long Tournament_1800Sessions()
    {
        var folder = Path.Combine(_root, Guid.NewGuid().ToString("N"));
        var report = Tournament.Run(_plan, _sessions.Run, folder, new TournamentRunOptions(Parallelism));
        Directory.Delete(folder, recursive: true);
        return report.Run.Ran;
    }

    private static string FindList()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Parley.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Cannot find Parley.slnx"), "benchmarks", "Parley.Benchmarks", "Tournaments", "anac20.txt");
    }
}
