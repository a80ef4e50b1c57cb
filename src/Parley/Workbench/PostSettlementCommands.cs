namespace Parley.Workbench;

// The commands of the post-settlement step (see PostSettlementEvents.cs).

/// <summary>Mediator: offer the delegations the post-settlement improvement of the signed agreement (<see cref="CasePostSettlement.Propose(MediationCase)"/>); once per case.</summary>
public sealed record OfferImprovement : CaseCommand;

/// <summary>Delegation: accept (true) or decline the offered improvement.</summary>
/// <param name="Yes">Accept (true) or decline.</param>
public sealed record AnswerImprovement(bool Yes) : CaseCommand;
