using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using Parley.Server.Diagnostics;

namespace Parley.Benchmarks.Server;

/// <summary>
/// <c>--trace</c>: each measured vote's timeline through the server (<see cref="RequestTrace"/>), with the
/// client's send and receipt, and the breakdown of the slowest 2 % of votes beside that of all votes;
/// the garbage collector's pauses and the thread pool sampled over the block.
/// </summary>
internal static partial class ServerLoad
{
    private static readonly string[] Phases =
    [
        "client -> server (send, Kestrel, until the first middleware)",
        "routing, body, authorisation",
        "waiting for the negotiation's gate",
        "decide",
        "until the append is queued",
        "queued for the writer (previous group commit running)",
        "its group commit",
        "after the commit, until the registry resumes",
        "apply to the cache, publish live, snapshot check",
        "until the gate is released",
        "the answer written (until the middleware returns)",
        "server -> client (until HttpClient returns)",
    ];

    /// <summary>Switches the server's tracing on: the variable is read once, when the server's types are first used.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void EnableTrace()
    {
        Environment.SetEnvironmentVariable("PARLEY_TRACE_REQUESTS", "1");
        if (!ReadEnabled())
        {
            throw new InvalidOperationException("the server's tracing was read before --trace set it");
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool ReadEnabled() => RequestTrace.Enabled;

    private static void PrintTrace(Block b)
    {
        static double Ms(long from, long to) => from == 0 || to == 0 ? double.NaN : (to - from) * 1000.0 / Stopwatch.Frequency;
        var rows = new List<(double Total, double[] Phase, RequestTrace T)>();
        foreach (var (tag, sent, received) in b.Traced)
        {
            if (!RequestTrace.ByTag.TryRemove(tag, out var t))
            {
                continue;
            }

            long[] at = [sent, t.Started, t.Authorised, t.GateAcquired, t.Decided, t.Enqueued, t.GroupStarted, t.Committed, t.Resumed, t.Applied, t.Released, t.Written, received];
            var phase = new double[Phases.Length];
            for (var i = 0; i < phase.Length; i++)
            {
                phase[i] = Ms(at[i], at[i + 1]);
            }

            rows.Add((Ms(sent, received), phase, t));
        }

        if (rows.Count == 0)
        {
            Console.WriteLine("  trace: no traced votes");
            return;
        }

        rows.Sort((x, y) => y.Total.CompareTo(x.Total));
        var slow = rows.Take(Math.Max(1, rows.Count / 50)).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  trace: {rows.Count} votes; the slowest 2 % ({slow.Count}, {slow[^1].Total:F1}–{slow[0].Total:F1} ms) against all; mean ms per phase (all: mean, p50, p99)"));
        for (var i = 0; i < Phases.Length; i++)
        {
            var all = rows.Select(r => r.Phase[i]).Where(double.IsFinite).ToArray();
            var few = slow.Select(r => r.Phase[i]).Where(double.IsFinite).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {Phases[i],-58} slowest {(few.Length == 0 ? double.NaN : few.Average()),7:F1}   all {(all.Length == 0 ? double.NaN : all.Average()),6:F1} {P(all, 0.5),6:F1} {P(all, 0.99),6:F1}"));
        }

        var gated = slow.Count(r => r.Phase[2] > 1);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    slowest: {gated} of {slow.Count} waited > 1 ms for the gate; group size mean {slow.Average(r => r.T.GroupSize):F0} (all {rows.Average(r => r.T.GroupSize):F0}); appends queued at enqueue mean {slow.Average(r => r.T.QueuedAhead):F0} (all {rows.Average(r => r.T.QueuedAhead):F0})"));
        foreach (var (total, phase, t) in slow.Take(3))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    e.g. {total:F1} ms: {string.Join(" | ", phase.Select(p => p.ToString("F1", CultureInfo.InvariantCulture)))} (group {t.GroupIndex + 1}/{t.GroupSize})"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    GC: {b.GcCounts.Gen0}/{b.GcCounts.Gen1}/{b.GcCounts.Gen2} collections (gen 0/1/2), paused {b.GcPause.TotalMilliseconds:F1} ms in all"));
        if (b.Pool is { } pool)
        {
            Console.WriteLine("    " + pool);
        }
    }

    /// <summary>Samples the thread pool's queue and threads every millisecond or so on its own thread while a block runs.</summary>
    private sealed class PoolSampler : IDisposable
    {
        private readonly Thread _thread;
        private volatile bool _stop;
        private readonly List<(long Pending, int Threads)> _samples = new(1 << 14);

        public PoolSampler()
        {
            _thread = new Thread(() =>
            {
                while (!_stop)
                {
                    _samples.Add((ThreadPool.PendingWorkItemCount, ThreadPool.ThreadCount));
                    Thread.Sleep(1);
                }
            }) { IsBackground = true, Name = "pool sampler" };
            _thread.Start();
        }

        public string Stop()
        {
            _stop = true;
            _thread.Join();
            if (_samples.Count == 0)
            {
                return "thread pool: no samples";
            }

            var pending = _samples.Select(s => (double)s.Pending).ToArray();
            return string.Create(CultureInfo.InvariantCulture, $"thread pool ({_samples.Count} samples): queued work items mean {pending.Average():F0}, p50 {P(pending, 0.5):F0}, p99 {P(pending, 0.99):F0}, max {pending.Max():F0}; threads {_samples.Min(s => s.Threads)}–{_samples.Max(s => s.Threads)}");
        }

        public void Dispose()
        {
            _stop = true;
        }
    }
}
