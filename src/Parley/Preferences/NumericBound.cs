using System.Globalization;
using Parley.Domains;

namespace Parley.Preferences;

/// <summary>A numeric issue must stay within [<see cref="Min"/>, <see cref="Max"/>] (either may be absent).</summary>
/// <param name="Issue">The index of an integer or real issue.</param>
/// <param name="Min">The smallest acceptable value, if bounded below.</param>
/// <param name="Max">The largest acceptable value, if bounded above.</param>
/// <param name="Reason">Why, in the party's words.</param>
public sealed record NumericBound(int Issue, double? Min, double? Max, string? Reason = null) : RedLine(Reason)
{
    /// <inheritdoc />
    public override bool IsCrossedBy(Domain domain, ReadOnlySpan<int> outcome)
    {
        var x = ((NumericIssue)domain.Issues[Issue]).ValueAt(outcome[Issue]);
        return x < Min || x > Max;
    }

    /// <inheritdoc />
    public override string Describe(Domain domain)
    {
        var name = domain.Issues[Issue].Name;
        var inv = CultureInfo.InvariantCulture;
        return (Min, Max) switch
        {
            ({ } lo, { } hi) => string.Create(inv, $"{name} between {lo} and {hi}"),
            ({ } lo, null) => string.Create(inv, $"{name} at least {lo}"),
            (null, { } hi) => string.Create(inv, $"{name} at most {hi}"),
            _ => $"{name} unbounded",
        };
    }

    /// <inheritdoc />
    public override void CheckCompatible(Domain domain)
    {
        CheckIssue(domain, Issue);
        if (domain.Issues[Issue] is not NumericIssue)
        {
            throw new ArgumentException($"A numeric bound names issue '{domain.Issues[Issue].Name}', which is not numeric.");
        }

        if (Min is { } lo && Max is { } hi && lo > hi)
        {
            throw new ArgumentException($"A numeric bound on '{domain.Issues[Issue].Name}' has min {lo} above max {hi}.");
        }
    }
}
