using System.Numerics;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// The frontier of additive profiles built issue by issue as a Minkowski sum of per-issue utility
/// vectors, discarding dominated partial sums after each step. Issues tied together by combination
/// red lines form one joint unit (their product, minus the forbidden combinations).
/// </summary>
internal sealed class MinkowskiEngine
{
    private readonly Domain _domain;
    private readonly AdditiveProfile[] _profiles;
    private readonly int _k;
    private readonly Unit[] _order;
    private readonly CancellationToken _ct;

    private MinkowskiEngine(Domain domain, AdditiveProfile[] profiles, Unit[] order, CancellationToken ct)
    {
        _domain = domain;
        _profiles = profiles;
        _k = profiles.Length;
        _order = order;
        _ct = ct;
    }

    /// <summary>Builds the engine, or returns null when a joint unit would exceed <paramref name="maxJoint"/> options.</summary>
    public static MinkowskiEngine? TryCreate(Domain domain, AdditiveProfile[] profiles, int maxJoint, CancellationToken ct)
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

        var units = new List<Unit>();
        foreach (var issues in groups.Values)
        {
            var unit = Unit.Build(domain, profiles, issues.ToArray(), combos, maxJoint);
            if (unit is null)
            {
                return null;
            }

            units.Add(unit);
        }

        // Small units first keeps the intermediate sets small; ties in domain order.
        var order = units.OrderBy(u => u.FrontierCount).ThenBy(u => u.Issues[0]).ToArray();
        return new MinkowskiEngine(domain, profiles, order, ct);
    }

    public int UnitCount => _order.Length;

    /// <summary>The exact frontier of the feasible outcomes (no red line crossed).</summary>
    public SpaceSummary Frontier(bool keepTies, int maxOutcomes, IProgress<double>? progress, double progressFrom, double progressTo, out Layer[] forward)
    {
        forward = Run(_order, false, null, progress, progressFrom, progressTo);
        var summary = Finish(forward, false);
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
        var allowed = new int[n][];
        var maxRem = new double[(n + 1) * k];
        var minRem = new double[(n + 1) * k];
        for (var t = 0; t < n; t++)
        {
            var list = new List<int>();
            for (var l = 0; l < _domain.Issues[t].Cardinality; l++)
            {
                if (Array.TrueForAll(_profiles, p => p.RedLines.IsLevelAllowed(t, l)))
                {
                    list.Add(l);
                }
            }

            allowed[t] = list.ToArray();
        }

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

    /// <summary>Whether some feasible outcome gives every party at least <paramref name="reservation"/>.</summary>
    public bool HasAcceptable(double[] reservation)
    {
        var layers = Run(_order, false, reservation, null, 0, 0);
        var summary = Finish(layers, false);
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

    private Layer[] Run(Unit[] order, bool keepTies, double[]? reservation, IProgress<double>? progress, double from, double to)
    {
        var k = _k;
        var layers = new Layer[order.Length + 1];
        layers[0] = new Layer(new double[k], [-1], [-1], 1);

        // Best utility each party can still add after step j (for reservation pruning).
        var remaining = new double[(order.Length + 1) * k];
        for (var j = order.Length - 1; j >= 0; j--)
        {
            for (var i = 0; i < k; i++)
            {
                remaining[(j * k) + i] = remaining[((j + 1) * k) + i] + order[j].Max[i];
            }
        }

        for (var j = 0; j < order.Length; j++)
        {
            _ct.ThrowIfCancellationRequested();
            var prev = layers[j];
            var unit = order[j];
            var u = unit.FrontierCount;
            var total = (long)prev.Count * u;
            if (total > int.MaxValue / Math.Max(k, 1))
            {
                throw new InvalidOperationException($"The intermediate frontier grew to {total} candidates; too large to analyse exactly.");
            }

            var cand = new double[total * k];
            var ties = new long[total];
            var parents = new int[total];
            var entries = new int[total];
            var c = 0;
            for (var s = 0; s < prev.Count; s++)
            {
                for (var e = 0; e < u; e++)
                {
                    var entry = unit.FrontierEntries[e];
                    var ok = true;
                    for (var i = 0; i < k; i++)
                    {
                        var x = prev.Vec[(s * k) + i] + unit.Vec[(entry * k) + i];
                        cand[(c * k) + i] = x;
                        if (reservation is not null && x + remaining[((j + 1) * k) + i] + 1e-9 < reservation[i])
                        {
                            ok = false;
                        }
                    }

                    if (!ok)
                    {
                        continue;
                    }

                    ties[c] = c;
                    parents[c] = s;
                    entries[c] = entry;
                    c++;
                }
            }

            var kept = Skyline.Filter(cand, k, c, ties, keepTies: true);
            if (!keepTies)
            {
                kept = SmallestOfTies(kept, cand, parents, entries, unit, layers, order, j);
            }

            var vec = new double[kept.Length * k];
            var par = new int[kept.Length];
            var ent = new int[kept.Length];
            for (var t = 0; t < kept.Length; t++)
            {
                Array.Copy(cand, kept[t] * k, vec, t * k, k);
                par[t] = parents[kept[t]];
                ent[t] = entries[kept[t]];
            }

            layers[j + 1] = new Layer(vec, par, ent, kept.Length);
            progress?.Report(from + ((to - from) * (j + 1) / order.Length));
        }

        return layers;
    }

    /// <summary>
    /// Among candidates with equal partial vectors keeps the one whose partial outcome (the levels
    /// chosen so far, compared in domain issue order) is smallest: whatever the remaining issues add,
    /// it gives the smaller outcome index for the same utilities.
    /// </summary>
    private int[] SmallestOfTies(int[] kept, double[] cand, int[] parents, int[] entries, Unit unit, Layer[] layers, Unit[] order, int step)
    {
        var k = _k;
        var result = new List<int>(kept.Length);
        var s = 0;
        while (s < kept.Length)
        {
            var e = s + 1;
            while (e < kept.Length && cand.AsSpan(kept[e] * k, k).SequenceEqual(cand.AsSpan(kept[s] * k, k)))
            {
                e++;
            }

            if (e - s == 1)
            {
                result.Add(kept[s]);
            }
            else
            {
                var best = kept[s];
                var bestLevels = PartialLevels(parents[best], entries[best], unit, layers, order, step);
                for (var t = s + 1; t < e; t++)
                {
                    var levels = PartialLevels(parents[kept[t]], entries[kept[t]], unit, layers, order, step);
                    if (CompareLevels(levels, bestLevels) < 0)
                    {
                        best = kept[t];
                        bestLevels = levels;
                    }
                }

                result.Add(best);
            }

            s = e;
        }

        return result.ToArray();
    }

    private int[] PartialLevels(int parent, int entry, Unit unit, Layer[] layers, Unit[] order, int step)
    {
        var levels = new int[_domain.IssueCount];
        Array.Fill(levels, -1);
        unit.WriteLevels(entry, levels);
        var state = parent;
        for (var j = step; j >= 1; j--)
        {
            order[j - 1].WriteLevels(layers[j].Entry[state], levels);
            state = layers[j].Parent[state];
        }

        return levels;
    }

    private SpaceSummary Finish(Layer[] layers, bool keepTies)
    {
        var k = _k;
        var last = layers[^1];
        var n = last.Count;
        var outcomes = new int[n][];
        for (var s = 0; s < n; s++)
        {
            var levels = new int[_domain.IssueCount];
            var state = s;
            for (var j = layers.Length - 1; j >= 1; j--)
            {
                var unit = _order[j - 1];
                var entry = layers[j].Entry[state];
                for (var t = 0; t < unit.Issues.Length; t++)
                {
                    levels[unit.Issues[t]] = unit.Levels[(entry * unit.Issues.Length) + t];
                }

                state = layers[j].Parent[state];
            }

            outcomes[s] = levels;
        }

        // Canonical vectors: each party's utility summed in domain order, exactly as Profile.Utility does.
        var vectors = new double[n * k];
        for (var s = 0; s < n; s++)
        {
            for (var i = 0; i < k; i++)
            {
                vectors[(s * k) + i] = _profiles[i].Utility(outcomes[s]);
            }
        }

        return Group(vectors, outcomes, n, k, keepTies);
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
                var list = points[^1];
                if (!list.Exists(o => o.AsSpan().SequenceEqual(outcomes[id])))
                {
                    list.Add(outcomes[id]);
                }
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

        return _k == 2 ? CountPairs2(a, na, b, nb, r) : CountPairsMany(a, na, b, nb, r);
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
        var ct = _ct;
        Parallel.For(
            0,
            na,
            new ParallelOptions { CancellationToken = ct },
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
    /// Per issue, per level: whether the level appears in an outcome every party accepts. Uses the
    /// frontiers of the units before and after each unit (forward and backward passes).
    /// </summary>
    public bool[][] AcceptableLevels(double[] r, Layer[] forward, SpaceSummary frontier)
    {
        var k = _k;
        var result = new bool[_domain.IssueCount][];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new bool[_domain.Issues[i].Cardinality];
        }

        // Levels of acceptable frontier outcomes are acceptable at once.
        for (var p = 0; p < frontier.Count; p++)
        {
            if (Meets(frontier.Vectors, p * k, r))
            {
                foreach (var o in frontier.Outcomes[p])
                {
                    for (var i = 0; i < o.Length; i++)
                    {
                        result[i][o[i]] = true;
                    }
                }
            }
        }

        var reversed = _order.Reverse().ToArray();
        var backward = Run(reversed, false, null, null, 0, 0);
        var n = _order.Length;
        var target = new double[k];
        var sufMax = new double[k];
        for (var j = 0; j < n; j++)
        {
            _ct.ThrowIfCancellationRequested();
            var unit = _order[j];
            var pre = forward[j];
            var suf = backward[n - 1 - j];
            for (var i = 0; i < k; i++)
            {
                var m = double.NegativeInfinity;
                for (var s = 0; s < suf.Count; s++)
                {
                    m = Math.Max(m, suf.Vec[(s * k) + i]);
                }

                sufMax[i] = m;
            }

            for (var e = 0; e < unit.Count; e++)
            {
                var known = true;
                for (var t = 0; t < unit.Issues.Length; t++)
                {
                    if (!result[unit.Issues[t]][unit.Levels[(e * unit.Issues.Length) + t]])
                    {
                        known = false;
                        break;
                    }
                }

                if (known)
                {
                    continue;
                }

                if (Reachable(pre, suf, unit.Vec, e * k, r, target, sufMax))
                {
                    for (var t = 0; t < unit.Issues.Length; t++)
                    {
                        result[unit.Issues[t]][unit.Levels[(e * unit.Issues.Length) + t]] = true;
                    }
                }
            }
        }

        return result;
    }

    private bool Reachable(Layer pre, Layer suf, double[] unitVec, int offset, double[] r, double[] target, double[] sufMax)
    {
        var k = _k;
        for (var p = 0; p < pre.Count; p++)
        {
            var possible = true;
            for (var i = 0; i < k; i++)
            {
                target[i] = r[i] - pre.Vec[(p * k) + i] - unitVec[offset + i];
                if (sufMax[i] < target[i] - 1e-9)
                {
                    possible = false;
                }
            }

            if (!possible)
            {
                continue;
            }

            // suf is sorted by its first component descending: entries 0..c−1 reach target[0].
            int lo = 0, hi = suf.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (suf.Vec[mid * k] >= target[0])
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            if (k == 1)
            {
                if (lo > 0)
                {
                    return true;
                }

                continue;
            }

            // On a frontier sorted by the first component descending, the last of those has the best
            // second component when there are two parties; with more, scan.
            var start = k == 2 ? Math.Max(lo - 1, 0) : 0;
            for (var s = lo - 1; s >= start; s--)
            {
                var ok = true;
                for (var i = 1; i < k; i++)
                {
                    if (suf.Vec[(s * k) + i] < target[i])
                    {
                        ok = false;
                        break;
                    }
                }

                if (ok)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>One step of the construction: the frontier of the units processed so far.</summary>
    internal sealed record Layer(double[] Vec, int[] Parent, int[] Entry, int Count);

    /// <summary>An issue, or issues joined by combination red lines, with its feasible options' utility vectors.</summary>
    private sealed class Unit
    {
        private Unit(int[] issues, int[] levels, double[] vec, int count, int[] frontierEntries, double[] max)
        {
            Issues = issues;
            Levels = levels;
            Vec = vec;
            Count = count;
            FrontierEntries = frontierEntries;
            Max = max;
        }

        public int[] Issues { get; }

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

        public static Unit? Build(Domain domain, AdditiveProfile[] profiles, int[] issues, List<ForbiddenCombination> combos, int maxJoint)
        {
            var k = profiles.Length;
            var allowed = new int[issues.Length][];
            long product = 1;
            for (var t = 0; t < issues.Length; t++)
            {
                var list = new List<int>();
                for (var l = 0; l < domain.Issues[issues[t]].Cardinality; l++)
                {
                    var ok = true;
                    foreach (var p in profiles)
                    {
                        if (!p.RedLines.IsLevelAllowed(issues[t], l))
                        {
                            ok = false;
                            break;
                        }
                    }

                    if (ok)
                    {
                        list.Add(l);
                    }
                }

                allowed[t] = list.ToArray();
                product *= list.Count;
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

            return new Unit(issues, levels.ToArray(), vecArr, count, frontier, max);
        }
    }
}
