using System.Runtime.CompilerServices;
using Parley.Agents;

namespace Parley.Protocols.Drivers;

/// <summary>
/// The in-process driver of SAOP: asks each local agent for its action on its turn and submits it
/// to the <see cref="SaopNegotiation"/> state machine.
/// </summary>
/// <remarks>
/// <para>The fast path of tournaments: no allocation per turn beyond what agents allocate, no clock
/// read in a round-limited session. Every call into an agent goes through an
/// <see cref="AgentCallGuard"/>: an exception, an overrun of <see cref="SessionOptions.ActionTimeLimit"/>
/// or an action the protocol refuses is recorded as the agent's failure
/// (<see cref="Negotiation.Fail"/>) and ends the session; nothing escapes. With a time limit the
/// session runs under the <see cref="SessionWatchdog"/>, so an agent that never returns is abandoned
/// (and told through its cancellation token) rather than holding the caller.</para>
/// <para>Agents see the public history (<see cref="NegotiationHistory"/>, fed from the event log)
/// and their own profile only.</para>
/// </remarks>
public sealed class SaopAgentRunner : INegotiationObserver
{
    private const int InitialCapacityLimit = 4096;
    private readonly SaopNegotiation _negotiation;
    private readonly IAgent[] _agents;
    private readonly SessionOptions _options;
    private readonly NegotiationHistory _history;
    private readonly SessionTrace? _trace;
    private readonly ISessionObserver? _observer;
    private readonly double[] _utilities;
    private long _start;

    private SaopAgentRunner(SaopNegotiation negotiation, IReadOnlyList<IAgent> agents, SessionOptions options, NegotiationHistory? reuse)
    {
        var setup = negotiation.Setup;
        if (agents.Count != setup.PartyCount)
        {
            throw new ArgumentException($"Got {setup.PartyCount} parties and {agents.Count} agents: give one agent per party.", nameof(agents));
        }

        for (var i = 0; i < setup.PartyCount; i++)
        {
            if (setup.Profiles[i] is null)
            {
                throw new ArgumentException($"An in-process agent needs its party's profile; '{setup.Parties[i]}' declared none.", nameof(negotiation));
            }
        }

        _negotiation = negotiation;
        _agents = [.. agents];
        _options = options;
        Guard = new AgentCallGuard(options.ActionTimeLimit, options.TimeProvider, setup.Parties);
        var expected = HistoryCapacity(setup.Deadline.Rounds, setup.PartyCount);
        if (reuse is not null)
        {
            reuse.Reset();
            _history = reuse;
        }
        else
        {
            _history = new NegotiationHistory(expected);
        }

        _trace = options.RecordTrace ? new SessionTrace(setup.Domain, setup.Parties, expected) : null;
        _observer = options.Observer;
        _utilities = new double[setup.PartyCount];
        negotiation.Feed(_history);
        if (_trace is not null || _observer is not null)
        {
            negotiation.Observe(this); // only to record utilities: the history is fed directly
        }

        if (options.Log is { } log)
        {
            negotiation.Observe(log);
        }
    }

    /// <summary>
    /// The entries a session's history starts with: room for the whole session when it is short (no
    /// growth in the loop), bounded when it is long.
    /// </summary>
    internal static int HistoryCapacity(int? rounds, int parties) =>
        rounds is { } r ? (int)Math.Min(((long)r * parties) + 1, InitialCapacityLimit) : 256;

    /// <summary>The guard every agent call goes through.</summary>
    public AgentCallGuard Guard { get; }

    /// <summary>Runs <paramref name="negotiation"/> (fresh, not started) between <paramref name="agents"/> (one per party, in order) to its end.</summary>
    /// <exception cref="ArgumentException">Not one agent per party, or a party without a profile.</exception>
    public static SessionResult Run(SaopNegotiation negotiation, IReadOnlyList<IAgent> agents, SessionOptions options) =>
        Run(negotiation, agents, options, null);

    /// <summary>
    /// Runs a session whose agents read <paramref name="reuse"/> as their history (emptied first) rather than
    /// a new one: for a caller that runs many sessions one after another on a thread, with fresh agents each
    /// time and no action time limit (so no abandoned agent can still be reading it), as a tournament's
    /// worker does.
    /// </summary>
    internal static SessionResult Run(SaopNegotiation negotiation, IReadOnlyList<IAgent> agents, SessionOptions options, NegotiationHistory? reuse)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        ArgumentNullException.ThrowIfNull(options);
        if (reuse is not null && options.ActionTimeLimit is not null)
        {
            throw new ArgumentException("A history is reused only without an action time limit: an abandoned agent may still read it.", nameof(reuse));
        }

        var run = new SaopAgentRunner(negotiation, agents, options, reuse);
        return SessionWatchdog.Run(run.Guard, run.Body, run.Abandoned);
    }

    /// <inheritdoc />
    void INegotiationObserver.OnEvent(Negotiation negotiation, in NegotiationEvent e)
    {
        ActionKind kind;
        switch (e.Kind)
        {
            case EventKind.Offered:
                kind = ActionKind.Offer;
                break;
            case EventKind.Accepted:
                kind = ActionKind.Accept;
                break;
            case EventKind.WalkedAway:
                kind = ActionKind.WalkAway;
                break;
            default:
                return;
        }

        if (e.Outcome is { } offer)
        {
            var profiles = _negotiation.Setup.Profiles;
            for (var i = 0; i < _utilities.Length; i++)
            {
                _utilities[i] = profiles[i]!.Utility(offer.Levels);
            }
        }
        else
        {
            Array.Fill(_utilities, double.NaN);
        }

        var se = new SessionEvent(e.Round, e.Time, e.Actor, kind, e.Outcome);
        _trace?.Add(se, _utilities);
        _observer?.OnEvent(se, _utilities);
    }

    private SessionResult Body()
    {
        _start = _options.TimeProvider.GetTimestamp();
        _negotiation.Start();
        return StartAgents(out var ended) ? Turns() : ended;
    }

    /// <summary>Starts every agent; false, with the session's result in <paramref name="ended"/>, if one failed or was abandoned.</summary>
    /// <remarks>Apart from the turn loop, so that the JIT spends its inlining on the loop.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool StartAgents(out SessionResult ended)
    {
        var negotiation = _negotiation;
        var profiles = negotiation.Setup.Profiles;
        for (var p = 0; p < _agents.Length; p++)
        {
            var context = new AgentContext(profiles[p]!, p, negotiation.Setup.Parties, negotiation.Setup.Deadline, _history, new Random(Saop.AgentSeed(_options.Seed, p)), Guard.Cancellation);
            _ = context.Index; // build (or fetch) the outcome index before the timed calls
            Guard.Enter(p);
            try
            {
                _agents[p].Start(context);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                ended = Guard.Exit(p) ? Fail(p, FailureKind.Exception, Describe("Start", ex)) : AfterGuardRefusal();
                return false;
            }

            if (!Guard.Exit(p))
            {
                ended = AfterGuardRefusal();
                return false;
            }
        }

        ended = null!;
        return true;
    }

    /// <summary>The turns, to the session's end.</summary>
    /// <remarks>The hot loop: the agent's move and the step (<see cref="SaopNegotiation"/>'s decide, fold and
    /// history append) are inlined here; kept out of <see cref="Body"/> so that they are.</remarks>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private SessionResult Turns()
    {
        var negotiation = _negotiation;
        var cancellation = _options.Cancellation;
        var cancellable = cancellation.CanBeCanceled; // most sessions cannot be: then the loop reads nothing for it
        while (true)
        {
            if (cancellable)
            {
                cancellation.ThrowIfCancellationRequested();
            }

            var asked = negotiation.ReadClock();
            if (negotiation.EndIfDeadlinePassed(asked)) // the deadline is checked before each turn
            {
                return Finish();
            }

            var p = negotiation.Turn;
            var state = negotiation.StateAt(asked);
            AgentAction action;
            Guard.Enter(p);
            try
            {
                action = _agents[p].Act(state);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return Guard.Exit(p) ? Fail(p, FailureKind.Exception, Describe("Act", ex)) : AfterGuardRefusal();
            }

            if (!Guard.Exit(p))
            {
                return AfterGuardRefusal();
            }

            var result = negotiation.SubmitOnTurn(p, NegotiationAction.From(action), asked);
            if (!result.Accepted && result.Refusal != RefusalKind.SessionOver)
            {
                return Fail(p, FailureKind.InvalidAction, result.Message ?? result.Refusal.ToString());
            }

            if (negotiation.IsOver)
            {
                return Finish();
            }
        }
    }

    private SessionResult Abandoned(SessionFailure failure)
    {
        // The abandoned call never returns into the session: the state is the watchdog's now.
        _negotiation.Fail(failure.Party, failure.Kind, failure.Reason);
        return Finish();
    }

    private static string Describe(string call, Exception ex) => $"{call} threw {ex.GetType().Name}: {ex.Message}";

    private SessionResult AfterGuardRefusal() =>
        Guard.IsAbandoned
            ? null! // the watchdog owns the result; nobody reads this one
            : Fail(Guard.Failure!.Party, Guard.Failure.Kind, Guard.Failure.Reason);

    private SessionResult Fail(int party, FailureKind kind, string reason)
    {
        _negotiation.Fail(party, kind, reason);
        return Finish();
    }

    private SessionResult Finish() => Saop.Result(_negotiation, _options.TimeProvider.GetElapsedTime(_start), _trace);
}
