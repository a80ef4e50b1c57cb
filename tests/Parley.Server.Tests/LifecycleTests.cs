using Microsoft.Extensions.DependencyInjection;
using System.Net;

namespace Parley.Server.Tests;

/// <summary>A whole negotiation through the API, the same test on SQLite and PostgreSQL, then a restart that rebuilds it from the stored log.</summary>
public sealed class LifecycleTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task WholeNegotiation_ThenRestart_SameViewFromTheLog(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        string before;
        Table table;
        await using (var factory = new ServerFactory(db.Target, seed: true))
        {
            using var http = factory.CreateClient();
            (await Table.Json(await http.GetAsync("/health"), HttpStatusCode.OK))["negotiations"]!.GetValue<int>().ShouldBe(1);
            table = await Table.OpenAsync(http);
            await table.ActAsync(HttpMethod.Put, "profile", table.Israel, new { reservation = 0.3, shareWithMediator = true });
            var draft = await ApiTests.SuggestedDraftAsync(table);
            await table.ActAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = draft });
            await table.ActAsync(HttpMethod.Post, "votes", table.Israel, new { yes = true });
            await table.ActAsync(HttpMethod.Post, "votes", table.Syria, new { yes = true });
            await table.ActAsync(HttpMethod.Post, "signing", table.Mediator);
            await table.ActAsync(HttpMethod.Post, "signatures", table.Israel, new { yes = true });
            await table.ActAsync(HttpMethod.Post, "signatures", table.Syria, new { yes = true });
            before = (await table.ViewAsync(table.Israel)).ToJsonString();
            before.ShouldContain("\"status\":\"agreement\"");
        }

        await using (var restarted = new ServerFactory(db.Target, seed: true))
        {
            using var http = restarted.CreateClient();
            (await Table.Json(await http.GetAsync("/health"), HttpStatusCode.OK))["negotiations"]!.GetValue<int>().ShouldBe(2);
            var registry = restarted.Services.GetRequiredService<NegotiationRegistry>();
            registry.LoadedCount.ShouldBe(0);   // start-up read the catalogue and the tokens, no log
            var again = new Table { Http = http, Id = table.Id, Mediator = table.Mediator, Israel = table.Israel, Syria = table.Syria, Observer = table.Observer };
            (await again.ViewAsync(table.Israel)).ToJsonString().ShouldBe(before);
            registry.LoadedCount.ShouldBe(1);
        }
    }
}
