using System.Security.Cryptography;
using Parley.Server.Api;
using Parley.Workbench;

namespace Parley.Server;

/// <summary>The negotiation an empty server starts with: Israel–Syria (built-in scenario), a mediator, one invitation per delegation and an observer.</summary>
internal static class Seed
{
    public const string Scenario = "israel-syria-2026";

    public static async Task<IReadOnlyList<IssuedInvitation>> IsraelSyriaAsync(NegotiationRegistry registry, ServerOptions options, CancellationToken cancellationToken)
    {
        var scenario = CaseSources.BuiltIn(Scenario);
        var (id, token, mediator) = NegotiationEndpoints.NewMediator();
        var entry = await registry.CreateAsync(id, MediationCase.Create(scenario.Metadata.Title ?? scenario.Name, Scenario, scenario, mediator), cancellationToken).ConfigureAwait(false);
        var links = new List<IssuedInvitation> { new(mediator.Invitation, AudienceRole.Mediator, null, "mediator", token, NegotiationEndpoints.Link(options, id, token)) };
        using var random = RandomNumberGenerator.Create();
        var invites = entry.Case.Seats.Select(s => (AudienceRole.Delegation, (string?)s, s)).Append((AudienceRole.Observer, null, "observer"));
        foreach (var (role, seat, label) in invites)
        {
            var t = InvitationTokens.Create(random);
            var invitation = new Invite(InvitationTokens.CreateId(random), role, seat, label, InvitationTokens.Hash(t));
            var outcome = await registry.ExecuteAsync(entry, Audience.Mediator, invitation, null, cancellationToken).ConfigureAwait(false);
            if (outcome.Refusal != CaseRefusalKind.None)
            {
                throw new InvalidOperationException($"Seeding: {outcome.Message}");
            }

            links.Add(new IssuedInvitation(invitation.Invitation, role, seat, label, t, NegotiationEndpoints.Link(options, id, t)));
        }

        return links;
    }
}
