using Parley.Domains;

namespace Parley.Preferences;

/// <summary>
/// How much a party values each level of one issue, on a scale where 1 is the issue at its best
/// and 0 at its worst (before the issue's weight is applied).
/// </summary>
public abstract class ValueFunction
{
    private protected ValueFunction()
    {
    }

    /// <summary>The value of level <paramref name="level"/> of <paramref name="issue"/>.</summary>
    public abstract double EvaluateLevel(Issue issue, int level);

    /// <summary>Throws <see cref="ArgumentException"/> when this function cannot evaluate <paramref name="issue"/>.</summary>
    public abstract void CheckCompatible(Issue issue);
}
