using Parley.Analysis;
using Parley.Analysis.TwoLevel;
using Parley.Formats;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Tests.Mediation;

/// <summary>
/// The round `parley demo` runs on the built-in Israel–Syria scenario (reworked in issue 15: the
/// status quo is the disagreement point, articles are judged against it, and the linkage rules bind
/// every text). What the round agrees follows from the voters' acceptance rule; how often the model shows round 5's real shape
/// is measured by the reality check (docs/scenarios.md), not asserted here.
/// </summary>
public sealed class DemoMediationTests
{
    private static readonly string[] TerritorialSecurity = ["withdrawal", "demilitarisation", "airspace"];

    private static Scenario Scenario() => BuiltInScenarios.Load("israel-syria-2026");

    private static string Option(Scenario scenario, PartialAgreement agreement, string issue)
    {
        var i = Index(scenario, issue);
        return agreement.Agreed.IsSettled(i) ? scenario.Domain.Issues[i].FormatLevel(agreement.Agreed[i]) : "[open]";
    }

    private static int Index(Scenario scenario, string issue) =>
        scenario.Domain.Issues.Select((x, k) => (x.Name, k)).Single(t => t.Name == issue).k;

    [Theory]
    [InlineData(7)]
    [InlineData(1)]
    [InlineData(2026)]
    public void Run_BuiltInScenario_AgreesAChannelAndOnlyEarlyHarvestArticles(int seed)
    {
        var scenario = Scenario();
        var model = TwoLevelModel.Create(scenario);

        var result = DemoMediation.Create(scenario, seed).Session.Run();

        // Articles are judged against the status quo of January 2026: a coordination channel is agreed, no
        // territorial-security file is, and what is agreed is worth more than today's situation to both sides.
        result.EndReason.ShouldBe(EndReason.Partial);
        Option(scenario, result.Agreement, "coordination-mechanism").ShouldNotBe("[open]");
        foreach (var issue in TerritorialSecurity.Append("mount-hermon").Append("legal-basis"))
        {
            Option(scenario, result.Agreement, issue).ShouldBe("[open]");
        }

        for (var p = 0; p < model.PartyCount; p++)
        {
            model.Value(p, result.Agreement.Agreed).ShouldBeGreaterThan(model.StatusQuoUtility(p));
            result.Utilities[p].ShouldBe(model.Value(p, result.Agreement.Agreed), 1e-9);
        }
    }

    [Fact]
    public void Run_BuiltInScenario_NoTextCrossesALinkageRule()
    {
        var scenario = Scenario();

        var result = DemoMediation.Create(scenario, 7).Session.Run();

        foreach (var version in result.Versions)
        {
            scenario.Linkage!.Constraints.IsCrossed(version.Draft).ShouldBeFalse();
        }

        if (result.Agreement.ClosingPackage is { } closing)
        {
            scenario.Linkage!.Constraints.IsCrossed(closing.Levels).ShouldBeFalse();
        }
    }

    [Fact]
    public void Run_BuiltInScenario_OpenFilesCloseOnlyThroughACrossIssuePackage()
    {
        var scenario = Scenario();

        var agreement = DemoMediation.Create(scenario, 7).Session.Run().Agreement;

        // No clause of an open territorial-security file is acceptable to both on its own...
        foreach (var gap in agreement.OpenIssues.Where(g => TerritorialSecurity.Contains(g.Name)))
        {
            gap.ZoneOfAgreement.ShouldBeEmpty();
        }

        // ...yet a package keeping the agreed articles is: each side moves on some file.
        var closing = agreement.ClosingPackage.ShouldNotBeNull();
        foreach (var party in scenario.Negotiators)
        {
            scenario.ProfilesWithLinkage()[scenario.Negotiators.ToList().IndexOf(party)].Accepts(closing.Levels).ShouldBeTrue();
            agreement.OpenIssues.Where(g => TerritorialSecurity.Contains(g.Name)).SelectMany(g => g.Moves).Select(m => m.Party).ShouldContain(party.Name);
        }

        for (var i = 0; i < scenario.Domain.IssueCount; i++)
        {
            if (agreement.Agreed.IsSettled(i))
            {
                closing[i].ShouldBe(agreement.Agreed[i]);
            }
        }
    }

    [Fact]
    public void Run_BuiltInScenario_NashPackageIsTheAnalysisNashPointAndTheClosingPackageIsAcceptable()
    {
        var scenario = Scenario();

        var agreement = DemoMediation.Create(scenario, 7).Session.Run().Agreement;

        var analysis = OutcomeSpaceAnalyzer.Analyze(scenario);
        var nash = analysis.Nash.ShouldNotBeNull();
        agreement.NashPackage.ShouldBe(nash.Outcome);
        agreement.Analysis.ShouldNotBeNull().AgreementZone.OutcomeCount.ShouldBe(analysis.AgreementZone.OutcomeCount);

        // The package that closes the gap gives every party at least its status quo.
        var closing = agreement.ClosingPackage.ShouldNotBeNull();
        foreach (var party in scenario.Negotiators)
        {
            party.Profile!.Utility(closing).ShouldBeGreaterThanOrEqualTo(party.Profile.ReservationValue);
        }
    }

    [Fact]
    public void Run_SameSeed_SameTrace()
    {
        var scenario = Scenario();

        var a = DemoMediation.Create(scenario, 11).Session.Run();
        var b = DemoMediation.Create(scenario, 11).Session.Run();

        b.Trace.Select(r => (r.Round, r.Proposal, r.Adopted)).ShouldBe(a.Trace.Select(r => (r.Round, r.Proposal, r.Adopted)));
        b.Versions.Select(v => v.Draft).ShouldBe(a.Versions.Select(v => v.Draft));
    }
}
