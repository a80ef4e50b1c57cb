using System.Security.Cryptography;
using Parley.Server.Api;
using Parley.Server.Storage;
using Parley.Workbench;

namespace Parley.Server;

/// <summary>The negotiation an empty server starts with: Israel–Syria (built-in scenario), a mediator, one invitation per delegation and an observer.</summary>
/// <remarks>
/// Idempotent across nodes: the seed has a fixed id and is stored in one append (its creation and
/// every invitation), so of two nodes starting on one empty database the second one's append meets
/// the first one's row (the primary key of <c>negotiations</c>) and stores nothing.
/// </remarks>
internal static class Seed
{
    public const string Scenario = "israel-syria-2026";

    /// <summary>The seed's id (fixed: the unique key that makes seeding idempotent).</summary>
    public const string Id = "israel-syria";

    /// <summary>Seeds the negotiation; the links to print, or none when another node seeded it first.</summary>
    public static async Task<IReadOnlyList<IssuedInvitation>> IsraelSyriaAsync(NegotiationRegistry registry, ServerOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var scenario = CaseSources.BuiltIn(Scenario);
        var (_, token, mediator) = NegotiationEndpoints.NewMediator();
        var events = new List<CaseEvent>(MediationCase.Create(scenario.Metadata.Title ?? scenario.Name, Scenario, scenario, mediator));
        var draft = MediationCase.Replay(events.Select((e, i) => new CaseRecord(i + 1, time.GetUtcNow(), e)));
        var links = new List<IssuedInvitation> { new(mediator.Invitation, AudienceRole.Mediator, null, "mediator", token, NegotiationEndpoints.Link(options, Id, token)) };
        using var random = RandomNumberGenerator.Create();
        var invites = draft.Seats.Select(s => (AudienceRole.Delegation, (string?)s, s)).Append((AudienceRole.Observer, null, "observer"));
        foreach (var (role, seat, label) in invites)
        {
            var t = InvitationTokens.Create(random);
            var invitation = new Invite(InvitationTokens.CreateId(random), role, seat, label, InvitationTokens.Hash(t));
            var decision = draft.Decide(Audience.Mediator, invitation, time.GetUtcNow());
            if (!decision.Accepted)
            {
                throw new InvalidOperationException($"Seeding: {decision.Message}");
            }

            foreach (var e in decision.Events)
            {
                draft.Apply(new CaseRecord(draft.Version + 1, time.GetUtcNow(), e));
                events.Add(e);
            }

            links.Add(new IssuedInvitation(invitation.Invitation, role, seat, label, t, NegotiationEndpoints.Link(options, Id, t)));
        }

        try
        {
            await registry.CreateAsync(Id, events, cancellationToken).ConfigureAwait(false);
            return links;
        }
        catch (ConcurrencyException)
        {
            // Another node seeded it first: know it, print nothing.
            await registry.LoadAllAsync(cancellationToken).ConfigureAwait(false);
            return [];
        }
    }
}
