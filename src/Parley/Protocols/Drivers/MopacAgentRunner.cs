using Parley.Agents;
using Parley.Domains;

namespace Parley.Protocols.Drivers;

/// <summary>
/// The in-process driver of MOPAC: asks local agents for their offers (through <see cref="IAgent.Act"/>,
/// with no offer on the table) and for their votes, and submits them to <see cref="MopacNegotiation"/>.
/// </summary>
/// <remarks>
/// An agent that implements <see cref="IMopacVoter"/> chooses its votes; any other agent votes for
/// every offer of the round worth at least as much to it as its own offer (its current aspiration),
/// with any group of two or more (<see cref="DefaultVotes"/>), and keeps those votes in the opt-in
/// phase. Failures are isolated and attributed as in <see cref="SaopAgentRunner"/>.
/// </remarks>
public sealed class MopacAgentRunner : INegotiationObserver
{
    private readonly MopacNegotiation _negotiation;
    private readonly IAgent[] _agents;
    private readonly SessionOptions _options;
    private readonly NegotiationHistory _history = new(64);

    private MopacAgentRunner(MopacNegotiation negotiation, IReadOnlyList<IAgent> agents, SessionOptions options)
    {
        if (agents.Count != negotiation.Setup.PartyCount || negotiation.Setup.Profiles.Any(p => p is null))
        {
            throw new ArgumentException("Give one agent per party; every party needs its profile.", nameof(agents));
        }

        _negotiation = negotiation;
        _agents = [.. agents];
        _options = options;
        Guard = new AgentCallGuard(options.ActionTimeLimit, options.TimeProvider, negotiation.Setup.Parties);
        negotiation.Observe(this);
        if (options.Log is { } log)
        {
            negotiation.Observe(log);
        }
    }

    /// <summary>The guard every agent call goes through.</summary>
    public AgentCallGuard Guard { get; }

    /// <summary>Runs <paramref name="negotiation"/> (fresh) between <paramref name="agents"/> to its end; returns it, over.</summary>
    public static MopacNegotiation Run(MopacNegotiation negotiation, IReadOnlyList<IAgent> agents, SessionOptions options)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        ArgumentNullException.ThrowIfNull(options);
        var run = new MopacAgentRunner(negotiation, agents, options);
        return SessionWatchdog.Run(run.Guard, run.Body, failure =>
        {
            negotiation.Fail(failure.Party, failure.Kind, failure.Reason);
            return negotiation;
        });
    }

    /// <summary>The default votes: every offer worth at least <paramref name="aspiration"/>, with any group of 2 to <paramref name="parties"/>.</summary>
    public static IReadOnlyList<MopacVote> DefaultVotes(Preferences.Profile profile, IReadOnlyList<Outcome> offers, double aspiration, int parties)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(offers);
        var votes = new List<MopacVote>();
        foreach (var o in offers)
        {
            if (profile.Utility(o.Levels) >= aspiration - 1e-12 && !profile.CrossesRedLine(o.Levels) && votes.TrueForAll(v => !v.Offer.Equals(o)))
            {
                votes.Add(new MopacVote(o, 2, parties));
            }
        }

        return votes;
    }

    /// <inheritdoc />
    void INegotiationObserver.OnEvent(Negotiation negotiation, in NegotiationEvent e)
    {
        if (e.Kind is EventKind.Offered or EventKind.WalkedAway)
        {
            _history.Add(new HistoryEntry(e.Round, e.Time, e.Actor, e.Kind == EventKind.Offered ? ActionKind.Offer : ActionKind.WalkAway, e.Outcome));
        }
    }

    private MopacNegotiation Body()
    {
        var n = _negotiation;
        n.Start();
        var setup = n.Setup;
        for (var p = 0; p < _agents.Length; p++)
        {
            var context = new AgentContext(setup.Profiles[p]!, p, setup.Parties, setup.Deadline, _history, new Random(Saop.AgentSeed(setup.Seed, p)), Guard.Cancellation);
            _ = context.Index;
            if (!Call(p, () => { _agents[p].Start(context); return true; }, "Start", out _))
            {
                return n;
            }
        }

        while (true)
        {
            _options.Cancellation.ThrowIfCancellationRequested();
            n.Tick();
            if (n.IsOver)
            {
                return n;
            }

            for (var p = 0; p < _agents.Length && !n.IsOver; p++)
            {
                if (!n.MayAct(p))
                {
                    continue;
                }

                var asked = n.ReadClock();
                NegotiationAction action;
                if (n.Phase == MopacNegotiation.OfferPhase)
                {
                    var state = new NegotiationState(n.Round, n.TimeOf(asked), null, -1, 0);
                    if (!Call(p, () => _agents[p].Act(state), "Act", out var move))
                    {
                        return n;
                    }

                    action = NegotiationAction.From(move);
                }
                else
                {
                    var offers = n.Offers.Where(o => o is not null).Select(o => o!).ToArray();
                    var earlier = n.VotesOf(p);
                    var optIn = n.Phase == MopacNegotiation.OptInPhase;
                    IReadOnlyList<MopacVote>? votes;
                    if (_agents[p] is IMopacVoter voter)
                    {
                        if (!Call(p, () => voter.Vote(offers, earlier, optIn, n.TimeOf(asked)), "Vote", out votes))
                        {
                            return n;
                        }
                    }
                    else
                    {
                        var own = n.Offers[p];
                        var profile = setup.Profiles[p]!;
                        votes = optIn ? earlier : DefaultVotes(profile, offers, own is null ? 1.0 : profile.Utility(own.Levels), setup.PartyCount);
                    }

                    action = NegotiationAction.CastVotes(votes ?? []);
                }

                var result = n.SubmitAt(p, action, asked);
                if (!result.Accepted && result.Refusal != RefusalKind.SessionOver)
                {
                    n.Fail(p, FailureKind.InvalidAction, result.Message ?? result.Refusal.ToString());
                    return n;
                }
            }
        }
    }

    private bool Call<T>(int party, Func<T> call, string what, out T value)
    {
        Guard.Enter(party);
        try
        {
            value = call();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            value = default!;
            if (Guard.Exit(party))
            {
                _negotiation.Fail(party, FailureKind.Exception, $"{what} threw {ex.GetType().Name}: {ex.Message}");
            }

            return false;
        }

        if (!Guard.Exit(party))
        {
            if (!Guard.IsAbandoned)
            {
                _negotiation.Fail(party, Guard.Failure!.Kind, Guard.Failure.Reason);
            }

            return false;
        }

        return true;
    }
}
