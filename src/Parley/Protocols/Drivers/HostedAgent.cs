using Parley.Agents;
using Parley.Protocols.Views;

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

        var setup = host.Read(n => NegotiationViews.For(Audience.OfParty(party), n.Setup, ViewPolicy.Open));
        var profile = setup.Profiles[party] ?? throw new ArgumentException($"Party '{setup.Parties[party]}' has no declared profile for an agent to play with.", nameof(party));
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var history = new NegotiationHistory(64);
        var context = new AgentContext(profile, party, setup.Parties, setup.Deadline, history, new Random(Saop.AgentSeed(setup.Seed, party)), abandon.Token);
        _ = context.Index;
        long seen = 0;
        var events = new List<NegotiationEvent>();
        if (!await CallAsync(host, party, () => { agent.Start(context); return true; }, "Start", actionLimit, abandon).ConfigureAwait(false))
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            await host.WaitForTurnAsync(party, cancellationToken).ConfigureAwait(false);
            events.Clear();
            host.CopyEventsFrom(seen, events);
            foreach (var e in events)
            {
                seen++;
                if (e.Kind is EventKind.Offered or EventKind.Accepted or EventKind.WalkedAway)
                {
                    history.Add(new HistoryEntry(e.Round, e.Time, e.Actor, e.Kind switch
                    {
                        EventKind.Offered => ActionKind.Offer,
                        EventKind.Accepted => ActionKind.Accept,
                        _ => ActionKind.WalkAway,
                    }, e.Outcome));
                }
            }

            var (over, mine, state) = host.Read(party, static (n, party) =>
            {
                var saop = (SaopNegotiation)n;
                return (n.IsOver, saop.Turn == party, saop.StateAt(n.ReadClock()));
            });
            if (over)
            {
                return;
            }

            if (!mine)
            {
                continue;
            }

            AgentAction action;
            if (actionLimit is null)
            {
                // No time limit: nothing to abandon, so the agent is called on this task (no closure, no hop to another thread).
                if (!TryAct(host, party, agent, state, out action))
                {
                    return;
                }
            }
            else
            {
                var (ok, acted) = await CallWithValueAsync(host, party, () => agent.Act(state), "Act", actionLimit, abandon).ConfigureAwait(false);
                if (!ok)
                {
                    return;
                }

                action = acted;
            }

            var result = host.Submit(party, NegotiationAction.From(action));
            if (!result.Accepted && result.Refusal is not RefusalKind.SessionOver)
            {
                host.Fail(party, FailureKind.InvalidAction, result.Message ?? result.Refusal.ToString());
                return;
            }
        }
    }

    private static bool TryAct(NegotiationHost host, int party, IAgent agent, NegotiationState state, out AgentAction action)
    {
        try
        {
            action = agent.Act(state);
            return true;
        }
        catch (OperationCanceledException)
        {
            action = default;
            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            host.Fail(party, FailureKind.Exception, $"Act threw {ex.GetType().Name}: {ex.Message}");
            action = default;
            return false;
        }
    }

    private static async Task<bool> CallAsync(NegotiationHost host, int party, Func<bool> call, string what, TimeSpan? limit, CancellationTokenSource abandon) =>
        (await CallWithValueAsync(host, party, call, what, limit, abandon).ConfigureAwait(false)).Ok;

    private static async Task<(bool Ok, T Value)> CallWithValueAsync<T>(NegotiationHost host, int party, Func<T> call, string what, TimeSpan? limit, CancellationTokenSource abandon)
    {
        if (limit is null)
        {
            // No time limit: nothing to abandon, so the agent is called on this task (no hop to another thread per action).
            try
            {
                return (true, call());
            }
            catch (OperationCanceledException)
            {
                return (false, default!);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                host.Fail(party, FailureKind.Exception, $"{what} threw {ex.GetType().Name}: {ex.Message}");
                return (false, default!);
            }
        }

        var work = Task.Run(call, CancellationToken.None);
        try
        {
            var value = limit is { } l ? await work.WaitAsync(l, host.Negotiation.Setup.TimeProvider, abandon.Token).ConfigureAwait(false) : await work.ConfigureAwait(false);
            return (true, value);
        }
        catch (TimeoutException)
        {
            await abandon.CancelAsync().ConfigureAwait(false);
            host.Fail(party, FailureKind.Timeout, $"no answer to {what} within the action time limit of {limit!.Value.TotalMilliseconds:0.###} ms; the call was abandoned");
            return (false, default!);
        }
        catch (OperationCanceledException)
        {
            return (false, default!);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            host.Fail(party, FailureKind.Exception, $"{what} threw {ex.GetType().Name}: {ex.Message}");
            return (false, default!);
        }
    }
}
