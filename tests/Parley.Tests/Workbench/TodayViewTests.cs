using System.Text.Json;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Workbench;
using static Parley.Tests.Workbench.CaseFixtures;

namespace Parley.Tests.Workbench;

/// <summary>Today's situation, article by article, for every audience, and a delegation's confidential value of it.</summary>
public sealed class TodayViewTests
{
    private const double IsraelHermon = 0.6543;   // markers: values nobody else may see
    private const double SyriaHermon = 0.5678;

    [Fact]
    public void TodayFor_EveryAudience_SeesWhatHoldsTodayOnEachArticle()
    {
        var c = Open();
        var statusQuo = c.Scenario!.StatusQuo!;

        foreach (var audience in new[] { Audience.Mediator, Audience.Observer, Audience.Delegation(0), Audience.Delegation(1) })
        {
            var today = c.ViewFor(audience).Today.ShouldNotBeNull();
            today.Date.ShouldBe("2026-01");
            today.Articles.Count.ShouldBe(c.Domain.IssueCount);
            for (var i = 0; i < c.Domain.IssueCount; i++)
            {
                var article = today.Articles[i];
                var level = statusQuo.Entries[i].Level;
                article.Issue.ShouldBe(c.Domain.Issues[i].Name);
                article.Option.ShouldBe(level == StatusQuo.NoClause ? null : c.Domain.Issues[i].FormatLevel(level));
                article.Note.ShouldBe(statusQuo.Entries[i].Note);
                if (article.Option is { } option)
                {
                    article.Clause.ShouldBe(c.ClauseOf(article.Issue, option));
                }
            }

            if (audience.Role != AudienceRole.Delegation)
            {
                today.Value.ShouldBeNull();
                today.Articles.ShouldAllBe(a => a.Value == null);
            }
        }

        // Mount Hermon has no agreed clause today: the scenario says so, and the view does too.
        c.ViewFor(Audience.Mediator).Today!.Articles.Single(a => a.Issue == "mount-hermon").Option.ShouldBeNull();
    }

    [Fact]
    public void TodayFor_Delegation_ValuesEachArticleByItsOwnValuesElseItsRatingAndWeighsTheWhole()
    {
        var c = Open();
        var before = c.TodayFor(Audience.Delegation(0))!;
        before.Articles.Single(a => a.Issue == "mount-hermon").Value.ShouldBeNull();   // no clause today, no value given yet
        before.Value.ShouldBeNull();

        var values = c.Domain.Issues.Where(i => i.Name != "withdrawal").ToDictionary(i => i.Name, i => 0.1 + (0.05 * i.Name.Length % 0.8));
        Run(c, Audience.Delegation(0), new DeclareProfile(null, null, null, null, false, values));

        var today = c.TodayFor(Audience.Delegation(0))!;
        var profile = (AdditiveProfile)c.ProfileOf(0)!;
        var expected = 0.0;
        for (var i = 0; i < c.Domain.IssueCount; i++)
        {
            var article = today.Articles[i];
            if (values.TryGetValue(article.Issue, out var given))
            {
                article.Value.ShouldBe(given);
                article.ValuedByDelegation.ShouldBeTrue();
            }
            else
            {
                // Withdrawal: today's option is "none"; its value is Israel's rating of that option.
                var level = c.Scenario!.StatusQuo!.Entries[i].Level;
                article.Value.ShouldBe(profile.ValueFunctions[i].EvaluateLevel(c.Domain.Issues[i], level));
                article.ValuedByDelegation.ShouldBeFalse();
            }

            expected += profile.Weights[i] * article.Value!.Value;
        }

        today.Value.ShouldNotBeNull().ShouldBe(expected, 1e-12);

        // Adjusting without values keeps them; an empty map clears them.
        Run(c, Audience.Delegation(0), new DeclareProfile(null, null, 0.3, null, false));
        c.StatusQuoValuesOf(0).ShouldNotBeNull().Count.ShouldBe(values.Count);
        Run(c, Audience.Delegation(0), new DeclareProfile(null, null, null, null, false, new Dictionary<string, double>()));
        c.StatusQuoValuesOf(0).ShouldBeNull();
        c.TodayFor(Audience.Delegation(0))!.Value.ShouldBeNull();
    }

    [Theory]
    [InlineData("nowhere", 0.5, "no issue named 'nowhere'")]
    [InlineData("mount-hermon", 1.5, "must be in [0, 1]")]
    [InlineData("mount-hermon", double.NaN, "must be in [0, 1]")]
    public void DeclareProfile_BadValueOfToday_RefusedClearlyAndStateUnchanged(string issue, double value, string message)
    {
        var c = Open();
        Run(c, Audience.Delegation(0), new DeclareProfile(null, null, null, null, false, new Dictionary<string, double> { ["mount-hermon"] = IsraelHermon }));
        var version = c.Version;

        var d = c.Decide(Audience.Delegation(1), new DeclareProfile(null, null, null, null, false, new Dictionary<string, double> { [issue] = value }), T0);

        d.Refusal.ShouldBe(CaseRefusalKind.Invalid);
        d.Message.ShouldNotBeNull().ShouldContain(message);
        d.Message.ShouldNotContain("0.6543");
        c.Version.ShouldBe(version);
        c.StatusQuoValuesOf(1).ShouldBeNull();
    }

    [Fact]
    public void StatusQuoValues_Confidential_NeverReachAnotherDelegationAndReachTheMediatorOnlyWhenShared()
    {
        var c = Open();
        Run(c, Audience.Delegation(0), new DeclareProfile(null, null, null, null, false, new Dictionary<string, double> { ["mount-hermon"] = IsraelHermon }));
        Run(c, Audience.Delegation(1), new DeclareProfile(null, null, null, null, true, new Dictionary<string, double> { ["mount-hermon"] = SyriaHermon }));
        Run(c, Audience.Mediator, new SetObserverAccess(ObserverAccess.PublicRecord));

        string Seen(Audience a) => ViewJson(c, a) + CaseJson.Export(c.VisibleRecords(a)) + JsonSerializer.Serialize(c.TodayFor(a), CaseJson.Options);

        Seen(Audience.Delegation(0)).ShouldContain("0.6543");
        Seen(Audience.Delegation(0)).ShouldNotContain("0.5678");
        Seen(Audience.Delegation(1)).ShouldContain("0.5678");
        Seen(Audience.Delegation(1)).ShouldNotContain("0.6543");
        Seen(Audience.Mediator).ShouldContain("0.5678");   // shared
        Seen(Audience.Mediator).ShouldNotContain("0.6543");   // kept to Israel
        Seen(Audience.Observer).ShouldNotContain("0.5678");
        Seen(Audience.Observer).ShouldNotContain("0.6543");
        c.ViewFor(Audience.Mediator).Profiles.Single(p => p.Seat == "Syria").StatusQuoValues.ShouldNotBeNull()["mount-hermon"].ShouldBe(SyriaHermon);
        c.ViewFor(Audience.Mediator).Profiles.Single(p => p.Seat == "Israel").StatusQuoValues.ShouldBeNull();

        // Syria stops sharing: the mediator keeps what was shared before, and sees nothing of the new values.
        Run(c, Audience.Delegation(1), new DeclareProfile(null, null, null, null, false, new Dictionary<string, double> { ["mount-hermon"] = 0.1234 }));
        Seen(Audience.Mediator).ShouldNotContain("0.1234");
        Seen(Audience.Delegation(0)).ShouldNotContain("0.1234");
    }

    [Fact]
    public void StatusQuoValues_ExportedAndImported_SameStateAndViews()
    {
        var c = Open();
        Run(c, Audience.Delegation(0), new DeclareProfile(null, null, null, null, false, new Dictionary<string, double> { ["mount-hermon"] = IsraelHermon, ["withdrawal"] = 0.2 }));
        Run(c, Audience.Delegation(1), new DeclareProfile(null, null, null, null, true, new Dictionary<string, double> { ["mount-hermon"] = SyriaHermon }));

        var copy = MediationCase.Replay(CaseJson.Import(CaseJson.Export(c.Records)));

        for (var seat = 0; seat < 2; seat++)
        {
            copy.StatusQuoValuesOf(seat).ShouldBe(c.StatusQuoValuesOf(seat));
            copy.MediatorStatusQuoValuesOf(seat).ShouldBe(c.MediatorStatusQuoValuesOf(seat));
        }

        foreach (var a in new[] { Audience.Mediator, Audience.Observer, Audience.Delegation(0), Audience.Delegation(1) })
        {
            ViewJson(copy, a).ShouldBe(ViewJson(c, a));
        }

        copy.TodayFor(Audience.Delegation(0))!.Articles.Single(x => x.Issue == "mount-hermon").Value.ShouldBe(IsraelHermon);
    }
}
