namespace Parley.Tournaments;

/// <summary>One agent's figures over all the sessions it played.</summary>
/// <param name="Agent">The agent id.</param>
/// <param name="Sessions">Sessions it took part in.</param>
/// <param name="Failures">Sessions whose failure was attributed to it.</param>
/// <param name="Utility">Its undiscounted utility.</param>
/// <param name="DiscountedUtility">Its discounted utility (its score).</param>
/// <param name="Agreement">Agreement rate (the mean of 1 for agreement, 0 otherwise).</param>
/// <param name="DistanceToPareto">Distance of its sessions' results to the Pareto frontier.</param>
/// <param name="DistanceToNash">Distance of its sessions' results to the Nash point.</param>
/// <param name="SocialWelfare">Social welfare of its sessions' results.</param>
public sealed record AgentSummary(
    string Agent,
    long Sessions,
    long Failures,
    Statistic Utility,
    Statistic DiscountedUtility,
    Statistic Agreement,
    Statistic DistanceToPareto,
    Statistic DistanceToNash,
    Statistic SocialWelfare)
{
    /// <summary>Over its sessions whose agreement was judged for post-settlement: 1 when an improvement every party weakly prefers exists, 0 when none; null when no session was judged.</summary>
    public Statistic? PostSettlement { get; init; }

    /// <summary>Over the same sessions: its own undiscounted gain from that improvement (0 when none), what the agreement left on the table for it; a mediator's is the parties' mean gain. Null when no session was judged.</summary>
    public Statistic? PostSettlementGain { get; init; }
}
