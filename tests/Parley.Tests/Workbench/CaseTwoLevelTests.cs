using Parley.Analysis.TwoLevel;
using Parley.Formats;
using Parley.Workbench;

namespace Parley.Tests.Workbench;

/// <summary>The mediator's two-level view of a case: the scenario's status quo and constituencies, over the profiles the mediator may see.</summary>
public sealed class CaseTwoLevelTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = new('a', 64);

    [Fact]
    public void MediatorScenario_NoDeclaration_IsTheScenarioAndTheViewTranslatesTheAnalysis()
    {
        var c = Open();
        var scenario = BuiltInScenarios.Load("israel-syria-2026");

        var view = CaseTwoLevel.Analyze(CaseTwoLevel.MediatorScenario(c)!, draws: 0, seed: 1, maxDegreeOfParallelism: 1);

        var expected = TwoLevelAnalyzer.Analyze(scenario);
        view.Robustness.ShouldBeNull();
        view.Zone!.Acceptable.ShouldBe(expected.Counts!.Zone);
        view.Packages.Select(p => p.Label).ShouldBe(expected.Candidates.Select(p => p.Label));
        view.Packages[0].PRatifiedAll.ShouldBe(expected.Candidates[0].PRatifiedAll, 1e-12);
        view.Issues.Select(i => i.StatusQuo).ShouldBe(Enumerable.Range(0, scenario.Domain.IssueCount).Select(i => scenario.StatusQuo!.Levels[i] < 0 ? null : scenario.Domain.Issues[i].FormatLevel(scenario.StatusQuo.Levels[i])));
        view.Ratifiers.Select(r => r.Name).ShouldBe(["Coalition", "Knesset", "Public and factions"]);
    }

    [Fact]
    public void MediatorScenario_ConfidentialDeclarationIgnoredSharedOneUsed()
    {
        var c = Open();
        var before = CaseTwoLevel.MediatorScenario(c)!;

        Apply(c, Audience.Delegation(1), new DeclareProfile(null, null, null, [], SharedWithMediator: false));
        CaseTwoLevel.MediatorScenario(c)!.Negotiators[1].Profile.ShouldBeSameAs(before.Negotiators[1].Profile);

        Apply(c, Audience.Delegation(1), new DeclareProfile(null, null, null, [], SharedWithMediator: true));
        var after = CaseTwoLevel.MediatorScenario(c)!;
        after.Negotiators[1].Profile.ShouldBeSameAs(c.ProfileOf(1));
        after.Negotiators[1].Profile!.RedLines.Lines.ShouldBeEmpty();
        after.Negotiators[0].Profile.ShouldBeSameAs(before.Negotiators[0].Profile);
        after.StatusQuo.ShouldBeSameAs(before.StatusQuo);
        after.Negotiators[0].Ratification.ShouldBe(before.Negotiators[0].Ratification);
    }

    [Fact]
    public void MediatorScenario_CaseFromScratch_Null()
    {
        var events = MediationCase.Create("water", [new IssueSpec("share", ["30", "50"], null)], ["up", "down"], new Invite("m", AudienceRole.Mediator, null, "mediator", Hash));
        var c = MediationCase.Replay(events.Select((e, i) => new CaseRecord(i + 1, T0, e)));

        CaseTwoLevel.MediatorScenario(c).ShouldBeNull();
    }

    [Fact]
    public void Analyze_DrawsOutOfRange_Refused()
    {
        var scenario = CaseTwoLevel.MediatorScenario(Open())!;

        Should.Throw<ArgumentOutOfRangeException>(() => CaseTwoLevel.Analyze(scenario, -1, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => CaseTwoLevel.Analyze(scenario, CaseTwoLevel.MaxDraws + 1, 1));
    }

    private static MediationCase Open()
    {
        var events = MediationCase.Create("t", "israel-syria-2026", BuiltInScenarios.Load("israel-syria-2026"), new Invite("m", AudienceRole.Mediator, null, "mediator", Hash));
        return MediationCase.Replay(events.Select((e, i) => new CaseRecord(i + 1, T0, e)));
    }

    private static void Apply(MediationCase c, Audience actor, CaseCommand command)
    {
        var d = c.Decide(actor, command, T0);
        d.Refusal.ShouldBe(CaseRefusalKind.None, d.Message);
        var v = c.Version;
        foreach (var e in d.Events)
        {
            c.Apply(new CaseRecord(++v, T0, e));
        }
    }
}
