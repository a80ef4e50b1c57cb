using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Mediation;

/// <summary>
/// What a mediator knows when it drafts the next text: the domain, the declared red lines, the
/// current text, the clock, which articles it may change, and (only for a trusted mediator) the
/// profiles the parties confided to it.
/// </summary>
/// <remarks>Created and updated by the protocol; a mediator reads it and keeps its own memory.</remarks>
public sealed class MediatorView
{
    private readonly HashSet<Outcome> _tried = [];
    private readonly bool[] _mutable;

    /// <summary>Creates a view.</summary>
    public MediatorView(Domain domain, RedLineGuard guard, Random random, IReadOnlyList<Profile>? confidedProfiles, int maxRounds)
    {
        Domain = domain;
        Guard = guard;
        Random = random;
        ConfidedProfiles = confidedProfiles;
        MaxRounds = maxRounds;
        _mutable = new bool[domain.IssueCount];
        Array.Fill(_mutable, true);
        Settled = PartialOutcome.AllOpen(domain.IssueCount);
    }

    /// <summary>The domain.</summary>
    public Domain Domain { get; }

    /// <summary>Every party's declared red lines.</summary>
    public RedLineGuard Guard { get; }

    /// <summary>The mediator's own seeded random source.</summary>
    public Random Random { get; }

    /// <summary>The parties' profiles, in party order, when they confided them (trusted mediation); otherwise null.</summary>
    public IReadOnlyList<Profile>? ConfidedProfiles { get; }

    /// <summary>
    /// The scenario compiled against its status quo (<see cref="SingleTextSettings.StatusQuoModel"/>),
    /// confided with the profiles: only a trusted mediator sees it, and only when the scenario has a status quo.
    /// </summary>
    public TwoLevelModel? ConfidedModel { get; init; }

    /// <summary>The round limit.</summary>
    public int MaxRounds { get; }

    /// <summary>The current round, from 0.</summary>
    public int Round { get; internal set; }

    /// <summary>Normalised time in [0, 1]: the larger of rounds used and wall time used, each over its limit.</summary>
    public double Time { get; internal set; }

    /// <summary>The current text (the last one the parties accepted), once there is one.</summary>
    public Outcome? Incumbent { get; private set; }

    /// <summary>Counts changes of the current text or of the changeable articles, so strategies know when to rebuild their memory.</summary>
    public int Epoch { get; private set; }

    /// <summary>The one article on the table in issue-by-issue mode, or null when the whole text is.</summary>
    public int? AgendaIssue { get; private set; }

    /// <summary>Articles that are settled for good (issue-by-issue mode) and must not change.</summary>
    public PartialOutcome Settled { get; private set; }

    /// <summary>Whether the mediator may change article <paramref name="issue"/> in its next text.</summary>
    public bool IsMutable(int issue) => _mutable[issue];

    /// <summary>Whether <paramref name="candidate"/> was already put to the parties since the current text was adopted.</summary>
    public bool WasTried(Outcome candidate) => _tried.Contains(candidate);

    /// <summary>The number of distinct texts tried since the current text was adopted.</summary>
    public int TriedCount => _tried.Count;

    internal void MarkTried(Outcome candidate) => _tried.Add(candidate);

    internal void Adopt(Outcome text)
    {
        Incumbent = text;
        Epoch++;
        _tried.Clear();
        _tried.Add(text);
    }

    internal void Restrict(PartialOutcome settled, int? onlyIssue)
    {
        Settled = settled;
        AgendaIssue = onlyIssue;
        Epoch++;
        for (var i = 0; i < _mutable.Length; i++)
        {
            _mutable[i] = settled[i] == PartialOutcome.Open && (onlyIssue is null || onlyIssue == i);
        }

        _tried.Clear();
    }
}
