using System.Diagnostics.CodeAnalysis;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Mediation;

/// <summary>
/// The red lines every party has declared to the mediator, checked together: a mediator never
/// puts a text on the table that crosses one of them.
/// </summary>
/// <remarks>
/// Red lines are positions a party states ("nonnegotiable"), so even a mediator that does not
/// know the parties' utilities knows them. Checks cost O(parties · (issues + clauses)), no allocation.
/// </remarks>
public sealed class RedLineGuard
{
    private readonly RedLineSet[] _sets;

    /// <summary>Collects the red lines of <paramref name="profiles"/>.</summary>
    public RedLineGuard(Domain domain, IEnumerable<Profile> profiles)
    {
        Domain = domain;
        _sets = profiles.Select(p => p.RedLines).ToArray();
    }

    /// <summary>The domain.</summary>
    public Domain Domain { get; }

    /// <summary>Whether a complete text crosses any party's red line.</summary>
    public bool IsCrossed(ReadOnlySpan<int> outcome)
    {
        foreach (var s in _sets)
        {
            if (s.IsCrossed(outcome))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the settled articles of a partial text already cross any party's red line.</summary>
    public bool IsCrossed(PartialOutcome draft)
    {
        foreach (var s in _sets)
        {
            if (s.IsCrossed(draft))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether no party rules out level <paramref name="level"/> of issue <paramref name="issue"/> on its own.</summary>
    public bool IsLevelAllowed(int issue, int level)
    {
        foreach (var s in _sets)
        {
            if (!s.IsLevelAllowed(issue, level))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A complete text that keeps the settled articles of <paramref name="fixedPart"/> and crosses
    /// no red line, found by depth-first search in random level order (pruned on partial texts).
    /// </summary>
    /// <returns>False when none exists (or none is found within <paramref name="nodeBudget"/> search nodes).</returns>
    public bool TryComplete(PartialOutcome fixedPart, Random random, [NotNullWhen(true)] out Outcome? outcome, int nodeBudget = 200_000)
    {
        var n = Domain.IssueCount;
        var orders = new int[n][];
        for (var i = 0; i < n; i++)
        {
            if (fixedPart[i] != PartialOutcome.Open)
            {
                orders[i] = [fixedPart[i]];
                continue;
            }

            var levels = new List<int>();
            for (var l = 0; l < Domain.Issues[i].Cardinality; l++)
            {
                if (IsLevelAllowed(i, l))
                {
                    levels.Add(l);
                }
            }

            var arr = levels.ToArray();
            random.Shuffle(arr);
            orders[i] = arr;
        }

        var current = fixedPart;
        var budget = nodeBudget;
        var found = Search(0);
        outcome = found && current.TryComplete(out var o) ? o : null;
        return found;

        bool Search(int issue)
        {
            if (issue == n)
            {
                return true;
            }

            foreach (var l in orders[issue])
            {
                if (--budget < 0)
                {
                    return false;
                }

                var saved = current;
                current = current.Settle(issue, l);
                if (!IsCrossed(current) && Search(issue + 1))
                {
                    return true;
                }

                current = saved;
            }

            return false;
        }
    }
}
