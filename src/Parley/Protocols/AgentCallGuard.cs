using System.Runtime.CompilerServices;
namespace Parley.Protocols;

/// <summary>
/// Watches every call a protocol makes into an agent: measures it against the per-action time
/// limit and, when a <see cref="SessionWatchdog"/> runs the session, lets the watchdog abandon a
/// call that never returns.
/// </summary>
/// <remarks>
/// <para>Protocol code brackets each agent call with <see cref="Enter"/> and <see cref="Exit"/> (also
/// when the call throws). <see cref="Exit"/> returns false when the call must not be used: it took
/// longer than the limit (then <see cref="Failure"/> says so) or the watchdog has already abandoned
/// the session (the protocol must then return at once, touching nothing).</para>
/// <para>The hand-over between the session thread and the watchdog is one compare-and-swap on a
/// state word (idle / in call / abandoned, tagged with the call's sequence number), so exactly one
/// of them decides the fate of a call, and the watchdog can only abandon the very call it found
/// overdue, never a later one that started while it was looking. Without a time limit the guard
/// does nothing and costs nothing.</para>
/// </remarks>
public sealed class AgentCallGuard
{
    private const int Idle = 0;
    private const int InCall = 1;
    private const int Abandoned = 2;
    private const int PhaseMask = 3;

    private readonly TimeProvider _time;
    private readonly IReadOnlyList<string> _names;
    private readonly CancellationTokenSource? _cancellation;
    private int _state;     // (call number << 2) | phase; written by both threads
    private int _current;   // the session thread's state word of its call in progress
    private long _callStart;
    private int _callParty = -1;

    /// <summary>Creates a guard.</summary>
    /// <param name="limit">The per-call time limit, or null for none.</param>
    /// <param name="timeProvider">The clock calls are measured with.</param>
    /// <param name="partyNames">The parties' names (for failure messages).</param>
    public AgentCallGuard(TimeSpan? limit, TimeProvider timeProvider, IReadOnlyList<string> partyNames)
    {
        if (limit is { } l && l <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The action time limit must be positive.");
        }

        Limit = limit;
        _time = timeProvider;
        _names = partyNames;
        _cancellation = limit is null ? null : new CancellationTokenSource();
    }

    /// <summary>The per-call time limit, if any.</summary>
    public TimeSpan? Limit { get; }

    /// <summary>Cancelled when the watchdog abandons the session; handed to agents through their context.</summary>
    public CancellationToken Cancellation => _cancellation?.Token ?? CancellationToken.None;

    /// <summary>The timeout that the guard detected, if any.</summary>
    public SessionFailure? Failure { get; private set; }

    /// <summary>Whether the watchdog has abandoned the session.</summary>
    public bool IsAbandoned => (Volatile.Read(ref _state) & PhaseMask) == Abandoned;

    /// <summary>Marks the start of a call into party <paramref name="party"/>'s agent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // without a limit, nothing: inlined into the drivers' loops
    public void Enter(int party)
    {
        if (Limit is not null)
        {
            EnterTimed(party);
        }
    }

    /// <summary>Marks the end of the call; false when its result must not be used (timeout or abandoned).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Exit(int party) => Limit is null || ExitTimed(party);

    private void EnterTimed(int party)
    {
        _callParty = party;
        _callStart = _time.GetTimestamp();
        _current = unchecked((((_current >> 2) + 1) << 2) | InCall);
        Volatile.Write(ref _state, _current);
    }

    private bool ExitTimed(int party)
    {
        var limit = Limit!.Value;
        if (Interlocked.CompareExchange(ref _state, (_current & ~PhaseMask) | Idle, _current) != _current)
        {
            return false; // the watchdog abandoned this call and owns the outcome
        }

        var elapsed = _time.GetElapsedTime(_callStart);
        if (elapsed > limit)
        {
            Failure = Timeout(party, elapsed, limit, abandoned: false);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Called by the watchdog: abandons the call in progress if it has run past the limit. Returns
    /// true when it did; <see cref="Failure"/> then describes the timeout.
    /// </summary>
    public bool TryAbandonOverdueCall()
    {
        var state = Volatile.Read(ref _state);
        if (Limit is not { } limit || (state & PhaseMask) != InCall)
        {
            return false;
        }

        var party = _callParty;
        var elapsed = _time.GetElapsedTime(_callStart);
        if (elapsed <= limit)
        {
            return false;
        }

        var failure = Timeout(party, elapsed, limit, abandoned: true);
        if (Interlocked.CompareExchange(ref _state, (state & ~PhaseMask) | Abandoned, state) != state)
        {
            return false; // the call ended (or another began) meanwhile
        }

        Failure = failure;
        _cancellation!.Cancel();
        return true;
    }

    private SessionFailure Timeout(int party, TimeSpan elapsed, TimeSpan limit, bool abandoned) =>
        new(
            party,
            party >= 0 && party < _names.Count ? _names[party] : "?",
            FailureKind.Timeout,
            abandoned
                ? $"no answer after {Format(elapsed)}, over the action time limit of {Format(limit)}; the call was abandoned"
                : $"took {Format(elapsed)} for one action, over the limit of {Format(limit)}");

    private static string Format(TimeSpan t) =>
        t.TotalSeconds >= 1
            ? t.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s"
            : t.TotalMilliseconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " ms";
}
