namespace Parley.Tournaments;

/// <summary>How far a tournament run has come.</summary>
/// <param name="Total">Sessions in the plan.</param>
/// <param name="Finished">Sessions recorded in the journal, including those of earlier runs.</param>
/// <param name="Resumed">Sessions that were already recorded when this run started.</param>
/// <param name="Failed">Sessions of this run recorded with an exception.</param>
/// <param name="Elapsed">Wall time since this run started.</param>
public sealed record TournamentProgress(long Total, long Finished, long Resumed, long Failed, TimeSpan Elapsed)
{
    /// <summary>Sessions run in this run.</summary>
    public long Ran => Finished - Resumed;

    /// <summary>Sessions per second in this run (0 before the first finishes).</summary>
    public double Rate => Elapsed > TimeSpan.Zero ? Ran / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left at the current rate; null while no rate is known.</summary>
    public TimeSpan? Remaining => Rate > 0 ? TimeSpan.FromSeconds((Total - Finished) / Rate) : null;
}
