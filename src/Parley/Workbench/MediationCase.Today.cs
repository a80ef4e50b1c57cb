using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Workbench;

/// <summary>Today's situation, article by article, for each audience (<see cref="TodayView"/>).</summary>
public sealed partial class MediationCase
{
    /// <summary>
    /// Today's situation as <paramref name="audience"/> may see it: what holds on each article if
    /// nothing is agreed (public scenario data), and for a delegation its own value of each article
    /// and of the whole. Null when the case's scenario states no status quo.
    /// </summary>
    /// <remarks>
    /// A delegation's value of an article is the one it gave for today's situation
    /// (<see cref="DeclareProfile.StatusQuoValues"/>), else its rating of the option that holds
    /// today; an article with no clause today has a value only when the delegation gave one. The
    /// whole is weighted by the delegation's own weights. No audience sees another's values here.
    /// </remarks>
    public TodayView? TodayFor(Audience audience)
    {
        if (Scenario?.StatusQuo is not { } statusQuo)
        {
            return null;
        }

        var seat = audience.Role == AudienceRole.Delegation ? audience.Seat : -1;
        var profile = seat >= 0 ? _profiles[seat] as AdditiveProfile : null;
        var given = seat >= 0 ? _statusQuoValues[seat] : null;
        var articles = new TodayArticleView[Domain.IssueCount];
        var total = 0.0;
        var complete = profile is not null;
        for (var i = 0; i < articles.Length; i++)
        {
            var issue = Domain.Issues[i];
            var entry = statusQuo.Entries[i];
            var option = entry.Level == StatusQuo.NoClause ? null : issue.FormatLevel(entry.Level);
            double? value = null;
            var valued = false;
            if (given is not null && given.TryGetValue(issue.Name, out var v))
            {
                (value, valued) = (v, true);
            }
            else if (profile is not null && entry.Level != StatusQuo.NoClause)
            {
                value = profile.ValueFunctions[i].EvaluateLevel(issue, entry.Level);
            }

            if (value is { } x && profile is not null)
            {
                total += profile.Weights[i] * x;
            }
            else
            {
                complete = false;
            }

            articles[i] = new TodayArticleView(issue.Name, option, option is null ? null : ClauseOf(issue.Name, option), entry.Note, value, valued);
        }

        return new TodayView(statusQuo.Date, articles, complete ? total : null);
    }
}
