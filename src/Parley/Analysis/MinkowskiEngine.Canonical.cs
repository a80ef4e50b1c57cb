namespace Parley.Analysis;

/// <summary>The frontier sweep in domain issue order, so partial sums are exactly Profile.Utility's prefix sums.</summary>
internal sealed partial class MinkowskiEngine
{
    private readonly Unit?[] _unitOf;
    private readonly int[][] _open;
    private readonly long[][] _radix;

    /// <summary>
    /// Builds the frontier issue by issue in domain order. Partial sums are then bit-identical to the
    /// prefix sums <c>Profile.Utility</c> computes, and since rounding is monotone, a partial sum
    /// dominated by another (with the same pending red-line state) can only lead to outcomes whose
    /// exact utilities are dominated or equal: the frontier found is exactly the frontier of the
    /// utilities agents see. Issues of a joint unit (tied by combination red lines) keep their levels
    /// in a state key until the unit's last issue, where the combination is checked; partial sums are
    /// compared only within one key.
    /// </summary>
    /// <param name="progress">Progress sink, or null.</param>
    /// <param name="from">Progress at the start.</param>
    /// <param name="to">Progress at the end.</param>
    /// <param name="fixIssue">An issue to hold at <paramref name="fixLevel"/>, or −1.</param>
    /// <param name="fixLevel">The level <paramref name="fixIssue"/> is held at.</param>
    /// <param name="reservation">When given, partial sums that cannot reach these utilities are dropped (only points meeting them matter then).</param>
    private SpaceSummary CanonicalFrontier(IProgress<double>? progress, double from, double to, int fixIssue = -1, int fixLevel = -1, double[]? reservation = null)
    {
        var n = _domain.IssueCount;
        var k = _k;
        var unitOf = _unitOf;
        var open = _open;
        var radix = _radix;
        var allowed = _allowed;
        if (fixIssue >= 0)
        {
            allowed = (int[][])allowed.Clone();
            allowed[fixIssue] = Array.IndexOf(allowed[fixIssue], fixLevel) >= 0 ? [fixLevel] : [];
        }

        // The most each party can still add after issue t (for reservation pruning).
        var remaining = new double[(n + 1) * k];
        for (var t = n - 1; t >= 0; t--)
        {
            for (var i = 0; i < k; i++)
            {
                var best = double.NegativeInfinity;
                foreach (var l in allowed[t])
                {
                    best = Math.Max(best, _profiles[i].LevelUtility(t, l));
                }

                remaining[(t * k) + i] = remaining[((t + 1) * k) + i] + best;
            }
        }

        var layers = new CanonicalLayer[n + 1];
        layers[0] = new CanonicalLayer(new double[k], [-1], [-1], [0L], [0L], 1);
        var scratch = new int[n];
        var prevLevels = new int[n];
        for (var t = 0; t < n; t++)
        {
            _ct.ThrowIfCancellationRequested();
            var prev = layers[t];
            var levelsHere = allowed[t];
            var total = (long)prev.Count * levelsHere.Length;
            if (total * k > int.MaxValue)
            {
                throw new AnalysisLimitException($"The intermediate frontier grew to {total} candidates; too large to analyse exactly.");
            }

            var prevOpen = t == 0 ? [] : open[t - 1];
            var prevRadix = t == 0 ? [] : radix[t - 1];
            var curOpen = open[t];
            var curRadix = radix[t];
            var unit = unitOf[t];
            var closes = unit is not null && unit.Issues[^1] == t;
            var cand = new double[total * k];
            var parents = new int[total];
            var levels = new int[total];
            var keys = new long[total];
            var ties = new long[total];
            var c = 0;
            var card = _domain.Issues[t].Cardinality;
            for (var s = 0; s < prev.Count; s++)
            {
                // Decode the pending levels of the state.
                var key = prev.Key[s];
                for (var j = prevOpen.Length - 1; j >= 0; j--)
                {
                    prevLevels[prevOpen[j]] = (int)(key % prevRadix[j]);
                    key /= prevRadix[j];
                }

                foreach (var l in levelsHere)
                {
                    if (closes)
                    {
                        foreach (var i in unit!.Issues)
                        {
                            scratch[i] = i == t ? l : prevLevels[i];
                        }

                        var crossed = false;
                        foreach (var line in unit.Combos)
                        {
                            if (line.IsCrossedBy(_domain, scratch))
                            {
                                crossed = true;
                                break;
                            }
                        }

                        if (crossed)
                        {
                            continue;
                        }
                    }

                    long newKey = 0;
                    for (var j = 0; j < curOpen.Length; j++)
                    {
                        var level = curOpen[j] == t ? l : prevLevels[curOpen[j]];
                        newKey = (newKey * curRadix[j]) + level;
                    }

                    var reachable = true;
                    for (var i = 0; i < k; i++)
                    {
                        var x = prev.Vec[(s * k) + i] + _profiles[i].LevelUtility(t, l);
                        cand[(c * k) + i] = x;
                        if (reservation is not null && x + remaining[((t + 1) * k) + i] < reservation[i] - (1e-9 * (1 + Math.Abs(reservation[i]))))
                        {
                            reachable = false;
                        }
                    }

                    if (!reachable)
                    {
                        continue;
                    }

                    parents[c] = s;
                    levels[c] = l;
                    keys[c] = newKey;
                    ties[c] = (prev.Rank[s] * card) + l;
                    c++;
                }
            }

            var kept = FilterByKey(cand, k, c, keys, ties);

            // Rank the survivors by partial outcome (domain order), which their tie keys already encode.
            var order = new int[kept.Length];
            for (var i = 0; i < order.Length; i++)
            {
                order[i] = i;
            }

            Array.Sort(order, (a, b) => ties[kept[a]].CompareTo(ties[kept[b]]));
            var vec = new double[kept.Length * k];
            var par = new int[kept.Length];
            var lev = new int[kept.Length];
            var ky = new long[kept.Length];
            var rank = new long[kept.Length];
            for (var r = 0; r < order.Length; r++)
            {
                var id = kept[order[r]];
                Array.Copy(cand, id * k, vec, r * k, k);
                par[r] = parents[id];
                lev[r] = levels[id];
                ky[r] = keys[id];
                rank[r] = r;
            }

            layers[t + 1] = new CanonicalLayer(vec, par, lev, ky, rank, kept.Length);
            progress?.Report(from + ((to - from) * (t + 1) / n));
        }

        var last = layers[n];
        var outcomes = new int[last.Count][];
        var vectors = new double[last.Count * k];
        for (var s = 0; s < last.Count; s++)
        {
            var outcome = new int[n];
            var state = s;
            for (var t = n; t >= 1; t--)
            {
                outcome[t - 1] = layers[t].Level[state];
                state = layers[t].Parent[state];
            }

            outcomes[s] = outcome;
            for (var i = 0; i < k; i++)
            {
                vectors[(s * k) + i] = _profiles[i].Utility(outcome);
            }
        }

        return Group(vectors, outcomes, last.Count, k, keepTies: false);
    }

    /// <summary>
    /// For the sweep: the joint unit (with combinations) of each issue, and after each issue t the issues
    /// up to t of joint units still unfinished (open[t]) with their cardinalities (the state key's radix).
    /// </summary>
    private static (Unit?[] UnitOf, int[][] Open, long[][] Radix) OpenUnits(Parley.Domains.Domain domain, Unit[] units)
    {
        var n = domain.IssueCount;
        var unitOf = new Unit?[n];
        foreach (var u in units)
        {
            if (u.Combos.Length > 0)
            {
                foreach (var i in u.Issues)
                {
                    unitOf[i] = u;
                }
            }
        }

        var open = new int[n][];
        var radix = new long[n][];
        for (var t = 0; t < n; t++)
        {
            var list = new List<int>();
            for (var i = 0; i <= t; i++)
            {
                if (unitOf[i] is { } u && u.Issues[^1] > t)
                {
                    list.Add(i);
                }
            }

            open[t] = list.ToArray();
            radix[t] = new long[list.Count];
            double product = 1;
            for (var j = 0; j < list.Count; j++)
            {
                radix[t][j] = domain.Issues[list[j]].Cardinality;
                product *= radix[t][j];
            }

            if (product > long.MaxValue / 64)
            {
                throw new AnalysisLimitException("Combination red lines keep too many issues open at once to track exactly.");
            }
        }

        return (unitOf, open, radix);
    }

    /// <summary>Dominance filter applied separately to each group of equal keys.</summary>
    private static int[] FilterByKey(double[] cand, int k, int n, long[] keys, long[] ties)
    {
        var uniform = true;
        for (var i = 1; i < n; i++)
        {
            if (keys[i] != keys[0])
            {
                uniform = false;
                break;
            }
        }

        if (uniform)
        {
            return Skyline.Filter(cand, k, n, ties, keepTies: false);
        }

        var byKey = new int[n];
        for (var i = 0; i < n; i++)
        {
            byKey[i] = i;
        }

        Array.Sort(byKey, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var result = new List<int>();
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[byKey[end]] == keys[byKey[start]])
            {
                end++;
            }

            var m = end - start;
            var sub = new double[m * k];
            var subTies = new long[m];
            for (var j = 0; j < m; j++)
            {
                Array.Copy(cand, byKey[start + j] * k, sub, j * k, k);
                subTies[j] = ties[byKey[start + j]];
            }

            foreach (var j in Skyline.Filter(sub, k, m, subTies, keepTies: false))
            {
                result.Add(byKey[start + j]);
            }

            start = end;
        }

        return result.ToArray();
    }

    private sealed record CanonicalLayer(double[] Vec, int[] Parent, int[] Level, long[] Key, long[] Rank, int Count);
}
