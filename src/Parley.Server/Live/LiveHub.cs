using Microsoft.AspNetCore.SignalR;
using Parley.Server.Api;

namespace Parley.Server.Live;

/// <summary>
/// The live channel (<c>/live?negotiation=ID</c>, token as <c>access_token</c> or a bearer header).
/// A connection is authorised once when it opens and again on every call, by the same
/// <see cref="AccessControl"/> as the HTTP API; it then receives <c>events(negotiation, version, records)</c>
/// with what its audience may see, and <see cref="CatchUp"/> returns what it missed since its last seen event.
/// </summary>
/// <remarks>
/// A client calls <see cref="CatchUp"/> right after connecting (and after every reconnection): the
/// handshake completes before the connection joins its group, and hub calls run only after it has,
/// so the catch-up and the pushes that follow it leave no gap.
/// </remarks>
internal sealed class LiveHub(AccessControl access, NegotiationRegistry registry, LiveChannel live) : Hub
{
    public override async Task OnConnectedAsync()
    {
        var result = await AuthoriseAsync().ConfigureAwait(false);
        if (result.Failure is not null)
        {
            Context.Abort();
            return;
        }

        var group = LiveChannel.Group(result.Entry!.Id, result.Audience);
        await Groups.AddToGroupAsync(Context.ConnectionId, group).ConfigureAwait(false);
        live.Track(result.Invitation!, Context.ConnectionId, group);
        await base.OnConnectedAsync().ConfigureAwait(false);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        live.Forget(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The records after <paramref name="after"/> that this connection's audience may see, and the current version.</summary>
    public async Task<CatchUpResult> CatchUp(long after)
    {
        var result = await AuthoriseAsync().ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            throw new HubException(failure.Title);
        }

        try
        {
            return await registry.ReadAsync(result.Entry!, result.Invitation!, c => new CatchUpResult(c.Version, c.VisibleRecords(result.Audience, after)), Context.ConnectionAborted, recordsAfter: after).ConfigureAwait(false);
        }
        catch (AccessRevokedException e)
        {
            throw new HubException(e.Message);
        }
    }

    private Task<AccessResult> AuthoriseAsync()
    {
        var http = Context.GetHttpContext() ?? throw new HubException("no HTTP context");
        return access.ResolveAsync(http, http.Request.Query["negotiation"].ToString());
    }
}
