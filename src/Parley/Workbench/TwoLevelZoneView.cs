namespace Parley.Workbench;

/// <summary>The size of the zone of agreement, counted exactly over every package.</summary>
/// <param name="Feasible">Packages that cross no red line or linkage rule.</param>
/// <param name="Acceptable">Of those, the packages every party prefers to no agreement.</param>
/// <param name="Ratifiable">Of those, the packages every party would more likely than not also ratify at home.</param>
public sealed record TwoLevelZoneView(long Feasible, long Acceptable, long Ratifiable);
