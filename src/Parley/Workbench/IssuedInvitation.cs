namespace Parley.Workbench;

/// <summary>A newly issued invitation, as its issuer receives it once: the only time the token is shown.</summary>
/// <param name="Id">The invitation's id.</param>
/// <param name="Role">The role it grants.</param>
/// <param name="Seat">The seat, for a delegation.</param>
/// <param name="Label">The label.</param>
/// <param name="Token">The secret token (not stored: only its hash is).</param>
/// <param name="Link">The personal link carrying the token.</param>
public sealed record IssuedInvitation(string Id, AudienceRole Role, string? Seat, string Label, string Token, string Link);
