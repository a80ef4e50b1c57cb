using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Workbench;

namespace Parley.Server.Tests;

/// <summary>
/// Every endpoint and hub method for every caller: the mediator, each delegation, an observer, a
/// stranger, a garbage token, a revoked token, another negotiation's token and a guessed id. Each
/// answer has the right status, and no payload holds another audience's private data.
/// </summary>
public sealed class AuthorizationMatrixTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private const string IsraelNote = "ISRAEL-NOTE-MARK";
    private const string SyriaNote = "SYRIA-NOTE-MARK";
    private const string MediatorNote = "MEDIATOR-NOTE-MARK";
    private const string IsraelToMediator = "ISRAEL-TO-MEDIATOR-MARK";
    private const string MediatorToSyria = "MEDIATOR-TO-SYRIA-MARK";
    private const string IsraelReservation = "0.4321";
    private const string SyriaReservation = "0.3456";
    private const string IsraelToday = "0.6543";   // Israel's value of today's situation on Mount Hermon (not shared)
    private const string SyriaToday = "0.5678";    // Syria's (shared with the mediator)
    private const string IsraelBallot = "\"type\":\"ballot\",\"round\":1,\"seat\":0";
    private const string SyriaBallot = "\"type\":\"ballot\",\"round\":1,\"seat\":1";

    private enum Allowed
    {
        All,
        Mediator,
        Delegations,
        MediatorAndDelegations,
    }

    private static readonly (HttpMethod Method, string Path, object? Body, Allowed Allowed)[] Endpoints =
    [
        (HttpMethod.Get, "", null, Allowed.All),
        (HttpMethod.Get, "events?after=0", null, Allowed.All),
        (HttpMethod.Get, "text.md", null, Allowed.All),
        (HttpMethod.Get, "text.html", null, Allowed.All),
        (HttpMethod.Get, "export", null, Allowed.All),
        (HttpMethod.Get, "analysis", null, Allowed.Mediator),
        (HttpMethod.Post, "invitations", new { role = "observer", label = "guest" }, Allowed.Mediator),
        (HttpMethod.Delete, "invitations/no-such-invitation", null, Allowed.Mediator),
        (HttpMethod.Put, "profile", new { reservation = 0.2, shareWithMediator = false }, Allowed.Delegations),
        (HttpMethod.Put, "profile", new { shareWithMediator = false, statusQuoValues = new Dictionary<string, double> { ["mount-hermon"] = 1.5 } }, Allowed.Delegations),
        (HttpMethod.Put, "observer-access", new { publicRecord = false, ballots = false, profiles = false }, Allowed.Mediator),
        (HttpMethod.Post, "comments", new { text = "a public word", to = "everyone" }, Allowed.MediatorAndDelegations),
        (HttpMethod.Post, "amendments", new { issue = "monitoring", option = "joint-under-us", rationale = "why not" }, Allowed.Delegations),
        (HttpMethod.Post, "shares", new { sequence = 100000 }, Allowed.Mediator),
        (HttpMethod.Post, "notes", new { text = "a note" }, Allowed.All),
        (HttpMethod.Post, "votes", new { yes = false }, Allowed.Delegations),
        (HttpMethod.Post, "rounds/close", null, Allowed.Mediator),
        (HttpMethod.Post, "rounds", new { text = new { withdrawal = "none" } }, Allowed.Mediator),
        (HttpMethod.Post, "signing", null, Allowed.Mediator),
        (HttpMethod.Post, "signatures", new { yes = true }, Allowed.Delegations),
        (HttpMethod.Post, "answers", new { answers = new[] { new { issue = "monitoring", accept = true, comment = "fine" } } }, Allowed.Delegations),
        (HttpMethod.Post, "agreements", new { articles = new { monitoring = "joint-under-us" } }, Allowed.Mediator),
        (HttpMethod.Get, "analysis/utility-space.svg", null, Allowed.Mediator),
        (HttpMethod.Get, "analysis/two-level?draws=50", null, Allowed.Mediator),
        (HttpMethod.Put, "clauses", new { issue = "airspace", option = "no-fly-zone", text = "A reworded clause." }, Allowed.Mediator),
        (HttpMethod.Get, "post-settlement", null, Allowed.All),
        (HttpMethod.Post, "post-settlement/offer", null, Allowed.Mediator),
        (HttpMethod.Post, "post-settlement/answers", new { yes = true }, Allowed.Delegations),
        (HttpMethod.Post, "agents", new { seat = "Atlantis", agent = "truthful" }, Allowed.Mediator),
        (HttpMethod.Post, "close", new { reason = "end of the matrix" }, Allowed.Mediator),
    ];

    [Fact]
    public async Task EveryEndpoint_EveryCaller_RightStatusAndNoForeignPrivateData()
    {
        var (table, other, revoked) = await PrepareAsync();
        var callers = Callers(table, other, revoked);

        // The checks below can fail: each delegation's own values of today's situation reach it, and Syria's shared ones reach the mediator.
        (await table.ViewAsync(table.Israel)).ToJsonString().ShouldContain(IsraelToday);
        (await table.ViewAsync(table.Mediator)).ToJsonString().ShouldContain(SyriaToday);

        foreach (var (method, path, body, allowed) in Endpoints)
        {
            // The mediator goes last, so that its actions (closing the round, the negotiation) do not change what the others are answered.
            foreach (var caller in callers.OrderBy(c => c.Name == "mediator"))
            {
                var response = await table.SendAsync(method, path, caller.Token, body, caller.RouteId ?? table.Id);
                var text = await response.Content.ReadAsStringAsync();
                var what = $"{method} {path} by {caller.Name}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}";

                if (caller.Expected is { } expected)
                {
                    response.StatusCode.ShouldBe(expected, what);
                    text.ShouldContain("\"status\":" + (int)expected, Case.Sensitive, what);
                }
                else if (IsAllowed(allowed, caller.Name))
                {
                    ((int)response.StatusCode).ShouldBeOneOf([200, 201, 404, 409, 422], what);
                    if (response.StatusCode == HttpStatusCode.NotFound)
                    {
                        text.ShouldNotContain("no such negotiation", Case.Sensitive, what);
                    }
                }
                else
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, what);
                }

                foreach (var secret in caller.MustNotSee)
                {
                    text.ShouldNotContain(secret, Case.Sensitive, what);
                }
            }
        }
    }

    [Fact]
    public async Task Hub_EveryCaller_ConnectsOnlyWithItsTokenAndReceivesOnlyItsView()
    {
        var (table, other, revoked) = await PrepareAsync();
        var callers = Callers(table, other, revoked);
        var received = new Dictionary<string, List<string>>();
        var connections = new List<HubConnection>();
        try
        {
            foreach (var caller in callers)
            {
                var connection = server.Factory.Live(caller.RouteId ?? table.Id, caller.Token ?? "");
                var log = received[caller.Name] = [];
                connection.On<string, long, System.Text.Json.JsonElement>(Live.LiveChannel.EventsMethod, (_, _, records) =>
                {
                    lock (log)
                    {
                        log.Add(records.GetRawText());
                    }
                });
                var opened = true;
                try
                {
                    await connection.StartAsync();
                    var catchUp = await connection.InvokeAsync<System.Text.Json.JsonElement>("CatchUp", 0L);
                    lock (log)
                    {
                        log.Add(catchUp.GetRawText());
                    }
                }
                catch (Exception e) when (e is HttpRequestException or Microsoft.AspNetCore.SignalR.HubException or InvalidOperationException or TaskCanceledException or System.IO.IOException)
                {
                    opened = false;
                }

                (opened && connection.State == HubConnectionState.Connected).ShouldBe(caller.Expected is null, caller.Name);
                connections.Add(connection);
            }

            // New private and public events while everyone listens.
            await table.ActAsync(HttpMethod.Post, "notes", table.Israel, new { text = IsraelNote + "-live" });
            await table.ActAsync(HttpMethod.Post, "comments", table.Mediator, new { text = MediatorToSyria + "-live", to = "seat", seat = "Syria" });
            await table.ActAsync(HttpMethod.Post, "votes", table.Syria, new { yes = true });
            await table.ActAsync(HttpMethod.Post, "comments", table.Mediator, new { text = "LIVE-PUBLIC", to = "everyone" });

            foreach (var name in new[] { "mediator", "Israel", "Syria" })
            {
                await Eventually(() => Snapshot(received[name]).Contains("LIVE-PUBLIC", StringComparison.Ordinal), name);
            }

            Snapshot(received["Israel"]).ShouldContain(IsraelNote + "-live");
            Snapshot(received["Syria"]).ShouldContain(MediatorToSyria + "-live");
            foreach (var caller in callers)
            {
                var all = Snapshot(received[caller.Name]);
                foreach (var secret in caller.MustNotSee)
                {
                    all.ShouldNotContain(secret, Case.Sensitive, caller.Name);
                }

                if (caller.Expected is not null)
                {
                    all.ShouldBeEmpty(caller.Name);
                }
            }
        }
        finally
        {
            foreach (var c in connections)
            {
                await c.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Hub_VotesClosingARound_EachAudienceReceivesExactlyItsOwnView()
    {
        // The live channel sends audiences whose views are equal in one message: each must still receive
        // exactly what its own read of the new events gives, no more (another seat's ballot) and no less.
        var table = await Table.OpenAsync(server.Http);
        await table.ActAsync(HttpMethod.Put, "observer-access", table.Mediator, new { publicRecord = true, ballots = false, profiles = false });
        var after = await table.ActAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = await ApiTests.SuggestedDraftAsync(table) });
        var audiences = new[] { ("mediator", table.Mediator), ("Israel", table.Israel), ("Syria", table.Syria), ("observer", table.Observer) };
        var received = audiences.ToDictionary(a => a.Item1, _ => new List<System.Text.Json.Nodes.JsonNode>());
        var connections = new List<HubConnection>();
        try
        {
            foreach (var (name, token) in audiences)
            {
                var connection = server.Factory.Live(table.Id, token);
                var log = received[name];
                connection.On<string, long, System.Text.Json.JsonElement>(Live.LiveChannel.EventsMethod, (_, _, records) =>
                {
                    lock (log)
                    {
                        log.AddRange(System.Text.Json.Nodes.JsonNode.Parse(records.GetRawText())!.AsArray().Select(r => r!.DeepClone()));
                    }
                });
                await connection.StartAsync();
                connections.Add(connection);
            }

            await table.ActAsync(HttpMethod.Post, "votes", table.Israel, new { yes = true });
            await table.ActAsync(HttpMethod.Post, "votes", table.Syria, new { yes = false });

            foreach (var (name, token) in audiences)
            {
                var expected = (await Table.Json(await table.SendAsync(HttpMethod.Get, $"events?after={after}", token), HttpStatusCode.OK)).AsArray();
                expected.Count.ShouldBeGreaterThan(0, name);
                var log = received[name];
                await Eventually(() => { lock (log) { return log.Count >= expected.Count; } }, name);
                lock (log)
                {
                    log.Count.ShouldBe(expected.Count, name);
                    for (var i = 0; i < log.Count; i++)
                    {
                        System.Text.Json.Nodes.JsonNode.DeepEquals(log[i], expected[i]).ShouldBeTrue($"{name}: live {log[i]!.ToJsonString()} against read {expected[i]!.ToJsonString()}");
                    }
                }
            }

            received["mediator"].Count(r => r["event"]!["type"]!.GetValue<string>() == "ballot").ShouldBe(2);
            received["Israel"].ShouldNotContain(r => r["event"]!["type"]!.GetValue<string>() == "ballot" && r["event"]!["seat"]!.GetValue<int>() == 1);
            received["Syria"].ShouldNotContain(r => r["event"]!["type"]!.GetValue<string>() == "ballot" && r["event"]!["seat"]!.GetValue<int>() == 0);
            received["observer"].ShouldNotContain(r => r["event"]!["type"]!.GetValue<string>() == "ballot");
        }
        finally
        {
            foreach (var c in connections)
            {
                await c.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task PostSettlement_EveryCaller_RightStatusOwnGainOnlyAndOwnAnswerOnly()
    {
        // A signed agreement below the frontier, the improvement offered, P has accepted; Q has not answered yet.
        var seats = await PostSettlementTests.SignAsync(server.Http, new { a = "a2", b = "b1" });
        var table = seats.Table;
        var (observer, revoked) = (seats.Observer, seats.Revoked);
        var other = await Table.OpenAsync(server.Http);
        await table.ActAsync(HttpMethod.Post, "post-settlement/offer", table.Mediator);
        var pGain = "\"myGain\":" + (await Table.Json(await table.SendAsync(HttpMethod.Get, "post-settlement", seats.P), HttpStatusCode.OK))["myGain"]!.ToJsonString();
        var qGain = "\"myGain\":" + (await Table.Json(await table.SendAsync(HttpMethod.Get, "post-settlement", seats.Q), HttpStatusCode.OK))["myGain"]!.ToJsonString();
        pGain.ShouldNotBe(qGain, "the case is built so that the two gains differ");
        await table.ActAsync(HttpMethod.Post, "post-settlement/answers", seats.P, new { yes = true });
        const string PAnswer = "\"type\":\"improvement-answered\",\"seat\":0";
        string[] hashes = [InvitationTokens.Hash(table.Mediator), InvitationTokens.Hash(seats.P), InvitationTokens.Hash(seats.Q), seats.P, seats.Q];
        string[] everything = [pGain, qGain, PAnswer, "\"gains\":{\"P\"", "\"answers\":{"];
        Caller[] callers =
        [
            new("Q", seats.Q, null, null, [pGain, PAnswer, "\"gains\":", "\"answers\":{", .. hashes]),
            new("observer", observer, null, null, [.. everything, .. hashes]),
            new("stranger", null, null, HttpStatusCode.Unauthorized, [.. everything, .. hashes]),
            new("garbage token", "not-a-token", null, HttpStatusCode.Unauthorized, [.. everything, .. hashes]),
            new("revoked token", revoked, null, HttpStatusCode.Unauthorized, [.. everything, .. hashes]),
            new("other negotiation's mediator", other.Mediator, null, HttpStatusCode.NotFound, [.. everything, .. hashes]),
            new("guessed id", seats.Q, "AAAAAAAAAAAA", HttpStatusCode.NotFound, [.. everything, .. hashes]),
            new("P", seats.P, null, null, [qGain, "\"gains\":", "\"answers\":{", .. hashes]),
            new("mediator", table.Mediator, null, null, [qGain, "\"myGain\":", .. hashes]),
        ];
        (HttpMethod Method, string Path, object? Body, string[] Allowed, string[] Ok)[] routes =
        [
            (HttpMethod.Get, "", null, ["mediator", "P", "Q", "observer"], ["mediator", "P", "Q", "observer"]),
            (HttpMethod.Get, "events?after=0", null, ["mediator", "P", "Q", "observer"], ["mediator", "P", "Q", "observer"]),
            (HttpMethod.Get, "export", null, ["mediator", "P", "Q", "observer"], ["mediator", "P", "Q", "observer"]),
            (HttpMethod.Get, "post-settlement", null, ["mediator", "P", "Q", "observer"], ["mediator", "P", "Q"]),
            (HttpMethod.Post, "post-settlement/offer", null, ["mediator"], []),
            (HttpMethod.Post, "post-settlement/answers", new { yes = true }, ["P", "Q"], ["Q"]),
        ];

        foreach (var (method, path, body, allowed, ok) in routes)
        {
            foreach (var caller in callers)
            {
                var response = await table.SendAsync(method, path, caller.Token, body, caller.RouteId ?? table.Id);
                var text = await response.Content.ReadAsStringAsync();
                var what = $"{method} {path} by {caller.Name}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}";
                var expected = caller.Expected
                    ?? (ok.Contains(caller.Name) ? HttpStatusCode.OK : allowed.Contains(caller.Name) ? HttpStatusCode.Conflict : HttpStatusCode.Forbidden);
                response.StatusCode.ShouldBe(expected, what);
                foreach (var secret in caller.MustNotSee)
                {
                    text.ShouldNotContain(secret, Case.Sensitive, what);
                }
            }
        }

        // Q answered last (the loop above): the improvement is adopted, and every delegation sees the result.
        (await table.ViewAsync(seats.P))["postSettlement"]!["status"]!.GetValue<string>().ShouldBe("adopted");
    }

    [Fact]
    public async Task PostSettlement_LiveChannel_EachDelegationReceivesItsOwnAnswerOnly()
    {
        var seats = await PostSettlementTests.SignAsync(server.Http, new { a = "a2", b = "b1" });
        var received = new Dictionary<string, List<string>>();
        var connections = new List<HubConnection>();
        try
        {
            foreach (var (name, token) in new[] { ("mediator", seats.Table.Mediator), ("P", seats.P), ("Q", seats.Q) })
            {
                var connection = server.Factory.Live(seats.Table.Id, token);
                var log = received[name] = [];
                connection.On<string, long, System.Text.Json.JsonElement>(Live.LiveChannel.EventsMethod, (_, _, records) =>
                {
                    lock (log)
                    {
                        log.Add(records.GetRawText());
                    }
                });
                await connection.StartAsync();
                connections.Add(connection);
            }

            await seats.Table.ActAsync(HttpMethod.Post, "post-settlement/offer", seats.Table.Mediator);
            await seats.Table.ActAsync(HttpMethod.Post, "post-settlement/answers", seats.P, new { yes = true });
            await seats.Table.ActAsync(HttpMethod.Post, "post-settlement/answers", seats.Q, new { yes = true });

            foreach (var name in new[] { "mediator", "P", "Q" })
            {
                await Eventually(() => Snapshot(received[name]).Contains("improvement-concluded", StringComparison.Ordinal), name);
                Snapshot(received[name]).ShouldContain("improvement-offered");
            }

            Snapshot(received["mediator"]).ShouldContain("\"type\":\"improvement-answered\",\"seat\":0");
            Snapshot(received["mediator"]).ShouldContain("\"type\":\"improvement-answered\",\"seat\":1");
            Snapshot(received["P"]).ShouldContain("\"type\":\"improvement-answered\",\"seat\":0");
            Snapshot(received["P"]).ShouldNotContain("\"type\":\"improvement-answered\",\"seat\":1");
            Snapshot(received["Q"]).ShouldNotContain("\"type\":\"improvement-answered\",\"seat\":0");
        }
        finally
        {
            foreach (var c in connections)
            {
                await c.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task CreateRoutes_EveryCaller_OnlyTheOperatorTokenCreates()
    {
        var (table, other, revoked) = await PrepareAsync();
        var before = (await server.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/health"))!["negotiations"]!.GetValue<int>();
        var callers = Callers(table, other, revoked).Where(c => c.RouteId is null).Select(c => (c.Name, c.Token))
            .Append(("operator", Table.OperatorToken)).ToArray();
        var export = await ServerHost.ExportAsync(server.Factory.Options.Database, table.Id);
        var scenario = Parley.Formats.ParleyJson.ParleyScenarioWriter.ToJson(Parley.Formats.BuiltInScenarios.Load("israel-syria-2026"));
        var created = 0;

        foreach (var (name, token) in callers)
        {
            var query = token is null ? "" : "?token=" + Uri.EscapeDataString(token);
            using var form = new MultipartFormDataContent { { new StringContent(scenario), "file", "paris.json" } };
            var answers = new[]
            {
                await server.Http.PostAsJsonAsync("/api/negotiations" + query, new { scenario = "israel-syria-2026" }),
                await server.Http.PostAsync("/api/negotiations/upload" + query, form),
                await server.Http.PostAsync("/api/negotiations/import" + query, new StringContent(export, System.Text.Encoding.UTF8, "application/json")),
            };

            foreach (var response in answers)
            {
                var text = await response.Content.ReadAsStringAsync();
                var what = $"{response.RequestMessage!.RequestUri!.AbsolutePath} by {name}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}";
                if (name == "operator")
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.Created, what);
                    created++;
                }
                else
                {
                    response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, what);
                    text.ShouldContain("operator token", Case.Sensitive, what);
                }
            }
        }

        created.ShouldBe(3);
        (await server.Http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/health"))!["negotiations"]!.GetValue<int>().ShouldBe(before + 3);
    }

    private static string Snapshot(List<string> log)
    {
        lock (log)
        {
            return string.Join('\n', log);
        }
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        // Bounded by count, not by a tight clock: live messages go through the in-memory server.
        for (var i = 0; i < 600 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        condition().ShouldBeTrue(what);
    }

    private static bool IsAllowed(Allowed allowed, string caller) => allowed switch
    {
        Allowed.All => true,
        Allowed.Mediator => caller == "mediator",
        Allowed.Delegations => caller is "Israel" or "Syria",
        Allowed.MediatorAndDelegations => caller is "mediator" or "Israel" or "Syria",
        _ => false,
    };

    private sealed record Caller(string Name, string? Token, string? RouteId, HttpStatusCode? Expected, string[] MustNotSee);

    private static Caller[] Callers(Table table, Table other, string revoked)
    {
        string[] everything = [IsraelNote, SyriaNote, MediatorNote, IsraelToMediator, MediatorToSyria, IsraelReservation, SyriaReservation, IsraelBallot, SyriaBallot, IsraelToday, SyriaToday];
        string[] hashes = [InvitationTokens.Hash(table.Mediator), InvitationTokens.Hash(table.Israel), InvitationTokens.Hash(table.Syria), InvitationTokens.Hash(table.Observer), table.Israel, table.Syria, table.Observer];
        return
        [
            new("mediator", table.Mediator, null, null, [IsraelNote, SyriaNote, IsraelReservation, IsraelToday, .. hashes]),
            new("Israel", table.Israel, null, null, [SyriaNote, MediatorNote, MediatorToSyria, SyriaReservation, SyriaBallot, SyriaToday, .. hashes]),
            new("Syria", table.Syria, null, null, [IsraelNote, MediatorNote, IsraelToMediator, IsraelReservation, IsraelBallot, IsraelToday, .. hashes]),
            new("observer", table.Observer, null, null, [.. everything, .. hashes]),
            new("stranger", null, null, HttpStatusCode.Unauthorized, [.. everything, .. hashes]),
            new("garbage token", "not-a-token", null, HttpStatusCode.Unauthorized, [.. everything, .. hashes]),
            new("revoked token", revoked, null, HttpStatusCode.Unauthorized, [.. everything, .. hashes]),
            new("other negotiation's mediator", other.Mediator, null, HttpStatusCode.NotFound, [.. everything, .. hashes]),
            new("guessed id", table.Israel, "AAAAAAAAAAAA", HttpStatusCode.NotFound, [.. everything, .. hashes]),
        ];
    }

    private async Task<(Table Table, Table Other, string Revoked)> PrepareAsync()
    {
        var table = await Table.OpenAsync(server.Http);
        var other = await Table.OpenAsync(server.Http);
        var revoked = await table.InviteAsync("delegation", "Israel");
        var invitations = (await table.ViewAsync(table.Mediator))["invitations"]!.AsArray();
        await table.ActAsync(HttpMethod.Delete, "invitations/" + invitations[^1]!["id"]!.GetValue<string>(), table.Mediator);

        await table.ActAsync(HttpMethod.Put, "profile", table.Israel, new { reservation = double.Parse(IsraelReservation, System.Globalization.CultureInfo.InvariantCulture), shareWithMediator = false, statusQuoValues = new Dictionary<string, double> { ["mount-hermon"] = double.Parse(IsraelToday, System.Globalization.CultureInfo.InvariantCulture) } });
        await table.ActAsync(HttpMethod.Put, "profile", table.Syria, new { reservation = double.Parse(SyriaReservation, System.Globalization.CultureInfo.InvariantCulture), shareWithMediator = true, statusQuoValues = new Dictionary<string, double> { ["mount-hermon"] = double.Parse(SyriaToday, System.Globalization.CultureInfo.InvariantCulture) } });
        await table.ActAsync(HttpMethod.Post, "notes", table.Israel, new { text = IsraelNote });
        await table.ActAsync(HttpMethod.Post, "notes", table.Syria, new { text = SyriaNote });
        await table.ActAsync(HttpMethod.Post, "notes", table.Mediator, new { text = MediatorNote });
        await table.ActAsync(HttpMethod.Post, "comments", table.Israel, new { text = IsraelToMediator, to = "mediator" });
        await table.ActAsync(HttpMethod.Post, "comments", table.Mediator, new { text = MediatorToSyria, to = "seat", seat = "Syria" });
        await table.ActAsync(HttpMethod.Put, "observer-access", table.Mediator, new { publicRecord = true, ballots = false, profiles = false });
        var draft = await ApiTests.SuggestedDraftAsync(table);
        await table.ActAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = draft });
        await table.ActAsync(HttpMethod.Post, "votes", table.Israel, new { yes = true });
        return (table, other, revoked);
    }
}
