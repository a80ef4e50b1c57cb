using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Parley.Workbench;

namespace Parley.Server.Tests;

/// <summary>
/// kill -9 against a real server process: actions are acknowledged while the process is killed at
/// random points, then it restarts on the same database; every acknowledged action is in the log,
/// and the log folds (nothing half-applied: a vote and the round closing it are stored together).
/// </summary>
public sealed class CrashTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public Task KilledAtRandomPoints_Restarted_EveryAcknowledgedActionKept(string kind) => KillAndRestartAsync(kind);

    /// <summary>The same with a snapshot every 3 events: kills fall during snapshot writes too; the restarts restore from whatever snapshot survived, and serve the state the whole log replays to.</summary>
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public Task KilledAtRandomPoints_WithSnapshotsEveryFewEvents_RestartedFromThemWithNothingLost(string kind) => KillAndRestartAsync(kind, "--snapshot-interval", "3");

    private static async Task KillAndRestartAsync(string kind, params string[] options)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        var random = new Random(kind == "sqlite" ? 11 : 13);
        var acknowledged = new ConcurrentDictionary<long, string>();
        string id;
        string mediator, north, south;

        await using (var first = await ServerProcess.StartAsync(db.Target, options))
        {
            var created = await Table.Json(await first.Http.PostAsJsonAsync(Table.Create, new
            {
                title = "crash",
                issues = new[] { new { name = "share", options = new[] { "30", "50", "70" } } },
                seats = new[] { "north", "south" },
            }), HttpStatusCode.Created);
            id = created["id"]!.GetValue<string>();
            mediator = created["invitations"]![0]!["token"]!.GetValue<string>();
            var table = new Table { Http = first.Http, Id = id, Mediator = mediator, Israel = "", Syria = "", Observer = "" };
            north = await table.InviteAsync("delegation", "north");
            south = await table.InviteAsync("delegation", "south");
            first.KillHard();
        }

        for (var cycle = 0; cycle < 2; cycle++)
        {
            await using var server = await ServerProcess.StartAsync(db.Target, options);
            var table = new Table { Http = server.Http, Id = id, Mediator = mediator, Israel = north, Syria = south, Observer = "" };
            using var stop = new CancellationTokenSource();
            var writers = new[]
            {
                WriteAsync(table, mediator, "m", cycle, acknowledged, stop.Token),
                WriteAsync(table, north, "n", cycle, acknowledged, stop.Token),
                RoundsAsync(table, cycle, acknowledged, stop.Token),
            };

            // A random point, counted in acknowledged actions (not in time: the machine may be slow), then a random moment after it.
            var target = acknowledged.Count + random.Next(5, 60);
            for (var i = 0; i < 1200 && acknowledged.Count < target && !writers.All(w => w.IsCompleted); i++)
            {
                await Task.Delay(50);
            }

            await Task.Delay(random.Next(0, 40));
            server.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        // Restarted once more: the log is whole.
        string view;
        await using (var last = await ServerProcess.StartAsync(db.Target, options))
        {
            var response = await last.Http.GetAsync($"/api/negotiations/{id}?token={mediator}");
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            view = await response.Content.ReadAsStringAsync();
        }

        var records = CaseJson.Import(await ServerHost.ExportAsync(db.Target, id));
        var replayed = MediationCase.Replay(records);   // throws on anything half-applied or out of order
        System.Text.Json.Nodes.JsonNode.DeepEquals(
            System.Text.Json.Nodes.JsonNode.Parse(view),
            System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(replayed.ViewFor(Audience.Mediator), CaseJson.Options)))
            .ShouldBeTrue("the restarted server (from its snapshot, if one survived) serves what the whole log replays to");
        if (options.Length > 0)
        {
            // The snapshot left by the kills describes a prefix of the log, and restores to the same case.
            await using var store = db.Target.Open();
            var snapshot = (await store.ReadSnapshotAsync(id)).ShouldNotBeNull();
            snapshot.Version.ShouldBeLessThanOrEqualTo(records.Count);
            var restored = MediationCase.Restore(snapshot.Body, records);
            System.Text.Json.JsonSerializer.Serialize(restored.ViewFor(Audience.Mediator), CaseJson.Options)
                .ShouldBe(System.Text.Json.JsonSerializer.Serialize(replayed.ViewFor(Audience.Mediator), CaseJson.Options));
        }
        acknowledged.Count.ShouldBeGreaterThan(0);
        foreach (var (sequence, what) in acknowledged)
        {
            (sequence <= records.Count).ShouldBeTrue($"acknowledged #{sequence} ({what}) is missing");
            Describe(records[(int)sequence - 1].Event).ShouldBe(what, $"#{sequence}");
        }

        for (var i = 0; i < records.Count; i++)
        {
            if (records[i].Event is BallotCast b && records.Take(i + 1).OfType<CaseRecord>().Count(r => r.Event is BallotCast x && x.Round == b.Round) == 2)
            {
                records[i + 1].Event.ShouldBeOfType<RoundClosed>($"the round {b.Round} closing is stored with its last vote");
            }
        }

        replayed.Version.ShouldBe(records.Count);
    }

    private static async Task WriteAsync(Table table, string token, string who, int cycle, ConcurrentDictionary<long, string> acknowledged, CancellationToken stop)
    {
        for (var i = 0; !stop.IsCancellationRequested; i++)
        {
            var text = $"{who}-{cycle}-{i}";
            try
            {
                var response = await table.SendAsync(HttpMethod.Post, "notes", token, new { text });
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var ack = (await response.Content.ReadFromJsonAsync<CommandAck>(Table.Web))!;
                    acknowledged[ack.Sequences.Single()] = "note " + text;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException)
            {
                return;   // the server is gone: whatever was not acknowledged may or may not be stored
            }
        }
    }

    private static async Task RoundsAsync(Table table, int cycle, ConcurrentDictionary<long, string> acknowledged, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var open = await table.SendAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = new { share = "50" } });
                if (open.StatusCode == HttpStatusCode.Conflict)
                {
                    // A round left open by the previous crash: close it.
                    await table.SendAsync(HttpMethod.Post, "rounds/close", table.Mediator);
                    continue;
                }

                foreach (var voter in new[] { table.Israel, table.Syria })
                {
                    var response = await table.SendAsync(HttpMethod.Post, "votes", voter, new { yes = cycle % 2 == 0 });
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        var ack = (await response.Content.ReadFromJsonAsync<CommandAck>(Table.Web))!;
                        acknowledged[ack.Sequences[0]] = "ballot";
                        if (ack.Sequences.Count == 2)
                        {
                            acknowledged[ack.Sequences[1]] = "round-closed";
                        }
                    }
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or System.Text.Json.JsonException)
        {
            // The server is gone.
        }
    }

    private static string Describe(CaseEvent e) => e switch
    {
        NoteWritten n => "note " + n.Text,
        BallotCast => "ballot",
        RoundClosed => "round-closed",
        _ => e.Kind,
    };
}
