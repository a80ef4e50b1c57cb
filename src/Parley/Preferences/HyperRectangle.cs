namespace Parley.Preferences;

/// <summary>
/// A weighted constraint over a set of issues: an axis-aligned box of the outcome space that is worth
/// <see cref="Value"/> to an outcome inside it (an inclusive rectangle) or outside it (an exclusive one).
/// </summary>
/// <remarks>
/// The constraint kind of GENIUS's nonlinear utility spaces (ANAC 2014): its <c>INCLUDES</c> rectangle
/// adds its utility when every bound holds, its <c>EXCLUDES</c> rectangle when at least one bound fails,
/// and a rectangle without bounds holds everywhere. GeniusWeb's <c>SumOfGroupsUtilitySpace</c> and
/// NegMAS's hyper-rectangle utility functions are expressed with the same constraint.
/// </remarks>
public sealed class HyperRectangle
{
    private readonly IssueRange[] _ranges;

    /// <summary>Creates a rectangle.</summary>
    /// <param name="ranges">The box's sides; several ranges on one issue must all hold; none means the whole space.</param>
    /// <param name="value">What the constraint is worth when it holds (any finite number).</param>
    /// <param name="isExclusive">True when it is worth <paramref name="value"/> outside the box rather than inside.</param>
    /// <exception cref="ArgumentException">A range is empty or negative, or the value is not finite.</exception>
    public HyperRectangle(IEnumerable<IssueRange> ranges, double value, bool isExclusive = false)
    {
        _ranges = ranges.ToArray();
        foreach (var r in _ranges)
        {
            if (r.Issue < 0 || r.MinLevel < 0 || r.MaxLevel < r.MinLevel)
            {
                throw new ArgumentException($"The range {r} is empty or negative.", nameof(ranges));
            }
        }

        if (!double.IsFinite(value))
        {
            throw new ArgumentException("A constraint's value must be a finite number.", nameof(value));
        }

        if (isExclusive && _ranges.Length == 0)
        {
            throw new ArgumentException("An exclusive rectangle needs at least one range (with none it could never hold).", nameof(ranges));
        }

        Value = value;
        IsExclusive = isExclusive;
    }

    /// <summary>The sides of the box.</summary>
    public IReadOnlyList<IssueRange> Ranges => _ranges;

    /// <summary>What the constraint adds to the raw utility when it holds.</summary>
    public double Value { get; }

    /// <summary>Whether the constraint holds outside the box (GENIUS <c>EXCLUDES</c>) rather than inside it.</summary>
    public bool IsExclusive { get; }

    /// <summary>The number of distinct issues the constraint reads.</summary>
    public int IssueCount => _ranges.Select(r => r.Issue).Distinct().Count();

    /// <summary>Whether the outcome is inside the box.</summary>
    public bool Contains(ReadOnlySpan<int> outcome)
    {
        foreach (var r in _ranges)
        {
            if (!r.Contains(outcome[r.Issue]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the constraint holds for the outcome (inside the box, or outside an exclusive one).</summary>
    public bool Holds(ReadOnlySpan<int> outcome) => Contains(outcome) != IsExclusive;

    /// <summary>What the constraint contributes to the outcome's raw utility.</summary>
    public double Evaluate(ReadOnlySpan<int> outcome) => Holds(outcome) ? Value : 0;
}
