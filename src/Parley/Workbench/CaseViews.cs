namespace Parley.Workbench;

// What one audience sees of a case (MediationCase.ViewFor): the records of the server's API.

/// <summary>A case as one audience sees it.</summary>
/// <param name="Title">The title.</param>
/// <param name="Source">Where the scenario came from.</param>
/// <param name="Version">The case's version (the last event's sequence).</param>
/// <param name="Role">The audience's role.</param>
/// <param name="Seat">The delegation's seat name (null for others).</param>
/// <param name="Status">"preparing", "round-open", "between-rounds", "signing", "agreement" or "closed".</param>
/// <param name="Issues">The issues and their options (public).</param>
/// <param name="Seats">The seats and whether each has declared a profile (public).</param>
/// <param name="Round">The current round, as this audience may see it, or null before the first.</param>
/// <param name="Text">The single negotiating text (the last adopted text), or null.</param>
/// <param name="Profiles">The profiles this audience may see: its own (a delegation), the ones the protocol lets the mediator see, or what the mediator allows observers.</param>
/// <param name="Invitations">The invitations (mediator only; never a token or its hash).</param>
/// <param name="ObserverAccess">What observers may see (mediator and observers).</param>
/// <param name="Record">The events this audience may see, redacted for it.</param>
/// <param name="Today">Today's situation, article by article (public), with a delegation's own value of it; null when the scenario states none.</param>
/// <param name="PostSettlement">The post-settlement step, once the case has a signed agreement, as this audience may see it (a delegation: only once offered, with its own gain only); null otherwise.</param>
public sealed record CaseView(
    string Title,
    string Source,
    long Version,
    AudienceRole Role,
    string? Seat,
    string Status,
    IReadOnlyList<IssueView> Issues,
    IReadOnlyList<SeatView> Seats,
    RoundView? Round,
    IReadOnlyDictionary<string, string>? Text,
    IReadOnlyList<ProfileView> Profiles,
    IReadOnlyList<InvitationView>? Invitations,
    ObserverAccess? ObserverAccess,
    IReadOnlyList<CaseRecord> Record,
    TodayView? Today = null,
    PostSettlementView? PostSettlement = null);

/// <summary>An issue and its options, with the clause each option writes into the text.</summary>
/// <param name="Name">The issue.</param>
/// <param name="Options">Its options.</param>
/// <param name="Clauses">Each option's clause, where it has one.</param>
public sealed record IssueView(string Name, IReadOnlyList<string> Options, IReadOnlyDictionary<string, string> Clauses);

/// <summary>A seat, publicly.</summary>
/// <param name="Name">The seat's name.</param>
/// <param name="Declared">Whether its delegation has declared a profile.</param>
public sealed record SeatView(string Name, bool Declared);

/// <summary>The current round as one audience sees it.</summary>
/// <param name="Number">The round, from 1.</param>
/// <param name="Open">Whether it is open for votes.</param>
/// <param name="Candidate">The text put to the delegations.</param>
/// <param name="Deadline">When it closes by itself, if it has a deadline.</param>
/// <param name="Voted">How many delegations have voted (public).</param>
/// <param name="MyBallot">The delegation's own ballot (delegations only).</param>
/// <param name="Ballots">Each seat's ballot: the mediator's view, or observers' after the round closed if allowed.</param>
/// <param name="SigningOpen">Whether the adopted text is open for signature.</param>
/// <param name="Signatures">Each seat's answer to signing (public).</param>
/// <param name="SigningText">The text open for signature, or null.</param>
/// <param name="SigningArticle">The article open for signature when the delegations sign article by article (after a refused signature); null for the whole text.</param>
/// <param name="Phase">The engine's phase ("opening", "proposing", "voting", "signing", "signing the last unanimous text", "article agreement", "ratifying", or "over").</param>
public sealed record RoundView(
    int Number,
    bool Open,
    IReadOnlyDictionary<string, string>? Candidate,
    DateTimeOffset? Deadline,
    int Voted,
    bool? MyBallot,
    IReadOnlyDictionary<string, bool?>? Ballots,
    bool SigningOpen,
    IReadOnlyDictionary<string, bool?> Signatures,
    IReadOnlyDictionary<string, string>? SigningText = null,
    string? SigningArticle = null,
    string? Phase = null);

/// <summary>A profile as its audience may see it.</summary>
/// <param name="Seat">The seat it belongs to.</param>
/// <param name="Weights">Issue → weight.</param>
/// <param name="Values">Issue → option → value.</param>
/// <param name="Reservation">The reservation value.</param>
/// <param name="RedLines">The forbidden options (single-option red lines; others are counted in <paramref name="OtherRedLines"/>).</param>
/// <param name="OtherRedLines">How many red lines are not single options.</param>
/// <param name="CandidateUtility">The utility of the current candidate text, if any.</param>
/// <param name="TextUtility">The utility of the negotiating text, if any.</param>
/// <param name="StatusQuoValues">The values the delegation gave today's situation, article by article (issue → value), if it gave any.</param>
public sealed record ProfileView(
    string Seat,
    IReadOnlyDictionary<string, double> Weights,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Values,
    double Reservation,
    IReadOnlyList<OptionChoice> RedLines,
    int OtherRedLines,
    double? CandidateUtility,
    double? TextUtility,
    IReadOnlyDictionary<string, double>? StatusQuoValues = null);

/// <summary>An invitation, as the mediator sees it (no token, no hash).</summary>
/// <param name="Id">The invitation's id.</param>
/// <param name="Role">The role it grants.</param>
/// <param name="Seat">The seat, for a delegation.</param>
/// <param name="Label">The label.</param>
/// <param name="Revoked">Whether it has been revoked.</param>
/// <param name="Expires">When it expires, if ever.</param>
public sealed record InvitationView(string Id, AudienceRole Role, string? Seat, string Label, bool Revoked, DateTimeOffset? Expires);
