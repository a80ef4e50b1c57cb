using System.Runtime.CompilerServices;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Agents;

/// <summary>
/// One profile's outcomes sorted by that profile's utility, best first: the structure every
/// built-in agent uses to find an offer near a target utility in O(log n).
/// </summary>
/// <remarks>
/// <para>Built once per profile (O(n log n)) and immutable afterwards, so one index serves every
/// session and thread that uses the profile; <see cref="For"/> caches it per profile instance
/// (tournaments therefore build it once per profile, not per session).</para>
/// <para>Outcomes that cross the profile's own red lines are left out (an agent never proposes
/// what it must refuse), unless every outcome crosses one, in which case all are kept.</para>
/// <para>Spaces larger than <see cref="ExactLimit"/> outcomes are not enumerated: the index then
/// holds a sample of <see cref="SampleSize"/> outcomes drawn uniformly with a fixed seed (so it is
/// reproducible), plus the profile's best and worst outcomes computed exactly for additive
/// profiles. <see cref="IsSampled"/> tells which; offers then come from the sample.</para>
/// <para>For other profiles (nonlinear ones: ANAC 2014's 10^10 to 10^50 outcomes) uniform samples
/// almost never reach the high utilities an agent opens with, so up to 2,000 outcomes of the sample (at most half) are
/// trajectories of seeded steepest-ascent hill climbs (each step the best single-issue change): outcomes
/// from mediocre up to local optima, near the profile's best. The index never enumerates such a space,
/// and what it holds is reproducible from the fixed seed.</para>
/// <para>Memory: 8 bytes of utility and 4 bytes per issue per entry, plus one <see cref="Outcome"/>
/// created lazily for each entry actually offered.</para>
/// </remarks>
public sealed class OutcomeIndex
{
    /// <summary>The largest outcome space indexed exactly.</summary>
    public const long ExactLimit = 500_000;

    /// <summary>The number of outcomes sampled for a larger space.</summary>
    public const int SampleSize = 100_000;

    private const int SampleSeed = 0x5A0B;
    private const int ClimbedOutcomes = 2_000;
    private static readonly ConditionalWeakTable<Profile, Lazy<OutcomeIndex>> Cache = [];

    private readonly double[] _utilities;   // by rank, descending
    private readonly int[] _levels;         // by rank, issue levels flattened
    private readonly Outcome?[] _outcomes;  // by rank, created on first use
    private readonly int _issues;

    private OutcomeIndex(Profile profile, double[] utilities, int[] levels, bool sampled)
    {
        Profile = profile;
        _utilities = utilities;
        _levels = levels;
        _issues = profile.Domain.IssueCount;
        _outcomes = new Outcome?[utilities.Length];
        IsSampled = sampled;
    }

    /// <summary>The profile whose utilities order the index.</summary>
    public Profile Profile { get; }

    /// <summary>The number of outcomes indexed.</summary>
    public int Count => _utilities.Length;

    /// <summary>Whether the index holds a sample of a space too large to enumerate.</summary>
    public bool IsSampled { get; }

    /// <summary>The highest utility indexed (rank 0).</summary>
    public double MaxUtility => _utilities[0];

    /// <summary>The lowest utility indexed (last rank).</summary>
    public double MinUtility => _utilities[^1];

    /// <summary>The utilities by rank, descending.</summary>
    public ReadOnlySpan<double> Utilities => _utilities;

    /// <summary>
    /// The shared index of <paramref name="profile"/>, built on first request and cached for as long
    /// as the profile lives. Thread-safe: threads that ask for the same profile at once (a tournament's
    /// workers starting on one scenario) wait for a single build rather than each sorting the space.
    /// </summary>
    public static OutcomeIndex For(Profile profile) =>
        Cache.GetValue(profile, static p => new Lazy<OutcomeIndex>(() => Build(p), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>Builds a fresh index (use <see cref="For"/> to share one).</summary>
    /// <param name="profile">The profile to sort by.</param>
    /// <param name="exactLimit">Spaces up to this many outcomes are enumerated; larger ones are sampled.</param>
    /// <param name="sampleSize">How many outcomes to sample from a larger space.</param>
    public static OutcomeIndex Build(Profile profile, long exactLimit = ExactLimit, int sampleSize = SampleSize)
    {
        var domain = profile.Domain;
        var count = domain.LongOutcomeCount;
        return count >= 0 && count <= exactLimit
            ? BuildExact(profile, (int)count, !profile.RedLines.IsEmpty)
            : BuildSampled(profile, sampleSize);
    }

    /// <summary>The utility of the outcome at <paramref name="rank"/> (0 is the best).</summary>
    public double UtilityAt(int rank) => _utilities[rank];

    /// <summary>The levels of the outcome at <paramref name="rank"/>.</summary>
    public ReadOnlySpan<int> LevelsAt(int rank) => _levels.AsSpan(rank * _issues, _issues);

    /// <summary>The outcome at <paramref name="rank"/>; the same instance every time (allocated once).</summary>
    public Outcome OutcomeAt(int rank)
    {
        var outcome = _outcomes[rank];
        if (outcome is null)
        {
            outcome = new Outcome(LevelsAt(rank));
            _outcomes[rank] = outcome; // a benign race: two threads may each create an equal outcome
        }

        return outcome;
    }

    /// <summary>
    /// The rank of the worst outcome whose utility is still at least <paramref name="target"/>
    /// (the smallest concession that meets the target), or −1 when none reaches it. O(log n).
    /// </summary>
    public int RankAtLeast(double target)
    {
        // First rank whose utility is below target, minus one.
        var lo = 0;
        var hi = _utilities.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_utilities[mid] >= target)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo - 1;
    }

    /// <summary>The rank of the outcome whose utility is closest to <paramref name="target"/> (ties: the better one). O(log n).</summary>
    public int RankNearest(double target)
    {
        var above = RankAtLeast(target);
        if (above < 0)
        {
            return 0;
        }

        var below = above + 1;
        if (below >= _utilities.Length)
        {
            return above;
        }

        return _utilities[above] - target <= target - _utilities[below] ? above : below;
    }

    private static OutcomeIndex BuildExact(Profile profile, int count, bool checkLines)
    {
        var domain = profile.Domain;
        var issues = domain.IssueCount;
        var keys = new double[count];
        var positions = new int[count];
        var levels = new int[issues];
        var kept = 0;
        var index = 0;
        do
        {
            if (!checkLines || !profile.RedLines.IsCrossed(levels))
            {
                keys[kept] = -profile.Utility(levels);
                positions[kept] = index;
                kept++;
            }

            index++;
        }
        while (domain.Advance(levels));

        if (kept == 0)
        {
            // Every outcome crosses a red line: keep them all rather than leave the agent nothing to say.
            return BuildExact(profile, count, checkLines: false);
        }

        Array.Resize(ref keys, kept);
        Array.Resize(ref positions, kept);
        Array.Sort(keys, positions);
        var utilities = new double[kept];
        var flat = new int[kept * issues];
        for (var r = 0; r < kept; r++)
        {
            utilities[r] = -keys[r];
            domain.Decode(positions[r], flat.AsSpan(r * issues, issues));
        }

        return new OutcomeIndex(profile, utilities, flat, false);
    }

    private static OutcomeIndex BuildSampled(Profile profile, int sampleSize)
    {
        var domain = profile.Domain;
        var issues = domain.IssueCount;
        var random = new Random(SampleSeed);
        var size = Math.Max(2, sampleSize);
        var samples = new int[size * issues];
        var keys = new double[size];
        var order = new int[size];
        var filled = 0;
        if (profile is AdditiveProfile additive)
        {
            // The exact extremes, unless they cross a red line over several issues (a linkage rule, say).
            foreach (var best in new[] { true, false })
            {
                var slot = samples.AsSpan(filled * issues, issues);
                Extreme(additive, slot, best);
                if (!profile.RedLines.IsCrossed(slot))
                {
                    filled++;
                }
            }
        }

        else
        {
            filled = Climb(profile, samples, Math.Min(size / 2, ClimbedOutcomes), random);
        }

        var attempts = 0L;
        var maxAttempts = (long)size * 20;
        var anyAllowed = filled > 0;
        while (filled < size && attempts < maxAttempts)
        {
            attempts++;
            var slot = samples.AsSpan(filled * issues, issues);
            for (var i = 0; i < issues; i++)
            {
                slot[i] = random.Next(domain.Cardinalities[i]);
            }

            // Outcomes across a red line are kept only when half the attempts found none that is not.
            var allowed = !profile.RedLines.IsCrossed(slot);
            anyAllowed |= allowed;
            if (allowed || (!anyAllowed && attempts > maxAttempts / 2))
            {
                filled++;
            }
        }

        for (var s = 0; s < filled; s++)
        {
            keys[s] = -profile.Utility(samples.AsSpan(s * issues, issues));
            order[s] = s;
        }

        Array.Resize(ref keys, filled);
        Array.Resize(ref order, filled);
        Array.Sort(keys, order);
        var utilities = new double[filled];
        var flat = new int[filled * issues];
        for (var r = 0; r < filled; r++)
        {
            utilities[r] = -keys[r];
            samples.AsSpan(order[r] * issues, issues).CopyTo(flat.AsSpan(r * issues, issues));
        }

        return new OutcomeIndex(profile, utilities, flat, true);
    }

    /// <summary>Fills up to <paramref name="count"/> slots with the outcomes visited by steepest-ascent climbs from random starts; returns how many.</summary>
    private static int Climb(Profile profile, int[] samples, int count, Random random)
    {
        var domain = profile.Domain;
        var issues = domain.IssueCount;
        var current = new int[issues];
        var filled = 0;
        while (filled < count)
        {
            for (var i = 0; i < issues; i++)
            {
                current[i] = random.Next(domain.Cardinalities[i]);
            }

            var utility = profile.Utility(current);
            while (filled < count)
            {
                if (!profile.RedLines.IsCrossed(current))
                {
                    current.CopyTo(samples.AsSpan(filled * issues, issues));
                    filled++;
                }

                var (bestIssue, bestLevel, bestUtility) = (-1, -1, utility);
                for (var i = 0; i < issues; i++)
                {
                    var keep = current[i];
                    for (var l = 0; l < domain.Cardinalities[i]; l++)
                    {
                        if (l == keep)
                        {
                            continue;
                        }

                        current[i] = l;
                        var u = profile.Utility(current);
                        if (u > bestUtility && !profile.RedLines.IsCrossed(current))
                        {
                            (bestIssue, bestLevel, bestUtility) = (i, l, u);
                        }
                    }

                    current[i] = keep;
                }

                if (bestIssue < 0)
                {
                    break; // a local optimum: start another climb
                }

                current[bestIssue] = bestLevel;
                utility = bestUtility;
            }
        }

        return filled;
    }

    private static void Extreme(AdditiveProfile profile, Span<int> levels, bool best)
    {
        for (var i = 0; i < levels.Length; i++)
        {
            var table = profile.LevelUtilities(i);
            var chosen = -1;
            for (var l = 0; l < table.Length; l++)
            {
                if (!profile.RedLines.IsLevelAllowed(i, l))
                {
                    continue;
                }

                if (chosen < 0 || (best ? table[l] > table[chosen] : table[l] < table[chosen]))
                {
                    chosen = l;
                }
            }

            levels[i] = chosen < 0 ? 0 : chosen;
        }
    }
}
