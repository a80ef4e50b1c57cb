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
/// </remarks>
public sealed class NegotiationHost : INegotiationObserver, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Negotiation _negotiation;
    private readonly List<NegotiationEvent> _events = [];
    private readonly List<(long Sequence, TaskCompletionSource Signal)> _eventWaiters = [];
    private readonly ITimer? _timer;
    private bool _disposed;

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
    public SubmitResult Submit(int actor, in NegotiationAction action)
    {
        lock (_lock)
        {
            return _negotiation.Submit(actor, action);
        }
    }

    /// <summary>Submits an answer meant for the step the submitter saw (see <see cref="Negotiation.StepStartedAt"/>); refused as stale when that step has closed.</summary>
    public SubmitResult Submit(int actor, in NegotiationAction action, long seenStep)
    {
        lock (_lock)
        {
            return _negotiation.Submit(actor, action, seenStep);
        }
    }

    /// <summary>Records a party's failure (a remote party that disconnected, overran its budget or sent garbage).</summary>
    public SubmitResult Fail(int actor, FailureKind kind, string reason)
    {
        lock (_lock)
        {
            return _negotiation.Fail(actor, kind, reason);
        }
    }

    /// <summary>Checks the deadline now.</summary>
    public SubmitResult Tick()
    {
        lock (_lock)
        {
            return _negotiation.Tick();
        }
    }

    /// <summary>Reads the state consistently (no submission runs meanwhile).</summary>
    public T Read<T>(Func<Negotiation, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_lock)
        {
            return read(_negotiation);
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
        // Called inside the lock, by the step that appended e.
        _events.Add(e);
        for (var i = _eventWaiters.Count - 1; i >= 0; i--)
        {
            if (_events.Count > _eventWaiters[i].Sequence || negotiation.IsOver)
            {
                _eventWaiters[i].Signal.TrySetResult();
                _eventWaiters.RemoveAt(i);
            }
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
        lock (_lock)
        {
            foreach (var (_, signal) in _eventWaiters)
            {
                signal.TrySetCanceled();
            }

            _eventWaiters.Clear();
        }
    }
}
