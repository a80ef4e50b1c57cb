using Parley.Mediation;
using Parley.Protocols;

namespace Parley.Tests.Mediation;

/// <summary>Post-settlement improvement is offered after any agreement, not only a trusted mediator's (issue 15).</summary>
public sealed class PostSettlementDefaultTests
{
    [Theory]
    [InlineData("hill-climbing")]
    [InlineData("annealing")]
    public void Run_UntrustedMediatorByDefault_ImprovesEveryDealUntilNoPartyCanGainWithoutAnotherLosing(string mediator)
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.3);
        var guard = new RedLineGuard(scenario.Domain, scenario.Profiles);
        var improved = 0;
        var deals = 0;
        for (var seed = 1; seed <= 12; seed++)
        {
            var result = new MediationSession(scenario, MediationSessionTests.Mediator(mediator), [new TruthfulVoter()], new MediationOptions { Rounds = 60 }, seed).Run();
            if (result.EndReason != EndReason.Agreement)
            {
                continue;
            }

            deals++;
            var steps = result.Versions.Count(v => v.Note?.StartsWith("Post-settlement improvement", StringComparison.Ordinal) == true);
            improved += steps > 0 ? 1 : 0;
            if (steps < SingleTextNegotiation.PostSettlementSteps)
            {
                PostSettlement.Improve(scenario.Profiles, guard, result.Deal!).ShouldBeNull($"seed {seed}: the deal can still be improved for someone at no one's cost");
            }
        }

        deals.ShouldBeGreaterThan(0);
        improved.ShouldBeGreaterThan(0, "no untrusted deal was improved after signature");
    }

    [Fact]
    public void Run_PostSettlementOff_KeepsTheDealAsSigned()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.3);

        for (var seed = 1; seed <= 12; seed++)
        {
            var result = new MediationSession(scenario, new HillClimbingMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 60, PostSettlement = false }, seed).Run();

            result.Versions.ShouldNotContain(v => v.Note != null && v.Note.StartsWith("Post-settlement improvement", StringComparison.Ordinal));
        }
    }
}
