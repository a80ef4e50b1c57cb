using Parley.Domains;

namespace Parley.Preferences;

/// <summary>A value function of the number an integer or real issue takes.</summary>
public abstract class NumericValueFunction : ValueFunction
{
    private protected NumericValueFunction()
    {
    }

    /// <summary>The value at the number <paramref name="x"/>.</summary>
    public abstract double Evaluate(double x);

    /// <inheritdoc />
    public override double EvaluateLevel(Issue issue, int level) => Evaluate(((NumericIssue)issue).ValueAt(level));

    /// <inheritdoc />
    public override void CheckCompatible(Issue issue)
    {
        if (issue is not NumericIssue)
        {
            throw new ArgumentException($"Issue '{issue.Name}' is categorical; a numeric value function cannot evaluate it.");
        }
    }
}
