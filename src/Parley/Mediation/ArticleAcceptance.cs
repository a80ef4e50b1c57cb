using Parley.Domains;
using Parley.Preferences;

namespace Parley.Mediation;

/// <summary>
/// The rule by which a party agrees to settle single articles (a partial agreement) rather than
/// a whole package.
/// </summary>
/// <remarks>
/// A party accepts clause <c>l</c> of article <c>i</c>, given the articles already settled, when
/// (a) the settled articles together with it cross none of the party's red lines, and (b) the
/// clause's own value <c>v_i(l)</c> (the issue's value function, before weighting) is at least the
/// party's reservation value. Rule (b) is a modelling choice, documented in docs/mediation.md: a
/// party signs a partial agreement only when, on the issue it covers, it gets at least the share
/// it insists on for a whole package. A party that gives no weight to an issue accepts any clause
/// that crosses none of its red lines.
/// </remarks>
public static class ArticleAcceptance
{
    /// <summary>The value of clause <paramref name="level"/> of issue <paramref name="issue"/> to the profile, in [0, 1] for normalised value functions.</summary>
    public static double ClauseValue(Profile profile, int issue, int level)
    {
        if (profile is AdditiveProfile additive)
        {
            var w = additive.Weights[issue];
            return w <= 0 ? 1.0 : additive.LevelUtility(issue, level) / w;
        }

        return 1.0;
    }

    /// <summary>Whether the party's bar for a single article is met, ignoring red lines: <c>v_i(l) ≥ reservation + margin</c>.</summary>
    public static bool MeetsBar(Profile profile, int issue, int level, double margin = 0)
    {
        if (profile is AdditiveProfile additive && additive.Weights[issue] <= 0)
        {
            return true;
        }

        return ClauseValue(profile, issue, level) >= profile.ReservationValue + margin;
    }

    /// <summary>Whether the party accepts settling <paramref name="issue"/> at <paramref name="level"/> on top of <paramref name="settled"/>.</summary>
    public static bool Accepts(Profile profile, PartialOutcome settled, int issue, int level, double margin = 0) =>
        MeetsBar(profile, issue, level, margin) && !profile.RedLines.IsCrossed(settled.Settle(issue, level));

    /// <summary>
    /// The articles of <paramref name="text"/> that every party accepts, pruned so that together
    /// they cross no party's red line (articles are dropped from the last issue backwards until none is crossed).
    /// </summary>
    public static PartialOutcome CommonPart(IReadOnlyList<Profile> profiles, PartialOutcome text)
    {
        var levels = new int[text.Count];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = PartialOutcome.Open;
            if (text[i] == PartialOutcome.Open)
            {
                continue;
            }

            var all = true;
            foreach (var p in profiles)
            {
                if (!MeetsBar(p, i, text[i]))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                levels[i] = text[i];
            }
        }

        var part = new PartialOutcome(levels);
        for (var i = levels.Length - 1; i >= 0 && CrossedByAny(profiles, part); i--)
        {
            if (part[i] != PartialOutcome.Open)
            {
                part = part.Reopen(i);
            }
        }

        return part;
    }

    private static bool CrossedByAny(IReadOnlyList<Profile> profiles, PartialOutcome part)
    {
        foreach (var p in profiles)
        {
            if (p.RedLines.IsCrossed(part))
            {
                return true;
            }
        }

        return false;
    }
}
