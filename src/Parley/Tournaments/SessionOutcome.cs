namespace Parley.Tournaments;

/// <summary>What a session produced: the figures of GENIUS's tournament log for one session.</summary>
/// <param name="Rounds">The rounds played.</param>
/// <param name="Agreement">Whether the parties agreed.</param>
/// <param name="AgreeingCount">How many parties agreed (GENIUS's <c>#agreeing</c>).</param>
/// <param name="Discounted">Whether any profile discounts utilities over time.</param>
/// <param name="Utilities">Each party's undiscounted utility of the result, in role order.</param>
/// <param name="DiscountedUtilities">Each party's discounted utility of the result, in role order.</param>
/// <param name="DistanceToPareto">Distance of the result to the Pareto frontier; NaN when not computed.</param>
/// <param name="DistanceToNash">Distance of the result to the Nash point; NaN when not computed.</param>
/// <param name="SocialWelfare">Sum of the parties' utilities of the result; NaN when not computed.</param>
/// <param name="EndReason">One of <see cref="EndReasons"/>.</param>
/// <param name="Exception">Why the session failed (GENIUS's <c>Exception</c> column); null when it did not.</param>
/// <param name="FailedRole">The role index of the agent the failure is attributed to, if any.</param>
public sealed record SessionOutcome(
    int Rounds,
    bool Agreement,
    int AgreeingCount,
    bool Discounted,
    IReadOnlyList<double> Utilities,
    IReadOnlyList<double> DiscountedUtilities,
    double DistanceToPareto,
    double DistanceToNash,
    double SocialWelfare,
    string EndReason,
    string? Exception = null,
    int? FailedRole = null)
{
    /// <summary>Whether a post-settlement improvement exists for the agreement, and its gains; null when not computed (no agreement, a failure, or switched off).</summary>
    public SessionPostSettlement? PostSettlement { get; init; }

    /// <summary>The outcome of a session that failed before it could report: every party gets its reservation value.</summary>
    public static SessionOutcome FailedBeforeEnd(TournamentScenario scenario, string exception, int? failedRole = null)
    {
        var utilities = new double[scenario.PartyCount];
        for (var i = 0; i < utilities.Length; i++)
        {
            utilities[i] = scenario.ReservationValue(i);
        }

        return new SessionOutcome(0, false, 0, false, utilities, utilities, double.NaN, double.NaN, double.NaN, EndReasons.Failure, exception, failedRole);
    }
}
