using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Parley.Workbench;

namespace Parley.Server.Tests;

/// <summary>Two nodes starting on one empty database seed Israel–Syria once, and the operator token is stored once.</summary>
public sealed class SeedingTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TwoNodes_StartTogetherOnAnEmptyDatabase_SeedOnce(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var a = new ServerFactory(db.Target, seed: true);
        await using var b = new ServerFactory(db.Target, seed: true);

        await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));

        var links = new[] { a, b }.Select(n => n.Services.GetRequiredService<Startup>().Links.Count).ToArray();
        links.Order().ToArray().ShouldBe(new[] { 0, 4 }, "exactly one node seeded and prints the links");
        var record = CaseJson.Import(await ServerHost.ExportAsync(db.Target, Seed.Id));
        record.Count(r => r.Event is CaseCreated).ShouldBe(1);
        record.Count(r => r.Event is InvitationIssued).ShouldBe(4);
        foreach (var node in new[] { a, b })
        {
            using var http = node.CreateClient();
            (await http.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/health"))!["negotiations"]!.GetValue<int>().ShouldBe(1);
        }
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Seed_AnotherNodeSeededFirst_StoresNothingAndPrintsNoLinks(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        await using var a = new ServerFactory(db.Target, seed: true);
        await using var b = new ServerFactory(db.Target, seed: false);
        _ = a.Server;
        _ = b.Server;

        // Node B seeds as if it had found the database empty a moment before node A's append.
        var links = await Seed.IsraelSyriaAsync(b.Services.GetRequiredService<NegotiationRegistry>(), b.Options, b.Clock, CancellationToken.None);

        links.ShouldBeEmpty();
        CaseJson.Import(await ServerHost.ExportAsync(db.Target, Seed.Id)).Count(r => r.Event is InvitationIssued).ShouldBe(4);
        var mediator = a.Services.GetRequiredService<Startup>().Links[0].Token;
        using var http = b.CreateClient();
        (await http.GetAsync($"/api/negotiations/{Seed.Id}?token={mediator}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
