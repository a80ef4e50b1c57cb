using Parley.Preferences;

namespace Parley.Protocols.Views;

/// <summary>
/// Per-audience views of a negotiation, computed once in the library so that every host (the CLI,
/// the server, the remote-agent bridge) sends each audience only what it may see.
/// </summary>
/// <remarks>
/// <para>Events: offers, acceptances, texts, tallies, phases, agreements and the end are public. A
/// ballot is public unless the ballot is secret (<see cref="ViewPolicy.SecretBallot"/>): then a
/// party sees only its own ballot, the mediator sees every ballot when
/// <see cref="ViewPolicy.MediatorSeesBallots"/>, and everyone else sees that the party answered
/// (<see cref="EventKind.BallotCast"/> with <see cref="HiddenBallot"/> as value and no detail).
/// Events carry no utilities; a party's own utility of an offer comes from
/// <see cref="OwnUtility"/>, computed from its own profile only.</para>
/// <para>Setup: a party's view of the setup holds its own declared profile and no other; the
/// mediator's holds the declared profiles only when it is trusted with them
/// (<see cref="ViewPolicy.MediatorSeesProfiles"/>); the public's holds none.</para>
/// </remarks>
public static class NegotiationViews
{
    /// <summary>The value of a ballot an audience may not see.</summary>
    public const int HiddenBallot = -1;

    /// <summary>What <paramref name="audience"/> may see of <paramref name="e"/> (the event itself, or a redacted copy).</summary>
    public static NegotiationEvent For(Audience audience, in NegotiationEvent e, ViewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (e.Kind != EventKind.BallotCast || !policy.SecretBallot)
        {
            return e;
        }

        var sees = audience.Kind switch
        {
            AudienceKind.Mediator => policy.MediatorSeesBallots,
            AudienceKind.Party => audience.Party == e.Actor,
            _ => false,
        };
        return sees ? e : e with { Value = HiddenBallot, Detail = null };
    }

    /// <summary>What <paramref name="audience"/> may see of a log.</summary>
    public static IReadOnlyList<NegotiationEvent> For(Audience audience, IReadOnlyList<NegotiationEvent> events, ViewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(events);
        var view = new NegotiationEvent[events.Count];
        for (var i = 0; i < view.Length; i++)
        {
            view[i] = For(audience, events[i], policy);
        }

        return view;
    }

    /// <summary>The setup as <paramref name="audience"/> may know it: profiles it may not see are removed.</summary>
    public static NegotiationSetup For(Audience audience, NegotiationSetup setup, ViewPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(policy);
        var profiles = new Profile?[setup.PartyCount];
        for (var i = 0; i < profiles.Length; i++)
        {
            profiles[i] = audience.Kind switch
            {
                AudienceKind.Party when audience.Party == i => setup.Profiles[i],
                AudienceKind.Mediator when policy.MediatorSeesProfiles => setup.Profiles[i],
                _ => null,
            };
        }

        return new NegotiationSetup(setup.Domain, setup.Parties, profiles, setup.Deadline, setup.Seed, setup.Mediator)
        {
            TimeProvider = setup.TimeProvider,
            RecordElapsed = setup.RecordElapsed,
        };
    }

    /// <summary>Party <paramref name="party"/>'s own utility of the outcome <paramref name="e"/> is about, from its own declared profile; null when there is none or no profile.</summary>
    public static double? OwnUtility(NegotiationSetup setup, int party, in NegotiationEvent e)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return e.Outcome is { } o && (uint)party < (uint)setup.PartyCount && setup.Profiles[party] is { } profile ? profile.Utility(o.Levels) : null;
    }
}
