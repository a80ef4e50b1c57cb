using Parley.Domains;
using Parley.Preferences;

namespace Parley.Scenarios;

/// <summary>
/// A clause that may stand only together with another: options <see cref="Levels"/> of
/// <see cref="Issue"/> only if <see cref="RequiredIssue"/> takes one of <see cref="RequiredLevels"/>
/// (for example "withdrawal from the buffer zone only with a new demilitarised zone").
/// </summary>
/// <param name="Issue">The issue of the contingent clause.</param>
/// <param name="Levels">The options that are contingent.</param>
/// <param name="RequiredIssue">The issue they depend on; never <paramref name="Issue"/> itself.</param>
/// <param name="RequiredLevels">The options of <paramref name="RequiredIssue"/> that satisfy the condition.</param>
/// <param name="Reason">Why, with its source.</param>
public sealed record ContingentClause(int Issue, IReadOnlyList<int> Levels, int RequiredIssue, IReadOnlyList<int> RequiredLevels, string? Reason = null)
{
    /// <summary>The same rule as a forbidden combination: the contingent options together with any option that does not satisfy the condition.</summary>
    /// <exception cref="ArgumentException">The clause refers to its own issue, or every option of the required issue satisfies it (nothing to forbid).</exception>
    public ForbiddenCombination ToCombination(Domain domain)
    {
        if (Issue == RequiredIssue)
        {
            throw new ArgumentException($"A contingent clause on '{domain.Issues[Issue].Name}' cannot depend on its own issue.");
        }

        var others = new List<int>();
        for (var l = 0; l < domain.Issues[RequiredIssue].Cardinality; l++)
        {
            if (!RequiredLevels.Contains(l))
            {
                others.Add(l);
            }
        }

        return new ForbiddenCombination([new RedLineCondition(Issue, Levels), new RedLineCondition(RequiredIssue, others)], Reason);
    }
}
