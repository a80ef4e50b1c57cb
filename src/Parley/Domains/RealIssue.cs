using System.Globalization;

namespace Parley.Domains;

/// <summary>
/// An issue whose value is a real number in <c>[Min, Max]</c>, discretised into
/// <see cref="Issue.Cardinality"/> evenly spaced levels (both bounds included).
/// </summary>
/// <remarks>
/// Outcomes, analysis and agents work on the levels: level k is <c>Min + k·(Max − Min)/(Levels − 1)</c>.
/// The default of <see cref="DefaultLevels"/> levels follows GENIUS, which discretises a real
/// issue for bid iteration. Where a value function is linear the extremes (and so the Pareto
/// frontier's ends) are exact; docs/formats.md states the rule.
/// </remarks>
public sealed class RealIssue : NumericIssue
{
    /// <summary>The number of levels a real issue gets when a file does not say.</summary>
    public const int DefaultLevels = 11;

    private readonly int _levels;

    /// <summary>Creates a real issue.</summary>
    public RealIssue(string name, double min, double max, int levels = DefaultLevels, string? description = null, string? clauseTemplate = null)
        : base(name, min, max, description, clauseTemplate)
    {
        if (levels < 2 && max > min)
        {
            throw new ArgumentException($"Issue '{name}' needs at least 2 levels, not {levels}.", nameof(levels));
        }

        _levels = max > min ? levels : 1;
    }

    /// <inheritdoc />
    public override int Cardinality => _levels;

    /// <inheritdoc />
    public override IssueKind Kind => IssueKind.Real;

    /// <inheritdoc />
    public override double ValueAt(int level)
    {
        CheckLevel(level);
        return _levels == 1 ? Min : level == _levels - 1 ? Max : Min + (level * (Max - Min) / (_levels - 1));
    }

    /// <inheritdoc />
    public override int NearestLevel(double value)
    {
        if (_levels == 1)
        {
            return 0;
        }

        var k = Math.Round((value - Min) / (Max - Min) * (_levels - 1), MidpointRounding.AwayFromZero);
        return (int)Math.Clamp(k, 0, _levels - 1);
    }

    /// <inheritdoc />
    public override string FormatLevel(int level) => ValueAt(level).ToString("R", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override bool TryParseLevel(string text, out int level)
    {
        level = -1;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !(v >= Min && v <= Max))
        {
            return false;
        }

        var k = NearestLevel(v);
        var tolerance = _levels == 1 ? 1e-9 : (Max - Min) / (_levels - 1) * 1e-6;
        if (Math.Abs(ValueAt(k) - v) > tolerance)
        {
            return false;
        }

        level = k;
        return true;
    }
}
