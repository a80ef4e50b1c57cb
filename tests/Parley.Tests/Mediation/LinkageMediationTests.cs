using Parley.Formats;
using Parley.Formats.ParleyJson;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Tests.Mediation;

/// <summary>
/// A mediated session honours the scenario's linkage rules (issue 15): no text put to the parties,
/// no adopted version and no agreement breaks one, whatever the mediator.
/// </summary>
public sealed class LinkageMediationTests
{
    public static TheoryData<string> Mediators => ["hill-climbing", "annealing", "random-flip", "nash", "maximin"];

    // Two issues both parties like (access open, joint patrols) that a linkage rule forbids together.
    private static Scenario Synthetic() => ParleyScenarioReader.Read(Path.Combine(TestPaths.Root, "tests", "corpus", "two-level", "linkage.json"));

    private static void NothingBreaksTheLinkage(Scenario scenario, MediationResult result)
    {
        var rules = scenario.Linkage.ShouldNotBeNull().Constraints;
        foreach (var round in result.Trace.Where(r => r.Issue is null))
        {
            rules.IsCrossed(round.Proposal.Levels).ShouldBeFalse($"round {round.Round} put {round.Proposal} to the parties");
        }

        foreach (var version in result.Versions)
        {
            rules.IsCrossed(version.Draft).ShouldBeFalse($"version {version.Version}");
        }

        rules.IsCrossed(result.Agreement.Agreed).ShouldBeFalse();
        if (result.Agreement.ClosingPackage is { } closing)
        {
            rules.IsCrossed(closing.Levels).ShouldBeFalse();
        }
    }

    [Theory]
    [MemberData(nameof(Mediators))]
    public void Run_SyntheticScenario_NoTextBreaksTheLinkageRule(string mediator)
    {
        var scenario = Synthetic();

        var result = new MediationSession(scenario, MediationSessionTests.Mediator(mediator), [new TruthfulVoter()], new MediationOptions { Rounds = 100 }, seed: 7).Run();

        result.EndReason.ShouldNotBe(EndReason.Failure, result.FailureMessage);
        NothingBreaksTheLinkage(scenario, result);
    }

    [Fact]
    public void Run_SyntheticScenarioTrustedMediator_SignsTheBestPackageThatHonoursTheRule()
    {
        var scenario = Synthetic();

        var result = new MediationSession(scenario, new TrustedMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 50 }, seed: 7).Run();

        // Without the rule the Nash package is (open, joint, even); with it, one of the two liked clauses must go.
        result.EndReason.ShouldBe(EndReason.Agreement);
        var deal = result.Deal.ShouldNotBeNull();
        (scenario.Domain.Issues[0].FormatLevel(deal[0]) == "open" && scenario.Domain.Issues[1].FormatLevel(deal[1]) == "joint").ShouldBeFalse();
    }

    [Theory]
    [InlineData("annealing", null)]
    [InlineData("nash", null)]
    [InlineData("hill-climbing", "withdrawal,demilitarisation,airspace")]
    public void Run_IsraelSyria_NoTextBreaksALinkageRule(string mediator, string? agenda)
    {
        var scenario = BuiltInScenarios.Load("israel-syria-2026");
        var options = new MediationOptions
        {
            Rounds = 200,
            Agenda = agenda is null ? null : MediationRegistry.Agenda(scenario.Domain, agenda.Split(',')),
        };

        var result = new MediationSession(scenario, MediationSessionTests.Mediator(mediator), [new TruthfulVoter()], options, seed: 7).Run();

        result.EndReason.ShouldNotBe(EndReason.Failure, result.FailureMessage);
        NothingBreaksTheLinkage(scenario, result);
    }
}
