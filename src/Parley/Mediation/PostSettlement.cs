using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Mediation;

/// <summary>
/// Raiffa's post-settlement settlement: after a deal, the package every party weakly prefers to
/// it that adds the most total utility, crossing no red line.
/// </summary>
/// <remarks>
/// Source: H. Raiffa, "Post-settlement settlements", Negotiation Journal 1 (1985) 9–12. Needs the
/// parties' confided profiles. The improvement never leaves a party worse off than the deal.
/// </remarks>
public static class PostSettlement
{
    /// <summary>The best weakly Pareto-improving package, or null when the deal is already Pareto-optimal.</summary>
    public static Outcome? Improve(IReadOnlyList<Profile> profiles, RedLineGuard guard, Outcome deal, Random? random = null)
    {
        var floors = new double[profiles.Count];
        for (var p = 0; p < floors.Length; p++)
        {
            floors[p] = profiles[p].Utility(deal);
        }

        var found = PackageSearch.Best(profiles, guard, PartialOutcome.AllOpen(guard.Domain.IssueCount), floors, PackageObjective.SumOfGains, random);
        return found is null || found.Score <= 1e-9 || found.Outcome.Equals(deal) ? null : found.Outcome;
    }

    /// <summary>
    /// The improvement to offer after a session's agreement (any protocol): the best package every
    /// negotiator of <paramref name="scenario"/> weakly prefers to <paramref name="agreement"/>, crossing
    /// no red line and no linkage rule, or null when the agreement is already Pareto-optimal.
    /// </summary>
    /// <param name="scenario">The scenario as written (its linkage rules are added to every party's red lines here).</param>
    /// <param name="agreement">The agreement reached.</param>
    /// <param name="seed">The session's seed (the search's random starts on spaces too large to enumerate).</param>
    public static Outcome? ForAgreement(Scenario scenario, Outcome agreement, int seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(agreement);
        var bound = scenario.WithLinkageAsRedLines();
        Profile[] profiles = [.. bound.Negotiators.Select(n => n.Profile!)];
        return Improve(profiles, new RedLineGuard(bound.Domain, profiles), agreement, new Random(seed));
    }
}
