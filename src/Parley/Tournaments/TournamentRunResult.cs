namespace Parley.Tournaments;

/// <summary>What a call to <see cref="TournamentRunner.Run"/> did.</summary>
/// <param name="Total">Sessions in the plan.</param>
/// <param name="Resumed">Sessions already recorded when the run started (skipped).</param>
/// <param name="Ran">Sessions run and recorded in this run.</param>
/// <param name="Failed">Sessions of this run recorded with an exception.</param>
/// <param name="Elapsed">Wall time of this run.</param>
/// <param name="Cancelled">Whether the run stopped early because it was cancelled.</param>
public sealed record TournamentRunResult(long Total, long Resumed, long Ran, long Failed, TimeSpan Elapsed, bool Cancelled)
{
    /// <summary>Whether every session of the plan is now recorded.</summary>
    public bool Completed => Resumed + Ran == Total;
}
