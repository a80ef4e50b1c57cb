using Parley.Domains;

namespace Parley.Mediation;

/// <summary>
/// The single negotiating text a mediator holds: one clause (level) or "open" per issue, a
/// version number and the status of every article.
/// </summary>
/// <remarks>
/// Immutable: every revision is a new text whose <see cref="Version"/> is one more than its
/// predecessor's (Fisher's one-text procedure: the mediator revises one document rather than
/// exchanging offers). Invariant: an <see cref="ArticleStatus.Open"/> article has the level
/// <see cref="PartialOutcome.Open"/>, and every other article has a level.
/// </remarks>
public sealed class NegotiatingText
{
    private readonly ArticleStatus[] _statuses;

    /// <summary>Creates a text.</summary>
    /// <exception cref="ArgumentException">Counts do not match the domain, or a status contradicts its level.</exception>
    public NegotiatingText(Domain domain, PartialOutcome draft, IReadOnlyList<ArticleStatus> statuses, int version = 1, string? note = null)
    {
        if (draft.Count != domain.IssueCount || statuses.Count != domain.IssueCount)
        {
            throw new ArgumentException($"Domain '{domain.Name}' has {domain.IssueCount} issues; the text has {draft.Count} levels and {statuses.Count} statuses.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(version);
        _statuses = new ArticleStatus[statuses.Count];
        for (var i = 0; i < _statuses.Length; i++)
        {
            _statuses[i] = statuses[i];
            if ((statuses[i] == ArticleStatus.Open) != (draft[i] == PartialOutcome.Open))
            {
                throw new ArgumentException($"Article '{domain.Issues[i].Name}' is {statuses[i]} but its level is {draft[i]}.");
            }

            if (draft[i] >= domain.Issues[i].Cardinality)
            {
                throw new ArgumentException($"Article '{domain.Issues[i].Name}' has level {draft[i]}, beyond the issue's {domain.Issues[i].Cardinality} levels.");
            }
        }

        Domain = domain;
        Draft = draft;
        Version = version;
        Note = note;
    }

    /// <summary>The domain whose issues are the text's articles.</summary>
    public Domain Domain { get; }

    /// <summary>The clause chosen for each article, <see cref="PartialOutcome.Open"/> where none is.</summary>
    public PartialOutcome Draft { get; }

    /// <summary>The revision number: 1 for the first text, one more for each revision.</summary>
    public int Version { get; }

    /// <summary>The status of each article, in issue order.</summary>
    public IReadOnlyList<ArticleStatus> Statuses => _statuses;

    /// <summary>What the mediator changed and why, in a sentence (for documents), if anything.</summary>
    public string? Note { get; }

    /// <summary>The number of agreed articles.</summary>
    public int AgreedCount => _statuses.Count(s => s == ArticleStatus.Agreed);

    /// <summary>Whether every article is agreed.</summary>
    public bool IsFullyAgreed => AgreedCount == _statuses.Length;

    /// <summary>A text with every article open (version 0: nothing on the table yet).</summary>
    public static NegotiatingText Blank(Domain domain) =>
        new(domain, PartialOutcome.AllOpen(domain.IssueCount), Enumerable.Repeat(ArticleStatus.Open, domain.IssueCount).ToArray(), 0);

    /// <summary>Whether article <paramref name="issue"/> is agreed.</summary>
    public bool IsAgreed(int issue) => _statuses[issue] == ArticleStatus.Agreed;

    /// <summary>The next revision: another draft and statuses, version + 1.</summary>
    public NegotiatingText Revise(PartialOutcome draft, IReadOnlyList<ArticleStatus> statuses, string? note = null) =>
        new(Domain, draft, statuses, Version + 1, note);

    /// <summary>The articles whose clause or status differ from <paramref name="previous"/>.</summary>
    public IReadOnlyList<int> ChangedFrom(NegotiatingText? previous)
    {
        var changed = new List<int>();
        for (var i = 0; i < _statuses.Length; i++)
        {
            if (previous is null || previous.Draft[i] != Draft[i] || previous._statuses[i] != _statuses[i])
            {
                changed.Add(i);
            }
        }

        return changed;
    }

    /// <summary>The agreed articles only, every other article open.</summary>
    public PartialOutcome AgreedPart()
    {
        var levels = new int[_statuses.Length];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = _statuses[i] == ArticleStatus.Agreed ? Draft[i] : PartialOutcome.Open;
        }

        return new PartialOutcome(levels);
    }

    /// <inheritdoc />
    public override string ToString() => $"v{Version} {Draft} ({AgreedCount}/{_statuses.Length} agreed)";
}
