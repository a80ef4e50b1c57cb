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
    public void Publish(NegotiationEntry entry, IReadOnlyList<CaseRecord> records) => Send(Prepare(entry, records));

    /// <summary>
    /// The messages that publish <paramref name="records"/>, computed with the case's gate held just after they
    /// are applied (each audience's view as of that state), to be sent by <see cref="Send"/> once they are stored.
    /// </summary>
    public Prepared Prepare(NegotiationEntry entry, IReadOnlyList<CaseRecord> records)
    {
        var c = entry.Case;
        List<string>? revoked = null;
        foreach (var r in records)
        {
            if (r.Event is InvitationRevoked revocation)
            {
                (revoked ??= []).Add(revocation.Invitation);
            }
        }

        var audiences = new List<Audience>(c.Seats.Count + 2) { Audience.Mediator, Audience.Observer };
        for (var s = 0; s < c.Seats.Count; s++)
        {
            audiences.Add(Audience.Delegation(s));
        }

        // Each audience's records are its own view; audiences whose views are equal (a ballot is the same for
        // the mediator and the voting seat, a round's closing the same for everyone) share one send, which
        // SignalR serialises once for all their groups instead of once per group.
        var sends = new List<(List<CaseRecord> Visible, List<string> Groups)>(audiences.Count);
        foreach (var audience in audiences)
        {
            var visible = new List<CaseRecord>(records.Count);
            foreach (var r in records)
            {
                if (c.ViewOf(r, audience) is { } seen)
                {
                    visible.Add(seen);
                }
            }

            if (visible.Count == 0)
            {
                continue;
            }

            var group = Group(entry.Id, audience);
            var same = sends.FindIndex(x => SameRecords(x.Visible, visible));
            if (same >= 0)
            {
                sends[same].Groups.Add(group);
            }
            else
            {
                sends.Add((visible, [group]));
            }
        }

        return new Prepared(entry.Id, c.Version, revoked, sends);
    }

    /// <summary>Sends what <see cref="Prepare"/> computed (with the case's gate held, in the order of the log, once the records are stored).</summary>
    public void Send(Prepared prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        foreach (var invitation in prepared.Revoked ?? [])
        {
            if (_byInvitation.TryRemove(invitation, out var connections))
            {
                foreach (var (connection, group) in connections)
                {
                    _ = hub.Groups.RemoveFromGroupAsync(connection, group);
                }
            }
        }

        foreach (var (visible, groups) in prepared.Sends)
        {
            // The version lets a client see that it missed nothing (or catch up if it did).
            _ = groups.Count == 1
                ? hub.Clients.Group(groups[0]).SendAsync(EventsMethod, prepared.Negotiation, prepared.Version, visible)
                : hub.Clients.Groups(groups).SendAsync(EventsMethod, prepared.Negotiation, prepared.Version, visible);
        }
    }

    /// <summary>The messages publishing some records: the invitations whose connections leave their groups, and each send with its groups.</summary>
    internal sealed record Prepared(string Negotiation, long Version, List<string>? Revoked, List<(List<CaseRecord> Visible, List<string> Groups)> Sends);

    /// <summary>
    /// Whether two audiences' views are equal record by record (records and events are records: equal
    /// values, and the same references for their collections, as views copied from one stored event
    /// share them), so that one serialised message is exactly what each of them would have been sent.
    /// </summary>
    private static bool SameRecords(List<CaseRecord> a, List<CaseRecord> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!a[i].Equals(b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
