using Parley.Analysis;
using Parley.Preferences;

namespace Parley.Tests.Analysis;

/// <summary>The reference the analyzer must equal: every outcome enumerated, every definition applied literally.</summary>
internal sealed class BruteForceAnalysis
{
    public BruteForceAnalysis(IReadOnlyList<Profile> profiles)
    {
        var domain = profiles[0].Domain;
        var k = profiles.Count;
        Reservation = profiles.Select(p => p.ReservationValue).ToArray();
        var feasible = new List<(int[] Levels, double[] U)>();
        foreach (var o in domain.EnumerateOutcomes())
        {
            var levels = o.Levels.ToArray();
            if (profiles.Any(p => p.RedLines.IsCrossed(levels)))
            {
                continue;
            }

            feasible.Add((levels, profiles.Select(p => p.Utility(levels)).ToArray()));
        }

        Feasible = feasible;
        var distinct = feasible.Select(f => f.U).DistinctBy(Key).ToList();
        Frontier = distinct
            .Where(v => !distinct.Any(w => Dominates(w, v)))
            .OrderByDescending(v => v, LexComparer.Instance)
            .ToList();
        OutcomesOf = Frontier.ToDictionary(Key, v => feasible.Where(f => f.U.SequenceEqual(v)).Select(f => f.Levels).ToList());
        Acceptable = feasible.Where(f => Meets(f.U, Reservation)).ToList();
        if (Acceptable.Count > 0)
        {
            Ideal = Enumerable.Range(0, k).Select(i => Acceptable.Max(a => a.U[i])).ToArray();
            Nash = Solve(v => SolutionObjectives.Nash(v, Reservation));
            KalaiSmorodinsky = Solve(v => SolutionObjectives.KalaiSmorodinsky(v, Reservation, Ideal));
            Egalitarian = Solve(v => SolutionObjectives.Egalitarian(v, Reservation));
            MaxWelfare = Solve(v => SolutionObjectives.Welfare(v));
        }

        AcceptableLevels = Enumerable.Range(0, domain.IssueCount)
            .Select(i => Acceptable.Select(a => a.Levels[i]).Distinct().Order().ToList())
            .ToList();
    }

    public double[] Reservation { get; }

    public List<(int[] Levels, double[] U)> Feasible { get; }

    public List<double[]> Frontier { get; }

    public Dictionary<string, List<int[]>> OutcomesOf { get; }

    public List<(int[] Levels, double[] U)> Acceptable { get; }

    public double[]? Ideal { get; }

    public double[]? Nash { get; }

    public double[]? KalaiSmorodinsky { get; }

    public double[]? Egalitarian { get; }

    public double[]? MaxWelfare { get; }

    public List<List<int>> AcceptableLevels { get; }

    public static string Key(double[] v) => string.Join(",", v.Select(x => BitConverter.DoubleToInt64Bits(x)));

    public static bool Dominates(double[] a, double[] b)
    {
        var strict = false;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] < b[i])
            {
                return false;
            }

            strict |= a[i] > b[i];
        }

        return strict;
    }

    public static bool Meets(double[] u, double[] r)
    {
        for (var i = 0; i < u.Length; i++)
        {
            if (u[i] < r[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The acceptable vector with the best objective, ties by welfare, then utilities descending.</summary>
    private double[] Solve(Func<double[], double> objective) =>
        Acceptable.Select(a => a.U)
            .OrderByDescending(objective)
            .ThenByDescending(v => SolutionObjectives.Welfare(v))
            .ThenByDescending(v => v, LexComparer.Instance)
            .First();

    private sealed class LexComparer : IComparer<double[]>
    {
        public static readonly LexComparer Instance = new();

        public int Compare(double[]? x, double[]? y)
        {
            for (var i = 0; i < x!.Length; i++)
            {
                var c = x[i].CompareTo(y![i]);
                if (c != 0)
                {
                    return c;
                }
            }

            return 0;
        }
    }
}
