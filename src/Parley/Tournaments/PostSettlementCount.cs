namespace Parley.Tournaments;

/// <summary>A tournament's post-settlement figures: the agreements judged, and those a post-settlement improvement exists for.</summary>
/// <param name="Judged">Sessions whose agreement (complete or partial) was judged.</param>
/// <param name="Improvable">Of those, the sessions for which an improvement every party weakly prefers, and one strictly prefers, exists.</param>
public sealed record PostSettlementCount(long Judged, long Improvable);
