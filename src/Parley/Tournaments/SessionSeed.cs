using System.Text;

namespace Parley.Tournaments;

/// <summary>Derives a session's seed from the tournament seed and the session's identity.</summary>
/// <remarks>
/// The seed depends only on what the session is (scenario, profiles, agents, mediator, repetition), never on
/// when or on which thread it runs, so results do not depend on parallelism or interruption.
/// FNV-1a (64 bit) hashes the identity; SplitMix64 (Steele, Lea &amp; Flood 2014) mixes it with the
/// tournament seed. Both are fixed here, so seeds are stable across platforms and versions.
/// </remarks>
public static class SessionSeed
{
    /// <summary>The identity string of a session.</summary>
    public static string Identity(string scenario, IReadOnlyList<string> profiles, IReadOnlyList<string> agents, int repetition, string? mediator = null)
    {
        var sb = new StringBuilder(64);
        sb.Append(scenario).Append('|');
        if (mediator is not null)
        {
            sb.Append("mediator=").Append(mediator).Append('|');
        }

        for (var i = 0; i < profiles.Count; i++)
        {
            sb.Append(i == 0 ? string.Empty : ",").Append(profiles[i]).Append('=').Append(agents[i]);
        }

        sb.Append('|').Append(repetition.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>The seed, in [0, int.MaxValue], of the session with identity <paramref name="identity"/>.</summary>
    public static int Derive(int tournamentSeed, string identity)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(identity))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        var mixed = SplitMix64(hash ^ SplitMix64((ulong)(uint)tournamentSeed));
        return (int)(mixed >> 33);
    }

    private static ulong SplitMix64(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
