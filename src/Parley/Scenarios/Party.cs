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
}
