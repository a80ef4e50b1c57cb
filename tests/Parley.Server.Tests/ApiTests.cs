using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;

namespace Parley.Server.Tests;

/// <summary>Every endpoint through the real pipeline (WebApplicationFactory) on SQLite.</summary>
public sealed class ApiTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private HttpClient Http => server.Http;

    [Fact]
    public async Task Health_Answered_ReportsOkWithDatabase()
    {
        var health = await Table.Json(await Http.GetAsync("/health"), HttpStatusCode.OK);

        health["status"]!.GetValue<string>().ShouldBe("ok");
        health["database"]!.GetValue<string>().ShouldBe("sqlite");
    }

    [Fact]
    public async Task OpenApi_Served_DocumentsEveryRoute()
    {
        var doc = await Table.Json(await Http.GetAsync("/openapi/v1.json"), HttpStatusCode.OK);
        var paths = doc["paths"]!.AsObject().Select(p => p.Key).ToArray();

        foreach (var route in new[]
        {
            "/health", "/api/scenarios", "/api/negotiations", "/api/negotiations/upload", "/api/negotiations/import",
            "/api/negotiations/{id}", "/api/negotiations/{id}/events", "/api/negotiations/{id}/export", "/api/negotiations/{id}/text.md",
            "/api/negotiations/{id}/text.html", "/api/negotiations/{id}/analysis", "/api/negotiations/{id}/invitations",
            "/api/negotiations/{id}/invitations/{invitation}", "/api/negotiations/{id}/profile", "/api/negotiations/{id}/observer-access",
            "/api/negotiations/{id}/comments", "/api/negotiations/{id}/amendments", "/api/negotiations/{id}/shares", "/api/negotiations/{id}/notes",
            "/api/negotiations/{id}/rounds", "/api/negotiations/{id}/rounds/close", "/api/negotiations/{id}/votes",
            "/api/negotiations/{id}/signing", "/api/negotiations/{id}/signatures", "/api/negotiations/{id}/close", "/api/negotiations/{id}/agents",
            "/api/negotiations/{id}/answers", "/api/negotiations/{id}/agreements", "/api/negotiations/{id}/analysis/utility-space.svg",
            "/api/negotiations/{id}/analysis/two-level", "/api/negotiations/{id}/clauses",
            "/api/negotiations/{id}/post-settlement", "/api/negotiations/{id}/post-settlement/offer", "/api/negotiations/{id}/post-settlement/answers",
        })
        {
            paths.ShouldContain(route);
        }
    }

    [Fact]
    public async Task UnknownRoute_ProblemDetails404()
    {
        await Table.Problem(await Http.GetAsync("/api/no-such-thing"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Scenarios_Listed_IncludesIsraelSyria()
    {
        var names = await Table.Json(await Http.GetAsync("/api/scenarios"), HttpStatusCode.OK);

        names.AsArray().Select(n => n!.GetValue<string>()).ShouldContain("israel-syria-2026");
    }

    [Fact]
    public async Task Create_FromBuiltIn_MediatorSeesModelAndLinkCarriesToken()
    {
        var created = await Table.Json(await Http.PostAsJsonAsync(Table.Create, new { scenario = "israel-syria-2026", title = "Paris" }), HttpStatusCode.Created);
        var link = created["invitations"]![0]!["link"]!.GetValue<string>();
        var token = created["invitations"]![0]!["token"]!.GetValue<string>();

        var id = created["id"]!.GetValue<string>();
        link.ShouldEndWith($"/console/{id}#token=" + token);   // the console; the token stays in the fragment
        (await Http.GetStringAsync(new Uri(link).AbsolutePath)).ShouldContain("/console/assets/console.js");
        var view = await Table.Json(await Http.GetAsync($"/api/negotiations/{id}?token={token}"), HttpStatusCode.OK);
        view["title"]!.GetValue<string>().ShouldBe("Paris");
        view["role"]!.GetValue<string>().ShouldBe("mediator");
        view["profiles"]!.AsArray().Count.ShouldBe(2);
        view["status"]!.GetValue<string>().ShouldBe("preparing");
    }

    [Fact]
    public async Task Create_FromScratch_SeatsHaveNoProfileUntilDeclared()
    {
        var created = await Table.Json(await Http.PostAsJsonAsync(Table.Create, new
        {
            title = "Water",
            issues = new[] { new { name = "share", options = new[] { "30", "50", "70" } }, new { name = "years", options = new[] { "5", "10" } } },
            seats = new[] { "upstream", "downstream" },
        }), HttpStatusCode.Created);
        var table = new Table { Http = Http, Id = created["id"]!.GetValue<string>(), Mediator = created["invitations"]![0]!["token"]!.GetValue<string>(), Israel = "", Syria = "", Observer = "" };
        var up = await table.InviteAsync("delegation", "upstream");

        (await table.ViewAsync(table.Mediator))["profiles"]!.AsArray().Count.ShouldBe(0);
        await Table.Problem(await table.SendAsync(HttpMethod.Put, "profile", up, new { weights = new { share = 2.0 } }), HttpStatusCode.UnprocessableEntity);
        await table.ActAsync(HttpMethod.Put, "profile", up, new
        {
            weights = new { share = 3.0, years = 1.0 },
            values = new { share = new Dictionary<string, double> { ["30"] = 1, ["50"] = 0.6, ["70"] = 0 }, years = new Dictionary<string, double> { ["5"] = 1, ["10"] = 0 } },
            reservation = 0.4,
            shareWithMediator = true,
        });
        var mine = (await table.ViewAsync(up))["profiles"]!.AsArray().Single()!;
        mine["weights"]!["share"]!.GetValue<double>().ShouldBe(0.75, 1e-12);
        (await table.ViewAsync(table.Mediator))["profiles"]!.AsArray().Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("{\"scenario\": ", HttpStatusCode.BadRequest)]
    [InlineData("{\"scenario\": \"no-such-scenario\"}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("{}", HttpStatusCode.UnprocessableEntity)]
    [InlineData("{\"issues\": [{\"name\": \"a\", \"options\": [\"x\"]}], \"seats\": [\"p\"]}", HttpStatusCode.UnprocessableEntity)]
    public async Task Create_BadInput_ProblemDetailsAndNothingStored(string body, HttpStatusCode status)
    {
        var before = (await Table.Json(await Http.GetAsync("/health"), HttpStatusCode.OK))["negotiations"]!.GetValue<int>();

        await Table.Problem(await Http.PostAsync(Table.Create, new StringContent(body, Encoding.UTF8, "application/json")), status);

        (await Table.Json(await Http.GetAsync("/health"), HttpStatusCode.OK))["negotiations"]!.GetValue<int>().ShouldBe(before);
    }

    [Fact]
    public async Task Upload_ParleyScenario_CreatesNegotiation()
    {
        var json = Parley.Formats.ParleyJson.ParleyScenarioWriter.ToJson(Parley.Formats.BuiltInScenarios.Load("israel-syria-2026"));
        using var form = new MultipartFormDataContent { { new StringContent(json), "file", "paris.json" }, { new StringContent("Uploaded"), "title" } };

        var created = await Table.Json(await Http.PostAsync(Table.Upload, form), HttpStatusCode.Created);

        created["title"]!.GetValue<string>().ShouldBe("Uploaded");
    }

    [Fact]
    public async Task Upload_NotAScenario_ProblemNamesTheFile()
    {
        using var form = new MultipartFormDataContent { { new StringContent("{\"format\": \"nonsense\"}"), "file", "broken.json" } };

        var problem = await Table.Problem(await Http.PostAsync(Table.Upload, form), HttpStatusCode.UnprocessableEntity);

        problem["title"]!.GetValue<string>().ShouldContain("broken.json");
    }

    [Fact]
    public async Task Upload_LargerThanLimit_413AndNothingStored()
    {
        var before = (await Table.Json(await Http.GetAsync("/health"), HttpStatusCode.OK))["negotiations"]!.GetValue<int>();
        using var form = new MultipartFormDataContent { { new ByteArrayContent(new byte[server.Factory.Options.UploadLimit + 10]), "file", "huge.json" } };

        await Table.Problem(await Http.PostAsync(Table.Upload, form), HttpStatusCode.RequestEntityTooLarge);

        (await Table.Json(await Http.GetAsync("/health"), HttpStatusCode.OK))["negotiations"]!.GetValue<int>().ShouldBe(before);
    }

    [Fact]
    public async Task Upload_NotMultipart_400()
    {
        await Table.Problem(await Http.PostAsync(Table.Upload, new StringContent("x")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Invitation_Revoked_TokenNoLongerOpens()
    {
        var table = await Table.OpenAsync(Http);
        var invitations = (await table.ViewAsync(table.Mediator))["invitations"]!.AsArray();
        var israel = invitations.Single(i => i!["seat"]?.GetValue<string>() == "Israel")!["id"]!.GetValue<string>();
        (await table.ViewAsync(table.Israel))["seat"]!.GetValue<string>().ShouldBe("Israel");

        await table.ActAsync(HttpMethod.Delete, "invitations/" + israel, table.Mediator);

        await Table.Problem(await table.SendAsync(HttpMethod.Get, "", table.Israel), HttpStatusCode.Unauthorized);
        await Table.Problem(await table.SendAsync(HttpMethod.Delete, "invitations/" + israel, table.Mediator), HttpStatusCode.Conflict);
        await Table.Problem(await table.SendAsync(HttpMethod.Delete, "invitations/nope", table.Mediator), HttpStatusCode.NotFound);
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "invitations", table.Mediator, new { role = "delegation", seat = "Lebanon" }), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Invitation_RevokedAfterAuthorisation_RefusedUnderTheGateAndNothingStored()
    {
        // Authorisation reads an immutable copy of the invitations without waiting for the gate; a request
        // authorised just before a revocation commits reaches the gate after it and must be refused there.
        var table = await Table.OpenAsync(Http);
        var invitations = (await table.ViewAsync(table.Mediator))["invitations"]!.AsArray();
        var israel = invitations.Single(i => i!["seat"]?.GetValue<string>() == "Israel")!["id"]!.GetValue<string>();
        var registry = server.Factory.Services.GetRequiredService<NegotiationRegistry>();
        var entry = registry.Find(table.Id)!;
        entry.Invitations![israel].Revoked.ShouldBeFalse();

        var version = await table.ActAsync(HttpMethod.Delete, "invitations/" + israel, table.Mediator);

        entry.Invitations![israel].Revoked.ShouldBeTrue();   // the copy authorisation reads was replaced
        var seat = Parley.Workbench.Audience.Delegation(0);
        var act = await Should.ThrowAsync<AccessRevokedException>(() => registry.ExecuteAsync(entry, israel, seat, new Parley.Workbench.Note("after revocation"), null, CancellationToken.None));
        act.Message.ShouldBe("the token has been revoked");
        await Should.ThrowAsync<AccessRevokedException>(() => registry.ReadAsync(entry, israel, c => c.ViewFor(seat), CancellationToken.None));
        (await table.ViewAsync(table.Mediator))["version"]!.GetValue<long>().ShouldBe(version);
    }

    [Fact]
    public async Task Invitation_RevokedByAnotherWriter_RefusedAfterCatchingUp()
    {
        // Another node revokes the invitation (written straight to the store: this node's cache has not
        // seen it); this node's command is decided on its cache, its append meets the newer version, it
        // catches up, and the revocation it then reads refuses the command.
        var table = await Table.OpenAsync(Http);
        var invitations = (await table.ViewAsync(table.Mediator))["invitations"]!.AsArray();
        var israel = invitations.Single(i => i!["seat"]?.GetValue<string>() == "Israel")!["id"]!.GetValue<string>();
        var registry = server.Factory.Services.GetRequiredService<NegotiationRegistry>();
        var entry = registry.Find(table.Id)!;
        var version = (await table.ViewAsync(table.Mediator))["version"]!.GetValue<long>();
        await registry.Store.AppendAsync(table.Id, version, [new Parley.Workbench.InvitationRevoked(israel)], server.Factory.Clock.GetUtcNow());

        var seat = Parley.Workbench.Audience.Delegation(0);
        await Should.ThrowAsync<AccessRevokedException>(() => registry.ExecuteAsync(entry, israel, seat, new Parley.Workbench.Note("after revocation"), null, CancellationToken.None));

        var stored = await registry.Store.ReadAsync(table.Id);
        stored.Count.ShouldBe((int)version + 1);
        stored[^1].Event.ShouldBeOfType<Parley.Workbench.InvitationRevoked>();
        entry.Invitations![israel].Revoked.ShouldBeTrue();
    }

    [Fact]
    public async Task Invitation_Expired_TokenNoLongerOpens()
    {
        var table = await Table.OpenAsync(Http);
        var issued = await Table.Json(await table.SendAsync(HttpMethod.Post, "invitations", table.Mediator, new { role = "observer", expiresInHours = 2.0 }), HttpStatusCode.Created);
        var token = issued["token"]!.GetValue<string>();
        (await table.SendAsync(HttpMethod.Get, "", token)).StatusCode.ShouldBe(HttpStatusCode.OK);

        server.Factory.Clock.Advance(TimeSpan.FromHours(2));

        var problem = await Table.Problem(await table.SendAsync(HttpMethod.Get, "", token), HttpStatusCode.Unauthorized);
        problem["title"]!.GetValue<string>().ShouldBe("the token has expired");
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "invitations", table.Mediator, new { role = "observer", expiresInHours = -1.0 }), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Profile_DeclaredUnshared_MediatorKeepsItsModel()
    {
        var table = await Table.OpenAsync(Http);
        var model = (await table.ViewAsync(table.Mediator))["profiles"]!.AsArray().Single(p => p!["seat"]!.GetValue<string>() == "Israel")!["reservation"]!.GetValue<double>();

        await table.ActAsync(HttpMethod.Put, "profile", table.Israel, new { reservation = 0.61, redLines = new[] { new { issue = "withdrawal", option = "full-90-days" } }, shareWithMediator = false });

        var own = (await table.ViewAsync(table.Israel))["profiles"]!.AsArray().Single()!;
        own["reservation"]!.GetValue<double>().ShouldBe(0.61);
        own["redLines"]!.AsArray().Count.ShouldBe(1);
        var mediator = await table.ViewAsync(table.Mediator);
        mediator["profiles"]!.AsArray().Single(p => p!["seat"]!.GetValue<string>() == "Israel")!["reservation"]!.GetValue<double>().ShouldBe(model);
        mediator.ToJsonString().ShouldNotContain("0.61");
        mediator["seats"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "Israel")!["declared"]!.GetValue<bool>().ShouldBeTrue();
        await Table.Problem(await table.SendAsync(HttpMethod.Put, "profile", table.Israel, new { reservation = 1.5 }), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Comments_AmendmentsAndShares_ReachTheirAudienceOnly()
    {
        var table = await Table.OpenAsync(Http);
        await table.ActAsync(HttpMethod.Post, "comments", table.Israel, new { text = "to the mediator only", to = "mediator" });
        var amendment = await table.ActAsync(HttpMethod.Post, "amendments", table.Syria, new { issue = "withdrawal", option = "phased-12-months", rationale = "phasing" });
        await table.ActAsync(HttpMethod.Post, "comments", table.Mediator, new { text = "welcome all", to = "everyone" });
        await table.ActAsync(HttpMethod.Post, "comments", table.Mediator, new { text = "a word to Syria", to = "seat", seat = "Syria" });

        (await table.ViewAsync(table.Syria)).ToJsonString().ShouldNotContain("to the mediator only");
        (await table.ViewAsync(table.Israel)).ToJsonString().ShouldNotContain("a word to Syria");
        (await table.ViewAsync(table.Israel)).ToJsonString().ShouldNotContain("phasing");
        (await table.ViewAsync(table.Mediator)).ToJsonString().ShouldContain("to the mediator only");

        await table.ActAsync(HttpMethod.Post, "shares", table.Mediator, new { sequence = amendment });

        (await table.ViewAsync(table.Israel)).ToJsonString().ShouldContain("phasing");
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "shares", table.Mediator, new { sequence = 1 }), HttpStatusCode.NotFound);
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "amendments", table.Syria, new { issue = "withdrawal", option = "moon" }), HttpStatusCode.UnprocessableEntity);
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "comments", table.Israel, new { text = "", to = "everyone" }), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Notes_Private_OnlyTheAuthorReadsThem()
    {
        var table = await Table.OpenAsync(Http);

        await table.ActAsync(HttpMethod.Post, "notes", table.Israel, new { text = "israel own thoughts" });
        await table.ActAsync(HttpMethod.Post, "notes", table.Mediator, new { text = "mediator own thoughts" });

        (await table.ViewAsync(table.Israel)).ToJsonString().ShouldContain("israel own thoughts");
        foreach (var other in new[] { table.Mediator, table.Syria, table.Observer })
        {
            (await table.ViewAsync(other)).ToJsonString().ShouldNotContain("israel own thoughts");
        }

        (await table.ViewAsync(table.Israel)).ToJsonString().ShouldNotContain("mediator own thoughts");
    }

    [Fact]
    public async Task Rounds_VotesSigning_EndInAgreementWithDocuments()
    {
        var table = await Table.OpenAsync(Http);
        var text = await SuggestedDraftAsync(table);

        await table.ActAsync(HttpMethod.Post, "rounds", table.Mediator, new { text });
        await table.ActAsync(HttpMethod.Post, "votes", table.Israel, new { yes = true });
        var israelView = await table.ViewAsync(table.Israel);
        israelView["round"]!["myBallot"]!.GetValue<bool>().ShouldBeTrue();
        (await table.ViewAsync(table.Syria))["round"]!["myBallot"].ShouldBeNull();
        (await table.ViewAsync(table.Syria))["round"]!["ballots"].ShouldBeNull();
        (await table.ViewAsync(table.Mediator))["round"]!["ballots"]!["Israel"]!.GetValue<bool>().ShouldBeTrue();
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "votes", table.Israel, new { yes = false }), HttpStatusCode.Conflict);
        await table.ActAsync(HttpMethod.Post, "votes", table.Syria, new { yes = true });

        var after = await table.ViewAsync(table.Mediator);
        after["status"]!.GetValue<string>().ShouldBe("between-rounds");
        after["text"]!["withdrawal"]!.GetValue<string>().ShouldBe(text["withdrawal"]);
        var markdown = await (await table.SendAsync(HttpMethod.Get, "text.md", table.Syria)).Content.ReadAsStringAsync();
        markdown.ShouldContain("**withdrawal**");
        var html = await table.SendAsync(HttpMethod.Get, "text.html", table.Syria);
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        (await html.Content.ReadAsStringAsync()).ShouldContain("<li value=\"1\"><strong>withdrawal</strong>");

        await table.ActAsync(HttpMethod.Post, "signing", table.Mediator);
        await table.ActAsync(HttpMethod.Post, "signatures", table.Israel, new { yes = true });
        await table.ActAsync(HttpMethod.Post, "signatures", table.Syria, new { yes = true });

        (await table.ViewAsync(table.Observer))["status"]!.GetValue<string>().ShouldBe("agreement");
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "rounds", table.Mediator, new { text }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Round_BadTextOrOutOfTurn_ProblemAndStateUnchanged()
    {
        var table = await Table.OpenAsync(Http);
        var version = (await table.ViewAsync(table.Mediator))["version"]!.GetValue<long>();

        await Table.Problem(await table.SendAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = new { withdrawal = "none" } }), HttpStatusCode.UnprocessableEntity);
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "votes", table.Israel, new { yes = true }), HttpStatusCode.Conflict);
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "rounds/close", table.Mediator), HttpStatusCode.Conflict);
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "signing", table.Mediator), HttpStatusCode.Conflict);
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = await SuggestedDraftAsync(table), durationSeconds = -5 }), HttpStatusCode.UnprocessableEntity);
        var malformed = new HttpRequestMessage(HttpMethod.Post, $"/api/negotiations/{table.Id}/votes") { Content = new StringContent("{\"yes\": tru", Encoding.UTF8, "application/json") };
        malformed.Headers.Authorization = new AuthenticationHeaderValue("Bearer", table.Israel);
        await Table.Problem(await Http.SendAsync(malformed), HttpStatusCode.BadRequest);

        (await table.ViewAsync(table.Mediator))["version"]!.GetValue<long>().ShouldBe(version);
    }

    [Fact]
    public async Task IfMatch_StaleVersion_412AndStateUnchanged()
    {
        var table = await Table.OpenAsync(Http);
        var version = (await table.ViewAsync(table.Mediator))["version"]!.GetValue<long>();
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/negotiations/{table.Id}/comments") { Content = JsonContent.Create(new { text = "late", to = "everyone" }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", table.Mediator);
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version - 1}\""));

        var problem = await Table.Problem(await Http.SendAsync(request), HttpStatusCode.PreconditionFailed);

        problem["version"]!.GetValue<long>().ShouldBe(version);
        (await table.ViewAsync(table.Mediator))["version"]!.GetValue<long>().ShouldBe(version);
        var current = new HttpRequestMessage(HttpMethod.Post, $"/api/negotiations/{table.Id}/comments") { Content = JsonContent.Create(new { text = "on time", to = "everyone" }) };
        current.Headers.Authorization = new AuthenticationHeaderValue("Bearer", table.Mediator);
        current.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        (await Http.SendAsync(current)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Round_DeadlinePassed_ClosesWithoutTheLateVote()
    {
        var table = await Table.OpenAsync(Http);
        await table.ActAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = await SuggestedDraftAsync(table), durationSeconds = 600 });
        await table.ActAsync(HttpMethod.Post, "votes", table.Israel, new { yes = true });

        server.Factory.Clock.Advance(TimeSpan.FromMinutes(11));
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "votes", table.Syria, new { yes = true }), HttpStatusCode.Conflict);

        var view = await table.ViewAsync(table.Mediator);
        view["round"]!["open"]!.GetValue<bool>().ShouldBeFalse();
        view["text"].ShouldBeNull();
        view["record"]!.AsArray().Last()!["event"]!["reason"]!.GetValue<string>().ShouldBe("deadline");
    }

    [Fact]
    public async Task Events_After_ReturnsOnlyLaterVisibleRecords()
    {
        var table = await Table.OpenAsync(Http);
        var version = (await table.ViewAsync(table.Syria))["version"]!.GetValue<long>();
        await table.ActAsync(HttpMethod.Post, "comments", table.Mediator, new { text = "news", to = "everyone" });

        var events = await Table.Json(await table.SendAsync(HttpMethod.Get, $"events?after={version}", table.Syria), HttpStatusCode.OK);

        events.AsArray().Count.ShouldBe(1);
        events[0]!["event"]!["text"]!.GetValue<string>().ShouldBe("news");
    }

    [Fact]
    public async Task Analysis_Mediator_SuggestsADraftEveryPartyAccepts()
    {
        var table = await Table.OpenAsync(Http);

        var analysis = await Table.Json(await table.SendAsync(HttpMethod.Get, "analysis", table.Mediator), HttpStatusCode.OK);

        analysis["profilesUsed"]!.AsArray().Count.ShouldBe(2);
        analysis["issues"]!.AsArray().Count.ShouldBe(11);
        var draft = analysis["suggestedDraft"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>());
        var scenario = Parley.Formats.BuiltInScenarios.Load("israel-syria-2026");
        var outcome = scenario.Domain.OutcomeOf(draft);
        foreach (var p in scenario.Profiles)
        {
            p.Accepts(outcome.Levels).ShouldBeTrue();
        }

        var candidates = analysis["candidates"]!.AsArray();
        candidates.Select(c => c!["objective"]!.GetValue<string>()).ShouldBe(["nash-product", "maximin", "sum-of-gains"]);
        foreach (var candidate in candidates)
        {
            var package = scenario.Domain.OutcomeOf(candidate!["text"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<string>()));
            foreach (var p in scenario.Profiles)
            {
                p.Accepts(package.Levels).ShouldBeTrue();
            }
        }

        await Table.Problem(await table.SendAsync(HttpMethod.Get, "analysis", table.Israel), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ExportImport_FullRecord_ReproducesTheNegotiation()
    {
        var table = await Table.OpenAsync(Http);
        await table.ActAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = await SuggestedDraftAsync(table) });
        await table.ActAsync(HttpMethod.Post, "votes", table.Israel, new { yes = true });
        await table.ActAsync(HttpMethod.Post, "notes", table.Syria, new { text = "SYRIA-PRIVATE" });
        await table.ActAsync(HttpMethod.Post, "comments", table.Syria, new { text = "hmm", to = "everyone" });
        var mediatorExport = await (await table.SendAsync(HttpMethod.Get, "export", table.Mediator)).Content.ReadAsStringAsync();
        mediatorExport.ShouldNotContain("SYRIA-PRIVATE");
        var export = await ServerHost.ExportAsync(server.Factory.Options.Database, table.Id);
        export.ShouldContain("SYRIA-PRIVATE");
        export.ShouldNotContain(Parley.Workbench.InvitationTokens.Hash(table.Israel));

        var created = await Table.Json(await Http.PostAsync(Table.Import, new StringContent(export, Encoding.UTF8, "application/json")), HttpStatusCode.Created);
        var copy = new Table { Http = Http, Id = created["id"]!.GetValue<string>(), Mediator = created["invitations"]![0]!["token"]!.GetValue<string>(), Israel = "", Syria = "", Observer = "" };

        var original = await table.ViewAsync(table.Mediator);
        var imported = await copy.ViewAsync(copy.Mediator);
        imported["round"]!.ToJsonString().ShouldBe(original["round"]!.ToJsonString());
        imported["profiles"]!.ToJsonString().ShouldBe(original["profiles"]!.ToJsonString());
        imported["record"]!.AsArray().Count.ShouldBe(original["record"]!.AsArray().Count + 1);
        await Table.Problem(await table.SendAsync(HttpMethod.Get, "", table.Israel, id: copy.Id), HttpStatusCode.NotFound);
        await Table.Problem(await Http.PostAsync(Table.Import, new StringContent("[{\"sequence\": 1}]", Encoding.UTF8, "application/json")), HttpStatusCode.UnprocessableEntity);
        await Table.Problem(await Http.PostAsync(Table.Import, new StringContent(mediatorExport, Encoding.UTF8, "application/json")), HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task ObserverAccess_Granted_ObserverSeesPublicRecordAndBallotsAfterTheRound()
    {
        var table = await Table.OpenAsync(Http);
        await table.ActAsync(HttpMethod.Post, "comments", table.Mediator, new { text = "public words", to = "everyone" });
        (await table.ViewAsync(table.Observer)).ToJsonString().ShouldNotContain("public words");

        await table.ActAsync(HttpMethod.Put, "observer-access", table.Mediator, new { publicRecord = true, ballots = true, profiles = false });
        await table.ActAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = await SuggestedDraftAsync(table) });
        await table.ActAsync(HttpMethod.Post, "votes", table.Israel, new { yes = false });

        var during = await table.ViewAsync(table.Observer);
        during.ToJsonString().ShouldContain("public words");
        during["round"]!["ballots"].ShouldBeNull();
        during["profiles"]!.AsArray().Count.ShouldBe(0);
        await table.ActAsync(HttpMethod.Post, "rounds/close", table.Mediator);
        (await table.ViewAsync(table.Observer))["round"]!["ballots"]!["Israel"]!.GetValue<bool>().ShouldBeFalse();
    }

    [Fact]
    public async Task Close_ByMediator_NoFurtherActions()
    {
        var table = await Table.OpenAsync(Http);

        await table.ActAsync(HttpMethod.Post, "close", table.Mediator, new { reason = "talks suspended" });

        (await table.ViewAsync(table.Israel))["status"]!.GetValue<string>().ShouldBe("closed");
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "comments", table.Israel, new { text = "wait", to = "everyone" }), HttpStatusCode.Conflict);
        await table.ActAsync(HttpMethod.Post, "notes", table.Israel, new { text = "notes stay possible" });
    }

    [Fact]
    public async Task Agents_FillASeat_TheAgentVotesAndSignsWithTheSeatsProfile()
    {
        var table = await Table.OpenAsync(Http);
        await table.ActAsync(HttpMethod.Post, "agents", table.Mediator, new { seat = "Syria", agent = "truthful" });
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "agents", table.Mediator, new { seat = "Syria", agent = "oracle" }), HttpStatusCode.UnprocessableEntity);
        var draft = await SuggestedDraftAsync(table);

        await table.ActAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = draft });

        var view = await table.ViewAsync(table.Mediator);
        view["round"]!["ballots"]!["Syria"]!.GetValue<bool>().ShouldBeTrue();   // the draft is acceptable to Syria's profile
        await table.ActAsync(HttpMethod.Post, "votes", table.Israel, new { yes = true });
        await table.ActAsync(HttpMethod.Post, "signing", table.Mediator);
        await table.ActAsync(HttpMethod.Post, "signatures", table.Israel, new { yes = true });
        (await table.ViewAsync(table.Israel))["status"]!.GetValue<string>().ShouldBe("agreement");
    }

    /// <summary>A text both delegations of the built-in scenario accept (the analysis' suggested draft, computed once: the analysis endpoint itself is tested above).</summary>
    internal static Task<Dictionary<string, string>> SuggestedDraftAsync(Table table)
    {
        _ = table;
        return Task.FromResult(Draft.Value);
    }

    private static readonly Lazy<Dictionary<string, string>> Draft = new(() =>
    {
        var scenario = Parley.Formats.BuiltInScenarios.Load("israel-syria-2026");
        var closing = Parley.Mediation.GapAnalysis.Analyse(scenario, Parley.Domains.PartialOutcome.AllOpen(scenario.Domain.IssueCount), new Random(0)).ClosingPackage!;
        return scenario.Domain.Describe(closing).ToDictionary(p => p.Key, p => p.Value);
    });

}
