using Parley.Domains;
using Parley.Mediation;

namespace Parley.Workbench;

/// <summary>
/// The built-in agents that can hold a delegation's seat (a person negotiating against an agent, a
/// mediator rehearsing): the mediation voters of <c>Mediation/</c>, voting with the seat's profile.
/// </summary>
/// <remarks>
/// The first text is accepted when the seat's profile accepts it (not across a red line, at least
/// the reservation value); later texts are put to the voter against the negotiating text in
/// force. The agent signs a text its profile accepts. Randomness (the annealing voter) is seeded by
/// the seat and the round, so a replay of the log is the same.
/// </remarks>
public static class SeatAgents
{
    /// <summary>The agents' names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["truthful", "strategic", "annealing"];

    /// <summary>What the agent holding <paramref name="seat"/> does now, or null (it has nothing to do, or no agent holds the seat).</summary>
    public static CaseCommand? Next(MediationCase @case, int seat)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.AgentOf(seat) is not { } name || @case.ProfileOf(seat) is not { } profile || @case.IsClosed)
        {
            return null;
        }

        var state = @case.Protocol;
        if (state.RoundOpen && state.Ballots[seat] is null && state.Candidate is { } candidate)
        {
            if (state.Adopted is not { } incumbent)
            {
                return new Vote(profile.Accepts(candidate.Levels));
            }

            var voter = Create(name);
            return new Vote(voter.Vote(new VoteContext(profile, candidate, incumbent, 0, new Random((seat * 7919) + state.Round))));
        }

        if (state.SigningOpen && state.Signatures[seat] is null && state.Adopted is Outcome text)
        {
            return new Sign(profile.Accepts(text.Levels));
        }

        return null;
    }

    private static Voter Create(string name) => name switch
    {
        "strategic" => new StrategicVoter(),
        "annealing" => new AnnealingVoter(),
        _ => new TruthfulVoter(),
    };
}
