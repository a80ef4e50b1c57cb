namespace Parley.Tournaments;

/// <summary>One session of a tournament: which agents sit on which profiles of which scenario, and its seed.</summary>
/// <param name="Id">The session's position in the plan (0-based); results are sorted by it.</param>
/// <param name="ScenarioIndex">The scenario's index in the definition.</param>
/// <param name="Scenario">The scenario's name.</param>
/// <param name="Agents">The agent ids, one per profile, in role order.</param>
/// <param name="Profiles">The profile names, in role order.</param>
/// <param name="Repetition">Which repetition of this seating (0-based).</param>
/// <param name="Seed">The session's seed, derived from the tournament seed and the session's identity.</param>
/// <param name="Rounds">The deadline in rounds, if any.</param>
/// <param name="Time">The deadline in wall time, if any.</param>
/// <param name="Mediator">The mediator id in a mediated tournament; null otherwise.</param>
public sealed record SessionSpec(
    long Id,
    int ScenarioIndex,
    string Scenario,
    IReadOnlyList<string> Agents,
    IReadOnlyList<string> Profiles,
    int Repetition,
    int Seed,
    int? Rounds,
    TimeSpan? Time,
    string? Mediator = null)
{
    /// <summary>The session's identity, independent of its position: scenario, seating and repetition.</summary>
    public string Identity => SessionSeed.Identity(Scenario, Profiles, Agents, Repetition, Mediator);
}
