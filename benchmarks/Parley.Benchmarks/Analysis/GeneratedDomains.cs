using Parley.Domains;
using Parley.Preferences;

namespace Parley.Benchmarks.Analysis;

/// <summary>Seeded generated domains for the analysis benchmarks.</summary>
public static class GeneratedDomains
{
    /// <summary><paramref name="parties"/> random additive profiles over <paramref name="issues"/> categorical issues of <paramref name="options"/> options each.</summary>
    public static AdditiveProfile[] Random(int parties, int issues, int options, double reservation, int seed)
    {
        var random = new Random(seed);
        var domain = new Domain(
            $"random-{issues}x{options}",
            Enumerable.Range(0, issues).Select(i => (Issue)new CategoricalIssue($"issue{i}", Enumerable.Range(0, options).Select(o => $"o{o}").ToArray())).ToArray());
        var profiles = new AdditiveProfile[parties];
        for (var p = 0; p < parties; p++)
        {
            var raw = Enumerable.Range(0, issues).Select(_ => random.NextDouble()).ToArray();
            var total = raw.Sum();
            profiles[p] = new AdditiveProfile(
                domain,
                raw.Select(w => w / total),
                Enumerable.Range(0, issues).Select(_ => (ValueFunction)new TableValueFunction(Enumerable.Range(0, options).Select(_ => random.NextDouble()).ToArray())).ToArray(),
                reservation);
        }

        return profiles;
    }

    /// <summary>
    /// The worst case for a frontier: a zero-sum domain of 7 two-option and 4 five-option issues whose
    /// 80,000 outcomes all lie on the frontier. Utilities are exact binary fractions (index / 2^17 and
    /// its complement), so floating-point rounding cannot make any outcome dominate another.
    /// </summary>
    public static AdditiveProfile[] ZeroSum80000()
    {
        int[] sizes = [2, 2, 2, 2, 2, 2, 2, 5, 5, 5, 5];
        var domain = new Domain(
            "zero-sum-80000",
            sizes.Select((n, i) => (Issue)new CategoricalIssue($"issue{i}", Enumerable.Range(0, n).Select(o => $"o{o}").ToArray())).ToArray());
        var place = new double[sizes.Length];
        var radix = 1.0;
        for (var i = sizes.Length - 1; i >= 0; i--)
        {
            place[i] = radix;
            radix *= sizes[i];
        }

        const double Scale = 1.0 / (1 << 17);
        var one = new AdditiveProfile(
            domain,
            Enumerable.Repeat(1.0, sizes.Length),
            sizes.Select((n, i) => (ValueFunction)new TableValueFunction(Enumerable.Range(0, n).Select(l => l * place[i] * Scale).ToArray())).ToArray());
        var two = new AdditiveProfile(
            domain,
            Enumerable.Repeat(1.0, sizes.Length),
            sizes.Select((n, i) => (ValueFunction)new TableValueFunction(Enumerable.Range(0, n).Select(l => (n - 1 - l) * place[i] * Scale).ToArray())).ToArray());
        return [one, two];
    }
}
