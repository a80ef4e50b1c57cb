using Parley.Domains;

namespace Parley.Preferences;

/// <summary>
/// A party's red lines compiled for fast checking: single-issue lines become a per-level mask,
/// combinations a short list of (issue, level-mask) clauses.
/// </summary>
/// <remarks>
/// Checking an outcome costs O(issues + clauses) with no allocation. Analysis uses
/// <see cref="IsLevelAllowed"/> to prune levels before it builds anything, and
/// <see cref="HasCombinations"/> to know whether the acceptable set is still a product space.
/// </remarks>
public sealed class RedLineSet
{
    private readonly RedLine[] _lines;
    private readonly bool[] _allowed;      // flattened per issue, true when the level crosses no single-issue line
    private readonly int[] _offsets;        // start of each issue in _allowed
    private readonly Combination[] _combinations;

    /// <summary>Compiles <paramref name="lines"/> against <paramref name="domain"/>.</summary>
    /// <exception cref="ArgumentException">A line names an issue or level the domain lacks.</exception>
    public RedLineSet(Domain domain, IEnumerable<RedLine> lines)
    {
        Domain = domain;
        _lines = lines.ToArray();
        _offsets = new int[domain.IssueCount + 1];
        for (var i = 0; i < domain.IssueCount; i++)
        {
            _offsets[i + 1] = _offsets[i] + domain.Issues[i].Cardinality;
        }

        _allowed = new bool[_offsets[^1]];
        Array.Fill(_allowed, true);
        var combinations = new List<Combination>();
        foreach (var line in _lines)
        {
            line.CheckCompatible(domain);
            switch (line)
            {
                case ForbiddenOption f:
                    _allowed[_offsets[f.Issue] + f.Level] = false;
                    break;
                case NumericBound b:
                    var issue = (NumericIssue)domain.Issues[b.Issue];
                    for (var l = 0; l < issue.Cardinality; l++)
                    {
                        var x = issue.ValueAt(l);
                        if (x < b.Min || x > b.Max)
                        {
                            _allowed[_offsets[b.Issue] + l] = false;
                        }
                    }

                    break;
                case ForbiddenCombination c when c.Conditions.Count == 1:
                    foreach (var l in c.Conditions[0].Levels)
                    {
                        _allowed[_offsets[c.Conditions[0].Issue] + l] = false;
                    }

                    break;
                case ForbiddenCombination c:
                    combinations.Add(Combination.Compile(domain, c, _offsets));
                    break;
                default:
                    throw new ArgumentException($"Unknown kind of red line: {line.GetType().Name}.");
            }
        }

        _combinations = combinations.ToArray();
        HasSingleIssueLines = Array.IndexOf(_allowed, false) >= 0;
    }

    /// <summary>An empty set for <paramref name="domain"/>.</summary>
    public static RedLineSet None(Domain domain) => new(domain, []);

    /// <summary>The domain the lines are compiled for.</summary>
    public Domain Domain { get; }

    /// <summary>The lines as given.</summary>
    public IReadOnlyList<RedLine> Lines => _lines;

    /// <summary>Whether there are no lines at all.</summary>
    public bool IsEmpty => _lines.Length == 0;

    /// <summary>Whether some line rules out a level on its own (a forbidden option or numeric bound).</summary>
    public bool HasSingleIssueLines { get; }

    /// <summary>Whether some line is a combination of two or more issues.</summary>
    public bool HasCombinations => _combinations.Length > 0;

    /// <summary>Whether level <paramref name="level"/> of issue <paramref name="issue"/> crosses no single-issue line.</summary>
    public bool IsLevelAllowed(int issue, int level) => _allowed[_offsets[issue] + level];

    /// <summary>Whether <paramref name="outcome"/> crosses any line. O(issues + clauses), no allocation.</summary>
    public bool IsCrossed(ReadOnlySpan<int> outcome)
    {
        if (HasSingleIssueLines)
        {
            for (var i = 0; i < outcome.Length; i++)
            {
                if (!_allowed[_offsets[i] + outcome[i]])
                {
                    return true;
                }
            }
        }

        foreach (var c in _combinations)
        {
            if (c.Holds(outcome, _offsets))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="draft"/> already crosses a line through its settled issues alone, so
    /// that no way of settling the open issues can make it acceptable.
    /// </summary>
    public bool IsCrossed(PartialOutcome draft)
    {
        var levels = draft.Levels;
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] >= 0 && !_allowed[_offsets[i] + levels[i]])
            {
                return true;
            }
        }

        foreach (var c in _combinations)
        {
            if (c.HoldsForSettled(levels, _offsets))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The lines <paramref name="outcome"/> crosses, for explanations.</summary>
    public IReadOnlyList<RedLine> CrossedBy(ReadOnlySpan<int> outcome)
    {
        var list = new List<RedLine>();
        foreach (var line in _lines)
        {
            if (line.IsCrossedBy(Domain, outcome))
            {
                list.Add(line);
            }
        }

        return list;
    }

    /// <summary>
    /// Whether some outcome of the domain crosses none of the lines of <paramref name="sets"/> (all
    /// over one domain): <c>true</c> or <c>false</c> when decided, <c>null</c> when the search gave up
    /// after <paramref name="budget"/> partial outcomes.
    /// </summary>
    /// <remarks>
    /// Single-issue lines are intersected level by level (an issue left without a level decides at
    /// once); combinations are then searched depth-first over the remaining levels, pruning a partial
    /// outcome as soon as its settled issues complete a combination. Without combinations the answer
    /// is immediate, whatever the size of the outcome space.
    /// </remarks>
    public static bool? AnyOutcomeAllowed(IReadOnlyList<RedLineSet> sets, long budget = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.Count == 0)
        {
            return true;
        }

        var domain = sets[0].Domain;
        var allowed = new int[domain.IssueCount][];
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var levels = new List<int>();
            for (var l = 0; l < domain.Issues[i].Cardinality; l++)
            {
                var ok = true;
                foreach (var set in sets)
                {
                    ok &= set.IsLevelAllowed(i, l);
                }

                if (ok)
                {
                    levels.Add(l);
                }
            }

            if (levels.Count == 0)
            {
                return false;
            }

            allowed[i] = [.. levels];
        }

        if (!sets.Any(s => s.HasCombinations))
        {
            return true;
        }

        var settled = new int[domain.IssueCount];
        Array.Fill(settled, -1);
        var nodes = 0L;
        return Search(0);

        bool? Search(int issue)
        {
            if (issue == settled.Length)
            {
                return true;
            }

            var gaveUp = false;
            foreach (var level in allowed[issue])
            {
                if (++nodes > budget)
                {
                    return null;
                }

                settled[issue] = level;
                var crossed = false;
                foreach (var set in sets)
                {
                    foreach (var c in set._combinations)
                    {
                        crossed |= c.HoldsForSettled(settled, set._offsets);
                    }
                }

                if (!crossed)
                {
                    var found = Search(issue + 1);
                    if (found is null)
                    {
                        gaveUp = true;
                        break;
                    }

                    if (found.Value)
                    {
                        settled[issue] = -1;
                        return true;
                    }
                }
            }

            settled[issue] = -1;
            return gaveUp ? null : false;
        }
    }

    private sealed class Combination
    {
        private Combination(int[] issues, bool[] masks)
        {
            Issues = issues;
            Masks = masks;
        }

        public int[] Issues { get; }

        // Flattened like RedLineSet._allowed: true where the level satisfies that issue's clause.
        public bool[] Masks { get; }

        public static Combination Compile(Domain domain, ForbiddenCombination c, int[] offsets)
        {
            var masks = new bool[offsets[^1]];

            var issues = new List<int>();
            foreach (var cond in c.Conditions)
            {
                if (!issues.Contains(cond.Issue))
                {
                    issues.Add(cond.Issue);
                    foreach (var l in cond.Levels)
                    {
                        masks[offsets[cond.Issue] + l] = true;
                    }
                }
                else
                {
                    // Two clauses on one issue: both must hold, so keep the intersection.
                    for (var l = 0; l < domain.Issues[cond.Issue].Cardinality; l++)
                    {
                        masks[offsets[cond.Issue] + l] &= cond.Levels.Contains(l);
                    }
                }
            }

            return new Combination(issues.ToArray(), masks);
        }

        public bool Holds(ReadOnlySpan<int> outcome, int[] offsets)
        {
            foreach (var i in Issues)
            {
                if (!Masks[offsets[i] + outcome[i]])
                {
                    return false;
                }
            }

            return true;
        }

        public bool HoldsForSettled(ReadOnlySpan<int> levels, int[] offsets)
        {
            foreach (var i in Issues)
            {
                if (levels[i] < 0 || !Masks[offsets[i] + levels[i]])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
