namespace Parley.Scenarios;

/// <summary>The distribution an uncertain number is drawn from within its range.</summary>
public enum UncertaintyShape
{
    /// <summary>Uniform over the range.</summary>
    Uniform,

    /// <summary>Triangular over the range, peaking at the scenario's own value (clamped into the range).</summary>
    Triangular,
}
