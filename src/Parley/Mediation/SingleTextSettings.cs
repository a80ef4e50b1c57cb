using Parley.Analysis.TwoLevel;

namespace Parley.Mediation;

/// <summary>The rules of one <see cref="SingleTextNegotiation"/>, besides its setup (parties, profiles, deadline, clock).</summary>
public sealed record SingleTextSettings
{
    /// <summary>How parties answer a whole text (votes, feedback, veto). Default: votes.</summary>
    public MediatedProtocol Protocol { get; init; } = MediatedProtocol.Votes;

    /// <summary>
    /// Issue-by-issue mode: the issues' indexes in the order they are taken up (an issue missing from
    /// the list comes after, in domain order). Null: the whole text is negotiated at once.
    /// </summary>
    public IReadOnlyList<int>? Agenda { get; init; }

    /// <summary>Whether the parties confided their profiles to the mediator: it may then propose a cross-issue package after the agenda, and post-settlement improvements after a deal.</summary>
    public bool Trusted { get; init; }

    /// <summary>Post-settlement improvements after a deal, even with an untrusted mediator (the parties confide their profiles for that step only). Always on for a trusted mediator.</summary>
    public bool PostSettlement { get; init; }

    /// <summary>The mediator's name in the notes of the text ("Opening text by the … mediator."): its strategy's name for an automated mediator.</summary>
    public string MediatorLabel { get; init; } = "human";

    /// <summary>
    /// How long a round of ballots (or signatures) stays open, measured on the session's clock from
    /// the moment the text is put to the parties; null for no limit. A party that has not answered
    /// when it runs out counts as objecting. Meant for people: the mediator's round deadline.
    /// </summary>
    public TimeSpan? RoundTime { get; init; }

    /// <summary>
    /// Whether the mediator may close a round of ballots (or signatures) before every party has
    /// answered, by passing (<see cref="Agents.ActionKind.Pass"/>): the missing answers then count as
    /// objections, as when <see cref="RoundTime"/> runs out. Meant for a host whose mediator is a person
    /// who sets each round's deadline (the mediation server). Default: false.
    /// </summary>
    public bool MediatorClosesBallots { get; init; }

    /// <summary>
    /// The scenario compiled against its status quo (<see cref="StatusQuoArticleAcceptance.ModelFor"/>),
    /// when it has one: an article is then judged against the status quo (<see cref="StatusQuoArticleAcceptance"/>)
    /// by the text's provisional statuses and by the voters, instead of by its clause value against the
    /// whole-deal reservation value (<see cref="ArticleAcceptance"/>). Null: the latter, as without a status quo.
    /// </summary>
    public TwoLevelModel? StatusQuoModel { get; init; }
}
