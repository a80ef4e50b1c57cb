using Parley.Domains;
using Parley.Preferences;

namespace Parley.Tests.Mediation;

/// <summary>Reference solutions by enumerating every outcome (small domains only).</summary>
internal static class BruteForce
{
    /// <summary>The outcome maximising Π(u − r) among outcomes every profile accepts (ties: larger sum, then first in index order).</summary>
    public static Outcome? Nash(IReadOnlyList<Profile> profiles, Domain domain)
    {
        Outcome? best = null;
        var bestProduct = double.NegativeInfinity;
        var bestSum = double.NegativeInfinity;
        foreach (var o in domain.EnumerateOutcomes())
        {
            if (!profiles.All(p => p.Accepts(o.Levels)))
            {
                continue;
            }

            var gains = profiles.Select(p => Math.Max(0, p.Utility(o) - p.ReservationValue)).ToArray();
            var product = gains.Aggregate(1.0, (x, y) => x * y);
            var sum = gains.Sum();
            if (product > bestProduct + 1e-12 || (Math.Abs(product - bestProduct) <= 1e-12 && sum > bestSum + 1e-12))
            {
                best = o;
                bestProduct = product;
                bestSum = sum;
            }
        }

        return best;
    }
}
