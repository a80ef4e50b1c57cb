using System.Diagnostics.CodeAnalysis;

namespace Parley.Domains;

/// <summary>
/// An outcome with some issues settled and others still open: a mediator's draft, or what a round
/// of talks agreed so far.
/// </summary>
/// <remarks>Immutable. An open issue has the level <see cref="Open"/>.</remarks>
public sealed class PartialOutcome : IEquatable<PartialOutcome>
{
    /// <summary>The level recorded for an open issue.</summary>
    public const int Open = -1;

    private readonly int[] _levels;

    /// <summary>Creates a partial outcome from levels, <see cref="Open"/> marking open issues (copied).</summary>
    public PartialOutcome(ReadOnlySpan<int> levels)
    {
        _levels = levels.ToArray();
        foreach (var l in _levels)
        {
            if (l < Open)
            {
                throw new ArgumentOutOfRangeException(nameof(levels), l, "A level is either -1 (open) or a level index.");
            }
        }
    }

    /// <summary>A partial outcome with every one of <paramref name="issueCount"/> issues open.</summary>
    public static PartialOutcome AllOpen(int issueCount)
    {
        var levels = new int[issueCount];
        Array.Fill(levels, Open);
        return new PartialOutcome(levels);
    }

    /// <summary>The partial outcome that settles every issue as <paramref name="outcome"/> does.</summary>
    public static PartialOutcome From(Outcome outcome) => new(outcome.Levels);

    /// <summary>Levels per issue, <see cref="Open"/> for open ones.</summary>
    public ReadOnlySpan<int> Levels => _levels;

    /// <summary>The number of issues (settled and open).</summary>
    public int Count => _levels.Length;

    /// <summary>The level of issue <paramref name="issue"/>, or <see cref="Open"/>.</summary>
    public int this[int issue] => _levels[issue];

    /// <summary>Whether issue <paramref name="issue"/> is settled.</summary>
    public bool IsSettled(int issue) => _levels[issue] != Open;

    /// <summary>The number of settled issues.</summary>
    public int SettledCount
    {
        get
        {
            var n = 0;
            foreach (var l in _levels)
            {
                if (l != Open)
                {
                    n++;
                }
            }

            return n;
        }
    }

    /// <summary>Whether every issue is settled.</summary>
    public bool IsComplete => SettledCount == _levels.Length;

    /// <summary>A copy with issue <paramref name="issue"/> settled at <paramref name="level"/>.</summary>
    public PartialOutcome Settle(int issue, int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        var copy = (int[])_levels.Clone();
        copy[issue] = level;
        return new PartialOutcome(copy);
    }

    /// <summary>A copy with issue <paramref name="issue"/> open again.</summary>
    public PartialOutcome Reopen(int issue)
    {
        var copy = (int[])_levels.Clone();
        copy[issue] = Open;
        return new PartialOutcome(copy);
    }

    /// <summary>The complete outcome: settled issues as here, open ones taken from <paramref name="filler"/>.</summary>
    public Outcome CompleteWith(Outcome filler)
    {
        var levels = new int[_levels.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = _levels[i] == Open ? filler[i] : _levels[i];
        }

        return Outcome.Own(levels);
    }

    /// <summary>The complete outcome, if every issue is settled.</summary>
    public bool TryComplete([NotNullWhen(true)] out Outcome? outcome)
    {
        outcome = IsComplete ? new Outcome(_levels) : null;
        return IsComplete;
    }

    /// <summary>Whether <paramref name="outcome"/> agrees with every settled issue.</summary>
    public bool IsExtendedBy(ReadOnlySpan<int> outcome)
    {
        for (var i = 0; i < _levels.Length; i++)
        {
            if (_levels[i] != Open && _levels[i] != outcome[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public bool Equals(PartialOutcome? other) => other is not null && _levels.AsSpan().SequenceEqual(other._levels);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as PartialOutcome);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var l in _levels)
        {
            hash.Add(l);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public override string ToString() => "[" + string.Join(", ", _levels.Select(l => l == Open ? "_" : l.ToString(System.Globalization.CultureInfo.InvariantCulture))) + "]";
}
