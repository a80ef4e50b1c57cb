using Parley.Domains;
using Parley.Preferences;

namespace Parley.Mediation;

/// <summary>
/// Finds the best complete package for a trusted mediator: the outcome that keeps the fixed
/// articles, crosses no party's red line, gives every party at least its floor, and maximises an
/// objective of the gains over the floors.
/// </summary>
/// <remarks>
/// Exact (enumeration of the open articles' product, no allocation per outcome) when that
/// product has at most <see cref="ExhaustiveLimit"/> outcomes; otherwise coordinate ascent from
/// random red-line-free starts (an approximation, stated as such in <see cref="SearchResult.Exact"/>).
/// Ties are broken by the larger sum of gains, then by the first outcome in index order.
/// </remarks>
public static class PackageSearch
{
    /// <summary>The largest number of outcomes searched exhaustively.</summary>
    public const long ExhaustiveLimit = 4_000_000;

    /// <summary>The best package, or null when no outcome meets every floor without crossing a red line.</summary>
    public static SearchResult? Best(
        IReadOnlyList<Profile> profiles,
        RedLineGuard guard,
        PartialOutcome fixedPart,
        IReadOnlyList<double> floors,
        PackageObjective objective,
        Random? random = null)
    {
        var domain = guard.Domain;
        var open = new List<int>();
        long size = 1;
        for (var i = 0; i < domain.IssueCount; i++)
        {
            if (fixedPart[i] == PartialOutcome.Open)
            {
                open.Add(i);
                size = size > ExhaustiveLimit ? size : size * domain.Issues[i].Cardinality;
            }
        }

        return size <= ExhaustiveLimit
            ? Exhaustive(profiles, guard, fixedPart, floors, objective, open)
            : Ascent(profiles, guard, fixedPart, floors, objective, open, random ?? new Random(0));
    }

    /// <summary>The score of <paramref name="levels"/>, or null when it misses a floor or crosses a red line.</summary>
    public static (double Score, double Sum)? Score(IReadOnlyList<Profile> profiles, RedLineGuard guard, ReadOnlySpan<int> levels, IReadOnlyList<double> floors, PackageObjective objective)
    {
        if (guard.IsCrossed(levels))
        {
            return null;
        }

        var product = 1.0;
        var min = double.PositiveInfinity;
        var sum = 0.0;
        for (var p = 0; p < profiles.Count; p++)
        {
            var gain = profiles[p].Utility(levels) - floors[p];
            if (gain < 0)
            {
                return null;
            }

            gain = Math.Max(gain, 0);
            product *= gain;
            min = Math.Min(min, gain);
            sum += gain;
        }

        var score = objective switch
        {
            PackageObjective.NashProduct => product,
            PackageObjective.Maximin => min,
            _ => sum,
        };
        return (score, sum);
    }

    private static SearchResult? Exhaustive(IReadOnlyList<Profile> profiles, RedLineGuard guard, PartialOutcome fixedPart, IReadOnlyList<double> floors, PackageObjective objective, List<int> open)
    {
        var domain = guard.Domain;
        var levels = new int[domain.IssueCount];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = fixedPart[i] == PartialOutcome.Open ? 0 : fixedPart[i];
        }

        int[]? best = null;
        var bestScore = double.NegativeInfinity;
        var bestSum = double.NegativeInfinity;
        long visited = 0;
        while (true)
        {
            visited++;
            if (Score(profiles, guard, levels, floors, objective) is { } s && Better(s.Score, s.Sum, bestScore, bestSum))
            {
                bestScore = s.Score;
                bestSum = s.Sum;
                best = (int[])levels.Clone();
            }

            var k = open.Count - 1;
            while (k >= 0)
            {
                var issue = open[k];
                if (++levels[issue] < domain.Issues[issue].Cardinality)
                {
                    break;
                }

                levels[issue] = 0;
                k--;
            }

            if (k < 0)
            {
                break;
            }
        }

        return best is null ? null : new SearchResult(new Outcome(best), bestScore, true, visited);
    }

    private static SearchResult? Ascent(IReadOnlyList<Profile> profiles, RedLineGuard guard, PartialOutcome fixedPart, IReadOnlyList<double> floors, PackageObjective objective, List<int> open, Random random)
    {
        int[]? best = null;
        var bestScore = double.NegativeInfinity;
        var bestSum = double.NegativeInfinity;
        long visited = 0;
        for (var restart = 0; restart < 40; restart++)
        {
            if (!guard.TryComplete(fixedPart, random, out var start, 20_000))
            {
                break;
            }

            var levels = start.Levels.ToArray();
            var current = Score(profiles, guard, levels, floors, objective) ?? (double.NegativeInfinity, double.NegativeInfinity);
            var improved = true;
            while (improved)
            {
                improved = false;
                foreach (var issue in open)
                {
                    var keep = levels[issue];
                    var bestLevel = keep;
                    for (var l = 0; l < guard.Domain.Issues[issue].Cardinality; l++)
                    {
                        levels[issue] = l;
                        visited++;
                        var s = Score(profiles, guard, levels, floors, objective) ?? Relaxed(profiles, guard, levels, floors);
                        if (Better(s.Score, s.Sum, current.Score, current.Sum))
                        {
                            current = s;
                            bestLevel = l;
                            improved = true;
                        }
                    }

                    levels[issue] = bestLevel;
                }
            }

            if (Score(profiles, guard, levels, floors, objective) is { } final && Better(final.Score, final.Sum, bestScore, bestSum))
            {
                bestScore = final.Score;
                bestSum = final.Sum;
                best = levels;
            }
        }

        return best is null ? null : new SearchResult(new Outcome(best), bestScore, false, visited);
    }

    // An infeasible point scores below every feasible one, but by how far it misses, so ascent can climb toward feasibility.
    private static (double Score, double Sum) Relaxed(IReadOnlyList<Profile> profiles, RedLineGuard guard, ReadOnlySpan<int> levels, IReadOnlyList<double> floors)
    {
        if (guard.IsCrossed(levels))
        {
            return (double.NegativeInfinity, double.NegativeInfinity);
        }

        var shortfall = 0.0;
        for (var p = 0; p < profiles.Count; p++)
        {
            shortfall += Math.Min(0, profiles[p].Utility(levels) - floors[p]);
        }

        return (-1e6 + shortfall, shortfall);
    }

    private static bool Better(double score, double sum, double bestScore, double bestSum) =>
        score > bestScore + 1e-12 || (Math.Abs(score - bestScore) <= 1e-12 && sum > bestSum + 1e-12);
}
