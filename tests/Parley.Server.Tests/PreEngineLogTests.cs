using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server.Storage;
using Parley.Tests.Workbench;
using Parley.Workbench;

namespace Parley.Server.Tests;

/// <summary>
/// Logs stored before the server's rounds ran on the engine, met by this server on SQLite and
/// PostgreSQL: one the engine reproduces is migrated in memory and goes on; one it does not is
/// answered with a problem naming why; the server starts, the other negotiations work, and both
/// stored logs stay as they were.
/// </summary>
public sealed class PreEngineLogTests
{
    private const string Mediator = "old-mediator-token";
    private const string North = "old-north-token";
    private const string South = "old-south-token";

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Start_WithPreEngineLogs_MigratesOneRefusesTheOtherClearlyAndKeepsBothLogs(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using (var store = db.Target.Open())
        {
            await store.MigrateAsync();
            await WriteAsync(store, "old-running", WithTokens(PreEngineLogs.Running, "1"));
            await WriteAsync(store, "old-tampered", WithTokens(PreEngineLogs.Tampered, "2"));
        }

        var runningBefore = await ServerHost.ExportAsync(db.Target, "old-running");
        var tamperedBefore = await ServerHost.ExportAsync(db.Target, "old-tampered");
        string view;
        await using (var factory = new ServerFactory(db.Target))
        {
            var http = factory.CreateClient();
            var running = new Table { Http = http, Id = "old-running", Mediator = Mediator + "1", Israel = North + "1", Syria = South + "1", Observer = "" };
            var tampered = new Table { Http = http, Id = "old-tampered", Mediator = Mediator + "2", Israel = "", Syria = "", Observer = "" };

            var before = await running.ViewAsync(running.Mediator);
            before["status"]!.GetValue<string>().ShouldBe("between-rounds");
            before["round"]!["number"]!.GetValue<int>().ShouldBe(4);
            before["text"]!["Border"]!.GetValue<string>().ShouldBe("b");

            var problem = await Table.Problem(await tampered.SendAsync(HttpMethod.Get, "", tampered.Mediator), HttpStatusCode.Conflict);
            problem["title"]!.GetValue<string>().ShouldContain("cannot be opened");
            problem["title"]!.GetValue<string>().ShouldContain("event 10");
            problem["title"]!.GetValue<string>().ShouldContain("kept unchanged");
            await Table.Problem(await tampered.SendAsync(HttpMethod.Post, "rounds/close", tampered.Mediator), HttpStatusCode.Conflict);

            // The migrated case goes on, on the engine.
            await running.ActAsync(HttpMethod.Post, "signing", running.Mediator);
            await running.ActAsync(HttpMethod.Post, "signatures", running.Israel, new { yes = true });
            await running.ActAsync(HttpMethod.Post, "signatures", running.Syria, new { yes = true });
            view = (await running.ViewAsync(running.Mediator)).ToJsonString();
            view.ShouldContain("\"status\":\"agreement\"");

            // The others keep working.
            var fresh = await Table.OpenAsync(http);
            await fresh.ActAsync(HttpMethod.Post, "comments", fresh.Israel, new { text = "still here", to = "everyone" });
            (await Table.Json(await http.GetAsync("/health"), HttpStatusCode.OK))["negotiations"]!.GetValue<int>().ShouldBe(3);
            factory.Services.GetRequiredService<NegotiationRegistry>().Find("old-running")!.Migrated.ShouldBeTrue();
        }

        // Restarted: the mixed log (the stored events, then the engine's) migrates to the same case.
        await using (var restarted = new ServerFactory(db.Target))
        {
            var running = new Table { Http = restarted.CreateClient(), Id = "old-running", Mediator = Mediator + "1", Israel = "", Syria = "", Observer = "" };
            (await running.ViewAsync(running.Mediator)).ToJsonString().ShouldBe(view);
        }

        (await ServerHost.ExportAsync(db.Target, "old-tampered")).ShouldBe(tamperedBefore);
        var runningAfter = CaseJson.Import(await ServerHost.ExportAsync(db.Target, "old-running"));
        CaseJson.Export(runningAfter.Take(19)).ShouldBe(CaseJson.Export(CaseJson.Import(runningBefore)));
        runningAfter.Take(19).ShouldAllBe(r => r.Event.Engine == null);   // the stored events are not rewritten
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Import_PreEngineRecord_IsMigratedOnTheWayIn(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var factory = new ServerFactory(db.Target);
        var http = factory.CreateClient();

        var created = await Table.Json(await http.PostAsync(Table.Import, new StringContent(PreEngineLogs.Declined, Encoding.UTF8, "application/json")), HttpStatusCode.Created);
        var tampered = await http.PostAsync(Table.Import, new StringContent(PreEngineLogs.Tampered, Encoding.UTF8, "application/json"));

        var id = created["id"]!.GetValue<string>();
        var table = new Table { Http = http, Id = id, Mediator = created["invitations"]![0]!["token"]!.GetValue<string>(), Israel = "", Syria = "", Observer = "" };
        var view = await table.ViewAsync(table.Mediator);
        view["status"]!.GetValue<string>().ShouldBe("closed");
        view["round"]!["number"]!.GetValue<int>().ShouldBe(4);
        (await Table.Problem(tampered, HttpStatusCode.UnprocessableEntity))["title"]!.GetValue<string>().ShouldContain("event 10");
        var stored = CaseJson.Import(await ServerHost.ExportAsync(db.Target, id));
        stored.Where(r => r.Event is RoundOpened or BallotCast).ShouldAllBe(r => r.Event.Engine != null);
    }

    private static string WithTokens(string log, string suffix) => log
        .Replace(new string('a', 64), InvitationTokens.Hash(Mediator + suffix), StringComparison.Ordinal)
        .Replace(new string('b', 64), InvitationTokens.Hash(North + suffix), StringComparison.Ordinal)
        .Replace(new string('c', 64), InvitationTokens.Hash(South + suffix), StringComparison.Ordinal);

    // Stores the records one by one at their own times, through the store, as the server wrote them then.
    private static async Task WriteAsync(IEventStore store, string id, string log)
    {
        foreach (var r in CaseJson.Import(log))
        {
            await store.AppendAsync(id, r.Sequence - 1, [r.Event], r.At);
        }
    }
}
