using Parley.Agents;
using Parley.Protocols;
using Parley.Protocols.Drivers;
using Parley.Protocols.Views;

namespace Parley.Remote;

/// <summary>
/// Plays one party of a hosted MOPAC negotiation with an in-process agent (the MOPAC counterpart of
/// <see cref="HostedAgent"/>), so built-in agents and remote parties can share a MOPAC table.
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
    public static async Task PlayAsync(NegotiationHost host, int party, IAgent agent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(agent);
        var setup = host.Read(n => NegotiationViews.For(Audience.OfParty(party), n.Setup, ViewPolicy.Open));
        var profile = setup.Profiles[party] ?? throw new ArgumentException($"Party '{setup.Parties[party]}' has no declared profile for an agent to play with.", nameof(party));
        var history = new NegotiationHistory(64);
        long seen = 0;
        try
        {
            agent.Start(new AgentContext(profile, party, setup.Parties, setup.Deadline, history, new Random(Saop.AgentSeed(setup.Seed, party)), cancellationToken));
            while (!cancellationToken.IsCancellationRequested)
            {
                await host.WaitForTurnAsync(party, cancellationToken).ConfigureAwait(false);
                foreach (var e in host.EventsFrom(seen))
                {
                    seen++;
                    if (e.Kind is EventKind.Offered or EventKind.WalkedAway)
                    {
                        history.Add(new HistoryEntry(e.Round, e.Time, e.Actor, e.Kind == EventKind.Offered ? ActionKind.Offer : ActionKind.WalkAway, e.Outcome));
                    }
                }

                var (over, may, phase, round, time, offers, earlier, own) = host.Read(n =>
                {
                    var m = (MopacNegotiation)n;
                    return (n.IsOver, n.MayAct(party), m.Phase, n.Round, n.TimeOf(n.ReadClock()), m.Offers.Where(o => o is not null).Select(o => o!).ToArray(), m.VotesOf(party).ToArray(), m.Offers[party]);
                });
                if (over)
                {
                    return;
                }

                if (!may)
                {
                    continue;
                }

                NegotiationAction action;
                if (phase == MopacNegotiation.OfferPhase)
                {
                    action = NegotiationAction.From(agent.Act(new NegotiationState(round, time, null, -1, 0)));
                }
                else
                {
                    var optIn = phase == MopacNegotiation.OptInPhase;
                    var votes = agent is IMopacVoter voter
                        ? voter.Vote(offers, earlier, optIn, time)
                        : optIn ? earlier : MopacAgentRunner.DefaultVotes(profile, offers, own is null ? 1.0 : profile.Utility(own.Levels), setup.PartyCount);
                    action = NegotiationAction.CastVotes(votes ?? []);
                }

                var result = host.Submit(party, action);
                if (!result.Accepted && result.Refusal is not RefusalKind.SessionOver)
                {
                    host.Fail(party, FailureKind.InvalidAction, result.Message ?? result.Refusal.ToString());
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the caller.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            host.Fail(party, FailureKind.Exception, $"{ex.GetType().Name}: {ex.Message}");
        }
    }
}
