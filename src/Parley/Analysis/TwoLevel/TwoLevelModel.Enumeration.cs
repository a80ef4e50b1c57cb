using System.Collections.Concurrent;

namespace Parley.Analysis.TwoLevel;

/// <summary>The exact counts of the two-level analysis, by a parallel enumeration of every feasible outcome.</summary>
public sealed partial class TwoLevelModel
{
    /// <summary>The most combinations of the last issues that the enumeration's inner loop runs over.</summary>
    private const int MaxSuffix = 4096;

    /// <summary>The most outcomes <see cref="Enumerate"/> visits.</summary>
    public const long MaxEnumeratedOutcomes = 1L << 28;

    /// <summary>
    /// Enumerates every outcome once, in issue order, skipping subtrees that cross a constraint, and
    /// counts the zone of agreement, each party's win-set and the ratifiable zone; it also keeps the
    /// Pareto frontier (in the parties' utilities) of the ratifiable zone and each party's best feasible utility.
    /// </summary>
    /// <param name="level">The probability of ratification at which an outcome counts as ratifiable.</param>
    /// <param name="maxThreads">The most threads used (null: every core).</param>
    /// <exception cref="AnalysisLimitException">The space has more than <see cref="MaxEnumeratedOutcomes"/> outcomes.</exception>
    public EnumerationCounts Enumerate(double level, int? maxThreads = null)
    {
        if (_s.Domain.OutcomeCount > MaxEnumeratedOutcomes)
        {
            throw new AnalysisLimitException($"The ratification counts enumerate every outcome; this space has {_s.Domain.OutcomeCount:N0}, above the limit of {MaxEnumeratedOutcomes:N0}.");
        }

        // Tasks: every combination of the first two issues' levels (or the first one's).
        var n = _s.IssueCount;
        var split = n == 0 ? 0 : n == 1 ? 1 : 2;
        var tasks = 1;
        for (var t = 0; t < split; t++)
        {
            tasks *= _s.Cardinalities[t];
        }

        var results = new ConcurrentBag<Enumerator>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxThreads is > 0 ? maxThreads.Value : Environment.ProcessorCount };
        var suffix = new SuffixBlock(this, split);
        Parallel.For(0, tasks, options, () => new Enumerator(this, level, suffix), (task, _, e) =>
        {
            e.RunTask(task, split);
            return e;
        }, results.Add);

        var k = _s.PartyCount;
        var total = new EnumerationAccumulator(k);
        var frontier = new List<(double[] U, int[] Levels)>();
        foreach (var e in results)
        {
            total.Add(e.Totals);
            frontier.AddRange(e.Frontier());
        }

        var nash = new BestOutcome();
        var ratificationNash = new BestOutcome();
        foreach (var e in results)
        {
            nash.Merge(e.Nash, _s.Domain);
            ratificationNash.Merge(e.RatificationNash, _s.Domain);
        }

        var front = Skyline(frontier, k);
        front.Sort((a, b) =>
        {
            for (var p = 0; p < k; p++)
            {
                var c = b.U[p].CompareTo(a.U[p]);
                if (c != 0)
                {
                    return c;
                }
            }

            return _s.Domain.LongIndexOf(a.Levels).CompareTo(_s.Domain.LongIndexOf(b.Levels));
        });
        return new EnumerationCounts(total.Feasible, total.Zone, total.WinSet, total.Ratifiable, total.BestUtility, front.Select(f => f.Levels).ToArray())
        {
            Nash = nash.Levels,
            RatificationNash = ratificationNash.Levels,
        };
    }

    /// <summary>The non-dominated points (ties: the one with the smaller outcome index is kept).</summary>
    private List<(double[] U, int[] Levels)> Skyline(List<(double[] U, int[] Levels)> points, int k)
    {
        points.Sort((a, b) =>
        {
            var sa = 0.0;
            var sb = 0.0;
            for (var p = 0; p < k; p++)
            {
                sa += a.U[p];
                sb += b.U[p];
            }

            var c = sb.CompareTo(sa);
            return c != 0 ? c : _s.Domain.LongIndexOf(a.Levels).CompareTo(_s.Domain.LongIndexOf(b.Levels));
        });
        var kept = new List<(double[] U, int[] Levels)>();
        foreach (var pt in points)
        {
            var dominated = false;
            foreach (var q in kept)
            {
                var geq = true;
                for (var p = 0; p < k && geq; p++)
                {
                    geq = q.U[p] >= pt.U[p];
                }

                if (geq)
                {
                    dominated = true; // strictly better, or equal with a smaller index (sorted first)
                    break;
                }
            }

            if (!dominated)
            {
                kept.Add(pt);
            }
        }

        return kept;
    }

    /// <summary>The best outcome by objective, then welfare, then the smaller outcome index.</summary>
    private sealed class BestOutcome
    {
        public int[]? Levels { get; private set; }

        public double Value { get; private set; } = double.NegativeInfinity;

        public double Welfare { get; private set; } = double.NegativeInfinity;

        public void Offer(double value, double welfare, int[] levels, Parley.Domains.Domain domain)
        {
            if (Levels is null || value > Value || (value == Value && (welfare > Welfare || (welfare == Welfare && domain.LongIndexOf(levels) < domain.LongIndexOf(Levels)))))
            {
                if (Levels is null)
                {
                    Levels = (int[])levels.Clone();
                }
                else
                {
                    Array.Copy(levels, Levels, levels.Length);
                }

                Value = value;
                Welfare = welfare;
            }
        }

        public void Merge(BestOutcome other, Parley.Domains.Domain domain)
        {
            if (other.Levels is not null)
            {
                Offer(other.Value, other.Welfare, other.Levels, domain);
            }
        }
    }

    private sealed class EnumerationAccumulator(int k)
    {
        public long Feasible { get; set; }

        public long Zone { get; set; }

        public long Ratifiable { get; set; }

        public long[] WinSet { get; } = new long[k];

        public double[] BestUtility { get; } = Enumerable.Repeat(double.NegativeInfinity, k).ToArray();

        public void Add(EnumerationAccumulator other)
        {
            Feasible += other.Feasible;
            Zone += other.Zone;
            Ratifiable += other.Ratifiable;
            for (var p = 0; p < WinSet.Length; p++)
            {
                WinSet[p] += other.WinSet[p];
                BestUtility[p] = Math.Max(BestUtility[p], other.BestUtility[p]);
            }
        }
    }

    /// <summary>The last issues' combinations, enumerated once per <see cref="Enumerate"/> and shared, read-only, by every worker.</summary>
    private sealed class SuffixBlock
    {
        /// <summary>
        /// The last issues (up to <see cref="MaxSuffix"/> combinations) are enumerated once, here: each
        /// combination's table entries, levels, whether a rule among those issues forbids it, and which rules
        /// reaching back into the earlier issues it half-crosses. The leaf loop then adds the entries in issue
        /// order, so every sum equals the canonical one bit for bit.
        /// </summary>
        public SuffixBlock(TwoLevelModel model, int split)
        {
            var s = model._s;
            var n = s.IssueCount;
            var dims = s.DimensionCount;
            var start = n;
            long combos = 1;
            while (start > split && combos * s.Cardinalities[start - 1] <= MaxSuffix)
            {
                start--;
                combos *= s.Cardinalities[start];
            }

            var spanning = new List<int>();
            var internalRules = new List<int>();
            for (var c = 0; c < s.Constraints.Length; c++)
            {
                var issues = s.Constraints[c].Issues;
                if (issues.All(i => i >= start))
                {
                    internalRules.Add(c);
                }
                else if (issues.Any(i => i >= start))
                {
                    spanning.Add(c);
                }
            }

            if (start == n || spanning.Count > 64)
            {
                Start = n;
                return;
            }

            Start = start;
            Length = n - start;
            Spanning = spanning.ToArray();
            var entries = new List<double>();
            var levels = new List<int>();
            var masks = new List<ulong>();
            var current = new int[n];
            Array.Fill(current, -1);
            var odometer = new int[Length];
            do
            {
                for (var j = 0; j < Length; j++)
                {
                    current[start + j] = odometer[j];
                }

                if (internalRules.Any(c => s.Constraints[c].Holds(current)))
                {
                    continue;
                }

                ulong mask = 0;
                for (var j = 0; j < Spanning.Length; j++)
                {
                    var rule = s.Constraints[Spanning[j]];
                    var holds = true;
                    for (var c = 0; c < rule.Issues.Length && holds; c++)
                    {
                        if (rule.Issues[c] >= start)
                        {
                            holds = rule.Masks[c][current[rule.Issues[c]]];
                        }
                    }

                    if (holds)
                    {
                        mask |= 1UL << j;
                    }
                }

                masks.Add(mask);
                levels.AddRange(odometer);
                for (var d = 0; d < dims; d++)
                {
                    for (var j = 0; j < Length; j++)
                    {
                        entries.Add(model._tables[d][s.Offsets[start + j] + odometer[j]]);
                    }
                }
            }
            while (Advance(odometer, start, s));

            Entries = entries.ToArray();
            Levels = levels.ToArray();
            Masks = masks.ToArray();
        }

        private static bool Advance(int[] odometer, int start, Structure s)
        {
            for (var j = odometer.Length - 1; j >= 0; j--)
            {
                if (++odometer[j] < s.Cardinalities[start + j])
                {
                    return true;
                }

                odometer[j] = 0;
            }

            return false;
        }


        public int Start { get; private set; }

        public int Length { get; private set; }

        public int[] Spanning { get; private set; } = [];

        public double[] Entries { get; private set; } = [];

        public int[] Levels { get; private set; } = [];

        public ulong[] Masks { get; private set; } = [];
    }

    private sealed class Enumerator
    {
        private readonly TwoLevelModel _m;
        private readonly Structure _s;
        private readonly double _level;
        private readonly int _n;
        private readonly int _k;
        private readonly int _dims;
        private readonly int[] _levels;
        private readonly double[][] _partial;
        private readonly double[] _approvals;
        private readonly int[] _ratCount;
        private readonly int[] _ratStart;
        private readonly bool[] _unanimity;
        private readonly double[] _thresholds;
        private readonly double[] _widths;
        private readonly double[] _sqU;
        private readonly List<(double[] U, int[] Levels)> _buffer = [];
        private readonly double[] _u;
        private int _compactAt = 4096;
        private readonly int _suffixStart;
        private readonly int _suffixLength;
        private readonly int[] _spanning;
        private readonly double[] _suffixEntries;
        private readonly int[] _suffixLevels;
        private readonly ulong[] _suffixMasks;
        private int _combo = -1;

        public Enumerator(TwoLevelModel model, double level, SuffixBlock suffix)
        {
            _m = model;
            _s = model._s;
            _level = level;
            _n = _s.IssueCount;
            _k = _s.PartyCount;
            _dims = _s.DimensionCount;
            _levels = new int[_n];
            _partial = new double[_n + 1][];
            for (var t = 0; t <= _n; t++)
            {
                _partial[t] = new double[_dims];
            }

            _approvals = new double[Math.Max(1, _s.RatifierCount)];
            _ratCount = _s.PartyRatifiers.Select(r => r.Count).ToArray();
            _ratStart = _s.RatifierStart;
            _unanimity = _s.Ratifications.Select(r => r is null || r.Rule == Scenarios.RatificationRule.Unanimity).ToArray();
            _thresholds = model._thresholds;
            _widths = _s.Widths;
            _sqU = model._statusQuoUtility;
            Totals = new EnumerationAccumulator(_k);
            _u = new double[_dims];
            _suffixStart = suffix.Start;
            _suffixLength = suffix.Length;
            _spanning = suffix.Spanning;
            _suffixEntries = suffix.Entries;
            _suffixLevels = suffix.Levels;
            _suffixMasks = suffix.Masks;
        }

        private void SuffixLoop()
        {
            // Which rules reaching into the suffix already hold on the earlier issues.
            ulong prefix = 0;
            for (var j = 0; j < _spanning.Length; j++)
            {
                var rule = _s.Constraints[_spanning[j]];
                var holds = true;
                for (var c = 0; c < rule.Issues.Length && holds; c++)
                {
                    if (rule.Issues[c] < _suffixStart)
                    {
                        holds = rule.Masks[c][_levels[rule.Issues[c]]];
                    }
                }

                if (holds)
                {
                    prefix |= 1UL << j;
                }
            }

            var dims = _dims;
            var length = _suffixLength;
            var from = _partial[_suffixStart];
            var entries = _suffixEntries;
            var masks = _suffixMasks;
            var u = _u;
            var stride = dims * length;
            for (var combo = 0; combo < masks.Length; combo++)
            {
                if ((prefix & masks[combo]) != 0)
                {
                    continue;
                }

                var at = combo * stride;
                for (var d = 0; d < dims; d++)
                {
                    var sum = from[d];
                    for (var j = 0; j < length; j++)
                    {
                        sum += entries[at + j];
                    }

                    u[d] = sum;
                    at += length;
                }

                _combo = combo;
                Leaf(u);
            }
        }

        private void WriteSuffixLevels()
        {
            if (_combo >= 0)
            {
                Array.Copy(_suffixLevels, _combo * _suffixLength, _levels, _suffixStart, _suffixLength);
            }
        }

        public EnumerationAccumulator Totals { get; }

        public BestOutcome Nash { get; } = new();

        public BestOutcome RatificationNash { get; } = new();

        public List<(double[] U, int[] Levels)> Frontier() => _m.Skyline(_buffer, _k);

        public void RunTask(int task, int split)
        {
            Array.Fill(_levels, -1);
            var rest = task;
            for (var t = split - 1; t >= 0; t--)
            {
                _levels[t] = rest % _s.Cardinalities[t];
                rest /= _s.Cardinalities[t];
            }

            for (var t = 0; t < split; t++)
            {
                if (!Place(t, _levels[t]))
                {
                    return;
                }
            }

            Visit(split);
        }

        private bool Place(int t, int l)
        {
            _levels[t] = l;
            foreach (var c in _s.NaturalChecks[t])
            {
                if (_s.Constraints[c].Holds(_levels))
                {
                    return false;
                }
            }

            var off = _s.Offsets[t] + l;
            var from = _partial[t];
            var to = _partial[t + 1];
            for (var d = 0; d < _dims; d++)
            {
                to[d] = from[d] + _m._tables[d][off];
            }

            return true;
        }

        private void Visit(int t)
        {
            if (t == _suffixStart && t < _n)
            {
                SuffixLoop();
                return;
            }

            if (t == _n)
            {
                _combo = -1;
                Leaf(_partial[_n]);
                return;
            }

            var card = _s.Cardinalities[t];
            for (var l = 0; l < card; l++)
            {
                if (Place(t, l))
                {
                    Visit(t + 1);
                }
            }

            _levels[t] = -1;
        }

        private void Leaf(double[] u)
        {
            var totals = Totals;
            var k = _k;
            var d = _m._disagreement;
            totals.Feasible++;
            var zone = true;
            var best = totals.BestUtility;
            for (var p = 0; p < k; p++)
            {
                var x = u[p];
                if (x > best[p])
                {
                    best[p] = x;
                }

                if (x < d[p])
                {
                    zone = false;
                }
            }

            var ratifiable = true;
            var all = 1.0;
            for (var p = 0; p < k; p++)
            {
                var count = _ratCount[p];
                var prob = 1.0;
                if (count > 0)
                {
                    var start = _ratStart[p];
                    if (_unanimity[p])
                    {
                        for (var r = 0; r < count; r++)
                        {
                            var j = start + r;
                            prob *= Scenarios.Ratifier.ApprovalProbability(u[k + j] - _sqU[k + j], _thresholds[j], _widths[j]);
                        }
                    }
                    else
                    {
                        for (var r = 0; r < count; r++)
                        {
                            var j = start + r;
                            _approvals[r] = Scenarios.Ratifier.ApprovalProbability(u[k + j] - _sqU[k + j], _thresholds[j], _widths[j]);
                        }

                        prob = _s.Ratifications[p]!.Probability(_approvals.AsSpan(0, count));
                    }
                }

                all *= prob;
                if (prob >= _level)
                {
                    if (u[p] >= d[p])
                    {
                        totals.WinSet[p]++;
                    }
                }
                else
                {
                    ratifiable = false;
                }
            }

            if (!zone)
            {
                return;
            }

            totals.Zone++;
            var product = 1.0;
            var welfare = 0.0;
            for (var p = 0; p < k; p++)
            {
                product *= u[p] - d[p];
                welfare += u[p];
            }

            if (Nash.Levels is null || product >= Nash.Value)
            {
                WriteSuffixLevels();
                Nash.Offer(product, welfare, _levels, _s.Domain);
            }

            if (RatificationNash.Levels is null || product * all >= RatificationNash.Value)
            {
                WriteSuffixLevels();
                RatificationNash.Offer(product * all, welfare, _levels, _s.Domain);
            }
            if (!ratifiable)
            {
                return;
            }

            totals.Ratifiable++;
            WriteSuffixLevels();
            var point = new double[k];
            Array.Copy(u, point, k);
            _buffer.Add((point, (int[])_levels.Clone()));
            if (_buffer.Count >= _compactAt)
            {
                var kept = _m.Skyline(_buffer, k);
                _buffer.Clear();
                _buffer.AddRange(kept);
                _compactAt = Math.Max(4096, kept.Count * 2);
            }
        }
    }
}
