using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>
/// A session's clock: normalised time t ∈ [0, 1] from the rounds played and the wall time used,
/// read through an injected <see cref="TimeProvider"/>.
/// </summary>
/// <remarks>
/// With a round deadline R and n turns per round, the turn of party j in round r happens at
/// t = (r·n + j) / (R·n); with a wall-time deadline T, t = elapsed / T; with both, the larger.
/// The clock reads wall time only when the deadline limits it, so round-limited sessions never
/// touch the system clock in their loop (and replay exactly).
/// </remarks>
public sealed class SessionClock
{
    private readonly TimeProvider _time;
    private readonly int _rounds;
    private readonly double _limitTicks;
    private long _start;

    /// <summary>Creates a clock for <paramref name="deadline"/>.</summary>
    /// <exception cref="ArgumentException">The deadline limits neither rounds nor time, or a limit is not positive.</exception>
    public SessionClock(Deadline deadline, TimeProvider timeProvider)
    {
        if (deadline.IsUnlimited)
        {
            throw new ArgumentException("A session needs a deadline in rounds or time.", nameof(deadline));
        }

        if (deadline.Rounds is <= 0)
        {
            throw new ArgumentException($"The round deadline must be positive (got {deadline.Rounds}).", nameof(deadline));
        }

        if (deadline.Time is { } limit && limit <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The time deadline must be positive (got {limit}).", nameof(deadline));
        }

        Deadline = deadline;
        _time = timeProvider;
        _rounds = deadline.Rounds ?? int.MaxValue;
        _limitTicks = deadline.Time is { } t ? t.Ticks : 0;
    }

    /// <summary>The deadline.</summary>
    public Deadline Deadline { get; }

    /// <summary>Whether the deadline limits wall time.</summary>
    public bool IsTimed => _limitTicks > 0;

    /// <summary>The round limit, or <see cref="int.MaxValue"/>.</summary>
    public int RoundLimit => _rounds;

    /// <summary>Starts (or restarts) the clock.</summary>
    public void Start() => _start = _time.GetTimestamp();

    /// <summary>The wall time since <see cref="Start"/>.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    /// <summary>Normalised time of turn <paramref name="turn"/> of <paramref name="turns"/> in round <paramref name="round"/>.</summary>
    public double TimeAt(int round, int turn, int turns)
    {
        var t = Deadline.Rounds is null ? 0 : ((double)round * turns + turn) / ((double)_rounds * turns);
        if (_limitTicks > 0)
        {
            var wall = Elapsed.Ticks / _limitTicks;
            if (wall > t)
            {
                t = wall;
            }
        }

        return t > 1 ? 1 : t;
    }

    /// <summary>Whether the deadline has passed at round <paramref name="round"/> (rounds from 0).</summary>
    public bool IsOver(int round) => round >= _rounds || (_limitTicks > 0 && Elapsed.Ticks >= _limitTicks);
}
