using System.Numerics;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// The frontier of additive profiles built issue by issue as a Minkowski sum of per-issue utility
/// vectors, discarding dominated partial sums after each step. Issues tied together by combination
/// red lines form one joint unit (their product, minus the forbidden combinations).
/// </summary>
internal sealed partial class MinkowskiEngine
{
    private readonly Domain _domain;
    private readonly AdditiveProfile[] _profiles;
    private readonly int _k;
    private readonly Unit[] _order;
    private readonly int[][] _allowed;
    private readonly int _maxThreads;
    private readonly CancellationToken _ct;

    private MinkowskiEngine(Domain domain, AdditiveProfile[] profiles, Unit[] order, int[][] allowed, int? maxThreads, CancellationToken ct)
    {
        _domain = domain;
        _profiles = profiles;
        _k = profiles.Length;
        _order = order;
        _allowed = allowed;
        _maxThreads = maxThreads is > 0 ? maxThreads.Value : -1;
        _ct = ct;
        (_unitOf, _open, _radix) = OpenUnits(domain, order);
    }

    /// <summary>
    /// Builds the engine, or returns null when a joint unit would exceed <paramref name="maxJoint"/> options.
    /// The zone count uses at most <paramref name="maxThreads"/> threads (null or below 1: every core).
    /// </summary>
    public static MinkowskiEngine? TryCreate(Domain domain, AdditiveProfile[] profiles, int maxJoint, int? maxThreads, CancellationToken ct)
    {
        var n = domain.IssueCount;
        var parent = new int[n];
        for (var i = 0; i < n; i++)
        {
            parent[i] = i;
        }

        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        var combos = new List<ForbiddenCombination>();
        foreach (var p in profiles)
        {
            foreach (var line in p.RedLines.Lines)
            {
                if (line is ForbiddenCombination c && c.Conditions.Count > 1)
                {
                    combos.Add(c);
                    var a = Find(c.Conditions[0].Issue);
                    foreach (var cond in c.Conditions)
                    {
                        var b = Find(cond.Issue);
                        if (a != b)
                        {
                            parent[Math.Max(a, b)] = Math.Min(a, b);
                            a = Math.Min(a, b);
                        }
                    }
                }
            }
        }

        var groups = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < n; i++)
        {
            var root = Find(i);
            if (!groups.TryGetValue(root, out var list))
            {
                groups[root] = list = [];
            }

            list.Add(i);
        }

        var allowed = CommonLevels.All(profiles, domain);
        var units = new List<Unit>();
        foreach (var issues in groups.Values)
        {
            var unit = Unit.Build(domain, profiles, issues.ToArray(), allowed, combos, maxJoint);
            if (unit is null)
            {
                return null;
            }

            units.Add(unit);
        }

        // Small units first keeps the intermediate sets small; ties in domain order.
        var order = units.OrderBy(u => u.FrontierCount).ThenBy(u => u.Issues[0]).ToArray();
        return new MinkowskiEngine(domain, profiles, order, allowed, maxThreads, ct);
    }

    public int UnitCount => _order.Length;

    /// <summary>The exact frontier of the feasible outcomes (no red line crossed).</summary>
    public SpaceSummary Frontier(bool keepTies, int maxOutcomes, IProgress<double>? progress, double progressFrom, double progressTo)
    {
        var summary = CanonicalFrontier(progress, progressFrom, progressTo);
        if (keepTies)
        {
            for (var p = 0; p < summary.Count; p++)
            {
                var all = OutcomesWithVector(summary.Vectors.AsSpan(p * _k, _k).ToArray(), maxOutcomes);
                summary.Outcomes[p].Clear();
                summary.Outcomes[p].AddRange(all);
            }
        }

        return summary;
    }

    /// <summary>
    /// Every feasible outcome whose utility vector (summed in domain order, as Profile.Utility does) is
    /// exactly <paramref name="target"/>, in outcome-index order, at most <paramref name="max"/>: a
    /// depth-first search in domain order that prunes branches whose bounds cannot reach the target.
    /// </summary>
    private List<int[]> OutcomesWithVector(double[] target, int max)
    {
        var k = _k;
        var n = _domain.IssueCount;
        var allowed = _allowed;
        var maxRem = new double[(n + 1) * k];
        var minRem = new double[(n + 1) * k];
        for (var t = n - 1; t >= 0; t--)
        {
            for (var i = 0; i < k; i++)
            {
                double hi = double.NegativeInfinity, lo = double.PositiveInfinity;
                foreach (var l in allowed[t])
                {
                    hi = Math.Max(hi, _profiles[i].LevelUtility(t, l));
                    lo = Math.Min(lo, _profiles[i].LevelUtility(t, l));
                }

                maxRem[(t * k) + i] = maxRem[((t + 1) * k) + i] + hi;
                minRem[(t * k) + i] = minRem[((t + 1) * k) + i] + lo;
            }
        }

        var found = new List<int[]>();
        var levels = new int[n];
        var prefix = new double[(n + 1) * k];
        void Search(int t)
        {
            if (found.Count >= max)
            {
                return;
            }

            if (t == n)
            {
                for (var i = 0; i < k; i++)
                {
                    if (prefix[(n * k) + i] != target[i] || _profiles[i].RedLines.IsCrossed(levels))
                    {
                        return;
                    }
                }

                found.Add((int[])levels.Clone());
                return;
            }

            foreach (var l in allowed[t])
            {
                var ok = true;
                for (var i = 0; i < k; i++)
                {
                    var x = prefix[(t * k) + i] + _profiles[i].LevelUtility(t, l);
                    prefix[((t + 1) * k) + i] = x;
                    var slack = 1e-9 * (1 + Math.Abs(target[i]));
                    if (x + maxRem[((t + 1) * k) + i] < target[i] - slack || x + minRem[((t + 1) * k) + i] > target[i] + slack)
                    {
                        ok = false;
                        break;
                    }
                }

                if (ok)
                {
                    levels[t] = l;
                    Search(t + 1);
                }
            }
        }

        _ct.ThrowIfCancellationRequested();
        Search(0);
        return found;
    }

    /// <summary>Whether some feasible outcome gives every party at least <paramref name="reservation"/> (exact).</summary>
    public bool HasAcceptable(double[] reservation) => AnyAcceptable(CanonicalFrontier(null, 0, 0, -1, -1, reservation), reservation);

    private bool AnyAcceptable(SpaceSummary summary, double[] reservation)
    {
        for (var p = 0; p < summary.Count; p++)
        {
            if (Meets(summary.Vectors, p * _k, reservation))
            {
                return true;
            }
        }

        return false;
    }

    private bool Meets(double[] v, int offset, double[] r)
    {
        for (var i = 0; i < _k; i++)
        {
            if (v[offset + i] < r[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Filters canonical vectors, ties broken by outcome index, and groups equal vectors into points.</summary>
    internal static SpaceSummary Group(double[] vectors, int[][] outcomes, int n, int k, bool keepTies)
    {
        var byIndex = new int[n];
        for (var i = 0; i < n; i++)
        {
            byIndex[i] = i;
        }

        Array.Sort(byIndex, (a, b) => CompareLevels(outcomes[a], outcomes[b]));
        var rank = new long[n];
        for (var i = 0; i < n; i++)
        {
            rank[byIndex[i]] = i;
        }

        var kept = Skyline.Filter(vectors, k, n, rank, keepTies);
        var points = new List<List<int[]>>();
        var flat = new List<double>();
        for (var t = 0; t < kept.Length; t++)
        {
            var id = kept[t];
            var same = points.Count > 0;
            if (same)
            {
                var prevId = kept[t - 1];
                for (var i = 0; i < k; i++)
                {
                    if (vectors[(prevId * k) + i] != vectors[(id * k) + i])
                    {
                        same = false;
                        break;
                    }
                }
            }

            if (same)
            {
                // Ids are distinct outcomes (one per enumerated index, one per sweep path).
                points[^1].Add(outcomes[id]);
            }
            else
            {
                points.Add([outcomes[id]]);
                for (var i = 0; i < k; i++)
                {
                    flat.Add(vectors[(id * k) + i]);
                }
            }
        }

        return new SpaceSummary(flat.ToArray(), points.Count, points.ToArray());
    }

    internal static int CompareLevels(int[] a, int[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    }

    /// <summary>Counts the outcomes every party accepts by meeting in the middle; null when a half is too large.</summary>
    public BigInteger? CountZone(double[] r, int maxHalf)
    {
        var units = _order.OrderByDescending(u => u.Count).ToArray();
        var halfA = new List<Unit>();
        var halfB = new List<Unit>();
        double logA = 0, logB = 0;
        foreach (var u in units)
        {
            if (logA <= logB)
            {
                halfA.Add(u);
                logA += Math.Log(Math.Max(u.Count, 1));
            }
            else
            {
                halfB.Add(u);
                logB += Math.Log(Math.Max(u.Count, 1));
            }
        }

        if (logA > Math.Log(maxHalf) || logB > Math.Log(maxHalf))
        {
            return null;
        }

        var a = Expand(halfA, out var na);
        var b = Expand(halfB, out var nb);
        if (na == 0 || nb == 0)
        {
            return BigInteger.Zero;
        }

        // Sums built in another order than Profile.Utility can differ from it by rounding, so pairs
        // within delta of a reservation value are decided exactly: counted as sure above r + delta,
        // listed and re-evaluated in the band between r − delta and r + delta.
        var delta = RoundingBand();
        var k = _k;
        var above = new double[k];
        var below = new double[k];
        for (var i = 0; i < k; i++)
        {
            above[i] = r[i] + delta;
            below[i] = r[i] - delta;
        }

        var sure = k == 2 ? CountPairs2(a, na, b, nb, above) : CountPairsMany(a, na, b, nb, above);
        return sure + CountBand(a, na, halfA, b, nb, halfB, r, above, below);
    }

    /// <summary>A bound, far above the worst rounding difference between two summation orders, on how far a reordered sum can be from Profile.Utility's.</summary>
    private double RoundingBand()
    {
        var total = 0.0;
        foreach (var u in _order)
        {
            var m = 0.0;
            for (var e = 0; e < u.Vec.Length; e++)
            {
                m = Math.Max(m, Math.Abs(u.Vec[e]));
            }

            total += m;
        }

        return 1e-12 * (1 + total);
    }

    /// <summary>Pairs in the rounding band of some reservation value, each checked with Profile.Utility.</summary>
    private long CountBand(double[] a, int na, List<Unit> halfA, double[] b, int nb, List<Unit> halfB, double[] r, double[] above, double[] below)
    {
        var k = _k;
        var sortedIds = new int[k][];
        var sortedValues = new double[k][];
        for (var i = 0; i < k; i++)
        {
            var ids = new int[nb];
            var values = new double[nb];
            for (var t = 0; t < nb; t++)
            {
                ids[t] = t;
                values[t] = b[(t * k) + i];
            }

            Array.Sort(values, ids);
            sortedIds[i] = ids;
            sortedValues[i] = values;
        }

        long accepted = 0;
        Parallel.For(
            0,
            na,
            new ParallelOptions { CancellationToken = _ct, MaxDegreeOfParallelism = _maxThreads },
            () => (Levels: new int[_domain.IssueCount], Count: 0L),
            (q, _, local) =>
            {
                var levels = local.Levels;
                for (var i = 0; i < k; i++)
                {
                    var lo = LowerBound(sortedValues[i], below[i] - a[(q * k) + i]);
                    var hi = LowerBound(sortedValues[i], above[i] - a[(q * k) + i]);
                    for (var t = lo; t < hi; t++)
                    {
                        var id = sortedIds[i][t];

                        // The pair belongs to the first party whose sum is in the band; every party must reach r − delta.
                        if (b[(id * k) + i] < below[i] - a[(q * k) + i] || b[(id * k) + i] >= above[i] - a[(q * k) + i])
                        {
                            continue;
                        }

                        var candidate = true;
                        for (var j = 0; j < k && candidate; j++)
                        {
                            if (j != i)
                            {
                                var bound = j < i ? above[j] : below[j];
                                candidate = b[(id * k) + j] >= bound - a[(q * k) + j];
                            }
                        }

                        if (!candidate)
                        {
                            continue;
                        }

                        Decode(halfA, q, levels);
                        Decode(halfB, id, levels);
                        var ok = true;
                        for (var j = 0; j < k && ok; j++)
                        {
                            ok = _profiles[j].Utility(levels) >= r[j];
                        }

                        if (ok)
                        {
                            local.Count++;
                        }
                    }
                }

                return local;
            },
            local => Interlocked.Add(ref accepted, local.Count));
        return accepted;
    }

    /// <summary>Writes the levels of entry <paramref name="index"/> of a half (the product of its units, first unit outermost).</summary>
    private static void Decode(List<Unit> units, int index, int[] levels)
    {
        for (var u = units.Count - 1; u >= 0; u--)
        {
            var unit = units[u];
            var entry = index % unit.Count;
            index /= unit.Count;
            unit.WriteLevels(entry, levels);
        }
    }

    private double[] Expand(List<Unit> units, out int count)
    {
        var k = _k;
        var cur = new double[k];
        count = 1;
        foreach (var u in units)
        {
            _ct.ThrowIfCancellationRequested();
            var next = new double[(long)count * u.Count * k];
            var c = 0;
            for (var s = 0; s < count; s++)
            {
                for (var e = 0; e < u.Count; e++)
                {
                    for (var i = 0; i < k; i++)
                    {
                        next[(c * k) + i] = cur[(s * k) + i] + u.Vec[(e * k) + i];
                    }

                    c++;
                }
            }

            cur = next;
            count = c;
        }

        return cur;
    }

    private static BigInteger CountPairs2(double[] a, int na, double[] b, int nb, double[] r)
    {
        // Sort B by b1 descending; answer queries (t1, t2) = r − a in t1-descending order with a
        // Fenwick tree counting inserted b2 values.
        var bIdx = new int[nb];
        for (var i = 0; i < nb; i++)
        {
            bIdx[i] = i;
        }

        var b1 = new double[nb];
        for (var i = 0; i < nb; i++)
        {
            b1[i] = b[2 * i];
        }

        Array.Sort(b1, bIdx);
        Array.Reverse(bIdx);
        var b2Sorted = new double[nb];
        for (var i = 0; i < nb; i++)
        {
            b2Sorted[i] = b[(2 * i) + 1];
        }

        Array.Sort(b2Sorted);
        var qIdx = new int[na];
        var t1 = new double[na];
        for (var i = 0; i < na; i++)
        {
            qIdx[i] = i;
            t1[i] = r[0] - a[2 * i];
        }

        Array.Sort(t1, qIdx);
        Array.Reverse(qIdx);
        var tree = new int[nb + 1];
        var inserted = 0;
        var pointer = 0;
        BigInteger total = BigInteger.Zero;
        long acc = 0;
        foreach (var q in qIdx)
        {
            var threshold1 = r[0] - a[2 * q];
            while (pointer < nb && b[2 * bIdx[pointer]] >= threshold1)
            {
                var pos = LowerBound(b2Sorted, b[(2 * bIdx[pointer]) + 1]) + 1;
                for (var x = pos; x <= nb; x += x & -x)
                {
                    tree[x]++;
                }

                inserted++;
                pointer++;
            }

            var threshold2 = r[1] - a[(2 * q) + 1];
            var below = LowerBound(b2Sorted, threshold2);
            var countBelow = 0;
            for (var x = below; x > 0; x -= x & -x)
            {
                countBelow += tree[x];
            }

            acc += inserted - countBelow;
            if (acc > long.MaxValue / 4)
            {
                total += acc;
                acc = 0;
            }
        }

        return total + acc;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    private BigInteger CountPairsMany(double[] a, int na, double[] b, int nb, double[] r)
    {
        var k = _k;
        var bIdx = new int[nb];
        var b1 = new double[nb];
        for (var i = 0; i < nb; i++)
        {
            bIdx[i] = i;
            b1[i] = -b[i * k];
        }

        Array.Sort(b1, bIdx); // b1 holds −b_1 ascending, i.e. b_1 descending
        var sorted = new double[nb * k];
        for (var i = 0; i < nb; i++)
        {
            Array.Copy(b, bIdx[i] * k, sorted, i * k, k);
        }

        // prefixMin[(c * k) + j]: the least b_j among the first c sorted entries.
        var prefixMin = new double[(nb + 1) * k];
        for (var j = 0; j < k; j++)
        {
            prefixMin[j] = double.PositiveInfinity;
        }

        for (var c = 1; c <= nb; c++)
        {
            for (var j = 0; j < k; j++)
            {
                prefixMin[(c * k) + j] = Math.Min(prefixMin[((c - 1) * k) + j], sorted[((c - 1) * k) + j]);
            }
        }

        long total = 0;
        Parallel.For(
            0,
            na,
            new ParallelOptions { CancellationToken = _ct, MaxDegreeOfParallelism = _maxThreads },
            () => 0L,
            (q, _, local) =>
            {
                var t1 = r[0] - a[q * k];

                // Entries 0..c−1 have b_1 >= t1.
                int lo = 0, hi = nb;
                while (lo < hi)
                {
                    var mid = (lo + hi) >>> 1;
                    if (sorted[mid * k] >= t1)
                    {
                        lo = mid + 1;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                var c = lo;
                var all = true;
                for (var j = 1; j < k; j++)
                {
                    if (prefixMin[(c * k) + j] < r[j] - a[(q * k) + j])
                    {
                        all = false;
                        break;
                    }
                }

                if (all)
                {
                    return local + c;
                }

                for (var s = 0; s < c; s++)
                {
                    var ok = true;
                    for (var j = 1; j < k; j++)
                    {
                        if (sorted[(s * k) + j] < r[j] - a[(q * k) + j])
                        {
                            ok = false;
                            break;
                        }
                    }

                    if (ok)
                    {
                        local++;
                    }
                }

                return local;
            },
            local => Interlocked.Add(ref total, local));
        return total;
    }

    /// <summary>
    /// Per issue, per level: whether the level appears in an outcome every party accepts (exact).
    /// Levels used by acceptable frontier outcomes are marked at once; every other level is checked by
    /// building the frontier with the issue fixed at that level, pruned by the reservation values.
    /// </summary>
    public bool[][] AcceptableLevels(double[] r, SpaceSummary frontier)
    {
        var k = _k;
        var result = new bool[_domain.IssueCount][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new bool[_domain.Issues[i].Cardinality];
        }

        void Mark(SpaceSummary summary)
        {
            for (var p = 0; p < summary.Count; p++)
            {
                if (Meets(summary.Vectors, p * k, r))
                {
                    foreach (var o in summary.Outcomes[p])
                    {
                        for (var i = 0; i < o.Length; i++)
                        {
                            result[i][o[i]] = true;
                        }
                    }
                }
            }
        }

        Mark(frontier);
        for (var t = 0; t < _domain.IssueCount; t++)
        {
            for (var l = 0; l < result[t].Length; l++)
            {
                _ct.ThrowIfCancellationRequested();
                if (!result[t][l])
                {
                    Mark(CanonicalFrontier(null, 0, 0, t, l, r));
                }
            }
        }

        return result;
    }

    /// <summary>An issue, or issues joined by combination red lines, with its feasible options' utility vectors.</summary>
    internal sealed class Unit
    {
        private Unit(int[] issues, int[] levels, double[] vec, int count, int[] frontierEntries, double[] max, ForbiddenCombination[] combos)
        {
            Combos = combos;
            Issues = issues;
            Levels = levels;
            Vec = vec;
            Count = count;
            FrontierEntries = frontierEntries;
            Max = max;
        }

        public int[] Issues { get; }

        /// <summary>The combination red lines (of any party) among the unit's issues.</summary>
        public ForbiddenCombination[] Combos { get; }

        /// <summary>Levels of each option, flattened (Count × Issues.Length).</summary>
        public int[] Levels { get; }

        /// <summary>Utility vector of each option, flattened (Count × parties).</summary>
        public double[] Vec { get; }

        public int Count { get; }

        /// <summary>The non-dominated options (ties kept), the only ones a frontier point can use.</summary>
        public int[] FrontierEntries { get; }

        public int FrontierCount => FrontierEntries.Length;

        public void WriteLevels(int entry, int[] levels)
        {
            for (var t = 0; t < Issues.Length; t++)
            {
                levels[Issues[t]] = Levels[(entry * Issues.Length) + t];
            }
        }

        /// <summary>Each party's best option utility in the unit.</summary>
        public double[] Max { get; }

        /// <summary>The unit of <paramref name="issues"/>, or null when its options outnumber <paramref name="maxJoint"/>.</summary>
        /// <param name="domain">The domain.</param>
        /// <param name="profiles">The profiles.</param>
        /// <param name="issues">The unit's issues, ascending.</param>
        /// <param name="allowedByIssue">Per domain issue, the levels every party allows.</param>
        /// <param name="combos">Every combination red line of two or more clauses.</param>
        /// <param name="maxJoint">The most options a unit may have.</param>
        public static Unit? Build(Domain domain, AdditiveProfile[] profiles, int[] issues, int[][] allowedByIssue, List<ForbiddenCombination> combos, int maxJoint)
        {
            var k = profiles.Length;
            var allowed = new int[issues.Length][];
            long product = 1;
            for (var t = 0; t < issues.Length; t++)
            {
                allowed[t] = allowedByIssue[issues[t]];
                product *= allowed[t].Length;
                if (product > maxJoint)
                {
                    return null;
                }
            }

            var mine = combos.Where(c => Array.IndexOf(issues, c.Conditions[0].Issue) >= 0).ToArray();
            var levels = new List<int>();
            var vec = new List<double>();
            var scratch = new int[domain.IssueCount];
            var pos = new int[issues.Length];
            var count = 0;
            if (product > 0)
            {
                while (true)
                {
                    for (var t = 0; t < issues.Length; t++)
                    {
                        scratch[issues[t]] = allowed[t][pos[t]];
                    }

                    var crossed = false;
                    foreach (var c in mine)
                    {
                        if (c.IsCrossedBy(domain, scratch))
                        {
                            crossed = true;
                            break;
                        }
                    }

                    if (!crossed)
                    {
                        for (var t = 0; t < issues.Length; t++)
                        {
                            levels.Add(scratch[issues[t]]);
                        }

                        foreach (var p in profiles)
                        {
                            var sum = 0.0;
                            for (var t = 0; t < issues.Length; t++)
                            {
                                sum += p.LevelUtility(issues[t], scratch[issues[t]]);
                            }

                            vec.Add(sum);
                        }

                        count++;
                    }

                    var d = issues.Length - 1;
                    while (d >= 0 && ++pos[d] == allowed[d].Length)
                    {
                        pos[d] = 0;
                        d--;
                    }

                    if (d < 0)
                    {
                        break;
                    }
                }
            }

            var vecArr = vec.ToArray();
            var ties = new long[count];
            for (var i = 0; i < count; i++)
            {
                ties[i] = i;
            }

            var frontier = Skyline.Filter(vecArr, k, count, ties, keepTies: true);
            var max = new double[k];
            for (var i = 0; i < k; i++)
            {
                max[i] = count == 0 ? double.NegativeInfinity : double.MinValue;
                for (var e = 0; e < count; e++)
                {
                    max[i] = Math.Max(max[i], vecArr[(e * k) + i]);
                }
            }

            return new Unit(issues, levels.ToArray(), vecArr, count, frontier, max, mine);
        }
    }
}
