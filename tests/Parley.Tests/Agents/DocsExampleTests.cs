using Parley.Agents;
using Parley.Protocols;
using Parley.Protocols.Drivers;
using Parley.Scenarios;
using Parley.Tests.Protocols;

namespace Parley.Tests.Agents;

/// <summary>Runs the examples of docs/agents.md.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public void PatientAgent_AgainstConceder_Agrees()
    {
        var scenario = SessionFixtures.Bilateral();

        var result = Saop.Run(scenario, [new PatientAgent(), BuiltInAgents.Conceder()], new SessionOptions { Deadline = new Deadline(100, null), Seed = 1 });

        result.EndReason.ShouldBe(EndReason.Agreement);
        result.Utilities[0].ShouldBeGreaterThanOrEqualTo(0.7 - 0.05);
    }

    [Fact]
    public void BoaComposition_FromTheDocs_RunsToAgreement()
    {
        var scenario = SessionFixtures.Multilateral(2, 9);

        // docs/agents.md, "Composing an agent from parts"
        var agent = new BoaAgent(
            new HardHeadedBidding(e: 0.5),
            AcCombination.AnyOf(new AcNext(), new AcTime(0.98)),
            new FrequencyOpponentModel());

        var result = Saop.Run(scenario, [agent, BuiltInAgents.Boulware()], new SessionOptions { Deadline = new Deadline(200, null), Seed = 2 });

        result.EndReason.ShouldBe(EndReason.Agreement);
    }

    [Fact]
    public async Task ActingFromOutside_TheDocsExample_EndsTheSession()
    {
        var scenario = SessionFixtures.Bilateral();

        // docs/agents.md, "Acting from outside" (on the fixture instead of CameraC)
        var negotiation = new SaopNegotiation(NegotiationSetup.For(scenario, new Deadline(100, null), seed: 7));
        using var host = new NegotiationHost(negotiation);
        var seller = HostedAgent.PlayAsync(host, 0, AgentRegistry.Create("boulware"), TimeSpan.FromSeconds(10));

        const int buyer = 1;
        var mine = OutcomeIndex.For(scenario.Profiles[buyer]);
        var rank = 0;
        var refusals = 0;
        while (true)
        {
            await host.WaitForTurnAsync(buyer).WaitAsync(TimeSpan.FromMinutes(1));
            var (over, table) = host.Read(n => (n.IsOver, ((SaopNegotiation)n).Table));
            if (over)
            {
                break;
            }

            var result = table is not null && scenario.Profiles[buyer].Utility(table.Levels) >= 0.75
                ? host.Submit(buyer, NegotiationAction.Accept(table))
                : host.Submit(buyer, NegotiationAction.Offer(mine.OutcomeAt(Math.Min(rank++, mine.Count - 1))));
            refusals += result.Accepted ? 0 : 1;
        }

        await seller.WaitAsync(TimeSpan.FromMinutes(1));
        refusals.ShouldBe(0);
        negotiation.IsOver.ShouldBeTrue();
        negotiation.EndReason.ShouldBeOneOf(EndReason.Agreement, EndReason.Deadline);
    }
}
