using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Parley.Workbench;

namespace Parley.Server.Live;

/// <summary>
/// Sends new events to the connected clients allowed to see them: one SignalR group per audience
/// of each negotiation (the mediator, each seat, the observers), and each group receives only what
/// <see cref="MediationCase.ViewOf"/> gives its audience.
/// </summary>
internal sealed class LiveChannel(IHubContext<LiveHub> hub)
{
    public const string EventsMethod = "events";

    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, string>> _byInvitation = new(StringComparer.Ordinal);

    public static string Group(string negotiation, Audience audience) => audience.Role switch
    {
        AudienceRole.Mediator => negotiation + "|mediator",
        AudienceRole.Observer => negotiation + "|observer",
        _ => negotiation + "|seat" + audience.Seat.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Remembers which connection an invitation opened, so that revoking it closes the group to it.</summary>
    public void Track(string invitation, string connectionId, string group) =>
        _byInvitation.GetOrAdd(invitation, _ => new(StringComparer.Ordinal))[connectionId] = group;

    public void Forget(string connectionId)
    {
        foreach (var map in _byInvitation.Values)
        {
            map.TryRemove(connectionId, out _);
        }
    }

    /// <summary>Called with the case's gate held, after the records are stored and applied.</summary>
    public void Publish(NegotiationEntry entry, IReadOnlyList<CaseRecord> records)
    {
        var c = entry.Case;
        foreach (var r in records)
        {
            if (r.Event is InvitationRevoked revoked && _byInvitation.TryRemove(revoked.Invitation, out var connections))
            {
                foreach (var (connection, group) in connections)
                {
                    _ = hub.Groups.RemoveFromGroupAsync(connection, group);
                }
            }
        }

        var audiences = new List<Audience>(c.Seats.Count + 2) { Audience.Mediator, Audience.Observer };
        for (var s = 0; s < c.Seats.Count; s++)
        {
            audiences.Add(Audience.Delegation(s));
        }

        foreach (var audience in audiences)
        {
            var visible = new List<CaseRecord>();
            foreach (var r in records)
            {
                if (c.ViewOf(r, audience) is { } seen)
                {
                    visible.Add(seen);
                }
            }

            if (visible.Count > 0)
            {
                // The version lets a client see that it missed nothing (or catch up if it did).
                _ = hub.Clients.Group(Group(entry.Id, audience)).SendAsync(EventsMethod, entry.Id, c.Version, visible);
            }
        }
    }
}
