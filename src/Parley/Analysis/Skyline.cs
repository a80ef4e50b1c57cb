namespace Parley.Analysis;

/// <summary>
/// Dominance filters (maximal vectors). Two parties: sort then sweep, O(n log n). Three parties:
/// sort on the first utility, then a Fenwick tree of the best third utility over the ranks of the
/// second, O(n log n). More parties: sort-filter skyline (presort by sum, compare with the kept window).
/// </summary>
/// <remarks>
/// Vectors are compared exactly (no epsilon). Equal vectors form one frontier point: the filter keeps
/// the member with the smallest tie key, or every member when <c>keepTies</c> is set. The result lists
/// kept ids sorted by utilities descending (first party first), ties by tie key ascending.
/// </remarks>
internal static class Skyline
{
    public static int[] Filter(double[] vectors, int k, int n, long[] ties, bool keepTies)
    {
        if (n == 0)
        {
            return [];
        }

        return k switch
        {
            1 => FilterOne(vectors, n, ties, keepTies),
            2 => FilterTwo(vectors, n, ties, keepTies),
            3 => FilterThree(vectors, n, ties, keepTies),
            _ => FilterMany(vectors, k, n, ties, keepTies),
        };
    }

    private static int[] FilterOne(double[] v, int n, long[] ties, bool keepTies)
    {
        var best = double.NegativeInfinity;
        for (var i = 0; i < n; i++)
        {
            best = Math.Max(best, v[i]);
        }

        var kept = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (v[i] == best)
            {
                kept.Add(i);
            }
        }

        kept.Sort((a, b) => ties[a].CompareTo(ties[b]));
        return keepTies ? kept.ToArray() : [kept[0]];
    }

    private static int[] FilterTwo(double[] v, int n, long[] ties, bool keepTies)
    {
        var items = new Item2[n];
        for (var i = 0; i < n; i++)
        {
            items[i] = new Item2(v[2 * i], v[(2 * i) + 1], ties[i], i);
        }

        items.AsSpan().Sort(default(Item2Comparer));
        var kept = new List<int>();
        var maxY = double.NegativeInfinity;
        var s = 0;
        while (s < n)
        {
            var e = s + 1;
            while (e < n && items[e].X == items[s].X && items[e].Y == items[s].Y)
            {
                e++;
            }

            if (items[s].Y > maxY)
            {
                if (keepTies)
                {
                    for (var j = s; j < e; j++)
                    {
                        kept.Add(items[j].Id);
                    }
                }
                else
                {
                    kept.Add(items[s].Id);
                }

                maxY = items[s].Y;
            }

            s = e;
        }

        return kept.ToArray();
    }

    private static int[] FilterThree(double[] v, int n, long[] ties, bool keepTies)
    {
        var order = SortedLex(v, 3, n, ties);
        var ys = new double[n];
        for (var i = 0; i < n; i++)
        {
            ys[i] = v[(3 * i) + 1];
        }

        Array.Sort(ys);
        var distinct = 0;
        for (var i = 0; i < n; i++)
        {
            if (distinct == 0 || ys[i] != ys[distinct - 1])
            {
                ys[distinct++] = ys[i];
            }
        }

        // Rank 1 = largest y; the Fenwick prefix [1, r] covers every y' >= y.
        var tree = new double[distinct + 1];
        Array.Fill(tree, double.NegativeInfinity);
        var kept = new List<int>();
        var s = 0;
        while (s < n)
        {
            var first = order[s];
            var e = s + 1;
            while (e < n && SameVector(v, 3, order[e], first))
            {
                e++;
            }

            var y = v[(3 * first) + 1];
            var z = v[(3 * first) + 2];
            var rank = distinct - Array.BinarySearch(ys, 0, distinct, y);
            var best = double.NegativeInfinity;
            for (var r = rank; r > 0; r -= r & -r)
            {
                best = Math.Max(best, tree[r]);
            }

            if (best < z)
            {
                if (keepTies)
                {
                    for (var j = s; j < e; j++)
                    {
                        kept.Add(order[j]);
                    }
                }
                else
                {
                    kept.Add(first);
                }

                for (var r = rank; r <= distinct; r += r & -r)
                {
                    tree[r] = Math.Max(tree[r], z);
                }
            }

            s = e;
        }

        return kept.ToArray();
    }

    private static int[] FilterMany(double[] v, int k, int n, long[] ties, bool keepTies)
    {
        var sums = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < k; j++)
            {
                sum += v[(i * k) + j];
            }

            sums[i] = sum;
        }

        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        var lex = new LexComparer(v, k, ties);
        Array.Sort(order, (a, b) =>
        {
            var c = sums[b].CompareTo(sums[a]);
            return c != 0 ? c : lex.Compare(a, b);
        });

        var window = new List<int>();
        var kept = new List<int>();
        foreach (var id in order)
        {
            var dominated = false;
            var duplicate = false;
            foreach (var w in window)
            {
                var geq = true;
                var equal = true;
                for (var j = 0; j < k; j++)
                {
                    var a = v[(w * k) + j];
                    var b = v[(id * k) + j];
                    if (a < b)
                    {
                        geq = false;
                        break;
                    }

                    if (a != b)
                    {
                        equal = false;
                    }
                }

                if (geq)
                {
                    if (equal)
                    {
                        duplicate = true;
                    }
                    else
                    {
                        dominated = true;
                    }

                    break;
                }
            }

            if (dominated || (duplicate && !keepTies))
            {
                continue;
            }

            if (!duplicate)
            {
                window.Add(id);
            }

            kept.Add(id);
        }

        var result = kept.ToArray();
        Array.Sort(result, lex.Compare);
        return result;
    }

    /// <summary>Ids 0..n−1 sorted by vector descending (lexicographic), then tie key ascending.</summary>
    public static int[] SortedLex(double[] v, int k, int n, long[] ties)
    {
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, new LexComparer(v, k, ties).Compare);
        return order;
    }

    private static bool SameVector(double[] v, int k, int a, int b)
    {
        for (var j = 0; j < k; j++)
        {
            if (v[(a * k) + j] != v[(b * k) + j])
            {
                return false;
            }
        }

        return true;
    }

    private readonly record struct Item2(double X, double Y, long Tie, int Id);

    private readonly struct Item2Comparer : IComparer<Item2>
    {
        public int Compare(Item2 a, Item2 b)
        {
            var c = b.X.CompareTo(a.X);
            if (c != 0)
            {
                return c;
            }

            c = b.Y.CompareTo(a.Y);
            return c != 0 ? c : a.Tie.CompareTo(b.Tie);
        }
    }

    private sealed class LexComparer(double[] v, int k, long[] ties)
    {
        public int Compare(int a, int b)
        {
            for (var j = 0; j < k; j++)
            {
                var c = v[(b * k) + j].CompareTo(v[(a * k) + j]);
                if (c != 0)
                {
                    return c;
                }
            }

            return ties[a].CompareTo(ties[b]);
        }
    }
}
