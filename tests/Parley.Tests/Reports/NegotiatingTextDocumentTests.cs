using System.Text.Json.Nodes;
using Parley.Domains;
using Parley.Mediation;
using Parley.Reports;
using Parley.Tests.Mediation;

namespace Parley.Tests.Reports;

public sealed class NegotiatingTextDocumentTests
{
    private static MediationResult AgendaRun() =>
        new MediationSession(MediationFixtures.BorderTalks(0.5), new AnnealingMediator(), [new TruthfulVoter()], new MediationOptions { Agenda = [0, 1, 2, 3] }, seed: 7).Run();

    [Fact]
    public void Clause_CategoricalWithClause_UsesTheClause()
    {
        var issue = MediationFixtures.BorderTalks().Domain.Issues[2];

        NegotiatingTextDocument.Clause(issue, 1).ShouldBe("Forces withdraw in phases within 12 months.");
    }

    [Fact]
    public void Clause_WithoutClauseText_FallsBackToIssueAndValue()
    {
        var issue = MediationFixtures.BorderTalks().Domain.Issues[3];

        NegotiatingTextDocument.Clause(issue, 0).ShouldBe("zones: 1974");
        NegotiatingTextDocument.Clause(new IntegerIssue("days", 30, 90, 30, clauseTemplate: "Within {value} days."), 1).ShouldBe("Within 60 days.");
    }

    [Fact]
    public void ToMarkdown_PartialText_NumbersArticlesMarksStatusAndShowsPositionsAndDiff()
    {
        var result = AgendaRun();
        var final = result.FinalText;
        var previous = result.Versions[^2];

        var md = NegotiatingTextDocument.ToMarkdown(final, previous, result.Agreement);

        md.ShouldContain($"version {final.Version}");
        md.ShouldContain("## Article 1. Coordination channel [agreed]");
        md.ShouldContain(NegotiatingTextDocument.Clause(final.Domain.Issues[0], final.Draft[0]));
        md.ShouldContain("## Article 3. Withdrawal [open]");
        md.ShouldContain("[open]");
        md.ShouldContain("- A: Forces withdraw to the old lines within 90 days.");
        md.ShouldContain("- B: Forces stay.");
        md.ShouldContain($"## Changes since version {previous.Version}");
    }

    [Fact]
    public void FinalMarkdown_PartialAgreement_ListsOnlyAgreedArticlesThenOpenIssuesWithTheClosingPackage()
    {
        var result = AgendaRun();

        var md = NegotiatingTextDocument.FinalMarkdown(result, MediationFixtures.BorderTalks(0.5));

        md.ShouldContain("## Article 1. Coordination channel");
        md.ShouldContain("## Article 2. De-escalation");
        md.ShouldNotContain("## Article 3.");
        md.ShouldContain("## Open issues");
        md.ShouldContain("Who would have to move");
    }

    [Fact]
    public void ToHtml_Report_IsSelfContainedWithInlineCssAndSvg()
    {
        var scenario = MediationFixtures.BorderTalks(0.5);
        var result = AgendaRun();

        var html = MediationReportDocument.ToHtml(result, scenario);

        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldContain("<style>");
        html.ShouldContain("<svg");
        html.ShouldContain("@media print");
        html.ShouldNotContain("<script");
        html.ShouldNotContain("src=\"http");
        html.ShouldContain("Versions of the text");
        html.ShouldContain("<del>");
    }

    [Fact]
    public void ToHtml_PartialAgreement_SaysWhatIsAgreedOpenAndWhatWouldCloseTheGap()
    {
        var scenario = MediationFixtures.BorderTalks(0.5);
        var result = AgendaRun();

        var html = MediationReportDocument.ToHtml(result, scenario);

        html.ShouldContain("<b>Agreed (2 of 4):</b> Channel, De Escalation.");
        html.ShouldContain("<b>Open (2):</b> Withdrawal, Zones");
        html.ShouldContain(result.Agreement.ClosingPackage is null ? "<b>No package</b>" : "<b>What would close the gap:</b>");
        html.ShouldContain("Packages a trusted mediator would table");
        html.ShouldContain("<title>The negotiating text, version by version</title>");
        html.Split("<td class=\"v\">").Length.ShouldBe(result.Versions.Count + 1);
    }

    [Fact]
    public void TextTimeline_OneCellPerArticleAndVersion()
    {
        var scenario = MediationFixtures.BorderTalks(0.5);
        var result = AgendaRun();

        var svg = MediationPlots.TextTimeline(result, scenario);

        (svg.Split("<rect ").Length - 1).ShouldBe((scenario.Domain.IssueCount * result.Versions.Count) + 3 + 1); // three legend swatches and the canvas's ground
        (svg.Split("fill=\"#2e8b57\"").Length - 1).ShouldBe(result.Versions.Sum(v => v.AgreedCount) + 1);
    }

    [Fact]
    public void Summary_Json_FollowsTheMediateContract()
    {
        var scenario = MediationFixtures.BorderTalks(0.5);
        var result = AgendaRun();

        var json = MediationJson.Summary(result, scenario);

        json["endReason"]!.GetValue<string>().ShouldBe("partial");
        json["agreedIssues"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["channel", "de-escalation"]);
        json["openIssues"]![0]!["issue"]!.GetValue<string>().ShouldBe("withdrawal");
        json["openIssues"]![0]!["positions"]!["A"]!.GetValue<string>().ShouldBe("full");
        json["text"]!["withdrawal"].ShouldBeNull();
        json["text"]!["channel"]!.GetValue<string>().ShouldBe(scenario.Domain.Issues[0].FormatLevel(result.Agreement.Agreed[0]));
        json["text"]!["channel"]!.GetValue<string>().ShouldBeOneOf("hotline", "joint-cell");
        json["utilities"]!["A"]!.GetValue<double>().ShouldBeGreaterThan(0);
        ((int)json["versions"]!).ShouldBe(result.Versions.Count);
        JsonNode.Parse(json.ToJsonString()).ShouldNotBeNull();
    }

    [Fact]
    public void Revise_NewText_IncrementsTheVersionAndReportsChanges()
    {
        var domain = MediationFixtures.BorderTalks().Domain;
        var v1 = new NegotiatingText(domain, new PartialOutcome([0, 1, -1, -1]), [ArticleStatus.Proposed, ArticleStatus.Agreed, ArticleStatus.Open, ArticleStatus.Open]);

        var v2 = v1.Revise(new PartialOutcome([2, 1, -1, -1]), [ArticleStatus.Agreed, ArticleStatus.Agreed, ArticleStatus.Open, ArticleStatus.Open]);

        v2.Version.ShouldBe(2);
        v2.ChangedFrom(v1).ShouldBe([0]);
        v2.AgreedPart().ShouldBe(new PartialOutcome([2, 1, -1, -1]));
        Should.Throw<ArgumentException>(() => new NegotiatingText(domain, new PartialOutcome([0, 1, -1, -1]), [ArticleStatus.Open, ArticleStatus.Agreed, ArticleStatus.Open, ArticleStatus.Open]));
    }
}
