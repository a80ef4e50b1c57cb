using Parley.Agents;
using Parley.Protocols;
using Parley.Remote;
using Parley.Tests.Protocols;

namespace Parley.Tests.Remote;

/// <summary>Parley's runner against Parley's own GeniusWeb parties (serve-agents) over real loopback sockets.</summary>
public sealed class ServeAgentsTests
{
    [Fact]
    public async Task RunSaop_RemoteBoulwareAgainstBuiltIn_PlaysLikeInProcess()
    {
        // Arrange
        using var server = new PartyServer(agents: ["boulware"]);
        var scenario = SessionFixtures.Bilateral();
        var profiles = scenario.Negotiators.Select(p => p.Profile!).ToArray();
        var names = scenario.Negotiators.Select(p => p.Name).ToArray();
        var options = new SessionOptions { Deadline = new Parley.Scenarios.Deadline(40, null), Seed = 3 };

        // Act
        var remote = await MixedSessions.RunSaopAsync(scenario.Domain, profiles, names, [SessionSeat.Parse(server.PartySocketAddress("boulware").ToString()), SessionSeat.Parse("conceder")], options);
        var local = Saop.Run(scenario, [AgentRegistry.Create("boulware"), AgentRegistry.Create("conceder")], options);

        // Assert
        remote.Failure.ShouldBeNull();
        remote.EndReason.ShouldBe(local.EndReason);
        remote.Agreement.ShouldBe(local.Agreement);
        remote.Actions.ShouldBe(local.Actions);
        await PartyServerWaits.PlayedAsync(server, 1);
        server.ActiveInstances.ShouldBe(0);
        server.PlayedInstances.ShouldBe(1);
    }

    [Fact]
    public async Task RunSaop_PartyUriAnswersFreshInstance_BothSeatsRemote()
    {
        // Arrange
        using var server = new PartyServer();
        var scenario = SessionFixtures.Bilateral();
        var profiles = scenario.Negotiators.Select(p => p.Profile!).ToArray();
        var names = scenario.Negotiators.Select(p => p.Name).ToArray();
        var options = new SessionOptions { Deadline = new Parley.Scenarios.Deadline(30, null), Seed = 1 };
        var seats = new[] { SessionSeat.Parse(server.PartyAddress("hardliner").ToString()), SessionSeat.Parse(server.PartyAddress("conceder").ToString()) };

        // Act
        var result = await MixedSessions.RunSaopAsync(scenario.Domain, profiles, names, seats, options);

        // Assert
        result.Failure.ShouldBeNull();
        result.Actions.ShouldBeGreaterThan(1);
        await PartyServerWaits.PlayedAsync(server, 2);
        server.PlayedInstances.ShouldBe(2);
    }

    [Fact]
    public async Task RunSaop_MinimalCSharpPartyFromTheDocs_NegotiatesWithoutFailure()
    {
        // Arrange: the documentation's minimal party, on a free port.
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        using var stop = new CancellationTokenSource();
        var serving = MinimalParty.ServeAsync($"http://127.0.0.1:{port}/", stop.Token);
        var scenario = SessionFixtures.Bilateral();
        var profiles = scenario.Negotiators.Select(p => p.Profile!).ToArray();
        var names = scenario.Negotiators.Select(p => p.Name).ToArray();

        // Act
        var result = await MixedSessions.RunSaopAsync(scenario.Domain, profiles, names, [SessionSeat.Parse("conceder"), SessionSeat.Parse($"ws://127.0.0.1:{port}/party")], new SessionOptions { Deadline = new Parley.Scenarios.Deadline(40, null) });
        await stop.CancelAsync();
        await serving;

        // Assert
        result.Failure.ShouldBeNull();
        result.HasAgreement.ShouldBeTrue();
    }
}
