using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Mediation;

/// <summary>
/// Article acceptance against the status quo (issue 15; what the mediated protocols use when the
/// scenario states a status quo, <see cref="ArticleAcceptance"/> otherwise): a party accepts an article
/// when the partial agreement with it is worth more to it than the partial agreement without it (by at
/// least the margin it demands), both valued as the status quo
/// with the agreed articles replaced, when it crosses none of the party's red lines or the scenario's
/// linkage rules among the settled articles, and when some complete package keeping it is still
/// acceptable to the party.
/// </summary>
/// <remarks>
/// Unlike <see cref="ArticleAcceptance.MeetsBar"/>, an article is not compared with the whole-deal
/// reservation value: an open article stays at today's situation, which is each party's fallback.
/// </remarks>
public static class StatusQuoArticleAcceptance
{
    /// <summary>
    /// <paramref name="scenario"/> compiled for judging articles against its status quo, or null when it
    /// states no status quo or a negotiator's profile is not additive (articles are then judged by
    /// <see cref="ArticleAcceptance"/>, as before issue 15).
    /// </summary>
    public static TwoLevelModel? ModelFor(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.StatusQuo is null || scenario.Negotiators.Count == 0 || scenario.Negotiators.Any(p => p.Profile is not AdditiveProfile))
        {
            return null;
        }

        return TwoLevelModel.Create(scenario);
    }

    /// <summary>
    /// Party <paramref name="party"/>'s own view of <paramref name="model"/>: the scenario with that party
    /// alone (its profile, red lines and constituencies, the status quo and the public linkage rules), so that
    /// a voter judging an article uses nothing another party keeps private. The party is index 0 of the view.
    /// </summary>
    public static TwoLevelModel PartyView(TwoLevelModel model, int party)
    {
        ArgumentNullException.ThrowIfNull(model);
        return TwoLevelModel.Create(model.Scenario.WithNegotiators([model.PartyNames[party]]));
    }

    /// <summary>
    /// The smallest gain that counts: an article worth no more than this to a party (for example one that
    /// writes down today's situation) does not earn its signature, as an early-harvest change must be
    /// strictly preferred to the status quo.
    /// </summary>
    public const double MinimumGain = 1e-9;

    /// <summary>What adding the article changes for party <paramref name="party"/>: its value of the partial agreement with the article minus without it.</summary>
    public static double Gain(TwoLevelModel model, int party, PartialOutcome settled, int issue, int level) =>
        model.Value(party, settled.Settle(issue, level)) - model.Value(party, settled);

    /// <summary>Whether party <paramref name="party"/> accepts clause <paramref name="level"/> of <paramref name="issue"/> given the articles already settled.</summary>
    /// <param name="model">The compiled scenario (its status quo, linkage rules and the parties' profiles).</param>
    /// <param name="party">The party's position among the negotiators.</param>
    /// <param name="settled">The articles agreed so far (provisionally, under "nothing is agreed until everything is agreed").</param>
    /// <param name="issue">The article's issue.</param>
    /// <param name="level">The clause proposed.</param>
    /// <param name="margin">How much the article must gain the party (0: any strict gain, more than <see cref="MinimumGain"/>).</param>
    public static bool Accepts(TwoLevelModel model, int party, PartialOutcome settled, int issue, int level, double margin = 0)
    {
        var with = settled.Settle(issue, level);
        var gain = Gain(model, party, settled, issue, level);
        return gain >= margin && gain > MinimumGain
            && model.IsFeasible(with)
            && model.HasAcceptableCompletion(with, party);
    }

    /// <summary>
    /// The objective a trusted mediator aiming at ratification maximises over complete packages: the
    /// Nash product of gains over the disagreement values (0 outside the zone) times the probability
    /// that every party ratifies.
    /// </summary>
    public static double RatificationAwareObjective(TwoLevelModel model, ReadOnlySpan<int> outcome)
    {
        if (!model.IsAcceptable(outcome))
        {
            return 0;
        }

        var product = 1.0;
        for (var p = 0; p < model.PartyCount; p++)
        {
            product *= model.Utility(p, outcome) - model.Disagreement(p);
        }

        return product * model.RatificationAll(outcome);
    }
}
