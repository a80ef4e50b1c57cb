using Parley.Analysis;
using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Mediation;

/// <summary>
/// Explains a partial agreement: for each open article, each party's position and acceptable
/// clauses, the zone of agreement, and the package that would close the remaining gap (who would
/// have to move, and how far).
/// </summary>
/// <remarks>Uses the parties' profiles: it is the analyst's (or a trusted mediator's) view, never a party's.</remarks>
public static class GapAnalysis
{
    /// <summary>Analyses <paramref name="agreed"/> for the negotiators of <paramref name="scenario"/>.</summary>
    public static PartialAgreement Analyse(Scenario scenario, PartialOutcome agreed, Random? random = null)
    {
        var parties = scenario.Negotiators;
        var profiles = parties.Select(p => p.Profile!).ToArray();
        var domain = scenario.Domain;
        var guard = new RedLineGuard(domain, profiles);
        var reservations = profiles.Select(p => p.ReservationValue).ToArray();
        var closing = agreed.IsComplete ? null : PackageSearch.Best(profiles, guard, agreed, reservations, PackageObjective.NashProduct, random)?.Outcome;

        // The Nash package over the whole text is the outcome-space analysis's Nash point (exact,
        // issue by issue for additive profiles); the zone of agreement is counted alongside.
        var analysis = OutcomeSpaceAnalyzer.Analyze(scenario, new AnalysisOptions { AnalyzeGaps = false });
        var nash = analysis.Nash?.Outcome;

        // With a status quo, an article is judged against it (StatusQuoArticleAcceptance), as the parties judge it in the session.
        var statusQuo = StatusQuoArticleAcceptance.ModelFor(scenario);

        var zones = new IReadOnlyList<int>[domain.IssueCount];
        var gaps = new List<OpenIssueGap>();
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var context = agreed.IsSettled(i) ? agreed.Reopen(i) : agreed;
            zones[i] = statusQuo is null ? ZoneOfAgreement(profiles, context, i) : ZoneOfAgreement(statusQuo, context, i);
            if (agreed.IsSettled(i))
            {
                continue;
            }

            var positions = new PartyPosition[profiles.Length];
            var moves = new List<PartyMove>();
            for (var p = 0; p < profiles.Length; p++)
            {
                positions[p] = Position(parties[p].Name, profiles[p], agreed, i);
                if (statusQuo is not null)
                {
                    var party = p;
                    positions[p] = positions[p] with { Acceptable = [.. Enumerable.Range(0, domain.Issues[i].Cardinality).Where(l => StatusQuoArticleAcceptance.Accepts(statusQuo, party, agreed, i, l))] };
                }

                if (closing is not null && closing[i] != positions[p].Level)
                {
                    var concession = positions[p].Value - ArticleAcceptance.ClauseValue(profiles[p], i, closing[i]);
                    moves.Add(new PartyMove(parties[p].Name, positions[p].Level, closing[i], concession));
                }
            }

            gaps.Add(new OpenIssueGap(i, domain.Issues[i].Name, positions, zones[i], closing?[i], moves));
        }

        return new PartialAgreement(agreed, gaps, zones, closing, nash) { Analysis = analysis };
    }

    /// <summary>The clauses of <paramref name="issue"/> every party would agree to alone, given <paramref name="settled"/>.</summary>
    public static IReadOnlyList<int> ZoneOfAgreement(IReadOnlyList<Profile> profiles, PartialOutcome settled, int issue)
    {
        var zone = new List<int>();
        var card = profiles[0].Domain.Issues[issue].Cardinality;
        for (var l = 0; l < card; l++)
        {
            var all = true;
            foreach (var p in profiles)
            {
                if (!ArticleAcceptance.Accepts(p, settled, issue, l))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                zone.Add(l);
            }
        }

        return zone;
    }

    /// <summary>
    /// The clauses of <paramref name="issue"/> every party of <paramref name="model"/> would agree to alone
    /// against the status quo (<see cref="StatusQuoArticleAcceptance.Accepts"/>), given <paramref name="settled"/>.
    /// </summary>
    public static IReadOnlyList<int> ZoneOfAgreement(TwoLevelModel model, PartialOutcome settled, int issue)
    {
        ArgumentNullException.ThrowIfNull(model);
        var zone = new List<int>();
        for (var l = 0; l < model.Domain.Issues[issue].Cardinality; l++)
        {
            var all = true;
            for (var p = 0; p < model.PartyCount && all; p++)
            {
                all = StatusQuoArticleAcceptance.Accepts(model, p, settled, issue, l);
            }

            if (all)
            {
                zone.Add(l);
            }
        }

        return zone;
    }

    /// <summary>A party's position on an article: its best clause that crosses none of its red lines given <paramref name="settled"/>, and its acceptable clauses.</summary>
    public static PartyPosition Position(string party, Profile profile, PartialOutcome settled, int issue)
    {
        var card = profile.Domain.Issues[issue].Cardinality;
        var best = -1;
        var bestValue = double.NegativeInfinity;
        var acceptable = new List<int>();
        for (var l = 0; l < card; l++)
        {
            if (profile.RedLines.IsCrossed(settled.Settle(issue, l)))
            {
                continue;
            }

            var v = ArticleAcceptance.ClauseValue(profile, issue, l);
            if (v > bestValue + 1e-12)
            {
                best = l;
                bestValue = v;
            }

            if (ArticleAcceptance.MeetsBar(profile, issue, l))
            {
                acceptable.Add(l);
            }
        }

        if (best < 0)
        {
            best = 0;
            bestValue = ArticleAcceptance.ClauseValue(profile, issue, 0);
        }

        return new PartyPosition(party, best, bestValue, acceptable);
    }
}
