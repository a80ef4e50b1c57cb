namespace Parley.Analysis;

/// <summary>
/// How good an agreement is, as GENIUS's tournament logs report it: each party's utility and gain over
/// its reservation value, the distance to the Pareto frontier and to the Nash point, and social welfare.
/// </summary>
/// <param name="Utilities">Each party's undiscounted utility, in party order.</param>
/// <param name="Gains">Each party's utility minus its reservation value.</param>
/// <param name="DistanceToPareto">Euclidean distance in utility space to the nearest frontier point (0 on the frontier).</param>
/// <param name="DistanceToNash">Euclidean distance to the Nash point; null when the zone of agreement is empty.</param>
/// <param name="SocialWelfare">The sum of the utilities.</param>
/// <param name="IsParetoOptimal">Whether the utility vector is a frontier point.</param>
/// <param name="IsAcceptableToAll">Whether every party gets at least its reservation value (red lines are checked by <see cref="Measure(AnalysisResult, ReadOnlySpan{int})"/> only).</param>
public sealed record OutcomeMetrics(
    IReadOnlyList<double> Utilities,
    IReadOnlyList<double> Gains,
    double DistanceToPareto,
    double? DistanceToNash,
    double SocialWelfare,
    bool IsParetoOptimal,
    bool IsAcceptableToAll)
{
    /// <summary>Measures an agreement (an outcome's levels) against a finished analysis. O(frontier size), no search.</summary>
    /// <exception cref="ArgumentException">The outcome does not give one level per issue of the analysed domain.</exception>
    public static OutcomeMetrics Measure(AnalysisResult analysis, ReadOnlySpan<int> outcome)
    {
        if (outcome.Length != analysis.Domain.IssueCount)
        {
            throw new ArgumentException($"Expected {analysis.Domain.IssueCount} levels (one per issue), got {outcome.Length}.", nameof(outcome));
        }

        var profiles = analysis.Profiles;
        var utilities = new double[profiles.Count];
        var accepted = true;
        for (var i = 0; i < utilities.Length; i++)
        {
            utilities[i] = profiles[i].Utility(outcome);
            accepted &= profiles[i].Accepts(outcome);
        }

        var metrics = Measure(analysis, utilities);
        return metrics with { IsAcceptableToAll = accepted };
    }

    /// <summary>
    /// Measures a utility vector (for example the reservation values, for a negotiation that ended
    /// without agreement) against a finished analysis. O(frontier size).
    /// </summary>
    public static OutcomeMetrics Measure(AnalysisResult analysis, IReadOnlyList<double> utilities)
    {
        var k = analysis.PartyNames.Count;
        if (utilities.Count != k)
        {
            throw new ArgumentException($"Expected {k} utilities, got {utilities.Count}.", nameof(utilities));
        }

        var u = new double[k];
        var gains = new double[k];
        var welfare = 0.0;
        var accepted = true;
        for (var i = 0; i < k; i++)
        {
            u[i] = utilities[i];
            gains[i] = u[i] - analysis.ReservationValues[i];
            welfare += u[i];
            accepted &= u[i] >= analysis.ReservationValues[i];
        }

        var frontier = analysis.FrontierFlat;
        var best = double.PositiveInfinity;
        var onFrontier = false;
        for (var p = 0; p + k <= frontier.Length; p += k)
        {
            var d = 0.0;
            var same = true;
            for (var i = 0; i < k; i++)
            {
                var diff = frontier[p + i] - u[i];
                d += diff * diff;
                same &= diff == 0;
            }

            best = Math.Min(best, d);
            onFrontier |= same;
        }

        double? toNash = null;
        if (analysis.Nash is { } nash)
        {
            var d = 0.0;
            for (var i = 0; i < k; i++)
            {
                var diff = nash.Utilities[i] - u[i];
                d += diff * diff;
            }

            toNash = Math.Sqrt(d);
        }

        return new OutcomeMetrics(u, gains, double.IsPositiveInfinity(best) ? double.NaN : Math.Sqrt(best), toNash, welfare, onFrontier, accepted);
    }
}
