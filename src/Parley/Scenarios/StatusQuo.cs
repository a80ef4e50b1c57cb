using Parley.Domains;

namespace Parley.Scenarios;

/// <summary>
/// What holds on each issue if nothing is agreed ("today's situation"): per issue, one of its
/// options or a "no clause" state that is none of them, each with the note and sources that date it.
/// </summary>
/// <remarks>
/// The status quo is everyone's fallback (Raiffa): with a status quo, a party's disagreement value is
/// its utility of the status quo unless the scenario gives a reservation value explicitly (and
/// justifies it in an assumption). A partial agreement is valued as the status quo with the agreed
/// articles replaced (<see cref="Apply(PartialOutcome)"/>).
/// </remarks>
public sealed class StatusQuo
{
    /// <summary>The level of an issue whose status quo is the "no clause" state rather than one of its options.</summary>
    public const int NoClause = -1;

    private readonly StatusQuoEntry[] _entries;
    private readonly int[] _levels;

    /// <summary>Creates a status quo with one entry per issue of <paramref name="domain"/>, in issue order.</summary>
    /// <exception cref="ArgumentException">The entries do not cover every issue once, in order, or a level is out of range.</exception>
    public StatusQuo(Domain domain, IEnumerable<StatusQuoEntry> entries, string? date = null)
    {
        Domain = domain;
        Date = date;
        _entries = entries.ToArray();
        if (_entries.Length != domain.IssueCount)
        {
            throw new ArgumentException($"A status quo needs one entry per issue: {domain.IssueCount} issues, {_entries.Length} entries.");
        }

        _levels = new int[_entries.Length];
        for (var i = 0; i < _entries.Length; i++)
        {
            var e = _entries[i];
            if (e.Issue != i)
            {
                throw new ArgumentException($"Status quo entry {i} is about issue {e.Issue}; entries must follow issue order.");
            }

            if (e.Level != NoClause && (e.Level < 0 || e.Level >= domain.Issues[i].Cardinality))
            {
                throw new ArgumentException($"Status quo level {e.Level} is out of range for issue '{domain.Issues[i].Name}'.");
            }

            _levels[i] = e.Level;
        }
    }

    /// <summary>The domain the status quo is over.</summary>
    public Domain Domain { get; }

    /// <summary>When the status quo was observed (for example "2026-01"), if given.</summary>
    public string? Date { get; }

    /// <summary>One entry per issue, in issue order.</summary>
    public IReadOnlyList<StatusQuoEntry> Entries => _entries;

    /// <summary>The status-quo level of every issue (<see cref="NoClause"/> for the "no clause" state).</summary>
    public ReadOnlySpan<int> Levels => _levels;

    /// <summary>Whether the status quo is a complete outcome (no issue in the "no clause" state).</summary>
    public bool IsOutcome => Array.IndexOf(_levels, NoClause) < 0;

    /// <summary>
    /// The status quo with the settled articles of <paramref name="agreement"/> replacing it; open
    /// articles keep today's situation (possibly <see cref="NoClause"/>).
    /// </summary>
    public int[] Apply(PartialOutcome agreement)
    {
        var result = (int[])_levels.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            if (agreement.IsSettled(i))
            {
                result[i] = agreement[i];
            }
        }

        return result;
    }

    /// <summary>Describes the status quo level of <paramref name="issue"/> ("no clause" or the option's name).</summary>
    public string Describe(int issue) =>
        _levels[issue] == NoClause ? "no clause" : Domain.Issues[issue].FormatLevel(_levels[issue]);
}
