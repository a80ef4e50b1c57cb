using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Analysis.TwoLevel;

/// <summary>
/// Small random scenarios with a status quo (options and "no clause" states), constituencies (own or
/// party profiles, unanimity or qualified majority, known or uncertain thresholds), linkage rules and
/// uncertainty ranges, built from one seed so that a failing case is replayed by its number.
/// </summary>
internal static class TwoLevelScenarios
{
    public static Scenario Create(int seed, bool withStatusQuo = true, bool withRatifiers = true, bool withLinkage = true, bool withUncertainty = true)
    {
        var rng = new Random(seed);
        var n = rng.Next(1, 5);
        var issues = new List<Issue>();
        for (var i = 0; i < n; i++)
        {
            var card = rng.Next(1, 5);
            issues.Add(new CategoricalIssue($"i{i}", Enumerable.Range(0, card).Select(l => new IssueOption($"i{i}-o{l}"))));
        }

        var domain = new Domain("gen", issues);
        StatusQuo? sq = null;
        if (withStatusQuo)
        {
            sq = new StatusQuo(domain, Enumerable.Range(0, n).Select(i => new StatusQuoEntry(i, rng.Next(-1, domain.Issues[i].Cardinality))));
        }

        var k = rng.Next(1, 4);
        var parties = new List<Party>();
        for (var p = 0; p < k; p++)
        {
            var (profile, sqValues) = RandomProfile(rng, domain, sq, redLines: true);
            var explicitReservation = sq is null || rng.Next(3) == 0;
            if (!explicitReservation)
            {
                profile = (AdditiveProfile)profile.WithReservationValue(StatusQuoUtility(profile, sqValues, sq!));
            }

            Ratification? ratification = null;
            if (withRatifiers && rng.Next(3) > 0)
            {
                var ratifiers = new List<Ratifier>();
                var count = rng.Next(1, 4);
                for (var r = 0; r < count; r++)
                {
                    AdditiveProfile? own = null;
                    double[]? ownSq = null;
                    if (rng.Next(2) == 0)
                    {
                        (own, ownSq) = RandomProfile(rng, domain, sq, redLines: false);
                    }

                    var width = rng.Next(3) == 0 ? 0 : rng.NextDouble() * 0.2;
                    ratifiers.Add(new Ratifier($"r{r}", own, (rng.NextDouble() * 0.4) - 0.2, width, rng.Next(1, 4), rng.Next(4) == 0) { StatusQuoValues = ownSq });
                }

                ratification = rng.Next(2) == 0
                    ? new Ratification(RatificationRule.Unanimity, 1, ratifiers)
                    : new Ratification(RatificationRule.QualifiedMajority, 0.3 + (rng.NextDouble() * 0.7), ratifiers);
            }

            parties.Add(new Party($"p{p}", PartyRole.Party, profile)
            {
                Assumptions = explicitReservation && sq is not null ? [new ModellingAssumption("reservationValue", "generated")] : [],
                Ratification = ratification,
                StatusQuoValues = sqValues,
                ExplicitReservationValue = explicitReservation,
            });
        }

        Linkage? linkage = null;
        if (withLinkage && n >= 2 && rng.Next(2) == 0)
        {
            var compat = new List<CompatibilityRule>();
            var contingencies = new List<ContingentClause>();
            if (rng.Next(2) == 0)
            {
                var a = rng.Next(n);
                var b = (a + 1 + rng.Next(n - 1)) % n;
                compat.Add(new CompatibilityRule(new ForbiddenCombination([new RedLineCondition(a, [rng.Next(domain.Issues[a].Cardinality)]), new RedLineCondition(b, [rng.Next(domain.Issues[b].Cardinality)])])));
            }

            var c = rng.Next(n);
            var d = (c + 1 + rng.Next(n - 1)) % n;
            if (domain.Issues[d].Cardinality > 1)
            {
                contingencies.Add(new ContingentClause(c, [rng.Next(domain.Issues[c].Cardinality)], d, [rng.Next(domain.Issues[d].Cardinality)]));
            }

            linkage = new Linkage(domain, compat, contingencies);
        }

        var uncertainty = new List<UncertainParameter>();
        if (withUncertainty)
        {
            foreach (var party in parties)
            {
                uncertainty.Add(new UncertainParameter(UncertaintyTarget.Weights, party.Name, -1, -1, null, UncertaintyShape.Uniform, null, null, null, 0.25, "test"));
                uncertainty.Add(new UncertainParameter(UncertaintyTarget.Values, party.Name, -1, -1, null, UncertaintyShape.Triangular, null, null, 0.1, null, "test"));
                if (sq is not null && !party.ExplicitReservationValue)
                {
                    uncertainty.Add(new UncertainParameter(UncertaintyTarget.StatusQuoValues, party.Name, -1, -1, null, UncertaintyShape.Uniform, null, null, 0.15, null, "test"));
                }
                else
                {
                    uncertainty.Add(new UncertainParameter(UncertaintyTarget.ReservationValue, party.Name, -1, -1, null, UncertaintyShape.Uniform, null, null, 0.05, null, "test"));
                }

                foreach (var r in party.Ratification?.Ratifiers ?? [])
                {
                    uncertainty.Add(new UncertainParameter(UncertaintyTarget.Threshold, party.Name, -1, -1, r.Name, UncertaintyShape.Uniform, -0.1, 0.1, null, null, "test"));
                }
            }
        }

        return new Scenario("gen", domain, parties)
        {
            StatusQuo = sq,
            Linkage = linkage,
            Uncertainty = uncertainty,
        };
    }

    public static double StatusQuoUtility(AdditiveProfile profile, IReadOnlyList<double>? sqValues, StatusQuo sq)
    {
        var sum = 0.0;
        for (var i = 0; i < sq.Levels.Length; i++)
        {
            sum += sq.Levels[i] == StatusQuo.NoClause ? profile.Weights[i] * (sqValues?[i] ?? 0) : profile.LevelUtility(i, sq.Levels[i]);
        }

        return sum;
    }

    private static (AdditiveProfile Profile, double[]? SqValues) RandomProfile(Random rng, Domain domain, StatusQuo? sq, bool redLines)
    {
        var n = domain.IssueCount;
        var raw = Enumerable.Range(0, n).Select(_ => 0.05 + rng.NextDouble()).ToArray();
        var total = raw.Sum();
        var functions = domain.Issues.Select(issue => (ValueFunction)new TableValueFunction(Enumerable.Range(0, issue.Cardinality).Select(_ => Math.Round(rng.NextDouble(), rng.Next(2) == 0 ? 1 : 6)).ToArray())).ToArray();
        var lines = new List<RedLine>();
        if (redLines)
        {
            for (var c = rng.Next(0, 3); c > 0; c--)
            {
                var i = rng.Next(n);
                var j = rng.Next(n);
                lines.Add(i == j
                    ? new ForbiddenOption(i, rng.Next(domain.Issues[i].Cardinality), "generated")
                    : new ForbiddenCombination([new RedLineCondition(i, [rng.Next(domain.Issues[i].Cardinality)]), new RedLineCondition(j, [rng.Next(domain.Issues[j].Cardinality)])], "generated"));
            }
        }

        var profile = new AdditiveProfile(domain, raw.Select(w => Math.Round(w / total, 3)), functions, rng.NextDouble() * 0.6, 1, lines);
        double[]? sqValues = sq is null ? null : Enumerable.Range(0, n).Select(i => sq.Levels[i] == StatusQuo.NoClause ? Math.Round(rng.NextDouble(), 2) : 0).ToArray();
        return (profile, sqValues);
    }
}
