using System.Runtime.InteropServices;

namespace Parley.Domains;

/// <summary>
/// A complete outcome (a "bid" in GENIUS): one level chosen for every issue of a domain.
/// </summary>
/// <remarks>
/// Immutable. Levels are stored as an <see cref="int"/> per issue, in the domain's issue order, so
/// that evaluation reads a span with no allocation. Equality is by levels.
/// </remarks>
public sealed class Outcome : IEquatable<Outcome>
{
    private readonly int[] _levels;

    /// <summary>Creates an outcome from its levels (copied).</summary>
    public Outcome(ReadOnlySpan<int> levels)
    {
        _levels = levels.ToArray();
    }

    private Outcome(int[] owned, bool _)
    {
        _levels = owned;
    }

    /// <summary>The level chosen for each issue, in the domain's issue order.</summary>
    public ReadOnlySpan<int> Levels => _levels;

    /// <summary>The number of issues.</summary>
    public int Count => _levels.Length;

    /// <summary>The level chosen for issue <paramref name="issue"/>.</summary>
    public int this[int issue] => _levels[issue];

    /// <summary>Wraps an array the caller gives up (no copy).</summary>
    internal static Outcome Own(int[] levels) => new(levels, true);

    /// <summary>A copy with issue <paramref name="issue"/> set to <paramref name="level"/>.</summary>
    public Outcome With(int issue, int level)
    {
        var copy = (int[])_levels.Clone();
        copy[issue] = level;
        return new Outcome(copy, true);
    }

    /// <inheritdoc />
    public bool Equals(Outcome? other) =>
        other is not null && _levels.AsSpan().SequenceEqual(other._levels);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Outcome);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes(_levels.AsSpan()));
        return hash.ToHashCode();
    }

    /// <summary>The levels as "[a, b, c]" (use <see cref="Domain.Describe(Outcome)"/> for names).</summary>
    public override string ToString() => "[" + string.Join(", ", _levels) + "]";
}
