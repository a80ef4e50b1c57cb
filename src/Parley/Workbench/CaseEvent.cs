using System.Text.Json.Serialization;

namespace Parley.Workbench;

/// <summary>
/// One fact in a mediation case's append-only log: what the server stores, replays on start-up and
/// sends (as each audience may see it) to the live channel.
/// </summary>
/// <remarks>
/// The case's state is a fold over its events (<see cref="MediationCase.Apply"/>); a command either
/// yields events or a refusal that changes nothing (<see cref="MediationCase.Decide"/>). Serialized
/// with a <c>type</c> discriminator by <see cref="CaseJson"/>. The kinds are in <c>CaseEvents.cs</c>.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(CaseCreated), "created")]
[JsonDerivedType(typeof(InvitationIssued), "invited")]
[JsonDerivedType(typeof(InvitationRevoked), "revoked")]
[JsonDerivedType(typeof(ProfileDeclared), "profile-declared")]
[JsonDerivedType(typeof(ObserverAccessSet), "observer-access")]
[JsonDerivedType(typeof(CommentPosted), "comment")]
[JsonDerivedType(typeof(AmendmentProposed), "amendment")]
[JsonDerivedType(typeof(ItemShared), "shared")]
[JsonDerivedType(typeof(NoteWritten), "note")]
[JsonDerivedType(typeof(RoundOpened), "round-opened")]
[JsonDerivedType(typeof(BallotCast), "ballot")]
[JsonDerivedType(typeof(RoundClosed), "round-closed")]
[JsonDerivedType(typeof(SigningOpened), "signing-opened")]
[JsonDerivedType(typeof(Signed), "signed")]
[JsonDerivedType(typeof(CaseClosed), "closed")]
[JsonDerivedType(typeof(ArticlesAnswered), "articles-answered")]
[JsonDerivedType(typeof(AgreementRecorded), "agreement-recorded")]
[JsonDerivedType(typeof(SeatFilledByAgent), "seat-agent")]
[JsonDerivedType(typeof(ClauseWorded), "clause-worded")]
[JsonDerivedType(typeof(ImprovementOffered), "improvement-offered")]
[JsonDerivedType(typeof(ImprovementAnswered), "improvement-answered")]
[JsonDerivedType(typeof(ImprovementConcluded), "improvement-concluded")]
public abstract record CaseEvent
{
    /// <summary>The kind's name, as stored and sent (the JSON discriminator).</summary>
    [JsonIgnore]
    public abstract string Kind { get; }

    /// <summary>
    /// The engine's events this case event stands for (the rounds, votes and signing run on
    /// <see cref="Mediation.SingleTextNegotiation"/>), in the engine's log format; null for events the
    /// engine has no part in (invitations, comments, notes, declarations).
    /// </summary>
    /// <remarks>Stored and exported; views leave it out (they show the case event itself).</remarks>
    [JsonPropertyOrder(100)]
    public IReadOnlyList<System.Text.Json.JsonElement>? Engine { get; init; }
}
