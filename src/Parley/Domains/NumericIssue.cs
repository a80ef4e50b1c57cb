namespace Parley.Domains;

/// <summary>An issue whose levels are numbers between <see cref="Min"/> and <see cref="Max"/>.</summary>
public abstract class NumericIssue : Issue
{
    private protected NumericIssue(string name, double min, double max, string? description, string? clauseTemplate)
        : base(name, description)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max))
        {
            throw new ArgumentException($"Issue '{name}' needs finite bounds.");
        }

        if (max < min)
        {
            throw new ArgumentException($"Issue '{name}' has its upper bound {max} below its lower bound {min}.");
        }

        Min = min;
        Max = max;
        ClauseTemplate = clauseTemplate;
    }

    /// <summary>The lowest value.</summary>
    public double Min { get; }

    /// <summary>The highest value.</summary>
    public double Max { get; }

    /// <summary>
    /// Clause text for negotiating texts, with <c>{value}</c> standing for the chosen number, if any.
    /// </summary>
    public string? ClauseTemplate { get; }

    /// <summary>The number at level <paramref name="level"/>.</summary>
    public abstract double ValueAt(int level);

    /// <summary>The level whose value is nearest to <paramref name="value"/> (a tie goes to the level further from the lower bound).</summary>
    public abstract int NearestLevel(double value);
}
