using Parley.Agents;
using Parley.Preferences;
using Parley.Protocols.Views;

namespace Parley.Protocols.Drivers;

/// <summary>
/// The seat driver of a hosted negotiation (<see cref="NegotiationHost"/>), parameterised by
/// protocol: it sets an in-process agent up from its party's view, catches up on the host's events
/// into the agent's public history, waits for its turn without holding a thread, and submits the
/// move the protocol's <see cref="IHostedSeatRules"/> compute, every call into the agent on the
/// thread pool under the per-action time limit.
/// </summary>
/// <remarks>
/// An overrun abandons the call (through the agent's cancellation token) and records a timeout; an
/// exception or a refused action is recorded as the party's failure. <see cref="HostedAgent"/>
/// (SAOP) and <see cref="Remote.HostedMopacAgent"/> (MOPAC) are this driver with their protocol's rules.
/// </remarks>
internal static class HostedSeat
{
    /// <summary>Plays party <paramref name="party"/> with <paramref name="agent"/> until the session ends.</summary>
    /// <param name="host">The host.</param>
    /// <param name="party">The party's index.</param>
    /// <param name="agent">A fresh agent.</param>
    /// <param name="rules">Makes the protocol's rules for the seat from the agent, its profile and the setup it sees.</param>
    /// <param name="actionLimit">The longest one call into the agent may take; null for none.</param>
    /// <param name="cancellationToken">Stops playing (the party then simply stops acting).</param>
    public static async Task PlayAsync(NegotiationHost host, int party, IAgent agent, Func<IAgent, Profile, NegotiationSetup, IHostedSeatRules> rules, TimeSpan? actionLimit, CancellationToken cancellationToken)
    {
        var setup = host.Read(n => NegotiationViews.For(Audience.OfParty(party), n.Setup, ViewPolicy.Open));
        var profile = setup.Profiles[party] ?? throw new ArgumentException($"Party '{setup.Parties[party]}' has no declared profile for an agent to play with.", nameof(party));
        var seat = rules(agent, profile, setup);
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var history = new NegotiationHistory(64);
        var context = new AgentContext(profile, party, setup.Parties, setup.Deadline, history, new Random(Saop.AgentSeed(setup.Seed, party)), abandon.Token);
        _ = context.Index; // build (or fetch) the outcome index before the timed calls
        long seen = 0;
        var events = new List<NegotiationEvent>();
        if (!(await CallAsync(host, party, () => { agent.Start(context); return true; }, "Start", actionLimit, abandon).ConfigureAwait(false)).Ok)
        {
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            await host.SeatTurn(party, cancellationToken); // resumed on the host's strand: no thread hop between seats
            events.Clear();
            host.CopyEventsFrom(seen, events);
            foreach (var e in events)
            {
                seen++;
                if (seat.HistoryKind(e.Kind) is { } kind)
                {
                    history.Add(new HistoryEntry(e.Round, e.Time, e.Actor, kind, e.Outcome));
                }
            }

            var (over, move) = host.Read((seat, party), static (n, s) => s.seat.Next(n, s.party));
            if (over)
            {
                return;
            }

            if (move is null)
            {
                continue;
            }

            var (ok, action) = await CallAsync(host, party, move.Value.Call, move.Value.What, actionLimit, abandon).ConfigureAwait(false);
            if (!ok)
            {
                return;
            }

            var result = host.Submit(party, action);
            if (!result.Accepted && result.Refusal is not RefusalKind.SessionOver)
            {
                host.Fail(party, FailureKind.InvalidAction, result.Message ?? result.Refusal.ToString());
                return;
            }
        }
    }

    private static async Task<(bool Ok, T Value)> CallAsync<T>(NegotiationHost host, int party, Func<T> call, string what, TimeSpan? limit, CancellationTokenSource abandon)
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
