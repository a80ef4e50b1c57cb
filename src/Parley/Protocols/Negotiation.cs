using System.Runtime.CompilerServices;
using Parley.Agents;
using Parley.Domains;

namespace Parley.Protocols;

/// <summary>
/// A negotiation as a step-driven, event-sourced state machine: the base of every protocol.
/// </summary>
/// <remarks>
/// <para>A negotiation says what it expects now (<see cref="Allowed"/>: which actors may act, with
/// which kinds of action), takes an action from an actor (<see cref="Submit(int, in NegotiationAction)"/>) and answers with the
/// events the action caused, or with a typed refusal that leaves the state unchanged. Every change
/// of state is an event appended to the log and told to the observers; the state after any prefix
/// of the log is a pure function of the <see cref="NegotiationSetup"/> and those events, so
/// <see cref="Replay"/> rebuilds it exactly, and a saved log resumes a negotiation where it
/// stopped.</para>
/// <para>Who submits does not matter to the machine: an in-process agent (through
/// <see cref="Drivers.SaopAgentRunner"/> and the mediated runner), a remote agent or a person (through
/// <see cref="Drivers.NegotiationHost"/>). Time is read from the setup's <see cref="TimeProvider"/>
/// only when the deadline limits wall time or the setup asks to record it; events carry the time
/// they happened, so replay reads no clock. A protocol subclass implements <see cref="Decide"/>
/// (validate, then emit; it must emit nothing when it refuses), <see cref="Apply"/> (the pure
/// fold) and the deadline hooks.</para>
/// <para>Not thread-safe: one caller at a time (<see cref="Drivers.NegotiationHost"/> serialises
/// concurrent submitters).</para>
/// </remarks>
public abstract partial class Negotiation
{
    private readonly TimeProvider _time;
    private readonly bool _readsClock;
    private readonly int _actorCount;
    private INegotiationObserver[] _observers = [];
    private NegotiationHistory? _history;
    private long _startTimestamp;
    private long _elapsedOffset;
    private long _sequence;
    private NegotiationEvent[]? _replayLog;
    private long _replayBase;
    private bool _started;

    /// <summary>Creates a negotiation that has not started.</summary>
    protected Negotiation(NegotiationSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        Setup = setup;
        _time = setup.TimeProvider;
        _readsClock = setup.Deadline.Time is not null || setup.RecordElapsed;
        _actorCount = setup.ActorCount;
    }

    /// <summary>The setup: domain, parties, declared profiles, deadline, seed, clock.</summary>
    public NegotiationSetup Setup { get; }

    /// <summary>The domain.</summary>
    public Domain Domain => Setup.Domain;

    /// <summary>The protocol's identifier, as logs and hosts name it (<c>saop</c>, <c>mopac</c>, <c>single-text</c>).</summary>
    public abstract string Protocol { get; }

    /// <summary>The number of events in the log so far.</summary>
    public long EventCount => _sequence;

    /// <summary>Whether the session has started.</summary>
    public bool IsStarted => _started;

    /// <summary>Whether the session is over.</summary>
    public bool IsOver { get; private set; }

    /// <summary>Why the session ended (meaningful once <see cref="IsOver"/>).</summary>
    public EndReason EndReason { get; private set; }

    /// <summary>The round in progress, from 0.</summary>
    public int Round { get; protected set; }

    /// <summary>Normalised time t of the last event.</summary>
    public double Time { get; private set; }

    /// <summary>Wall time (ticks) of the last event, as the session's clock read it.</summary>
    public long Elapsed { get; private set; }

    /// <summary>The failure that ended the session, if one did.</summary>
    public SessionFailure? Failure { get; private set; }

    /// <summary>Normalised time t ∈ [0, 1] at session time <paramref name="elapsed"/> (from <see cref="ReadClock"/>) in the current state: what a party asked to act now sees.</summary>
    public double TimeOf(long elapsed) => TimeAt(elapsed);

    /// <summary>
    /// The sequence of the event that opened the step a party is answering now (a round of ballots, a
    /// MOPAC phase), or −1 for protocols without such steps. A person who answers at their own pace
    /// submits with the value they saw (<see cref="Submit(int, in NegotiationAction, long)"/>), so a
    /// late answer to a closed round is refused rather than counted in the next.
    /// </summary>
    public virtual long StepStartedAt => -1;

    /// <summary>Which kinds of action <paramref name="actor"/> may submit now (<see cref="ActionKinds.None"/>: none).</summary>
    public abstract ActionKinds Allowed(int actor);

    /// <summary>Whether <paramref name="actor"/> may act now.</summary>
    public bool MayAct(int actor) => !IsOver && _started && (uint)actor < (uint)_actorCount && Allowed(actor) != ActionKinds.None;

    /// <summary>The actors that may act now, in order.</summary>
    public IReadOnlyList<int> Awaiting()
    {
        var list = new List<int>();
        for (var a = 0; a < Setup.ActorCount; a++)
        {
            if (MayAct(a))
            {
                list.Add(a);
            }
        }

        return list;
    }

    /// <summary>Adds an observer: it is told of every event appended from now on.</summary>
    public void Observe(INegotiationObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers = [.. _observers, observer];
    }

    /// <summary>
    /// Feeds <paramref name="history"/> (the public history in-process agents read) from the log: every
    /// offer, acceptance and walk-away appended from now on is added to it as it is emitted. A direct
    /// call rather than an observer, because it is on the in-process drivers' per-action path.
    /// </summary>
    internal void Feed(NegotiationHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        _history = history;
    }

    /// <summary>Starts the session (starts its clock and appends <see cref="EventKind.Started"/>).</summary>
    public SubmitResult Start()
    {
        if (_started)
        {
            return Refuse(RefusalKind.NotExpected, "the session has already started");
        }

        _startTimestamp = _readsClock ? _time.GetTimestamp() : 0;
        var first = _sequence;
        Emit(EventKind.Started, -1, null, Setup.PartyCount, null);
        OnStarted();
        return new SubmitResult(RefusalKind.None, null, first, (int)(_sequence - first));
    }

    /// <summary>
    /// Submits <paramref name="action"/> by <paramref name="actor"/>: appends the events it causes,
    /// or refuses it and changes nothing (except that a deadline found passed is recorded first).
    /// </summary>
    public SubmitResult Submit(int actor, in NegotiationAction action) => SubmitAt(actor, action, ReadClock());

    /// <summary>
    /// Submits an action meant for the step that began at event <paramref name="seenStep"/> (the
    /// <see cref="StepStartedAt"/> the submitter saw): refused as <see cref="RefusalKind.Stale"/>,
    /// changing nothing, when another step has begun since.
    /// </summary>
    public SubmitResult Submit(int actor, in NegotiationAction action, long seenStep)
    {
        if (_started && !IsOver && seenStep != StepStartedAt)
        {
            return Refuse(RefusalKind.Stale, $"this answer was meant for a step that has closed (step {seenStep}; the current one began at event {StepStartedAt})");
        }

        return Submit(actor, action);
    }

    /// <summary>
    /// Submits an action as of <paramref name="elapsed"/> (ticks of session time, from <see cref="ReadClock"/>):
    /// an in-process driver stamps an agent's action with the moment it was asked to act, as GENIUS
    /// does, so that the agent's thinking time (bounded by its action time limit) does not move it.
    /// </summary>
    internal SubmitResult SubmitAt(int actor, in NegotiationAction action, long elapsed)
    {
        if ((uint)actor >= (uint)_actorCount || !_started || IsOver)
        {
            return RefuseOutOfSession(actor);
        }

        var first = _sequence;

        var now = Math.Max(elapsed, Elapsed);
        if (IsDeadlineDue(now))
        {
            OnDeadline(now);
            if (IsOver)
            {
                return new SubmitResult(RefusalKind.SessionOver, "the deadline has passed", first, (int)(_sequence - first));
            }
        }

        var beforeDecide = _sequence; // the deadline's events (a round closing) are not the action's
        var refusal = Decide(actor, action, now, out var message);
        if (refusal != RefusalKind.None && _sequence != beforeDecide)
        {
            ThrowEmittedOnRefusal(action);
        }

        return new SubmitResult(refusal, message, first, (int)(_sequence - first));
    }

    /// <summary>Checks the deadline and records what its passing causes (the end, or a round closing). Hosts call it from a timer.</summary>
    public SubmitResult Tick()
    {
        var first = _sequence;
        if (_started && !IsOver)
        {
            var now = ReadClock();
            if (IsDeadlineDue(now))
            {
                OnDeadline(now);
            }
        }

        return new SubmitResult(RefusalKind.None, null, first, (int)(_sequence - first));
    }

    /// <summary>
    /// The in-process drivers' submission on a turn: <paramref name="actor"/> (a valid actor) was asked
    /// to act after <see cref="EndIfDeadlinePassed"/>(<paramref name="elapsed"/>) found the session
    /// running, and nothing has been appended since, so the checks of <see cref="SubmitAt"/> that
    /// precede <see cref="Decide"/> are already known to pass. Same events, same refusals.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal SubmitResult SubmitOnTurn(int actor, in NegotiationAction action, long elapsed)
    {
        var first = _sequence;
        var refusal = Decide(actor, action, Math.Max(elapsed, Elapsed), out var message);
        if (refusal != RefusalKind.None && _sequence != first)
        {
            ThrowEmittedOnRefusal(action);
        }

        return new SubmitResult(refusal, message, first, (int)(_sequence - first));
    }

    /// <summary>The deadline check of an in-process driver before it asks the next party: ends the session if the deadline has passed at <paramref name="elapsed"/>; true when the session is over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal bool EndIfDeadlinePassed(long elapsed)
    {
        if (_started && !IsOver && IsDeadlineDue(Math.Max(elapsed, Elapsed)))
        {
            OnDeadline(Math.Max(elapsed, Elapsed));
        }

        return IsOver;
    }

    /// <summary>Records that <paramref name="actor"/> failed (threw, overran its time, submitted an invalid action): the session ends as a failure attributed to it.</summary>
    public SubmitResult Fail(int actor, FailureKind kind, string reason)
    {
        var first = _sequence;
        if (!_started || IsOver)
        {
            return Refuse(RefusalKind.SessionOver, "the session is not running");
        }

        var now = ReadClock();
        var time = TimeAt(now);
        Emit(EventKind.Failed, actor, null, (int)kind, new FailureDetail(kind, reason), time, now);
        EmitEnd(EndReason.Failure, actor, null, null, time, now);
        return new SubmitResult(RefusalKind.None, null, first, (int)(_sequence - first));
    }

    /// <summary>
    /// Rebuilds the state from a log: every action in it is submitted again at its recorded time
    /// and every event the protocol derives must equal the logged one, so a tampered or foreign
    /// log is refused rather than folded into a wrong state.
    /// </summary>
    /// <remarks>
    /// A log cut in the middle of a step (a crash between an action and the events it derives) is
    /// completed: the protocol appends the events the step derives, which are determined by the
    /// action, so the state is the one the whole step leaves and observers receive those events.
    /// <para>The log continues the negotiation's own: a fresh negotiation replays a log from its first
    /// event, one restored from a snapshot (<see cref="Restore(string)"/>) the events after it.</para>
    /// </remarks>
    /// <exception cref="InvalidLogException">An event the protocol does not reproduce (with its sequence).</exception>
    public void Replay(IReadOnlyList<NegotiationEvent> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (_replayLog is not null)
        {
            throw new InvalidOperationException("Replay is already in progress.");
        }

        // A fresh negotiation replays a log from its first event; one restored from a snapshot
        // (Restore) replays the events after it: the log continues at EventCount.
        var first = _sequence;
        _replayLog = [.. log];
        _replayBase = first;
        try
        {
            while (_sequence - first < _replayLog.Length)
            {
                var e = _replayLog[_sequence - first];
                var before = _sequence;
                if (e.Sequence != _sequence)
                {
                    throw new InvalidLogException(_sequence, $"event {e.Sequence} stands at position {_sequence}");
                }

                switch (e.Kind)
                {
                    case EventKind.Started:
                        if (_started)
                        {
                            throw new InvalidLogException(e.Sequence, "a second start");
                        }

                        _started = true;
                        Emit(EventKind.Started, -1, null, Setup.PartyCount, null, 0, 0);
                        OnStarted();
                        break;
                    case EventKind.Failed:
                        RequireRunning(e);
                        var failure = e.Detail as FailureDetail ?? throw new InvalidLogException(e.Sequence, "a failure without its description");
                        Emit(EventKind.Failed, e.Actor, null, (int)failure.Kind, failure, TimeAt(e.Elapsed), e.Elapsed);
                        EmitEnd(EndReason.Failure, e.Actor, null, null, TimeAt(e.Elapsed), e.Elapsed);
                        break;
                    default:
                        RequireRunning(e);
                        if (e.Actor < 0)
                        {
                            if (!IsDeadlineDue(e.Elapsed))
                            {
                                throw new InvalidLogException(e.Sequence, $"{e.Kind} by the protocol before the deadline");
                            }

                            OnDeadline(e.Elapsed);
                            break;
                        }

                        if (IsDeadlineDue(e.Elapsed))
                        {
                            throw new InvalidLogException(e.Sequence, $"an action after the deadline");
                        }

                        var refusal = Decide(e.Actor, ActionOf(e), e.Elapsed, out var message);
                        if (refusal != RefusalKind.None)
                        {
                            throw new InvalidLogException(e.Sequence, $"the protocol refuses {e.Kind} by {Setup.ActorName(e.Actor)}: {message}");
                        }

                        break;
                }

                if (_sequence == before)
                {
                    throw new InvalidLogException(e.Sequence, $"{e.Kind} causes no event here");
                }
            }
        }
        finally
        {
            _replayLog = null;
        }

        // Resume: the live clock continues from the last recorded time.
        _elapsedOffset = Elapsed;
        _startTimestamp = _readsClock ? _time.GetTimestamp() : 0;
    }

    /// <summary>The action an actor's event records (the inverse of what <see cref="Decide"/> emits first).</summary>
    protected static NegotiationAction ActionOf(in NegotiationEvent e) => e.Kind switch
    {
        EventKind.Offered => new NegotiationAction(ActionKind.Offer, e.Outcome),
        EventKind.Accepted => new NegotiationAction(ActionKind.Accept, e.Outcome),
        EventKind.WalkedAway => new NegotiationAction(ActionKind.WalkAway),
        EventKind.TextProposed => new NegotiationAction(ActionKind.ProposeText, e.Outcome, e.Value),
        EventKind.BallotCast => new NegotiationAction(ActionKind.Vote, null, e.Value, e.Detail),
        EventKind.Decided => new NegotiationAction(ActionKind.Decide, null, e.Value),
        EventKind.Signed => new NegotiationAction(ActionKind.Sign, null, e.Value),
        EventKind.Passed => new NegotiationAction(ActionKind.Pass),
        EventKind.VotesCast => new NegotiationAction(ActionKind.Votes, null, e.Value, e.Detail),
        _ => throw new InvalidLogException(e.Sequence, $"{e.Kind} by {e.Actor} is not an action"),
    };

    /// <summary>Validates <paramref name="action"/> and, if it is acceptable, emits its events; otherwise returns the refusal and emits nothing.</summary>
    /// <param name="actor">The submitting actor (a valid index).</param>
    /// <param name="action">The action.</param>
    /// <param name="elapsed">The wall time of the action (ticks), to stamp events with.</param>
    /// <param name="message">The refusal in words.</param>
    protected abstract RefusalKind Decide(int actor, in NegotiationAction action, long elapsed, out string? message);

    /// <summary>Folds <paramref name="e"/> into the state. Pure: the same events give the same state.</summary>
    protected abstract void Apply(in NegotiationEvent e);

    /// <summary>Whether the deadline has passed at <paramref name="elapsed"/> in the current state.</summary>
    protected abstract bool IsDeadlineDue(long elapsed);

    /// <summary>Emits what the deadline's passing causes (the end, or closing a round). Called only when <see cref="IsDeadlineDue"/>.</summary>
    protected abstract void OnDeadline(long elapsed);

    /// <summary>Normalised time of an event at <paramref name="elapsed"/> in the current state.</summary>
    protected abstract double TimeAt(long elapsed);

    /// <summary>Called once after <see cref="EventKind.Started"/> (live and in replay): emit the opening phase, if any.</summary>
    protected virtual void OnStarted()
    {
    }

    /// <summary>The current wall time of the session (ticks), or 0 when the session does not read the clock.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadClock() => _readsClock ? _elapsedOffset + _time.GetElapsedTime(_startTimestamp).Ticks : 0;

    /// <summary>Appends an event at the current round, stamped with the time of the last event.</summary>
    protected void Emit(EventKind kind, int actor, Outcome? outcome, int value, ActionDetail? detail) =>
        Emit(kind, actor, outcome, value, detail, Time, Elapsed);

    /// <summary>Appends an event: applies it to the state, then tells the observers.</summary>
    protected void Emit(EventKind kind, int actor, Outcome? outcome, int value, ActionDetail? detail, double time, long elapsed)
    {
        var e = new NegotiationEvent(_sequence, kind, actor, Round, time, elapsed, outcome, value, detail);
        if (_replayLog is not null)
        {
            CheckAgainstLog(e);
        }

        _sequence++;
        _started = true;
        Time = time;
        Elapsed = elapsed;
        if (kind == EventKind.Ended)
        {
            IsOver = true;
            EndReason = (EndReason)value;
        }
        else if (kind == EventKind.Failed && detail is FailureDetail f)
        {
            Failure = new SessionFailure(actor, Setup.ActorName(actor), f.Kind, f.Reason);
        }

        Apply(e);
        if (_history is { } history)
        {
            switch (kind)
            {
                case EventKind.Offered:
                    history.Add(new HistoryEntry(e.Round, time, actor, ActionKind.Offer, outcome));
                    break;
                case EventKind.Accepted:
                    history.Add(new HistoryEntry(e.Round, time, actor, ActionKind.Accept, outcome));
                    break;
                case EventKind.WalkedAway:
                    history.Add(new HistoryEntry(e.Round, time, actor, ActionKind.WalkAway, null));
                    break;
            }
        }

        var observers = _observers;
        for (var i = 0; i < observers.Length; i++)
        {
            observers[i].OnEvent(this, e);
        }
    }

    /// <summary>Appends <see cref="EventKind.Ended"/>.</summary>
    protected void EmitEnd(EndReason reason, int actor, Outcome? agreement, ActionDetail? detail, double time, long elapsed) =>
        Emit(EventKind.Ended, actor, agreement, (int)reason, detail, time, elapsed);

    /// <summary>In replay: the derived event must be the logged one (kept out of <see cref="Emit(EventKind, int, Outcome?, int, ActionDetail?, double, long)"/>, the hot path).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void CheckAgainstLog(in NegotiationEvent e)
    {
        var log = _replayLog!;
        if (_sequence - _replayBase < log.Length)
        {
            var logged = log[_sequence - _replayBase];
            if (!SameEvent(e, logged))
            {
                throw new InvalidLogException(_sequence, $"the log says {logged.Kind} by {Setup.ActorName(logged.Actor)} in round {logged.Round + 1}; the protocol derives {e.Kind} by {Setup.ActorName(e.Actor)} in round {Round + 1}");
            }
        }
    }

    private static bool SameEvent(in NegotiationEvent a, in NegotiationEvent b) =>
        a.Kind == b.Kind && a.Actor == b.Actor && a.Round == b.Round && a.Value == b.Value
        && a.Time.Equals(b.Time) && a.Elapsed == b.Elapsed
        && Equals(a.Outcome, b.Outcome) && Equals(a.Detail, b.Detail);

    private void RequireRunning(in NegotiationEvent e)
    {
        if (!_started)
        {
            throw new InvalidLogException(e.Sequence, "an event before the start");
        }

        if (IsOver)
        {
            throw new InvalidLogException(e.Sequence, "an event after the end");
        }
    }

    private SubmitResult Refuse(RefusalKind kind, string message) => new(kind, message, _sequence, 0);

    /// <summary>The refusal of an action by an unknown actor, before the start or after the end (cold: kept out of <see cref="SubmitAt"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private SubmitResult RefuseOutOfSession(int actor) =>
        (uint)actor >= (uint)_actorCount ? Refuse(RefusalKind.UnknownParty, $"no actor #{actor} in this negotiation ({Setup.ActorCount} actors)")
        : !_started ? Refuse(RefusalKind.NotExpected, "the session has not started")
        : Refuse(RefusalKind.SessionOver, $"the session is over ({EndReasonNames.Name(EndReason)})");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowEmittedOnRefusal(in NegotiationAction action) =>
        throw new InvalidOperationException($"{GetType().Name} emitted events for an action it refused ({action}).");
}
