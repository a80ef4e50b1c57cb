using Parley.Agents;
using Parley.Protocols;
using Parley.Scenarios;
using Parley.Tests.Protocols;

namespace Parley.Tests.Agents;

public sealed class AgentRegistryExtensionTests
{
    [Fact]
    public void Register_AHostsOwnAgent_IsCreatedByIdAndListed()
    {
        AgentRegistry.Register(new AgentDescriptor("test-stubborn", "Offers its best outcome, never accepts.", "a test"), () => new BoaAgent(new TimeDependentBidding(0), new AcConst(2)));

        var agent = AgentRegistry.Create("test-stubborn");
        var result = Saop.Run(SessionFixtures.Bilateral(), [agent, AgentRegistry.Create("conceder")], new SessionOptions { Deadline = new Deadline(20, null) });

        AgentRegistry.All.ShouldContain(d => d.Id == "test-stubborn");
        result.EndReason.ShouldBe(EndReason.Agreement); // the conceder gives in
        Should.Throw<ArgumentException>(() => AgentRegistry.Register(new AgentDescriptor("boulware", "clash", "a test"), () => agent));
    }

    [Fact]
    public void RegisterResolver_IdsItUnderstands_AreResolvedAndOthersStillFail()
    {
        AgentRegistry.RegisterResolver(id => id.StartsWith("test-scheme://", StringComparison.Ordinal) ? () => BuiltInAgents.Linear() : null);

        AgentRegistry.Create("test-scheme://anything").ShouldNotBeNull();
        Should.Throw<ArgumentException>(() => AgentRegistry.Create("no-such-agent")).Message.ShouldContain("Known agents");
    }
}
