using System.Runtime.CompilerServices;

namespace Parley.Protocols.Drivers;

/// <summary>
/// The asynchronous entry point of a negotiation: actions arrive from outside (a web request, a
/// WebSocket message, a task per remote party) at any time and in any order; the host serialises
/// them into the state machine and lets callers wait for what they need without blocking a thread.
/// </summary>
/// <remarks>
/// <para>Submissions are serialised by a lock held only for the state machine's step (microseconds),
/// never across an await or a wait for a person. Waiting — for one's turn, for the next event, for
/// the end — is a <see cref="Task"/> completed by the step that makes it true, so no thread is
/// blocked waiting for a person, and a host holds no thread at all between actions.</para>
/// <para>Deadlines: the host runs a timer on the negotiation's <see cref="TimeProvider"/> that calls
/// <see cref="Negotiation.Tick"/>, so a round or a session ends on time even when nobody acts.</para>
/// <para>Waiters are completed after the lock is released, and their continuations run on the thread
/// pool, so a submitter (a web request) never runs someone else's code.</para>
/// <para>In-process seats (<see cref="HostedAgent"/>, agents playing beside people or each other)
/// wait for their turn differently: a seat whose turn comes is resumed on the host's <em>strand</em>,
/// one work item that resumes the ready seats one after another until none is ready. Agents playing
/// each other through the host therefore move with no hop between threads per action (the seat that
/// submits returns to the strand, which resumes the next seat), and a web request that makes a seat
/// ready only queues the strand, never runs the seat's code on its own thread.</para>
/// </remarks>
public sealed class NegotiationHost : INegotiationObserver, IDisposable, IThreadPoolWorkItem
{
    private readonly Lock _lock = new();
    private readonly Negotiation _negotiation;
    private readonly List<NegotiationEvent> _events = [];
    private readonly List<(long Sequence, TaskCompletionSource Signal)> _eventWaiters = [];
    private readonly List<TaskCompletionSource> _ready = [];
    private readonly ITimer? _timer;
    private readonly List<ParkedSeat> _parked = []; // seats waiting for their turn
    private readonly Queue<Action> _strand = new(); // continuations of seats whose turn has come, in order
    private bool _pumping; // a strand work item is queued or running
    private bool _disposed;
    private bool _stepping; // inside a step the host runs: ready waiters are completed after its lock is released

    /// <summary>Hosts <paramref name="negotiation"/> (fresh or replayed; the host starts it if it has not started).</summary>
    /// <param name="negotiation">The state machine.</param>
    /// <param name="tickInterval">How often to check the deadline; null for no timer (the deadline is then checked on each submission).</param>
    public NegotiationHost(Negotiation negotiation, TimeSpan? tickInterval = null)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        _negotiation = negotiation;
        negotiation.Observe(this);
        lock (_lock)
        {
            if (!negotiation.IsStarted)
            {
                negotiation.Start();
            }
        }

        if (tickInterval is { } interval)
        {
            _timer = negotiation.Setup.TimeProvider.CreateTimer(_ => Tick(), null, interval, interval);
        }
    }

    /// <summary>The hosted negotiation. Read its state only through <see cref="Read{T}"/> while others may submit.</summary>
    public Negotiation Negotiation => _negotiation;

    /// <summary>Submits an action; thread-safe; returns at once with the machine's answer.</summary>
    public SubmitResult Submit(int actor, in NegotiationAction action) =>
        Step((actor, action), static (n, s) => n.Submit(s.actor, s.action));

    /// <summary>Submits an answer meant for the step the submitter saw (see <see cref="Negotiation.StepStartedAt"/>); refused as stale when that step has closed.</summary>
    public SubmitResult Submit(int actor, in NegotiationAction action, long seenStep) =>
        Step((actor, action, seenStep), static (n, s) => n.Submit(s.actor, s.action, s.seenStep));

    /// <summary>Records a party's failure (a remote party that disconnected, overran its budget or sent garbage).</summary>
    public SubmitResult Fail(int actor, FailureKind kind, string reason) =>
        Step((actor, kind, reason), static (n, s) => n.Fail(s.actor, s.kind, s.reason));

    /// <summary>Checks the deadline now.</summary>
    public SubmitResult Tick() =>
        Step(0, static (n, _) => n.Tick());

    /// <summary>Reads the state consistently (no submission runs meanwhile).</summary>
    public T Read<T>(Func<Negotiation, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_lock)
        {
            return read(_negotiation);
        }
    }

    /// <summary>Reads the negotiation's state under the host's lock with <paramref name="state"/> passed through (no closure to allocate on a per-action path).</summary>
    public T Read<TState, T>(TState state, Func<Negotiation, TState, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_lock)
        {
            return read(_negotiation, state);
        }
    }

    /// <summary>Appends the events from sequence <paramref name="from"/> on to <paramref name="destination"/> and returns how many (a per-action reader reuses its list).</summary>
    public int CopyEventsFrom(long from, List<NegotiationEvent> destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        lock (_lock)
        {
            var start = (int)Math.Clamp(from, 0, _events.Count);
            for (var i = start; i < _events.Count; i++)
            {
                destination.Add(_events[i]);
            }

            return _events.Count - start;
        }
    }

    /// <summary>The events from <paramref name="from"/> on (a reconnecting client catches up with this).</summary>
    public IReadOnlyList<NegotiationEvent> EventsFrom(long from)
    {
        lock (_lock)
        {
            var start = (int)Math.Clamp(from, 0, _events.Count);
            return _events.GetRange(start, _events.Count - start);
        }
    }

    /// <summary>Completes when the log holds more than <paramref name="seen"/> events (or the session is over).</summary>
    public Task WaitForEventsAsync(long seen, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (_events.Count > seen || _negotiation.IsOver)
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _eventWaiters.Add((seen, signal));
            return cancellationToken.CanBeCanceled ? signal.Task.WaitAsync(cancellationToken) : signal.Task;
        }
    }

    /// <summary>Completes when <paramref name="actor"/> may act, or when the session is over.</summary>
    public async Task WaitForTurnAsync(int actor, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            long seen;
            lock (_lock)
            {
                if (_negotiation.IsOver || _negotiation.MayAct(actor))
                {
                    return;
                }

                seen = _events.Count;
            }

            await WaitForEventsAsync(seen, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Completes when the session is over.</summary>
    public async Task WaitForEndAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            long seen;
            lock (_lock)
            {
                if (_negotiation.IsOver)
                {
                    return;
                }

                seen = _events.Count;
            }

            await WaitForEventsAsync(seen, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    void INegotiationObserver.OnEvent(Negotiation negotiation, in NegotiationEvent e)
    {
        // Called by the step that appended e: inside the host's lock when the host took the step.
        _events.Add(e);
        for (var i = _eventWaiters.Count - 1; i >= 0; i--)
        {
            if (_events.Count > _eventWaiters[i].Sequence || negotiation.IsOver)
            {
                _ready.Add(_eventWaiters[i].Signal); // completed once the lock is released
                _eventWaiters.RemoveAt(i);
            }
        }

        if (!_stepping)
        {
            // A step not taken through the host (its creator started or drove it directly): the
            // state may be mid-step, so every parked seat is woken to look for itself.
            var start = WakeSeats(all: true);
            Signal(TakeReady());
            StartStrand(start);
        }
    }

    /// <summary>An awaitable that completes when <paramref name="party"/> may act or the session is over, resuming the awaiting seat on the host's strand (see the remarks); the wake is a hint: the seat reads the state again.</summary>
    internal TurnAwaitable SeatTurn(int party, CancellationToken cancellationToken) => new(this, party, cancellationToken);

    /// <summary>Whether <paramref name="party"/>'s wait is over (its turn, the end, or the host gone).</summary>
    private bool TurnReady(int party)
    {
        lock (_lock)
        {
            return _disposed || _negotiation.IsOver || _negotiation.MayAct(party);
        }
    }

    /// <summary>Parks a seat's continuation until its turn (or queues it on the strand at once when the turn has come meanwhile).</summary>
    private void Park(int party, Action continuation, CancellationToken cancellationToken)
    {
        bool start;
        lock (_lock)
        {
            if (!(_disposed || cancellationToken.IsCancellationRequested || _negotiation.IsOver || _negotiation.MayAct(party)))
            {
                _parked.Add(new ParkedSeat(party, continuation, default));
                if (cancellationToken.CanBeCanceled)
                {
                    // The lock is re-entrant: a token cancelled meanwhile runs Unpark here, which finds the seat parked.
                    var registration = cancellationToken.UnsafeRegister(static (state, _) => { var (host, c) = ((NegotiationHost, Action))state!; host.Unpark(c); }, (this, continuation));
                    var index = _parked.FindIndex(p => p.Continuation == continuation);
                    if (index >= 0)
                    {
                        _parked[index] = _parked[index] with { Registration = registration };
                    }
                }

                return;
            }

            _strand.Enqueue(continuation);
            start = ClaimStrand();
        }

        StartStrand(start);
    }

    /// <summary>Resumes a parked seat whose wait was cancelled.</summary>
    private void Unpark(Action continuation)
    {
        bool start;
        lock (_lock)
        {
            var index = _parked.FindIndex(p => p.Continuation == continuation);
            if (index < 0)
            {
                return;
            }

            _parked.RemoveAt(index);
            _strand.Enqueue(continuation);
            start = ClaimStrand();
        }

        StartStrand(start);
    }

    /// <summary>Moves the parked seats whose turn has come (or all of them) to the strand (inside the lock); true when the caller must start the strand.</summary>
    private bool WakeSeats(bool all)
    {
        if (_parked.Count == 0)
        {
            return false;
        }

        var over = _negotiation.IsOver || _disposed;
        var woke = false;
        for (var i = 0; i < _parked.Count; i++)
        {
            var seat = _parked[i];
            if (all || over || _negotiation.MayAct(seat.Party))
            {
                seat.Registration.Unregister(); // never waits for a callback running meanwhile (that callback then finds nothing parked)
                _strand.Enqueue(seat.Continuation);
                _parked.RemoveAt(i--);
                woke = true;
            }
        }

        return woke && ClaimStrand();
    }

    /// <summary>Marks the strand as running when it is idle and has work (inside the lock); true when the caller must queue it.</summary>
    private bool ClaimStrand()
    {
        if (_pumping || _strand.Count == 0)
        {
            return false;
        }

        _pumping = true;
        return true;
    }

    /// <summary>Queues the strand on the thread pool (outside the lock).</summary>
    private void StartStrand(bool start)
    {
        if (start)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>The strand: resumes ready seats one after another until none is ready.</summary>
    void IThreadPoolWorkItem.Execute()
    {
        while (true)
        {
            Action next;
            lock (_lock)
            {
                if (!_strand.TryDequeue(out next!))
                {
                    _pumping = false;
                    return;
                }
            }

            next(); // a seat's continuation: it runs until it parks again or awaits something else
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _timer?.Dispose();
        TaskCompletionSource[] waiting;
        TaskCompletionSource[]? ready;
        bool start;
        lock (_lock)
        {
            waiting = [.. _eventWaiters.Select(w => w.Signal)];
            _eventWaiters.Clear();
            ready = TakeReady();
            start = WakeSeats(all: true); // each seat then finds the host disposed
        }

        Signal(ready);
        StartStrand(start);
        foreach (var signal in waiting)
        {
            signal.TrySetCanceled();
        }
    }

    /// <summary>Takes one step under the lock, then completes the waiters it made ready (outside the lock).</summary>
    private SubmitResult Step<TState>(TState state, Func<Negotiation, TState, SubmitResult> step)
    {
        SubmitResult result;
        TaskCompletionSource[]? ready;
        bool start;
        lock (_lock)
        {
            var before = _events.Count;
            _stepping = true;
            try
            {
                result = step(_negotiation, state);
            }
            finally
            {
                _stepping = false;
            }

            ready = TakeReady();
            start = _events.Count != before && WakeSeats(all: false);
        }

        Signal(ready);
        StartStrand(start);
        return result;
    }

    /// <summary>Takes the waiters the last step made ready (inside the lock).</summary>
    private TaskCompletionSource[]? TakeReady()
    {
        if (_ready.Count == 0)
        {
            return null;
        }

        var ready = _ready.ToArray();
        _ready.Clear();
        return ready;
    }

    /// <summary>Completes waiters (outside the lock).</summary>
    private static void Signal(TaskCompletionSource[]? ready)
    {
        if (ready is null)
        {
            return;
        }

        foreach (var signal in ready)
        {
            signal.TrySetResult();
        }
    }

    /// <summary>A seat waiting for its turn: its party, the continuation to resume and its cancellation registration.</summary>
    private readonly record struct ParkedSeat(int Party, Action Continuation, CancellationTokenRegistration Registration);

    /// <summary>What a seat awaits for its turn (see <see cref="SeatTurn"/>); throws <see cref="OperationCanceledException"/> when cancelled or when the host is disposed.</summary>
    internal readonly struct TurnAwaitable(NegotiationHost host, int party, CancellationToken cancellationToken) : ICriticalNotifyCompletion
    {
        /// <summary>Whether the wait is already over.</summary>
        public bool IsCompleted => cancellationToken.IsCancellationRequested || host.TurnReady(party);

        /// <summary>This awaitable is its own awaiter.</summary>
        public TurnAwaitable GetAwaiter() => this;

        /// <summary>Ends the wait.</summary>
        public void GetResult()
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (host._disposed)
            {
                throw new OperationCanceledException("The negotiation's host was disposed.");
            }
        }

        /// <inheritdoc />
        public void UnsafeOnCompleted(Action continuation) => host.Park(party, continuation, cancellationToken);

        /// <inheritdoc />
        public void OnCompleted(Action continuation)
        {
            var context = ExecutionContext.Capture();
            host.Park(party, context is null ? continuation : () => ExecutionContext.Run(context, static c => ((Action)c!)(), continuation), cancellationToken);
        }
    }
}
