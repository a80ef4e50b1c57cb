using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Workbench;

namespace Parley.Server.Tests;

/// <summary>Two servers on one PostgreSQL database: live messages cross nodes (LISTEN/NOTIFY), and concurrent writers through both are neither lost nor applied twice.</summary>
public sealed class TwoNodeTests
{
    [PostgresFact]
    public async Task ActionThroughA_ReachesClientOnB_AndConcurrentActionsKeptOnce()
    {
        await using var db = await TestDatabase.CreatePostgresAsync();
        await using var a = new ServerFactory(db.Target);
        await using var b = new ServerFactory(db.Target);
        using var httpA = a.CreateClient();
        using var httpB = b.CreateClient();
        var table = await Table.OpenAsync(httpA);
        var onB = new Table { Http = httpB, Id = table.Id, Mediator = table.Mediator, Israel = table.Israel, Syria = table.Syria, Observer = table.Observer };
        await Eventually(async () => (await onB.SendAsync(HttpMethod.Get, "", table.Israel)).StatusCode == HttpStatusCode.OK, "node B knows the negotiation");

        var seen = new ConcurrentQueue<string>();
        await using var live = b.Live(table.Id, table.Israel);
        live.On<string, long, System.Text.Json.JsonElement>(Live.LiveChannel.EventsMethod, (_, _, records) => seen.Enqueue(records.GetRawText()));
        await live.StartAsync();
        // As every client does after connecting: catch up. The hub runs it after the connection has
        // joined its group (the handshake completes before that), so nothing pushed later is missed.
        await live.InvokeAsync<System.Text.Json.JsonElement>("CatchUp", 0L);

        await table.ActAsync(HttpMethod.Post, "comments", table.Mediator, new { text = "FROM-NODE-A", to = "everyone" });
        await Eventually(() => Task.FromResult(seen.Any(s => s.Contains("FROM-NODE-A", StringComparison.Ordinal))), "the comment reaches the client on node B",
            async () => $"connection {live.State}; node B's record {(await onB.ViewAsync(table.Israel))["version"]}; node A's {(await table.ViewAsync(table.Israel))["version"]}");
        (await live.InvokeAsync<System.Text.Json.JsonElement>("CatchUp", 0L)).GetRawText().ShouldContain("FROM-NODE-A");

        var acknowledged = new ConcurrentDictionary<long, string>();
        var writers = Enumerable.Range(0, 16).Select(async i =>
        {
            var node = i % 2 == 0 ? table : onB;
            var token = (i % 4) switch { 0 => table.Mediator, 1 => table.Israel, 2 => table.Syria, _ => table.Observer };
            for (var k = 0; k < 5; k++)
            {
                var text = $"w{i}-{k}";
                var response = await node.SendAsync(HttpMethod.Post, "notes", token, new { text });
                response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
                var ack = (await response.Content.ReadFromJsonAsync<CommandAck>(Table.Web))!;
                acknowledged.TryAdd(ack.Sequences.Single(), text).ShouldBeTrue($"sequence {ack.Sequences.Single()} acknowledged twice");
            }
        });
        await Task.WhenAll(writers);

        var records = CaseJson.Import(await ServerHost.ExportAsync(db.Target, table.Id));
        var notes = records.Where(r => r.Event is NoteWritten n && n.Text.StartsWith('w')).ToArray();
        notes.Length.ShouldBe(80);
        notes.Select(r => ((NoteWritten)r.Event).Text).Distinct().Count().ShouldBe(80);
        foreach (var (sequence, text) in acknowledged)
        {
            ((NoteWritten)records[(int)sequence - 1].Event).Text.ShouldBe(text);
        }

        // Both caches converge on the stored log.
        await Eventually(async () => (await table.ViewAsync(table.Mediator))["version"]!.GetValue<long>() == records.Count
            && (await onB.ViewAsync(table.Mediator))["version"]!.GetValue<long>() == records.Count, "both nodes at the stored version");
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        (await condition()).ShouldBeTrue(what);
    }

    private static async Task Eventually(Func<Task<bool>> condition, string what, Func<Task<string>> diagnose)
    {
        for (var i = 0; i < 600; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(50);
        }

        (await condition()).ShouldBeTrue(what + ": " + await diagnose());
    }
}
