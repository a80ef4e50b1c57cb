using Parley.Domains;

namespace Parley.Preferences;

/// <summary>A value per option of a categorical issue (or per level of any issue).</summary>
/// <remarks>
/// Values are the utilities of the options before weighting, normally in [0, 1]. Readers of
/// GENIUS files store the GENIUS rule's result here (evaluation ÷ the issue's largest evaluation).
/// </remarks>
public sealed class TableValueFunction : ValueFunction
{
    private readonly double[] _values;

    /// <summary>Creates a table, one value per level.</summary>
    public TableValueFunction(IEnumerable<double> values)
    {
        _values = values.ToArray();
        foreach (var v in _values)
        {
            if (!double.IsFinite(v))
            {
                throw new ArgumentException("A value function's values must be finite numbers.", nameof(values));
            }
        }
    }

    /// <summary>The value of each level.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <inheritdoc />
    public override double EvaluateLevel(Issue issue, int level) => _values[level];

    /// <inheritdoc />
    public override void CheckCompatible(Issue issue)
    {
        if (_values.Length != issue.Cardinality)
        {
            throw new ArgumentException($"Issue '{issue.Name}' has {issue.Cardinality} levels but its value table has {_values.Length}.");
        }
    }
}
