using Parley.Domains;

namespace Parley.Preferences;

/// <summary>
/// A combination the party will never accept: crossed when every condition holds at once. For
/// example "demilitarisation beyond 1974 AND no binding withdrawal timeline".
/// </summary>
/// <param name="Conditions">The conditions, all of which must hold for the line to be crossed.</param>
/// <param name="Reason">Why, in the party's words.</param>
public sealed record ForbiddenCombination(IReadOnlyList<RedLineCondition> Conditions, string? Reason = null) : RedLine(Reason)
{
    /// <inheritdoc />
    public override bool IsCrossedBy(Domain domain, ReadOnlySpan<int> outcome)
    {
        foreach (var c in Conditions)
        {
            var level = outcome[c.Issue];
            var hit = false;
            foreach (var l in c.Levels)
            {
                if (l == level)
                {
                    hit = true;
                    break;
                }
            }

            if (!hit)
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override string Describe(Domain domain) =>
        "never " + string.Join(" together with ", Conditions.Select(c =>
        {
            var issue = domain.Issues[c.Issue];
            var options = c.Levels.Select(issue.FormatLevel).ToArray();
            return options.Length == 1 ? $"{issue.Name} = {options[0]}" : $"{issue.Name} in {{{string.Join(", ", options)}}}";
        }));

    /// <inheritdoc />
    public override void CheckCompatible(Domain domain)
    {
        if (Conditions.Count == 0)
        {
            throw new ArgumentException("A forbidden combination needs at least one condition.");
        }

        foreach (var c in Conditions)
        {
            CheckIssue(domain, c.Issue);
            if (c.Levels.Count == 0)
            {
                throw new ArgumentException($"A forbidden combination's condition on '{domain.Issues[c.Issue].Name}' lists no levels.");
            }

            foreach (var l in c.Levels)
            {
                CheckLevel(domain, c.Issue, l);
            }
        }
    }
}
