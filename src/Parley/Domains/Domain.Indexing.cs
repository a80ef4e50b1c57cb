using System.Numerics;

namespace Parley.Domains;

/// <summary>Mixed-radix indexing and enumeration of the outcome space.</summary>
/// <remarks>
/// Index order: the last issue varies fastest (an odometer). Outcome index
/// <c>Σ_i level_i · Π_{j&gt;i} cardinality_j</c>; index 0 is every issue at level 0.
/// </remarks>
public sealed partial class Domain
{
    /// <summary>The index of <paramref name="levels"/> in the outcome space.</summary>
    public BigInteger IndexOf(ReadOnlySpan<int> levels)
    {
        CheckOutcome(levels);
        BigInteger index = BigInteger.Zero;
        for (var i = 0; i < levels.Length; i++)
        {
            index = (index * _radix[i]) + levels[i];
        }

        return index;
    }

    /// <summary>The index of <paramref name="levels"/>, for spaces that fit a <see cref="long"/>.</summary>
    /// <exception cref="OverflowException">The space has more than <see cref="long.MaxValue"/> outcomes.</exception>
    public long LongIndexOf(ReadOnlySpan<int> levels)
    {
        CheckOutcome(levels);
        if (LongOutcomeCount < 0)
        {
            throw new OverflowException($"Domain '{Name}' has {OutcomeCount} outcomes: use the BigInteger index.");
        }

        long index = 0;
        for (var i = 0; i < levels.Length; i++)
        {
            index = (index * _radix[i]) + levels[i];
        }

        return index;
    }

    /// <summary>The outcome at <paramref name="index"/>.</summary>
    public Outcome OutcomeAt(BigInteger index)
    {
        if (index.Sign < 0 || index >= OutcomeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Domain '{Name}' has {OutcomeCount} outcomes.");
        }

        var levels = new int[_radix.Length];
        for (var i = _radix.Length - 1; i >= 0; i--)
        {
            index = BigInteger.DivRem(index, _radix[i], out var rem);
            levels[i] = (int)rem;
        }

        return Outcome.Own(levels);
    }

    /// <summary>Writes the levels of outcome <paramref name="index"/> into <paramref name="levels"/> (no allocation).</summary>
    public void Decode(long index, Span<int> levels)
    {
        if (LongOutcomeCount < 0 || index < 0 || index >= LongOutcomeCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Domain '{Name}' has {OutcomeCount} outcomes.");
        }

        for (var i = _radix.Length - 1; i >= 0; i--)
        {
            (index, var rem) = Math.DivRem(index, _radix[i]);
            levels[i] = (int)rem;
        }
    }

    /// <summary>
    /// Moves <paramref name="levels"/> to the next outcome in index order (no allocation).
    /// Returns false, leaving every level at 0, after the last outcome.
    /// </summary>
    public bool Advance(Span<int> levels)
    {
        for (var i = _radix.Length - 1; i >= 0; i--)
        {
            if (++levels[i] < _radix[i])
            {
                return true;
            }

            levels[i] = 0;
        }

        return false;
    }

    /// <summary>
    /// Moves the levels of <paramref name="issues"/> only (an odometer over those issues, the last one
    /// fastest; the other levels stay). Returns false, leaving those levels at 0, after the last combination.
    /// </summary>
    public bool Advance(Span<int> levels, ReadOnlySpan<int> issues)
    {
        for (var k = issues.Length - 1; k >= 0; k--)
        {
            var i = issues[k];
            if (++levels[i] < _radix[i])
            {
                return true;
            }

            levels[i] = 0;
        }

        return false;
    }

    /// <summary>Every outcome in index order. Lazy: nothing is materialised; one outcome is allocated per step.</summary>
    public IEnumerable<Outcome> EnumerateOutcomes()
    {
        var levels = new int[_radix.Length];
        do
        {
            yield return new Outcome(levels);
        }
        while (Advance(levels));
    }

    private void CheckOutcome(ReadOnlySpan<int> levels)
    {
        if (!IsValid(levels))
        {
            throw new ArgumentException($"Not an outcome of domain '{Name}'.", nameof(levels));
        }
    }
}
