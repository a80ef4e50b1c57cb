using Parley.Agents;
using Parley.Protocols;
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
}
