namespace Parley.Analysis.TwoLevel;

/// <summary>The exact counts of <see cref="TwoLevelModel.Enumerate"/>.</summary>
/// <param name="Feasible">Outcomes that cross no red line and no linkage rule.</param>
/// <param name="Zone">Feasible outcomes every party weakly prefers to its disagreement value (the zone of agreement).</param>
/// <param name="WinSet">Per party: feasible outcomes it accepts at the table and its constituencies ratify with at least the given probability (Putnam's win-set).</param>
/// <param name="Ratifiable">Outcomes of the zone that every party ratifies with at least the given probability.</param>
/// <param name="BestUtility">Per party: its best utility over feasible outcomes (−∞ when none is feasible).</param>
/// <param name="RatifiableFrontier">The Pareto frontier of the ratifiable zone in the parties' utilities, utilities descending; one outcome per point (the smallest index among ties).</param>
public sealed record EnumerationCounts(long Feasible, long Zone, IReadOnlyList<long> WinSet, long Ratifiable, IReadOnlyList<double> BestUtility, IReadOnlyList<int[]> RatifiableFrontier)
{
    /// <summary>The Nash package found by the same enumeration (null: the zone is empty); equal to <see cref="TwoLevelModel.NashPackage"/>.</summary>
    public int[]? Nash { get; init; }

    /// <summary>The ratification-aware Nash package found by the same enumeration; equal to <see cref="TwoLevelModel.RatificationNashPackage()"/>.</summary>
    public int[]? RatificationNash { get; init; }
}
