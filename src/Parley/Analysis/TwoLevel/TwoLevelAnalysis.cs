namespace Parley.Analysis.TwoLevel;

/// <summary>
/// The status-quo and ratification analysis of a scenario: today's situation and what each party
/// makes of it, the early harvest, each party's win-set, the ratifiable frontier, the
/// ratification-aware Nash package and the candidate packages.
/// </summary>
/// <param name="Model">The compiled scenario.</param>
/// <param name="Options">The options used.</param>
/// <param name="EarlyHarvest">Single changes, then two-issue trades, that every party prefers to the status quo (empty without a status quo).</param>
/// <param name="Ratification">Per party with constituencies: its win-set.</param>
/// <param name="Counts">The exact counts, or null when the space is too large to enumerate.</param>
/// <param name="Nash">The Nash package of the zone of agreement, or null when the zone is empty.</param>
/// <param name="RatificationNash">The ratification-aware Nash package, or null when the zone is empty or no party has constituencies.</param>
/// <param name="RatifiableFrontier">The Pareto frontier of the ratifiable zone (empty when it is empty or not counted).</param>
/// <param name="Candidates">Distinct candidate packages, for the mediator to compare.</param>
public sealed record TwoLevelAnalysis(
    TwoLevelModel Model,
    TwoLevelOptions Options,
    IReadOnlyList<HarvestChange> EarlyHarvest,
    IReadOnlyList<PartyRatificationSummary> Ratification,
    EnumerationCounts? Counts,
    PackageEvaluation? Nash,
    PackageEvaluation? RatificationNash,
    IReadOnlyList<PackageEvaluation> RatifiableFrontier,
    IReadOnlyList<PackageEvaluation> Candidates);
