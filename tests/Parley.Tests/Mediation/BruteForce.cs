using Parley.Domains;
using Parley.Preferences;

namespace Parley.Tests.Mediation;

/// <summary>Reference solutions by enumerating every outcome (small domains only).</summary>
internal static class BruteForce
{
    /// <summary>The outcome maximising Π(u − r) among outcomes every profile accepts (ties: higher Σ u, then the larger utility vector, then first in index order; exact comparisons).</summary>
    public static Outcome? Nash(IReadOnlyList<Profile> profiles, Domain domain)
    {
        Outcome? best = null;
        var bestProduct = double.NegativeInfinity;
        var bestSum = double.NegativeInfinity;
        double[]? bestVector = null;
        foreach (var o in domain.EnumerateOutcomes())
        {
            if (!profiles.All(p => p.Accepts(o.Levels)))
            {
                continue;
            }

            var vector = profiles.Select(p => p.Utility(o)).ToArray();
            var product = 1.0;
            for (var p = 0; p < profiles.Count; p++)
            {
                product *= vector[p] - profiles[p].ReservationValue;
            }

            var sum = vector.Aggregate(0.0, (x, y) => x + y);
            var better = product > bestProduct
                || (product == bestProduct && sum > bestSum)
                || (product == bestProduct && sum == bestSum && Larger(vector, bestVector!));
            if (better)
            {
                best = o;
                bestProduct = product;
                bestSum = sum;
                bestVector = vector;
            }
        }

        return best;
    }

    private static bool Larger(double[] a, double[] b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i] > b[i];
            }
        }

        return false;
    }
}
