namespace Parley.Workbench;

/// <summary>
/// The clock a case's engine reads: set to the moment of each command (the time the server records
/// it), so that the engine's elapsed times are the case's record times and a replay reads no clock.
/// </summary>
internal sealed class CaseClock : TimeProvider
{
    /// <summary>The current moment.</summary>
    public DateTimeOffset Now { get; set; }

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <inheritdoc />
    public override long GetTimestamp() => Now.UtcTicks;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;
}
