namespace Parley.Workbench;

/// <summary>The answer to creating a negotiation: its id and the invitations issued with it (the mediator's first).</summary>
/// <param name="Id">The negotiation's id.</param>
/// <param name="Title">Its title.</param>
/// <param name="Version">Its version.</param>
/// <param name="Invitations">The invitations issued, with their tokens (shown this once).</param>
public sealed record CreatedNegotiation(string Id, string Title, long Version, IReadOnlyList<IssuedInvitation> Invitations);
