using Parley.Domains;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// The fallback for profiles the Minkowski construction cannot take (joint red-line units that are too
/// large, or profiles that are not additive): every outcome is visited once, in parallel over index
/// ranges, streaming into per-thread candidate buffers that are dominance-filtered whenever they fill.
/// Nothing is allocated per outcome and the space is never materialised.
/// </summary>
internal static class EnumerationEngine
{
    private const long Chunk = 1 << 15;
    private const int BufferStart = 1 << 15;

    public static SpaceSummary Run(
        Domain domain,
        Profile[] profiles,
        double[] reservation,
        bool keepTies,
        bool stopAtFirstAcceptable,
        int? maxThreads,
        IProgress<double>? progress,
        CancellationToken ct)
    {
        var total = domain.LongOutcomeCount;
        if (total < 0)
        {
            throw new AnalysisLimitException($"Domain '{domain.Name}' has {domain.OutcomeCount} outcomes: too many to enumerate (its profiles or red lines need enumeration).");
        }

        var k = profiles.Length;
        var chunks = (total + Chunk - 1) / Chunk;
        var offsets = new int[domain.IssueCount + 1];
        for (var i = 0; i < domain.IssueCount; i++)
        {
            offsets[i + 1] = offsets[i] + domain.Issues[i].Cardinality;
        }

        var sync = new object();
        var merged = new List<(double[] Vec, long[] Ids, int Count)>();
        long zone = 0;
        long done = 0;
        var acceptable = new bool[offsets[^1]];
        var found = 0;
        var options = new ParallelOptions
        {
            CancellationToken = ct,
            MaxDegreeOfParallelism = maxThreads is > 0 ? maxThreads.Value : -1,
        };

        Parallel.For(
            0L,
            chunks,
            options,
            () => new Worker(domain.IssueCount, k, offsets[^1]),
            (chunk, state, w) =>
            {
                if (stopAtFirstAcceptable && Volatile.Read(ref found) != 0)
                {
                    state.Stop();
                    return w;
                }

                var start = chunk * Chunk;
                var end = Math.Min(total, start + Chunk);
                var levels = w.Levels;
                domain.Decode(start, levels);
                for (var index = start; index < end; index++)
                {
                    var feasible = true;
                    foreach (var p in profiles)
                    {
                        if (p.RedLines.IsCrossed(levels))
                        {
                            feasible = false;
                            break;
                        }
                    }

                    if (feasible)
                    {
                        var accepted = true;
                        for (var i = 0; i < k; i++)
                        {
                            var u = profiles[i].Utility(levels);
                            w.Current[i] = u;
                            if (u < reservation[i])
                            {
                                accepted = false;
                            }
                        }

                        if (accepted)
                        {
                            w.Zone++;
                            for (var i = 0; i < levels.Length; i++)
                            {
                                w.Acceptable[offsets[i] + levels[i]] = true;
                            }

                            if (stopAtFirstAcceptable)
                            {
                                Volatile.Write(ref found, 1);
                            }
                        }

                        if (!stopAtFirstAcceptable)
                        {
                            w.Add(index, keepTies);
                        }
                    }

                    domain.Advance(levels);
                }

                var now = Interlocked.Add(ref done, end - start);
                if (progress is not null && (chunk & 31) == 0)
                {
                    progress.Report((double)now / total);
                }

                return w;
            },
            w =>
            {
                w.Compact(keepTies);
                lock (sync)
                {
                    merged.Add((w.Vec, w.Ids, w.Count));
                    zone += w.Zone;
                    for (var i = 0; i < acceptable.Length; i++)
                    {
                        acceptable[i] |= w.Acceptable[i];
                    }
                }
            });

        ct.ThrowIfCancellationRequested();

        // Merge the per-thread survivors in a fixed order (by outcome index), so the result does
        // not depend on scheduling.
        var n = 0;
        foreach (var m in merged)
        {
            n += m.Count;
        }

        var all = new (long Id, int Src, int Pos)[n];
        var c = 0;
        for (var s = 0; s < merged.Count; s++)
        {
            for (var t = 0; t < merged[s].Count; t++)
            {
                all[c++] = (merged[s].Ids[t], s, t);
            }
        }

        Array.Sort(all, (a, b) => a.Id.CompareTo(b.Id));
        var vectors = new double[n * k];
        var outcomes = new int[n][];
        for (var t = 0; t < n; t++)
        {
            Array.Copy(merged[all[t].Src].Vec, all[t].Pos * k, vectors, t * k, k);
            var levels = new int[domain.IssueCount];
            domain.Decode(all[t].Id, levels);
            outcomes[t] = levels;
        }

        var summary = MinkowskiEngine.Group(vectors, outcomes, n, k, keepTies);
        summary.ZoneCount = zone;
        var perIssue = new bool[domain.IssueCount][];
        for (var i = 0; i < perIssue.Length; i++)
        {
            perIssue[i] = acceptable.AsSpan(offsets[i], offsets[i + 1] - offsets[i]).ToArray();
        }

        summary.AcceptableLevels = perIssue;
        return summary;
    }

    private sealed class Worker
    {
        private readonly int _k;
        private int _capacity = BufferStart;

        public Worker(int issues, int k, int totalLevels)
        {
            _k = k;
            Levels = new int[issues];
            Current = new double[k];
            Acceptable = new bool[totalLevels];
            Vec = new double[_capacity * k];
            Ids = new long[_capacity];
        }

        public int[] Levels { get; }

        public double[] Current { get; }

        public bool[] Acceptable { get; }

        public double[] Vec { get; private set; }

        public long[] Ids { get; private set; }

        public int Count { get; private set; }

        public long Zone { get; set; }

        public void Add(long id, bool keepTies)
        {
            if (Count == _capacity)
            {
                Compact(keepTies);
                if (Count > _capacity / 2)
                {
                    _capacity *= 2;
                    var vec = new double[_capacity * _k];
                    Array.Copy(Vec, vec, Count * _k);
                    var ids = new long[_capacity];
                    Array.Copy(Ids, ids, Count);
                    Vec = vec;
                    Ids = ids;
                }
            }

            Array.Copy(Current, 0, Vec, Count * _k, _k);
            Ids[Count++] = id;
        }

        public void Compact(bool keepTies)
        {
            var kept = Skyline.Filter(Vec, _k, Count, Ids, keepTies);
            var vec = new double[_capacity * _k];
            var ids = new long[_capacity];
            for (var t = 0; t < kept.Length; t++)
            {
                Array.Copy(Vec, kept[t] * _k, vec, t * _k, _k);
                ids[t] = Ids[kept[t]];
            }

            Vec = vec;
            Ids = ids;
            Count = kept.Length;
        }
    }
}
