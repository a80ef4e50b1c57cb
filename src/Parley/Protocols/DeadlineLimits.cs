using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>A deadline as a protocol reads it: a round limit (or <see cref="int.MaxValue"/>) and a wall-time limit in ticks (or 0).</summary>
internal static class DeadlineLimits
{
    /// <exception cref="ArgumentException">The deadline limits neither rounds nor time, or a limit is not positive.</exception>
    public static (int Rounds, long TimeTicks) Of(Deadline deadline)
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

        return (deadline.Rounds ?? int.MaxValue, deadline.Time?.Ticks ?? 0);
    }
}
