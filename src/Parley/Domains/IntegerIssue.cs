using System.Globalization;

namespace Parley.Domains;

/// <summary>An issue whose levels are the integers <c>Min, Min+Step, …</c> up to <c>Max</c>.</summary>
public sealed class IntegerIssue : NumericIssue
{
    private readonly int _cardinality;

    /// <summary>Creates an integer issue.</summary>
    /// <exception cref="ArgumentException">Bounds out of order, a step below 1, or more than 2^31 - 1 levels.</exception>
    public IntegerIssue(string name, long min, long max, long step = 1, string? description = null, string? clauseTemplate = null)
        : base(name, min, max, description, clauseTemplate)
    {
        if (step < 1)
        {
            throw new ArgumentException($"Issue '{name}' needs a step of at least 1, not {step}.", nameof(step));
        }

        var count = (((Int128)max - min) / step) + 1; // Int128: max − min overflows a long for bounds of opposite sign near ±2^63
        if (count > int.MaxValue)
        {
            throw new ArgumentException($"Issue '{name}' has {count} levels; at most {int.MaxValue} are supported.");
        }

        LowerBound = min;
        UpperBound = max;
        Step = step;
        _cardinality = (int)count;
    }

    /// <summary>The lowest integer.</summary>
    public long LowerBound { get; }

    /// <summary>The highest integer (a level only when it is <c>LowerBound + k·Step</c>).</summary>
    public long UpperBound { get; }

    /// <summary>The distance between consecutive levels.</summary>
    public long Step { get; }

    /// <inheritdoc />
    public override int Cardinality => _cardinality;

    /// <inheritdoc />
    public override IssueKind Kind => IssueKind.Integer;

    /// <summary>The integer at level <paramref name="level"/>.</summary>
    public long IntegerAt(int level)
    {
        CheckLevel(level);
        return LowerBound + (level * Step);
    }

    /// <inheritdoc />
    public override double ValueAt(int level) => IntegerAt(level);

    /// <inheritdoc />
    public override int NearestLevel(double value)
    {
        var k = Math.Round((value - LowerBound) / Step, MidpointRounding.AwayFromZero);
        return (int)Math.Clamp(k, 0, _cardinality - 1);
    }

    /// <inheritdoc />
    public override string FormatLevel(int level) => IntegerAt(level).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override bool TryParseLevel(string text, out int level)
    {
        level = -1;
        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            // A whole number written as a double ("1e3"); NaN, infinities and values beyond the bounds are not levels.
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || d != Math.Floor(d) || d < LowerBound || d > UpperBound)
            {
                return false;
            }

            v = (long)d;
        }

        if (v < LowerBound || v > UpperBound || (v - LowerBound) % Step != 0)
        {
            return false;
        }

        level = (int)((v - LowerBound) / Step);
        return true;
    }
}
