using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Parley.Server;
using Parley.Server.Storage;
using Parley.Workbench;

namespace Parley.Benchmarks.Server;

/// <summary>
/// <c>server-startup sqlite|postgres:CONNECTION</c>: stores 1,000 negotiations of 100 events each
/// (shorter than the snapshot interval: no snapshot) and copies of a 10,000-event
/// negotiation (rounds on the engine, votes, comments), one with the snapshots the server takes every
/// <see cref="ServerOptions.SnapshotInterval"/> events and one whose snapshot is of another
/// format (so ignored: the log is replayed). It then measures the server's start until it answers,
/// the first request to a negotiation with and without its snapshot, and, for comparison, replaying
/// every log; and, in process, the parts of a first use (read, restore or replay, view).
/// </summary>
internal static class ServerStartup
{
    private static readonly int Interval = new ServerOptions().SnapshotInterval;

    public static async Task RunAsync(string db)
    {
        var folder = Directory.CreateTempSubdirectory("parley-startup-");
        var target = db == "sqlite" ? new DatabaseTarget("sqlite", Path.Combine(folder.FullName, "startup.db")) : DatabaseTarget.Parse(db);
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var scenario = CaseSources.BuiltIn("israel-syria-2026");
        var snapshotTimes = new List<double>();
        var snapshotSizes = new List<int>();
        var snapshotWrites = new List<double>();
        var earlier = new List<(long Version, string Snapshot)>();
        long longEvents;
        long snapshotAtEnd;
        await using (var store = target.Open())
        {
            await store.MigrateAsync();
            for (var n = 0; n < 1000; n++)
            {
                var id = "n" + n.ToString("D4", CultureInfo.InvariantCulture);
                var token = "token-" + id;
                var events = new List<CaseEvent>(MediationCase.Create("case " + n, "israel-syria-2026", scenario, new Invite("m", AudienceRole.Mediator, null, "mediator", InvitationTokens.Hash(token))));
                events.Add(new InvitationIssued("i", AudienceRole.Delegation, 0, "Israel", InvitationTokens.Hash(token + "-i")));
                events.Add(new InvitationIssued("s", AudienceRole.Delegation, 1, "Syria", InvitationTokens.Hash(token + "-s")));
                while (events.Count < 100)
                {
                    events.Add(new CommentPosted(Audience.Delegation(events.Count % 2), "comment " + events.Count, CommentAudience.Everyone, -1));
                }

                // Shorter than the snapshot interval: no snapshot, its log is replayed on first use.
                await store.AppendAsync(id, 0, events, at);
            }

            // One long history: 10,000 events of rounds, votes (on the engine) and comments, with a
            // snapshot every SnapshotInterval events, as the server takes them.
            var longCase = MediationCase.Replay(await store.AppendAsync("long", 0, MediationCase.Create("long", "israel-syria-2026", scenario, new Invite("m", AudienceRole.Mediator, null, "mediator", InvitationTokens.Hash("token-long"))), at));
            var text = longCase.Domain.Issues.ToDictionary(i => i.Name, i => i.FormatLevel(0));
            var now = at;
            var steps = new (Audience, CaseCommand)[] { (Audience.Mediator, new OpenRound(text, null)), (Audience.Delegation(0), new Vote(true)), (Audience.Delegation(1), new Vote(false)), (Audience.Delegation(0), new Comment("a comment", CommentAudience.Everyone)) };
            long snapshotAt = 0;
            string? snapshot = null;
            while (longCase.Version < 10_000)
            {
                foreach (var (who, command) in steps)
                {
                    now = now.AddSeconds(1);
                    var decision = longCase.Decide(who, command, now);
                    var records = await store.AppendAsync("long", longCase.Version, decision.Events, now);
                    foreach (var r in records)
                    {
                        longCase.Apply(r);
                    }

                    if (longCase.Version - snapshotAt >= Interval)
                    {
                        var taken = Stopwatch.StartNew();
                        snapshot = longCase.Snapshot();
                        snapshotTimes.Add(taken.Elapsed.TotalMilliseconds);
                        snapshotSizes.Add(snapshot.Length);
                        snapshotAt = longCase.Version;
                        if (snapshotAt / 1000 != (snapshotAt - Interval) / 1000 && snapshotAt / 1000 is 1 or 3 or 6 or 8)
                        {
                            earlier.Add((snapshotAt, snapshot));   // kept to time restoring at several lengths of history
                        }

                        taken.Restart();
                        await store.WriteSnapshotAsync("long", snapshotAt, MediationCase.SnapshotFormat, snapshot, now);
                        snapshotWrites.Add(taken.Elapsed.TotalMilliseconds);
                    }
                }
            }

            longEvents = longCase.Version;
            snapshotAtEnd = snapshotAt;

            // Copies (the same events, stored in batches): one without a usable snapshot (one of another
            // format), and two for a command as the first use, with and without their snapshot.
            var all = await store.ReadAsync("long");
            foreach (var copy in new[] { "long-replayed", "long-command", "long-command-replayed" })
            {
                for (var from = 0; from < all.Count; from += 500)
                {
                    var batch = all.Skip(from).Take(500).ToArray();
                    await store.AppendAsync(copy, from, [.. batch.Select(r => r.Event is InvitationIssued i ? i with { TokenHash = InvitationTokens.Hash("token-" + copy) } : r.Event)], batch[^1].At);
                }

                var own = MediationCase.Replay(await store.ReadRangeAsync(copy, 0, snapshotAt)).Snapshot();
                await store.WriteSnapshotAsync(copy, snapshotAt, copy.EndsWith("replayed", StringComparison.Ordinal) ? 0 : MediationCase.SnapshotFormat, own, now);
            }
        }

        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[0] : "?";
        var start = Stopwatch.StartNew();
        var options = new ServerOptions { Urls = $"http://127.0.0.1:{5900 + Random.Shared.Next(90)}", Database = target, SeedIsraelSyria = false };
        await using (var app = ServerHost.Build(options))
        {
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(options.Urls) };
            (await http.GetAsync("/health")).EnsureSuccessStatusCode();
            var started = start.Elapsed;
            // The first request of a process also compiles the paths: measured, then another one.
            var small = await TimeAsync(http, "n0000", "token-n0000");
            var smallNext = await TimeAsync(http, "n0001", "token-n0001");
            var warm = await TimeAsync(http, "n0000", "token-n0000");
            var longReplayed = await TimeAsync(http, "long-replayed", "token-long-replayed");
            var longSnapshot = await TimeAsync(http, "long", "token-long");
            var longWarm = await TimeAsync(http, "long", "token-long");

            // A command as the first use (after one on a small negotiation, to compile the path), each
            // once the snapshot writes before it are done (a write holds SQLite's write lock).
            var registry = app.Services.GetRequiredService<NegotiationRegistry>();
            _ = await CommentAsync(http, "n0002", registry);   // compiles the command's path
            var commandSnapshot = await CommentAsync(http, "long-command", registry);
            var commandReplayed = await CommentAsync(http, "long-command-replayed", registry);
            var commandWarm = await CommentAsync(http, "long-command", registry);
            await app.StopAsync();

            var eager = Stopwatch.StartNew();
            await using (var store = target.Open())
            {
                foreach (var (id, _) in await store.ListAsync())
                {
                    _ = MediationCase.Replay(await store.ReadAsync(id));
                }
            }

            var eagerMs = eager.Elapsed.TotalMilliseconds;
            var (tailRead, read, restore, replay, view) = await PartsAsync(target);
            var byLength = await RestoreByLengthAsync(target, [.. earlier, (snapshotAtEnd, (await ReadLatestAsync(target)).Body)]);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server-startup {target.Kind} (load average {load}): 1,000 negotiations x 100 events + 2 x {longEvents}: start until /health answers {started.TotalMilliseconds:F0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first request to a 100-event negotiation (replays its log): the process's first {small.TotalMilliseconds:F1} ms, another negotiation's {smallNext.TotalMilliseconds:F1} ms; second request {warm.TotalMilliseconds:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first request to the {longEvents}-event negotiation: replaying its log {longReplayed.TotalMilliseconds:F1} ms, from its snapshot {longSnapshot.TotalMilliseconds:F1} ms; second request {longWarm.TotalMilliseconds:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  first use of a {longEvents}-event negotiation by a command (a comment): replaying its log {commandReplayed.TotalMilliseconds:F1} ms, from its snapshot {commandSnapshot.TotalMilliseconds:F1} ms; the next command {commandWarm.TotalMilliseconds:F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  in process, the {longEvents}-event negotiation: reading its snapshot and the events from it on {tailRead:F1} ms, restoring the snapshot and folding them {restore:F1} ms; reading all its events {read:F0} ms, replaying them {replay:F0} ms; the mediator's view as JSON {view:F0} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  in process, restoring from a snapshot and folding the events after it (median of 5): {string.Join("; ", byLength.Select(b => $"at {b.Version:N0} events {b.Ms:F1} ms ({b.Kib:F0} KiB)"))}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  taking a snapshot (every {Interval} events): median {Median(snapshotTimes):F1} ms, last {snapshotTimes[^1]:F1} ms; size median {Median(snapshotSizes.Select(s => (double)s).ToList()) / 1024:F0} KiB, last {snapshotSizes[^1] / 1024.0:F0} KiB; writing it median {Median(snapshotWrites):F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  replaying every log (what start-up avoids) {eagerMs:F0} ms"));
        }

        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // The temporary folder is the OS's to clean.
        }
    }

    private static async Task<TimeSpan> TimeAsync(HttpClient http, string id, string token)
    {
        var watch = Stopwatch.StartNew();
        (await http.GetAsync($"/api/negotiations/{id}?token={token}")).EnsureSuccessStatusCode();
        return watch.Elapsed;
    }

    private static async Task<TimeSpan> CommentAsync(HttpClient http, string id, NegotiationRegistry registry)
    {
        await Task.WhenAll(registry.Entries.Select(e => e.SnapshotWrite));
        var watch = Stopwatch.StartNew();
        using var content = new StringContent("{\"text\":\"first\",\"to\":\"everyone\"}", System.Text.Encoding.UTF8, "application/json");
        (await http.PostAsync($"/api/negotiations/{id}/comments?token=token-{id}", content)).EnsureSuccessStatusCode();
        return watch.Elapsed;
    }

    // The parts of a first use of the long negotiation, in process (median of 5 each).
    private static async Task<(double Tail, double Read, double Restore, double Replay, double View)> PartsAsync(DatabaseTarget target)
    {
        await using var store = target.Open();
        var reads = new List<double>();
        var tails = new List<double>();
        var restores = new List<double>();
        var replays = new List<double>();
        var views = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            var snapshot = await store.ReadSnapshotAsync("long");
            var tail = await store.ReadAsync("long", snapshot!.Version - 1);
            tails.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var restored = MediationCase.Restore(snapshot.Body, tail);
            _ = restored.Protocol;   // the engine restored and the tail folded
            restores.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            var records = await store.ReadAsync("long");
            reads.Add(watch.Elapsed.TotalMilliseconds);
            restored.AttachEarlierRecords([.. records.Take((int)restored.EarlierRecordCount)]);
            watch.Restart();
            var replayed = MediationCase.Replay(records);
            _ = replayed.Protocol;   // the engine rebuilt by its replay
            replays.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            _ = System.Text.Json.JsonSerializer.Serialize(restored.ViewFor(Audience.Mediator), CaseJson.Options);
            views.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (Median(tails), Median(reads), Median(restores), Median(replays), Median(views));
    }

    private static async Task<StoredSnapshot> ReadLatestAsync(DatabaseTarget target)
    {
        await using var store = target.Open();
        return (await store.ReadSnapshotAsync("long"))!;
    }

    // Restoring the long negotiation from snapshots taken at several lengths of its history, each with the events after it up to that length plus 50.
    private static async Task<List<(long Version, double Ms, double Kib)>> RestoreByLengthAsync(DatabaseTarget target, List<(long Version, string Snapshot)> snapshots)
    {
        await using var store = target.Open();
        var result = new List<(long, double, double)>();
        foreach (var (version, snapshot) in snapshots)
        {
            var records = await store.ReadRangeAsync("long", version - 1, version + 50);
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                _ = MediationCase.Restore(snapshot, records).Protocol;
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            result.Add((version, Median(times), snapshot.Length / 1024.0));
        }

        return result;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
