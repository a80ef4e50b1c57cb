using Parley.Workbench;

namespace Parley.Server.Api;

// The bodies the API reads. Each is translated into a library command; nothing is decided here.

/// <summary>Create a negotiation from a built-in scenario (<paramref name="Scenario"/>) or from scratch (<paramref name="Issues"/> and <paramref name="Seats"/>).</summary>
public sealed record CreateNegotiationRequest(string? Title, string? Scenario, IReadOnlyList<IssueSpec>? Issues, IReadOnlyList<string>? Seats);

/// <summary>Invite a delegation (to a seat), an observer or a co-mediator.</summary>
public sealed record InviteRequest(AudienceRole Role, string? Seat, string? Label, double? ExpiresInHours = null);

/// <summary>Declare or adjust the caller's profile.</summary>
public sealed record ProfileRequest(IReadOnlyDictionary<string, double>? Weights, IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? Values, double? Reservation, IReadOnlyList<OptionChoice>? RedLines, bool ShareWithMediator, IReadOnlyDictionary<string, double>? StatusQuoValues = null);

/// <summary>Set what observers may see.</summary>
public sealed record ObserverAccessRequest(bool PublicRecord, bool Ballots, bool Profiles);

/// <summary>A comment.</summary>
public sealed record CommentRequest(string? Text, CommentAudience To, string? Seat);

/// <summary>An amendment.</summary>
public sealed record AmendmentRequest(string? Issue, string? Option, string? Rationale);

/// <summary>Share a comment or amendment.</summary>
public sealed record ShareRequest(long Sequence);

/// <summary>A private note.</summary>
public sealed record NoteRequest(string? Text);

/// <summary>Propose a text and open a round.</summary>
public sealed record RoundRequest(IReadOnlyDictionary<string, string>? Text, double? DurationSeconds);

/// <summary>A yes/no answer (a vote, a signature).</summary>
public sealed record AnswerRequest(bool Yes);

/// <summary>Close the negotiation.</summary>
public sealed record CloseRequest(string? Reason);

/// <summary>Answers to the open round's text, article by article.</summary>
public sealed record ArticleAnswersRequest(IReadOnlyList<ArticleAnswer>? Answers);

/// <summary>The articles agreed so far: issue → option.</summary>
public sealed record AgreementRequest(IReadOnlyDictionary<string, string>? Articles);

/// <summary>Fill a seat with a built-in agent.</summary>
public sealed record AgentRequest(string? Seat, string? Agent);

/// <summary>A new wording for the clause of one option of an article.</summary>
public sealed record ClauseRequest(string? Issue, string? Option, string? Text);
