using Parley.Preferences;

namespace Parley.Scenarios;

/// <summary>An actor in a scenario: its name, its role and, for a negotiating party, its private profile.</summary>
/// <param name="Name">The actor's unique name in the scenario.</param>
/// <param name="Role">Party, mediator or observer.</param>
/// <param name="Profile">The actor's preferences; required for a <see cref="PartyRole.Party"/>.</param>
/// <param name="Description">Who the actor is (delegation, envoy), for documents.</param>
public sealed record Party(string Name, PartyRole Role, Profile? Profile, string? Description = null)
{
    /// <summary>The modelling assumptions behind this actor's numbers (weights, values, reservation value, red lines).</summary>
    public IReadOnlyList<ModellingAssumption> Assumptions { get; init; } = [];

    /// <summary>Who must approve this party's deal at home, if anyone is modelled.</summary>
    public Ratification? Ratification { get; init; }

    /// <summary>
    /// The party's value (0..1, before weighting) of each issue's "no clause" status quo, one entry per
    /// issue (entries of issues whose status quo is an option are 0 and unused); null when no issue has one.
    /// </summary>
    public IReadOnlyList<double>? StatusQuoValues { get; init; }

    /// <summary>
    /// Whether the profile's reservation value was given explicitly; when false and the scenario has a
    /// status quo, the reservation value is the party's utility of the status quo.
    /// </summary>
    public bool ExplicitReservationValue { get; init; } = true;
}
