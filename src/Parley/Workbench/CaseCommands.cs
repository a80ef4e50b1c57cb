namespace Parley.Workbench;

// The kinds of CaseCommand, kept together: each names who may submit it.

/// <summary>Mediator: invite a delegation (to <paramref name="Seat"/>), an observer or a co-mediator. The caller draws the token and passes only its hash.</summary>
/// <param name="Invitation">A fresh invitation id (not secret).</param>
/// <param name="Role">The role granted.</param>
/// <param name="Seat">The seat's name, for a delegation.</param>
/// <param name="Label">A label for people.</param>
/// <param name="TokenHash">The hash of the secret token (<see cref="InvitationTokens.Hash"/>).</param>
/// <param name="Expires">When the token stops opening the negotiation, if ever.</param>
public sealed record Invite(string Invitation, AudienceRole Role, string? Seat, string Label, string TokenHash, DateTimeOffset? Expires = null) : CaseCommand;

/// <summary>Mediator: revoke an invitation.</summary>
/// <param name="Invitation">The invitation's id.</param>
public sealed record Revoke(string Invitation) : CaseCommand;

/// <summary>Delegation: declare or adjust its own profile (see <see cref="ProfileDeclared"/>).</summary>
/// <param name="Weights">Issue name → weight, or null to keep.</param>
/// <param name="Values">Issue name → option name → value in [0, 1], or null to keep.</param>
/// <param name="Reservation">Reservation value in [0, 1], or null to keep.</param>
/// <param name="RedLines">Forbidden options, or null to keep.</param>
/// <param name="SharedWithMediator">Whether the mediator may see it.</param>
/// <param name="StatusQuoValues">Issue name → its value in [0, 1] of today's situation on that article (replacing the previous ones), or null to keep.</param>
public sealed record DeclareProfile(IReadOnlyDictionary<string, double>? Weights, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? Values, double? Reservation, IReadOnlyList<OptionChoice>? RedLines, bool SharedWithMediator, IReadOnlyDictionary<string, double>? StatusQuoValues = null) : CaseCommand;

/// <summary>Mediator: set what observers may see.</summary>
/// <param name="Access">The access flags.</param>
public sealed record SetObserverAccess(ObserverAccess Access) : CaseCommand;

/// <summary>Mediator or delegation: comment (a delegation writes to everyone or to the mediator; the mediator to everyone or one seat).</summary>
/// <param name="Text">The comment.</param>
/// <param name="To">Who may read it.</param>
/// <param name="Seat">The seat's name when <paramref name="To"/> is <see cref="CommentAudience.Seat"/>.</param>
public sealed record Comment(string Text, CommentAudience To, string? Seat = null) : CaseCommand;

/// <summary>Delegation: propose an amendment (an option for one article).</summary>
/// <param name="Issue">The issue.</param>
/// <param name="Option">The option.</param>
/// <param name="Rationale">Why.</param>
public sealed record Amend(string Issue, string Option, string Rationale) : CaseCommand;

/// <summary>Mediator: share a comment or an amendment with everyone.</summary>
/// <param name="Sequence">The sequence of the comment or amendment.</param>
public sealed record Share(long Sequence) : CaseCommand;

/// <summary>Anyone: write a private note.</summary>
/// <param name="Text">The note.</param>
public sealed record Note(string Text) : CaseCommand;

/// <summary>Mediator: propose a text and open a round of voting on it.</summary>
/// <param name="Text">Issue name → option name for every issue.</param>
/// <param name="Duration">How long the round stays open, or null for no deadline.</param>
public sealed record OpenRound(IReadOnlyDictionary<string, string> Text, TimeSpan? Duration) : CaseCommand;

/// <summary>Delegation: vote on the open round's text.</summary>
/// <param name="Yes">Accept (true) or refuse.</param>
public sealed record Vote(bool Yes) : CaseCommand;

/// <summary>Mediator: close the open round now.</summary>
public sealed record CloseRound : CaseCommand;

/// <summary>Mediator: open the adopted text for signature.</summary>
public sealed record OpenSigning : CaseCommand;

/// <summary>Delegation: sign (or decline to sign) the text.</summary>
/// <param name="Yes">Sign (true) or decline.</param>
public sealed record Sign(bool Yes) : CaseCommand;

/// <summary>Mediator: close the case without agreement.</summary>
/// <param name="Reason">Why, in words.</param>
public sealed record CloseCase(string Reason) : CaseCommand;

/// <summary>Mediator: fill a delegation's seat with a built-in agent (<see cref="SeatAgents.Names"/>), which then votes and signs for it with the seat's profile.</summary>
/// <param name="Seat">The seat's name.</param>
/// <param name="Agent">The agent's name.</param>
public sealed record FillSeat(string Seat, string Agent) : CaseCommand;
