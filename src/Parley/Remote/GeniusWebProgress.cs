namespace Parley.Remote;

/// <summary>
/// A GeniusWeb deadline as the Settings inform carries it: <c>ProgressRounds</c> (a number of
/// rounds, the round reached and a wall-clock end time) or <c>ProgressTime</c> (a duration from a
/// start time).
/// </summary>
/// <param name="Rounds">The number of rounds (<c>ProgressRounds.duration</c>); null for <c>ProgressTime</c>.</param>
/// <param name="CurrentRound">The round reached (<c>ProgressRounds.currentRound</c>).</param>
/// <param name="DurationMs">The session's length in milliseconds (<c>ProgressTime.duration</c>).</param>
/// <param name="StartMs">The start, in milliseconds since 1970 (<c>ProgressTime.start</c>).</param>
/// <param name="EndTimeMs">The end, in milliseconds since 1970 (<c>ProgressRounds.endtime</c>).</param>
public sealed record GeniusWebProgress(int? Rounds, int CurrentRound, long DurationMs, long StartMs, long EndTimeMs)
{
    /// <summary>A round deadline.</summary>
    public static GeniusWebProgress OfRounds(int rounds, long endTimeMs) => new(rounds, 0, 0, 0, endTimeMs);

    /// <summary>A time deadline.</summary>
    public static GeniusWebProgress OfTime(long durationMs, long startMs) => new(null, 0, durationMs, startMs, startMs + durationMs);
}
