using Parley.Workbench;

namespace Parley.Server.Api;

/// <summary>
/// The one place where a request or a hub message is authorised: the token (a bearer header, or
/// <c>token</c> / <c>access_token</c> in the query, as links and SignalR carry it) must open the
/// negotiation named in the route, through an invitation that is not revoked. Everything the
/// caller may then do or see is decided by the library's case for that audience.
/// </summary>
/// <remarks>
/// An unknown negotiation and a negotiation the token does not open get the same 404, so ids cannot
/// be probed; failures count against the caller's address (<see cref="GuessLimiter"/>).
/// </remarks>
internal sealed class AccessControl(NegotiationRegistry registry, GuessLimiter limiter, TimeProvider time)
{
    public async Task<AccessResult> ResolveAsync(HttpContext http, string negotiation)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (limiter.IsBlocked(client))
        {
            return AccessResult.Fail(StatusCodes.Status429TooManyRequests, "too many failed attempts: wait and try again");
        }

        var token = TokenOf(http.Request);
        if (string.IsNullOrEmpty(token))
        {
            return AccessResult.Fail(StatusCodes.Status401Unauthorized, "a token is required (Authorization: Bearer TOKEN, or ?token=TOKEN)");
        }

        var resolved = token.Length > 200 ? null : registry.ResolveToken(token);
        if (resolved is not { } r)
        {
            limiter.Fail(client);
            return AccessResult.Fail(StatusCodes.Status401Unauthorized, "the token is not valid");
        }

        if (!string.Equals(r.Entry.Id, negotiation, StringComparison.Ordinal))
        {
            limiter.Fail(client);
            return AccessResult.Fail(StatusCodes.Status404NotFound, "no such negotiation");
        }

        // Revocation is read from the case itself (the cache of the log), so it holds on every node: from its
        // immutable copy of the invitations, without waiting for the negotiation's gate; the registry checks
        // the invitation again under the gate, so a revocation committed in between is never bypassed.
        Invitation? invitation;
        try
        {
            var invitations = await registry.InvitationsAsync(r.Entry, http.RequestAborted).ConfigureAwait(false);
            invitation = invitations.GetValueOrDefault(r.Invitation);
        }
        catch (NegotiationUnavailableException e)
        {
            // The token opens this negotiation, but its stored log cannot be read here: say why, serve the others.
            return AccessResult.Fail(StatusCodes.Status409Conflict, $"this negotiation cannot be opened: {e.Reason}");
        }

        if (invitation is null || invitation.Revoked)
        {
            return AccessResult.Fail(StatusCodes.Status401Unauthorized, "the token has been revoked");
        }

        if (!invitation.IsValidAt(time.GetUtcNow()))
        {
            return AccessResult.Fail(StatusCodes.Status401Unauthorized, "the token has expired");
        }

        return new AccessResult(r.Entry, invitation.Audience, invitation.Id, null);
    }

    /// <summary>Whether the request carries an operator token (who may create negotiations): null when it does, the failure otherwise.</summary>
    public async Task<AccessFailure?> ResolveOperatorAsync(HttpContext http)
    {
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (limiter.IsBlocked(client))
        {
            return new AccessFailure(StatusCodes.Status429TooManyRequests, "too many failed attempts: wait and try again");
        }

        var token = TokenOf(http.Request);
        if (string.IsNullOrEmpty(token))
        {
            return new AccessFailure(StatusCodes.Status401Unauthorized, "creating a negotiation needs the operator token (Authorization: Bearer TOKEN, or ?token=TOKEN)");
        }

        if (token.Length > 200 || !await registry.Store.IsOperatorTokenAsync(InvitationTokens.Hash(token), http.RequestAborted).ConfigureAwait(false))
        {
            limiter.Fail(client);
            return new AccessFailure(StatusCodes.Status401Unauthorized, "the token is not an operator token");
        }

        return null;
    }

    private static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return header[7..].Trim();
        }

        var query = request.Query["token"].ToString();
        return query.Length > 0 ? query : request.Query["access_token"].ToString();
    }
}
