using Parley.Domains;
using Parley.Mediation;
using Parley.Workbench;

using static Parley.Tests.Workbench.CaseFixtures;

namespace Parley.Tests.Workbench;

public sealed class ArticleWorkTests
{
    [Fact]
    public void AnswerArticles_OpenRound_SeenByItsDelegationAndTheMediatorOnly()
    {
        var c = Open();
        Run(c, Audience.Mediator, new OpenRound(Text(c, 1), null));

        var e = Run(c, Audience.Delegation(1), new AnswerArticles([new ArticleAnswer("monitoring", true, "SYRIA-ARTICLE-MARK"), new ArticleAnswer("withdrawal", false, "")])).Single();

        e.ShouldBeOfType<ArticlesAnswered>().Round.ShouldBe(1);
        ViewJson(c, Audience.Mediator).ShouldContain("SYRIA-ARTICLE-MARK");
        ViewJson(c, Audience.Delegation(1)).ShouldContain("SYRIA-ARTICLE-MARK");
        ViewJson(c, Audience.Delegation(0)).ShouldNotContain("SYRIA-ARTICLE-MARK");
        ViewJson(c, Audience.Observer).ShouldNotContain("SYRIA-ARTICLE-MARK");
    }

    [Fact]
    public void AnswerArticles_Refusals_ChangeNothing()
    {
        var c = Open();
        var answer = new AnswerArticles([new ArticleAnswer("monitoring", true, "")]);
        c.Decide(Audience.Delegation(0), answer, T0).Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);
        Run(c, Audience.Mediator, new OpenRound(Text(c, 1), null));
        var before = ViewJson(c, Audience.Mediator);

        c.Decide(Audience.Mediator, answer, T0).Refusal.ShouldBe(CaseRefusalKind.Forbidden);
        c.Decide(Audience.Delegation(0), new AnswerArticles([]), T0).Refusal.ShouldBe(CaseRefusalKind.Invalid);
        c.Decide(Audience.Delegation(0), new AnswerArticles([new ArticleAnswer("moon", true, "")]), T0).Refusal.ShouldBe(CaseRefusalKind.Invalid);
        c.Decide(Audience.Delegation(0), new AnswerArticles([new ArticleAnswer("monitoring", true, ""), new ArticleAnswer("monitoring", false, "")]), T0).Refusal.ShouldBe(CaseRefusalKind.Invalid);

        ViewJson(c, Audience.Mediator).ShouldBe(before);
    }

    [Fact]
    public void RecordAgreement_Mediator_PublicAndInTheExportedText()
    {
        var c = Open();
        Run(c, Audience.Mediator, new OpenRound(Text(c, 1), null));
        Run(c, Audience.Mediator, new CloseRound());

        Run(c, Audience.Mediator, new RecordAgreement(new Dictionary<string, string> { ["monitoring"] = "joint-under-us", ["legal-basis"] = "reactivate-1974" }));
        Run(c, Audience.Mediator, new RecordAgreement(new Dictionary<string, string> { ["monitoring"] = "us-led" }));

        c.AgreedArticles.ShouldBe(new Dictionary<string, string> { ["legal-basis"] = "reactivate-1974", ["monitoring"] = "us-led" });
        var markdown = CaseDocuments.ToMarkdown(c, Audience.Delegation(0));
        markdown.ShouldContain("## Articles agreed so far");
        markdown.ShouldContain("3. **legal-basis** (reactivate-1974)");
        markdown.ShouldContain("8. **monitoring** (us-led)");
        CaseDocuments.ToHtml(c, Audience.Delegation(1)).ShouldContain("<li value=\"8\"><strong>monitoring</strong> (us-led)");
        MediationCase.Replay(c.Records).AgreedArticles.ShouldBe(c.AgreedArticles);
    }

    [Fact]
    public void RecordAgreement_NotMediatorOrUnknownOption_Refused()
    {
        var c = Open();
        var agreement = new RecordAgreement(new Dictionary<string, string> { ["monitoring"] = "us-led" });

        c.Decide(Audience.Delegation(0), agreement, T0).Refusal.ShouldBe(CaseRefusalKind.Forbidden);
        c.Decide(Audience.Mediator, new RecordAgreement(new Dictionary<string, string> { ["monitoring"] = "moon" }), T0).Refusal.ShouldBe(CaseRefusalKind.Invalid);
        c.Decide(Audience.Mediator, new RecordAgreement(new Dictionary<string, string>()), T0).Refusal.ShouldBe(CaseRefusalKind.Invalid);
        c.AgreedArticles.ShouldBeEmpty();
    }

    [Fact]
    public void SeatAgent_OpenRound_AnswersArticlesThenVotes()
    {
        var c = Open();
        Run(c, Audience.Mediator, new FillSeat("Syria", "truthful"));
        Run(c, Audience.Mediator, new OpenRound(Text(c, 0), null));

        var first = SeatAgents.Next(c, 1).ShouldBeOfType<AnswerArticles>();
        first.Answers.Select(a => a.Issue).ShouldBe(c.Domain.Issues.Select(i => i.Name));
        first.Answers.Count(a => a.Accept).ShouldBeLessThan(c.Domain.IssueCount);   // Syria's own red lines refuse some of Israel-leaning option 0
        Run(c, Audience.Delegation(1), first);
        c.HasAnsweredArticles(1).ShouldBeTrue();
        c.HasAnsweredArticles(0).ShouldBeFalse();

        Run(c, Audience.Delegation(1), SeatAgents.Next(c, 1).ShouldBeOfType<Vote>());
        SeatAgents.Next(c, 1).ShouldBeNull();
    }

    [Fact]
    public void SeatAgent_ScenarioWithAStatusQuo_JudgesArticlesAgainstTodaysSituationAsTheMediationVotersDo()
    {
        var c = Open();
        Run(c, Audience.Mediator, new FillSeat("Syria", "truthful"));

        // The voters' rule (issue 15) on Syria's own view of the scenario, with its profile as the case holds it,
        // and the rule before it; the text takes, per article, a clause on which the two disagree where there is one.
        var profile = c.ProfileOf(1)!;
        var scenario = c.Scenario!.WithParties(c.Scenario.Parties.Select(p => p.Name == "Syria" ? p with { Profile = profile } : p));
        var view = StatusQuoArticleAcceptance.PartyView(StatusQuoArticleAcceptance.ModelFor(scenario)!, 1);
        var open = PartialOutcome.AllOpen(c.Domain.IssueCount);
        var levels = c.Domain.Issues.Select((issue, i) => Enumerable.Range(0, issue.Cardinality)
            .FirstOrDefault(l => StatusQuoArticleAcceptance.Accepts(view, 0, open, i, l) != ArticleAcceptance.Accepts(profile, open, i, l))).ToArray();
        var text = c.Domain.Issues.Select((issue, i) => (issue.Name, Option: issue.FormatLevel(levels[i]))).ToDictionary(p => p.Name, p => p.Option);
        var expected = levels.Select((l, i) => StatusQuoArticleAcceptance.Accepts(view, 0, open, i, l)).ToArray();
        var before = levels.Select((l, i) => ArticleAcceptance.Accepts(profile, open, i, l)).ToArray();
        expected.ShouldNotBe(before); // the two rules differ somewhere for Syria, so the test can tell them apart
        Run(c, Audience.Mediator, new OpenRound(text, null));

        var answers = SeatAgents.Next(c, 1).ShouldBeOfType<AnswerArticles>().Answers.Select(a => a.Accept).ToArray();

        answers.ShouldBe(expected);
    }

}
