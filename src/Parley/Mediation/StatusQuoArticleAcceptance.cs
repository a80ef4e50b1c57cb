using Parley.Analysis.TwoLevel;
using Parley.Domains;

namespace Parley.Mediation;

/// <summary>
/// Article acceptance against the status quo (issue 15, for the mediation to use beside
/// <see cref="ArticleAcceptance"/>): a party accepts an article when the partial agreement with it is
/// worth at least as much to it as the partial agreement without it, both valued as the status quo
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
    /// <summary>What adding the article changes for party <paramref name="party"/>: its value of the partial agreement with the article minus without it.</summary>
    public static double Gain(TwoLevelModel model, int party, PartialOutcome settled, int issue, int level) =>
        model.Value(party, settled.Settle(issue, level)) - model.Value(party, settled);

    /// <summary>Whether party <paramref name="party"/> accepts clause <paramref name="level"/> of <paramref name="issue"/> given the articles already settled.</summary>
    /// <param name="model">The compiled scenario (its status quo, linkage rules and the parties' profiles).</param>
    /// <param name="party">The party's position among the negotiators.</param>
    /// <param name="settled">The articles agreed so far (provisionally, under "nothing is agreed until everything is agreed").</param>
    /// <param name="issue">The article's issue.</param>
    /// <param name="level">The clause proposed.</param>
    /// <param name="margin">How much the article must gain the party (0: not lose anything).</param>
    public static bool Accepts(TwoLevelModel model, int party, PartialOutcome settled, int issue, int level, double margin = 0)
    {
        var with = settled.Settle(issue, level);
        return Gain(model, party, settled, issue, level) >= margin
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
