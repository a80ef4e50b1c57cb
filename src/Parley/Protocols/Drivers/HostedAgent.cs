using Parley.Agents;

namespace Parley.Protocols.Drivers;

/// <summary>
/// Plays one party of a hosted SAOP negotiation with an in-process <see cref="IAgent"/>, through the
/// asynchronous entry point (<see cref="NegotiationHost"/>): the way a built-in agent fills a seat
/// beside people or remote parties who act whenever they like.
/// </summary>
/// <remarks>
/// The agent is set up from its party's view of the setup (its own profile only) and fed the
/// public history from the host's events. It waits for its turn without holding a thread; its
/// <see cref="IAgent.Act"/> runs on the thread pool under the per-action time limit, and an agent
/// that overruns is abandoned (told through its cancellation token) and recorded as failed, so it
/// never holds the session. An exception or a refused action is recorded as its failure too.
/// </remarks>
public static class HostedAgent
{
    /// <summary>Plays party <paramref name="party"/> with <paramref name="agent"/> until the session ends.</summary>
    /// <param name="host">The host of a <see cref="SaopNegotiation"/>.</param>
    /// <param name="party">The party's index.</param>
    /// <param name="agent">A fresh agent.</param>
    /// <param name="actionLimit">The longest one call into the agent may take; null for none.</param>
    /// <param name="cancellationToken">Stops playing (the party then simply stops acting).</param>
    public static async Task PlayAsync(NegotiationHost host, int party, IAgent agent, TimeSpan? actionLimit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(agent);
        if (host.Negotiation is not SaopNegotiation)
        {
            throw new ArgumentException("A hosted IAgent plays SAOP sessions.", nameof(host));
        }

        await HostedSeat.PlayAsync(host, party, agent, static (a, _, _) => new SaopSeatRules(a), actionLimit, cancellationToken).ConfigureAwait(false);
    }
}
