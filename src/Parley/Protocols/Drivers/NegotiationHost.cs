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
/// <para>Waiters are completed after the lock is released. By default their continuations run on the
/// thread pool, so a submitter (a web request) never runs someone else's code. A host whose waiters
/// are all in-process seats (agents playing each other through the host) may ask for
/// <c>inlineContinuations</c>: the seat whose turn it becomes then continues on the submitter's
/// thread, with no hop between threads per action; the submitter's call returns once that seat
/// waits again (the depth stays bounded: a seat never waits inside its own submission).</para>
/// </remarks>
public sealed class NegotiationHost : INegotiationObserver, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Negotiation _negotiation;
    private readonly List<NegotiationEvent> _events = [];
    private readonly List<(long Sequence, TaskCompletionSource Signal)> _eventWaiters = [];
    private readonly List<TaskCompletionSource> _ready = [];
    private readonly ITimer? _timer;
    private readonly TaskCreationOptions _signalOptions;
    private bool _disposed;
    private bool _stepping; // inside a step the host runs: ready waiters are completed after its lock is released

    /// <summary>Hosts <paramref name="negotiation"/> (fresh or replayed; the host starts it if it has not started).</summary>
    /// <param name="negotiation">The state machine.</param>
    /// <param name="tickInterval">How often to check the deadline; null for no timer (the deadline is then checked on each submission).</param>
    /// <param name="inlineContinuations">Whether a waiter's continuation runs on the thread that completed its wait (see the remarks); false: on the thread pool.</param>
    public NegotiationHost(Negotiation negotiation, TimeSpan? tickInterval = null, bool inlineContinuations = false)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        _negotiation = negotiation;
        _signalOptions = inlineContinuations ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously;
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

            var signal = new TaskCompletionSource(_signalOptions);
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
            Signal(TakeReady()); // a step not taken through the host (its creator started or drove it directly)
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
        lock (_lock)
        {
            waiting = [.. _eventWaiters.Select(w => w.Signal)];
            _eventWaiters.Clear();
            ready = TakeReady();
        }

        Signal(ready);
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
        lock (_lock)
        {
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
        }

        Signal(ready);
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
}
