using System.Text.Json.Serialization;

namespace Parley.Workbench;

// The kinds of CaseEvent, kept together (as Protocols/EventDetails.cs keeps the event details):
// each is a small immutable record, documented where it is declared.

/// <summary>The case was created (always the first event).</summary>
/// <param name="Title">The case's title.</param>
/// <param name="Source">Where the scenario came from (a built-in name, an uploaded file's name, or "scratch").</param>
/// <param name="Scenario">The scenario in Parley's JSON format (issues, options and clauses, seats and their starting profiles: the mediator's model), or null for a case made from scratch.</param>
/// <param name="Issues">A case made from scratch: its issues and options (null otherwise).</param>
/// <param name="Seats">A case made from scratch: its delegations' seats (null otherwise); they have no profile until they declare one.</param>
public sealed record CaseCreated(string Title, string Source, string? Scenario, IReadOnlyList<IssueSpec>? Issues = null, IReadOnlyList<string>? Seats = null) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "created";
}

/// <summary>An invitation (a personal link) was issued. Only the token's hash is stored, never the token.</summary>
/// <param name="Invitation">The invitation's id (not secret).</param>
/// <param name="Role">The role it grants.</param>
/// <param name="Seat">The seat of a delegation's invitation; −1 otherwise.</param>
/// <param name="Label">A label for people ("Syria, foreign minister's office").</param>
/// <param name="TokenHash">The SHA-256 of the secret token (hex); never part of any view.</param>
/// <param name="Expires">When the token stops opening the negotiation, if ever.</param>
public sealed record InvitationIssued(string Invitation, AudienceRole Role, int Seat, string Label, string TokenHash, DateTimeOffset? Expires = null) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "invited";
}

/// <summary>An invitation was revoked: its token opens nothing from now on.</summary>
/// <param name="Invitation">The invitation's id.</param>
public sealed record InvitationRevoked(string Invitation) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "revoked";
}

/// <summary>
/// A delegation declared or adjusted its profile (confidential): issue weights, reservation value
/// and red lines (forbidden options), applied to its seat's current profile.
/// </summary>
/// <param name="Seat">The delegation's seat.</param>
/// <param name="Weights">Issue name → weight (normalised when applied), or null to keep the weights.</param>
/// <param name="Values">Issue name → option name → value in [0, 1] (replacing that issue's values), or null to keep them; required for every issue when the seat has no profile yet.</param>
/// <param name="Reservation">The reservation value in [0, 1], or null to keep it.</param>
/// <param name="RedLines">The forbidden options (replacing the previous ones), or null to keep them.</param>
/// <param name="SharedWithMediator">Whether the mediator may see this declaration (and use it in its analysis).</param>
/// <param name="StatusQuoValues">
/// Issue name → the delegation's value in [0, 1] of today's situation on that article (replacing the
/// previous values; an empty map clears them), or null to keep them. Confidential like the rest.
/// </param>
public sealed record ProfileDeclared(
    int Seat,
    IReadOnlyDictionary<string, double>? Weights,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? Values,
    double? Reservation,
    IReadOnlyList<OptionChoice>? RedLines,
    bool SharedWithMediator,
    IReadOnlyDictionary<string, double>? StatusQuoValues = null) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "profile-declared";
}

/// <summary>The mediator set what observers may see.</summary>
/// <param name="Access">The access flags.</param>
public sealed record ObserverAccessSet(ObserverAccess Access) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "observer-access";
}

/// <summary>A comment.</summary>
/// <param name="Author">Who wrote it.</param>
/// <param name="Text">The comment.</param>
/// <param name="To">Who may read it.</param>
/// <param name="ToSeat">The seat addressed when <paramref name="To"/> is <see cref="CommentAudience.Seat"/>; −1 otherwise.</param>
public sealed record CommentPosted(Audience Author, string Text, CommentAudience To, int ToSeat) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "comment";
}

/// <summary>A delegation proposed an amendment to the text (seen by the mediator and the author until the mediator shares it).</summary>
/// <param name="Seat">The proposing delegation.</param>
/// <param name="Issue">The article (issue) to amend.</param>
/// <param name="Option">The option proposed for it.</param>
/// <param name="Rationale">Why, in words.</param>
public sealed record AmendmentProposed(int Seat, string Issue, string Option, string Rationale) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "amendment";
}

/// <summary>The mediator shared a comment or an amendment with everyone.</summary>
/// <param name="Sequence">The sequence of the shared event.</param>
public sealed record ItemShared(long Sequence) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "shared";
}

/// <summary>A private note: only its author ever reads it.</summary>
/// <param name="Author">The author.</param>
/// <param name="Text">The note.</param>
public sealed record NoteWritten(Audience Author, string Text) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "note";
}

/// <summary>The mediator put a text to the delegations: a round of voting opened.</summary>
/// <param name="Round">The round, from 1.</param>
/// <param name="Text">The text: issue name → option name, for every issue.</param>
/// <param name="Deadline">When the round closes by itself, if it has a deadline.</param>
public sealed record RoundOpened(int Round, IReadOnlyDictionary<string, string> Text, DateTimeOffset? Deadline) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "round-opened";
}

/// <summary>A delegation voted on the text of the round (secret: its own delegation and the mediator see it).</summary>
/// <param name="Round">The round.</param>
/// <param name="Seat">The delegation.</param>
/// <param name="Yes">Whether it accepts the text.</param>
public sealed record BallotCast(int Round, int Seat, bool Yes) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "ballot";
}

/// <summary>A round closed: the tally, and whether the text was adopted as the single negotiating text (every delegation accepted).</summary>
/// <param name="Round">The round.</param>
/// <param name="Yes">How many delegations accepted.</param>
/// <param name="No">How many refused.</param>
/// <param name="Missing">How many did not vote.</param>
/// <param name="Adopted">Whether the text became the negotiating text.</param>
/// <param name="Reason">Why it closed: "all-voted", "deadline" or "mediator".</param>
public sealed record RoundClosed(int Round, int Yes, int No, int Missing, bool Adopted, string Reason) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "round-closed";
}

/// <summary>The text was opened for signature: by the mediator, or by the engine after a refused signature (the last text every delegation accepted, then article by article).</summary>
/// <param name="Text">The text to sign.</param>
/// <param name="Article">The article open for signature, when the delegations sign article by article; null for the whole text.</param>
public sealed record SigningOpened(IReadOnlyDictionary<string, string> Text, string? Article = null) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "signing-opened";
}

/// <summary>A delegation signed (or declined to sign) the text.</summary>
/// <param name="Seat">The delegation.</param>
/// <param name="Yes">Whether it signed.</param>
public sealed record Signed(int Seat, bool Yes) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "signed";
}

/// <summary>The case closed.</summary>
/// <param name="Agreement">Whether it closed with a signed agreement.</param>
/// <param name="Reason">Why: "signed", "partial agreement: …", "declined" or the mediator's words.</param>
public sealed record CaseClosed(bool Agreement, string Reason) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "closed";
}

/// <summary>The mediator filled a delegation's seat with a built-in agent (teaching, rehearsal): it votes and signs with the seat's profile.</summary>
/// <param name="Seat">The seat.</param>
/// <param name="Agent">The agent's name (<see cref="SeatAgents.Names"/>).</param>
public sealed record SeatFilledByAgent(int Seat, string Agent) : CaseEvent
{
    /// <inheritdoc />
    [JsonIgnore]
    public override string Kind => "seat-agent";
}
