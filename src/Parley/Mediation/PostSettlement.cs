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
    private const double Tolerance = 1e-9;

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

    /// <summary>
    /// The post-settlement proposal for <paramref name="agreement"/>, complete or partial, from the profiles
    /// the parties declared: the text over the same articles every party weakly prefers and at least one
    /// strictly prefers, crossing no red line and no linkage rule, with the largest sum of gains; or why
    /// there is none.
    /// </summary>
    /// <remarks>
    /// <para>Nothing is guessed: a party that declared no profile means no proposal, and the reason names it.</para>
    /// <para>A complete agreement is improved over the whole outcome space (<see cref="PackageSearch"/>: exact
    /// up to <see cref="PackageSearch.ExhaustiveLimit"/> outcomes, else coordinate ascent from random starts,
    /// seeded with 0). A partial agreement (the articles signed one by one) is improved over the options of
    /// its signed articles only, the other articles staying open: it is valued as the rest of the library
    /// values a partial agreement, today's situation with the agreed articles replaced
    /// (<see cref="Analysis.TwoLevel.TwoLevelModel.Value"/>), so a party's gain is the change in its weighted
    /// values of the signed articles, whatever today's situation is on the open ones. Red lines and linkage
    /// rules are checked on the signed articles, as the engine checks an article-by-article agreement
    /// (<see cref="RedLineGuard.IsCrossed(PartialOutcome)"/>); that search is exhaustive up to
    /// <see cref="PackageSearch.ExhaustiveLimit"/> combinations, else a steepest-ascent local search from
    /// the agreement.</para>
    /// </remarks>
    /// <param name="domain">The issues.</param>
    /// <param name="seats">The seats' names.</param>
    /// <param name="declared">Each seat's declared profile, or null when it declared none.</param>
    /// <param name="linkage">The scenario's linkage rules (binding everyone).</param>
    /// <param name="agreement">The signed agreement (complete, or the articles signed one by one).</param>
    public static PostSettlementProposal Propose(Domain domain, IReadOnlyList<string> seats, IReadOnlyList<Profile?> declared, IReadOnlyList<RedLine> linkage, PartialOutcome agreement)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(declared);
        ArgumentNullException.ThrowIfNull(linkage);
        ArgumentNullException.ThrowIfNull(agreement);
        var missing = seats.Where((_, s) => declared[s] is null).ToArray();
        if (missing.Length > 0)
        {
            return new PostSettlementProposal(agreement, null, [], true,
                $"{string.Join(" and ", missing)} {(missing.Length == 1 ? "has" : "have")} not declared {(missing.Length == 1 ? "a profile" : "profiles")}: without every side's own values nobody can say that a change leaves everyone better off, so nothing is offered");
        }

        if (agreement.SettledCount == 0)
        {
            return new PostSettlementProposal(agreement, null, [], true, "no article was signed: there is nothing to improve");
        }

        Profile[] profiles = [.. declared.Select(p => linkage.Count == 0 ? p! : p!.WithRedLines(p.RedLines.Lines.Concat(linkage)))];
        var guard = new RedLineGuard(domain, profiles);
        var (improved, exact) = agreement.TryComplete(out var whole)
            ? Whole(profiles, guard, whole)
            : Partial(profiles, guard, agreement);
        if (improved is null || improved.Equals(agreement))
        {
            return new PostSettlementProposal(agreement, null, [], exact,
                "no other text over the signed articles leaves every side at least as well off and one better off: the signed agreement is already as good as it gets for everyone's declared values");
        }

        var gains = new double[profiles.Length];
        for (var p = 0; p < gains.Length; p++)
        {
            gains[p] = Value(profiles[p], improved) - Value(profiles[p], agreement);
        }

        return new PostSettlementProposal(agreement, improved, gains, exact, exact ? null : "the outcome space is too large to search exhaustively: this is the best improvement a local search found");
    }

    /// <summary>The value of the signed articles of <paramref name="text"/> to <paramref name="profile"/>: its utility for a complete text; for a partial one the weighted values of the signed articles (what changes when only they change).</summary>
    public static double Value(Profile profile, PartialOutcome text)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(text);
        if (text.IsComplete)
        {
            return profile.Utility(text.Levels);
        }

        return profile is AdditiveProfile additive
            ? additive.SettledUtility(text)
            : throw new ArgumentException("A partial agreement is valued with additive profiles only (every declared profile is additive).", nameof(profile));
    }

    private static (PartialOutcome? Improved, bool Exact) Whole(Profile[] profiles, RedLineGuard guard, Outcome deal)
    {
        var floors = profiles.Select(p => p.Utility(deal)).ToArray();
        var found = PackageSearch.Best(profiles, guard, PartialOutcome.AllOpen(guard.Domain.IssueCount), floors, PackageObjective.SumOfGains, new Random(0));
        return found is null || found.Score <= Tolerance || found.Outcome.Equals(deal) ? (null, found?.Exact ?? true) : (PartialOutcome.From(found.Outcome), found.Exact);
    }

    // The signed articles' options, every other article open: exhaustive when small enough, else steepest ascent from the agreement.
    private static (PartialOutcome? Improved, bool Exact) Partial(Profile[] profiles, RedLineGuard guard, PartialOutcome agreement)
    {
        var domain = guard.Domain;
        var free = Enumerable.Range(0, domain.IssueCount).Where(agreement.IsSettled).ToArray();
        var additive = profiles.Select(p => p as AdditiveProfile ?? throw new ArgumentException("A partial agreement is improved with additive profiles only.", nameof(profiles))).ToArray();
        var floors = additive.Select(p => p.SettledUtility(agreement)).ToArray();
        long size = 1;
        foreach (var i in free)
        {
            size = size > PackageSearch.ExhaustiveLimit ? size : size * domain.Issues[i].Cardinality;
        }

        var levels = agreement.Levels.ToArray();
        var best = (int[])levels.Clone();
        var bestScore = Tolerance;
        var found = false;
        if (size <= PackageSearch.ExhaustiveLimit)
        {
            Array.ForEach(free, i => levels[i] = 0);
            do
            {
                if (Score(additive, guard, levels, floors) is { } score && score > bestScore)
                {
                    bestScore = score;
                    levels.CopyTo(best, 0);
                    found = true;
                }
            }
            while (domain.Advance(levels, free));

            return (found ? new PartialOutcome(best) : null, true);
        }

        // Steepest ascent: the best single-article change that keeps every floor, until none improves.
        var current = (int[])levels.Clone();
        var currentScore = 0.0;
        while (true)
        {
            var (moveIssue, moveLevel, moveScore) = (-1, -1, currentScore + Tolerance);
            foreach (var i in free)
            {
                var keep = current[i];
                for (var l = 0; l < domain.Issues[i].Cardinality; l++)
                {
                    current[i] = l;
                    if (Score(additive, guard, current, floors) is { } score && score > moveScore)
                    {
                        (moveIssue, moveLevel, moveScore) = (i, l, score);
                    }
                }

                current[i] = keep;
            }

            if (moveIssue < 0)
            {
                break;
            }

            current[moveIssue] = moveLevel;
            currentScore = moveScore;
            found = true;
        }

        return (found ? new PartialOutcome(current) : null, false);
    }

    // The sum of gains over the floors, or null when a seat loses or a red line (or linkage rule) is crossed.
    private static double? Score(AdditiveProfile[] profiles, RedLineGuard guard, int[] levels, double[] floors)
    {
        var draft = new PartialOutcome(levels);
        if (guard.IsCrossed(draft))
        {
            return null;
        }

        var sum = 0.0;
        for (var p = 0; p < profiles.Length; p++)
        {
            var gain = profiles[p].SettledUtility(draft) - floors[p];
            if (gain < 0)
            {
                return null;
            }

            sum += gain;
        }

        return sum;
    }
}
