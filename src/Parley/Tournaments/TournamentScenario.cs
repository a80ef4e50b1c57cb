namespace Parley.Tournaments;

/// <summary>A scenario as the tournament plan sees it: a name and the profiles agents are assigned to.</summary>
/// <param name="Name">The scenario's unique name in the tournament (for example the GENIUS folder name).</param>
/// <param name="Profiles">The names of the profiles (negotiating parties), in role order; a session seats one agent on each.</param>
/// <param name="ReservationValues">Each profile's reservation value (the payoff of a session that fails before it ends); zeros when null.</param>
/// <param name="Fingerprint">A digest of the scenario's content, so that a resumed tournament notices changed files; empty when unknown.</param>
public sealed record TournamentScenario(string Name, IReadOnlyList<string> Profiles, IReadOnlyList<double>? ReservationValues = null, string Fingerprint = "")
{
    /// <summary>The reservation value of profile <paramref name="role"/> (0 when none is known).</summary>
    public double ReservationValue(int role) => ReservationValues is { } r && role < r.Count ? r[role] : 0;

    /// <summary>The number of agents a session on this scenario seats.</summary>
    public int PartyCount => Profiles.Count;
}
