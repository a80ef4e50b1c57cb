using Parley.Agents;
using Parley.Protocols.Drivers;

namespace Parley.Remote;

/// <summary>
/// Plays one party of a hosted MOPAC negotiation with an in-process agent (the MOPAC counterpart of
/// <see cref="HostedAgent"/>, the same seat driver with MOPAC's rules), so built-in agents and remote
/// parties can share a MOPAC table.
/// </summary>
/// <remarks>
/// As in <see cref="MopacAgentRunner"/>: in the offer phase the agent's <see cref="IAgent.Act"/> gives
/// an offer (or a walk-away); in the voting and opt-in phases an <see cref="IMopacVoter"/> chooses
/// its votes, any other agent votes by <see cref="MopacAgentRunner.DefaultVotes"/> and keeps its
/// votes at the opt-in. An exception or a refused action is recorded as the party's failure.
/// </remarks>
public static class HostedMopacAgent
{
    /// <summary>Plays party <paramref name="party"/> with <paramref name="agent"/> until the session ends.</summary>
    /// <exception cref="ArgumentException">The party has no declared profile.</exception>
    public static async Task PlayAsync(NegotiationHost host, int party, IAgent agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(agent);
        try
        {
            await HostedSeat.PlayAsync(host, party, agent, static (a, profile, setup) => new MopacSeatRules(a, profile, setup.PartyCount), null, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the caller.
        }
    }
}
