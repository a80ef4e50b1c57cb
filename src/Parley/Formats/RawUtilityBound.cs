using Parley.Preferences;

namespace Parley.Formats;

/// <summary>
/// The largest raw sum of a <see cref="NonlinearProfile"/> (before scale and cap), found without
/// enumerating outcomes, so a writer can tell whether GENIUS's cap at 1 ever binds.
/// </summary>
/// <remarks>
/// <para>Every part of the raw sum is a box worth a value: an inclusive constraint is its box; an exclusive
/// one is the disjoint boxes that make up the outside of its box (or, worth a negative value, that value
/// everywhere and its opposite inside the box); each level of each issue of the additive
/// part is a one-issue box worth that level's weighted value above the issue's smallest. Boxes of a
/// product of ordered level sets have Helly's property for two: boxes that pairwise meet share an
/// outcome. So the largest sum of positive boxes an outcome can lie in is a maximum-weight clique of the
/// graph in which two boxes are joined when they meet (the argument NegMAS's hyper-rectangle
/// normalisation makes).</para>
/// <para>The clique is found by branch and bound within a budget of search nodes. Inclusive constraints of
/// negative value are left out, so the result is an upper bound; it is the maximum itself when there are
/// none and the search finished.</para>
/// </remarks>
internal static class RawUtilityBound
{
    /// <summary>
    /// An upper bound on the raw sum, whether it is the maximum, and an outcome that lies in every box of
    /// the best clique found (its raw sum, which a caller can evaluate, is at least that clique's worth).
    /// </summary>
    public static (double Max, bool Exact, int[] Witness) Of(NonlinearProfile profile, long budget = 2_000_000)
    {
        var domain = profile.Domain;
        var constant = 0.0;
        var exact = true;
        var boxes = new List<(int[] Min, int[] Max, double Value)>();
        int[] Full(bool high) => domain.Issues.Select(i => high ? i.Cardinality - 1 : 0).ToArray();

        if (profile.Additive is { } a)
        {
            for (var i = 0; i < domain.IssueCount; i++)
            {
                var levels = a.LevelUtilities(i);
                var min = double.PositiveInfinity;
                foreach (var u in levels)
                {
                    min = Math.Min(min, u);
                }

                constant += min;
                for (var l = 0; l < levels.Length; l++)
                {
                    if (levels[l] > min)
                    {
                        var lo = Full(false);
                        var hi = Full(true);
                        lo[i] = hi[i] = l;
                        boxes.Add((lo, hi, levels[l] - min));
                    }
                }
            }
        }

        foreach (var c in profile.Constraints)
        {
            var lo = Full(false);
            var hi = Full(true);
            var empty = false;
            foreach (var r in c.Ranges)
            {
                lo[r.Issue] = Math.Max(lo[r.Issue], r.MinLevel);
                hi[r.Issue] = Math.Min(hi[r.Issue], r.MaxLevel);
                empty |= lo[r.Issue] > hi[r.Issue];
            }

            if (empty || c.Value == 0)
            {
                // An empty box: an inclusive constraint never holds, an exclusive one always does.
                constant += empty && c.IsExclusive ? c.Value : 0;
                continue;
            }

            if (c.IsExclusive && c.Value > 0)
            {
                // Worth its value outside the box: the outside is a union of disjoint boxes, at most one of
                // which holds any outcome, so a clique takes the value at most once.
                var restricted = Enumerable.Range(0, domain.IssueCount).Where(i => lo[i] > 0 || hi[i] < domain.Issues[i].Cardinality - 1).ToArray();
                for (var k = 0; k < restricted.Length; k++)
                {
                    var j = restricted[k];
                    var top = domain.Issues[j].Cardinality - 1;
                    foreach (var (from, to) in new[] { (0, lo[j] - 1), (hi[j] + 1, top) })
                    {
                        if (from > to)
                        {
                            continue;
                        }

                        var pieceLo = Full(false);
                        var pieceHi = Full(true);
                        for (var e = 0; e < k; e++)
                        {
                            pieceLo[restricted[e]] = lo[restricted[e]];
                            pieceHi[restricted[e]] = hi[restricted[e]];
                        }

                        pieceLo[j] = from;
                        pieceHi[j] = to;
                        boxes.Add((pieceLo, pieceHi, c.Value));
                    }
                }

                continue;
            }

            // An exclusive constraint of negative value is that value everywhere and its opposite inside the box.
            var value = c.Value;
            if (c.IsExclusive)
            {
                constant += c.Value;
                value = -c.Value;
            }

            if (value < 0)
            {
                exact = false;
                continue;
            }

            boxes.Add((lo, hi, value));
        }

        var n = boxes.Count;
        var words = (n + 63) / 64;
        var adjacent = new ulong[n][];
        for (var x = 0; x < n; x++)
        {
            adjacent[x] = new ulong[words];
        }

        for (var x = 0; x < n; x++)
        {
            for (var y = x + 1; y < n; y++)
            {
                if (Meet(boxes[x], boxes[y]))
                {
                    adjacent[x][y >> 6] |= 1UL << (y & 63);
                    adjacent[y][x >> 6] |= 1UL << (x & 63);
                }
            }
        }

        var order = Enumerable.Range(0, n).OrderByDescending(x => boxes[x].Value).ToArray();
        var weight = boxes.Select(b => b.Value).ToArray();
        var best = 0.0;
        var found = 0.0;
        var left = budget;
        var chosen = new Stack<int>();
        var witness = new int[domain.IssueCount];
        Expand(order, 0);
        return (constant + best, exact && left > 0, witness);

        void Found(double value)
        {
            if (value > best)
            {
                best = value;
            }

            if (value > found || (value == 0 && found == 0))
            {
                // The clique's boxes pairwise meet, so the highest of their low corners lies in all of them.
                found = value;
                Array.Clear(witness);
                foreach (var b in chosen)
                {
                    for (var i = 0; i < witness.Length; i++)
                    {
                        witness[i] = Math.Max(witness[i], boxes[b].Min[i]);
                    }
                }
            }
        }

        void Expand(int[] candidates, double current)
        {
            if (candidates.Length == 0)
            {
                Found(current);
                return;
            }

            var suffix = new double[candidates.Length + 1];
            for (var k = candidates.Length - 1; k >= 0; k--)
            {
                suffix[k] = suffix[k + 1] + weight[candidates[k]];
            }

            for (var k = 0; k < candidates.Length; k++)
            {
                if (current + suffix[k] <= best || --left <= 0)
                {
                    if (left <= 0)
                    {
                        // Out of budget: the bound must still hold, so take every remaining candidate.
                        best = Math.Max(best, current + suffix[k]);
                    }

                    return;
                }

                var v = candidates[k];
                var next = new List<int>();
                for (var j = k + 1; j < candidates.Length; j++)
                {
                    var u = candidates[j];
                    if ((adjacent[v][u >> 6] & (1UL << (u & 63))) != 0)
                    {
                        next.Add(u);
                    }
                }

                chosen.Push(v);
                Expand(next.ToArray(), current + weight[v]);
                chosen.Pop();
            }

            Found(current);
        }
    }

    private static bool Meet((int[] Min, int[] Max, double Value) a, (int[] Min, int[] Max, double Value) b)
    {
        for (var i = 0; i < a.Min.Length; i++)
        {
            if (Math.Max(a.Min[i], b.Min[i]) > Math.Min(a.Max[i], b.Max[i]))
            {
                return false;
            }
        }

        return true;
    }
}
