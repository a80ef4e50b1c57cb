namespace Parley.Protocols;

/// <summary>
/// Runs a session so that an agent that never returns cannot hang the caller.
/// </summary>
/// <remarks>
/// <para>The session body runs as a thread-pool task; the calling thread waits for it, waking every
/// quarter of the action time limit (at least 1 ms, at most 50 ms) to ask the
/// <see cref="AgentCallGuard"/> whether the call in progress has overrun. When it has, the guard
/// abandons the session (one compare-and-swap, so the session thread and the watchdog never both
/// decide), the agent's cancellation token is signalled, and the caller gets a failure result at
/// once, attributed to that agent.</para>
/// <para>.NET cannot stop a thread: an agent that truly never returns keeps its pool thread (and, if
/// it spins, a core) until the process ends, but nothing waits for it and the session's state is
/// never touched again. Hostile code belongs in another process. A call that returns late but
/// returns is caught by the guard itself, deterministically, without the watchdog.</para>
/// </remarks>
public static class SessionWatchdog
{
    /// <summary>Runs <paramref name="body"/> under watch; returns its result, or <paramref name="abandoned"/>'s when a call overran.</summary>
    public static SessionResult Run(AgentCallGuard guard, Func<SessionResult> body, Func<SessionFailure, SessionResult> abandoned) =>
        Run<SessionResult>(guard, body, abandoned);

    /// <summary>Runs <paramref name="body"/> under watch for any protocol's result type (mediated sessions return their own).</summary>
    public static T Run<T>(AgentCallGuard guard, Func<T> body, Func<SessionFailure, T> abandoned)
    {
        ArgumentNullException.ThrowIfNull(guard);
        if (guard.Limit is not { } limit)
        {
            return body();
        }

        var poll = TimeSpan.FromTicks(Math.Clamp(limit.Ticks / 4, TimeSpan.TicksPerMillisecond, 50 * TimeSpan.TicksPerMillisecond));
        var task = Task.Factory.StartNew(body, CancellationToken.None, TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
        while (!WaitQuietly(task, poll))
        {
            if (guard.TryAbandonOverdueCall())
            {
                return abandoned(guard.Failure!);
            }
        }

        return task.GetAwaiter().GetResult(); // the body's own exception, unwrapped
    }

    /// <summary>Waits up to <paramref name="timeout"/>; true once the task has ended, however it ended.</summary>
    /// <remarks>
    /// <see cref="Task.Wait(TimeSpan)"/> blocks on a managed event released with the wait; the task's
    /// <see cref="IAsyncResult.AsyncWaitHandle"/> would instead allocate an operating-system event per
    /// session that lives until the task is finalised.
    /// </remarks>
    private static bool WaitQuietly(Task task, TimeSpan timeout)
    {
        try
        {
            return task.Wait(timeout);
        }
        catch (AggregateException)
        {
            return true; // faulted or cancelled: the caller rethrows the original exception
        }
    }
}
