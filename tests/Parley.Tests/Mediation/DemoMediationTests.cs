using Parley.Analysis;
using Parley.Formats;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Tests.Mediation;

/// <summary>
/// The round `parley demo` runs on the built-in Israel–Syria scenario reproduces round 5's real
/// shape from the profiles and red lines alone: the channel and de-escalation agreed, the
/// territorial-security files open, and only a cross-issue package closing them.
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
    public void Run_BuiltInScenario_AgreesTheChannelAndDeEscalationOnly(int seed)
    {
        var scenario = Scenario();

        var result = DemoMediation.Create(scenario, seed).Session.Run();

        result.EndReason.ShouldBe(EndReason.Partial);
        Option(scenario, result.Agreement, "coordination-mechanism").ShouldBe("joint-cell-us");
        Option(scenario, result.Agreement, "military-activity").ShouldBe("halt-except-notified-threats");
        foreach (var issue in TerritorialSecurity)
        {
            Option(scenario, result.Agreement, issue).ShouldBe("[open]");
        }

        result.Agreement.OpenIssues.Select(g => g.Name).ShouldContain("mount-hermon");
    }

    [Fact]
    public void Run_BuiltInScenario_OpenFilesCloseOnlyThroughACrossIssuePackage()
    {
        var scenario = Scenario();

        var agreement = DemoMediation.Create(scenario, 7).Session.Run().Agreement;

        // No clause of a territorial-security file is acceptable to both on its own...
        foreach (var issue in TerritorialSecurity)
        {
            agreement.OpenIssues.Single(g => g.Name == issue).ZoneOfAgreement.ShouldBeEmpty();
        }

        // ...yet a package keeping the agreed articles is: each side moves on some file.
        var closing = agreement.ClosingPackage.ShouldNotBeNull();
        foreach (var party in scenario.Negotiators)
        {
            party.Profile!.Accepts(closing.Levels).ShouldBeTrue();
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
    public void Run_BuiltInScenario_NashPackageIsTheAnalysisNashPointAndClosesTheGap()
    {
        var scenario = Scenario();

        var agreement = DemoMediation.Create(scenario, 7).Session.Run().Agreement;

        var analysis = OutcomeSpaceAnalyzer.Analyze(scenario);
        var nash = analysis.Nash.ShouldNotBeNull();
        agreement.NashPackage.ShouldBe(nash.Outcome);
        agreement.Analysis.ShouldNotBeNull().AgreementZone.OutcomeCount.ShouldBe(analysis.AgreementZone.OutcomeCount);

        // The agreed articles are those of the Nash point: the package that closes the gap is the Nash point itself.
        agreement.ClosingPackage.ShouldBe(nash.Outcome);
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
