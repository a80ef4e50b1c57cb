namespace Parley.Workbench;

/// <summary>An invitation of a case (the token itself is never kept: only its hash).</summary>
/// <param name="Id">The invitation's id.</param>
/// <param name="Role">The role it grants.</param>
/// <param name="Seat">A delegation's seat; −1 otherwise.</param>
/// <param name="Label">A label for people.</param>
/// <param name="TokenHash">The token's SHA-256 (hex).</param>
/// <param name="Revoked">Whether it has been revoked.</param>
/// <param name="Sequence">The event that issued it.</param>
/// <param name="Expires">When it stops opening the negotiation, if ever.</param>
public sealed record Invitation(string Id, AudienceRole Role, int Seat, string Label, string TokenHash, bool Revoked, long Sequence, DateTimeOffset? Expires = null)
{
    /// <summary>Whether the invitation opens the negotiation at <paramref name="now"/> (not revoked, not expired).</summary>
    public bool IsValidAt(DateTimeOffset now) => !Revoked && (Expires is not { } e || now < e);

    /// <summary>The audience this invitation admits.</summary>
    public Audience Audience => new(Role, Role == AudienceRole.Delegation ? Seat : -1);
}
