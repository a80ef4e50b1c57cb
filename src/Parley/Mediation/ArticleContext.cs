using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Mediation;

/// <summary>What a party sees when asked to agree to a single article (issue-by-issue mode, or a partial agreement).</summary>
/// <param name="Profile">The party's own profile.</param>
/// <param name="Settled">The articles already agreed.</param>
/// <param name="Issue">The article put to the party.</param>
/// <param name="Level">The proposed clause.</param>
/// <param name="Time">Normalised time in [0, 1].</param>
/// <param name="Random">The party's own seeded random source.</param>
public sealed record ArticleContext(Profile Profile, PartialOutcome Settled, int Issue, int Level, double Time, Random Random)
{
    /// <summary>The party's own view of the scenario against its status quo (<see cref="StatusQuoArticleAcceptance.PartyView"/>; the party is index 0), or null without a status quo.</summary>
    internal TwoLevelModel? Home { get; init; }

    /// <summary>Whether the scenario states a status quo, so that the article is judged against it.</summary>
    public bool HasStatusQuo => Home is not null;

    /// <summary>
    /// With a status quo, what the article gains the party: its value of the settled articles with it
    /// minus without it, both valued as the status quo with the settled articles replaced; null without one.
    /// </summary>
    public double? StatusQuoGain => Home is { } home ? StatusQuoArticleAcceptance.Gain(home, 0, Settled, Issue, Level) : null;

    /// <summary>
    /// Whether the party, judging by the rule that fits the scenario, accepts the article with a demanded
    /// <paramref name="margin"/>: with a status quo, <see cref="StatusQuoArticleAcceptance.Accepts"/> on its
    /// own view (the article gains it at least the margin over the settled articles without it, crosses none
    /// of its red lines or the linkage rules, and some complete package keeping it stays acceptable to it);
    /// without one, <see cref="ArticleAcceptance.Accepts"/> (the clause's own value against the reservation
    /// value plus the margin, and no red line crossed).
    /// </summary>
    public bool Acceptable(double margin = 0) => Home is { } home
        ? StatusQuoArticleAcceptance.Accepts(home, 0, Settled, Issue, Level, margin)
        : ArticleAcceptance.Accepts(Profile, Settled, Issue, Level, margin);
}
