using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using Parley.Formats.GeniusWeb;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Remote;
using Parley.Tests.Protocols;

namespace Parley.Tests.Remote;

/// <summary>The runner side over real loopback sockets: confidentiality, faults without leaks, MOPAC.</summary>
public sealed class RemotePartyTests
{
    [Fact]
    public async Task RunSaop_EveryMessageToTheRemoteParty_HoldsNoOtherPartysProfile()
    {
        // Arrange: three parties; the first is remote (Parley's own party server), the others built in.
        using var server = new PartyServer(agents: ["conceder"]);
        using var profiles = new ProfileEndpoint();
        var scenario = SessionFixtures.Multilateral(3);
        var own = (AdditiveProfile)scenario.Negotiators[0].Profile!;
        var sent = new List<string>();
        var remote = new RemotePartyOptions { Profiles = profiles, OnSent = m => { lock (sent) { sent.Add(Encoding.UTF8.GetString(m.Span)); } } };
        var seats = new[] { SessionSeat.Parse(server.PartySocketAddress("conceder").ToString()), SessionSeat.Parse("boulware"), SessionSeat.Parse("linear") };

        // Act
        var result = await MixedSessions.RunSaopAsync(scenario.Domain, [.. scenario.Negotiators.Select(p => p.Profile!)], [.. scenario.Negotiators.Select(p => p.Name)], seats, new SessionOptions { Deadline = new Parley.Scenarios.Deadline(30, null) }, remote);

        // Assert: every message is an inform a party may see; none holds a profile or a utility.
        result.Failure.ShouldBeNull();
        sent.Count.ShouldBeGreaterThan(3);
        var codec = new GeniusWebBidCodec(scenario.Domain);
        foreach (var message in sent)
        {
            var inform = GeniusWebWire.ParseInform(Encoding.UTF8.GetBytes(message), codec, out var error).ShouldNotBeNull(error);
            inform.Kind.ShouldBeOneOf(GeniusWebInformKind.Settings, GeniusWebInformKind.YourTurn, GeniusWebInformKind.ActionDone, GeniusWebInformKind.Finished);
            message.ShouldNotContain("Utilit");
            message.ShouldNotContain("issueWeights");
            message.ShouldNotContain("reservation", Case.Insensitive);
        }

        // Its profile came from its own reference, only once, and the reference died with the session.
        var settings = GeniusWebWire.ParseInform(Encoding.UTF8.GetBytes(sent[0]), null, out _)!.Settings!;
        settings.PartyId.ShouldBe("party1");
        profiles.Served.ShouldBe(1);
        profiles.Published.ShouldBe(0);
        using var http = new HttpClient();
        var after = await http.GetAsync(new Uri("http" + settings.Profile[2..]));
        after.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var expected = GeniusWebWriter.WireProfile(own, "party1", out _);
        using var reread = new MemoryStream(expected);
        GeniusWebReader.ReadProfile(reread, "own", out _).Weights.ShouldBe(own.Weights, 1e-9);
    }

    [Fact]
    public async Task RunSaop_PartySendsAnInvalidAction_FailsAttributedAndClosesEverything()
    {
        // Arrange: a C# party that answers its turn with a bid naming a value the domain lacks.
        using var party = new ScriptedParty("""{"Offer":{"actor":"seller","bid":{"issuevalues":{"price":99,"delivery":"slow"}}}}""");
        using var profiles = new ProfileEndpoint();
        var scenario = SessionFixtures.Bilateral();
        var seats = new[] { SessionSeat.Parse(party.Url), SessionSeat.Parse("conceder") };

        // Act
        var result = await MixedSessions.RunSaopAsync(scenario.Domain, [.. scenario.Negotiators.Select(p => p.Profile!)], [.. scenario.Negotiators.Select(p => p.Name)], seats, new SessionOptions { Deadline = new Parley.Scenarios.Deadline(20, null) }, new RemotePartyOptions { Profiles = profiles });

        // Assert
        result.EndReason.ShouldBe(EndReason.Failure);
        result.Failure.ShouldNotBeNull().Party.ShouldBe(0);
        result.Failure.Kind.ShouldBe(FailureKind.InvalidAction);
        result.Failure.Reason.ShouldContain("offered an outcome outside the domain: value 99 is not a value of issue 'price'");
        profiles.Published.ShouldBe(0);
        (await party.Closed.WaitAsync(TimeSpan.FromSeconds(30))).ShouldBeTrue("the runner closed the party's connection");
    }

    [Fact]
    public async Task RunMopac_RemotePartiesBesideBuiltIn_PlaysToTheEndWithoutFailure()
    {
        // Arrange
        using var server = new PartyServer(agents: ["boulware", "conceder"]);
        var scenario = SessionFixtures.Multilateral(3);
        var seats = new[] { SessionSeat.Parse(server.PartySocketAddress("conceder").ToString()), SessionSeat.Parse("conceder"), SessionSeat.Parse(server.PartyAddress("boulware").ToString()) };

        // Act
        var (result, agreements) = await MixedSessions.RunMopacAsync(scenario, seats, new SessionOptions { Deadline = new Parley.Scenarios.Deadline(20, null), Seed = 5 });

        // Assert
        result.Failure.ShouldBeNull();
        result.EndReason.ShouldBeOneOf(EndReason.Agreement, EndReason.Deadline, EndReason.Partial, EndReason.WalkAway);
        result.Actions.ShouldBeGreaterThan(3);
        agreements.Count.ShouldBe(3);
        await PartyServerWaits.PlayedAsync(server, 2);
        server.PlayedInstances.ShouldBe(2);
    }

    /// <summary>A party that reads Settings and answers every YourTurn with one fixed message; it records when the runner closes.</summary>
    private sealed class ScriptedParty : IDisposable
    {
        private readonly LoopbackServer _server;
        private readonly string _answer;
        private readonly TaskCompletionSource<bool> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ScriptedParty(string answer)
        {
            _answer = answer;
            _server = new LoopbackServer("/");
            _server.Serve(ServeAsync);
            Url = $"ws://127.0.0.1:{_server.Port}/party";
        }

        public string Url { get; }

        public Task<bool> Closed => _closed.Task;

        public void Dispose() => _server.Dispose();

        private async Task ServeAsync(HttpListenerContext context)
        {
            var ws = (await context.AcceptWebSocketAsync(null)).WebSocket;
            var buffer = new ArrayBufferWriter<byte>();
            try
            {
                while (true)
                {
                    var type = await WebSocketMessages.ReceiveAsync(ws, buffer, 1 << 20, CancellationToken.None);
                    if (type == WebSocketMessageType.Close)
                    {
                        break;
                    }

                    if (Encoding.UTF8.GetString(buffer.WrittenSpan).Contains("YourTurn", StringComparison.Ordinal))
                    {
                        await ws.SendAsync(Encoding.UTF8.GetBytes(_answer), WebSocketMessageType.Text, true, CancellationToken.None);
                    }
                }
            }
            catch (WebSocketException)
            {
                // Aborted by the runner: closed too.
            }

            _closed.TrySetResult(true);
            ws.Dispose();
        }
    }
}
