using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Workbench;

namespace Parley.Server.Tests;

/// <summary>
/// Snapshots on SQLite and PostgreSQL: after a history of real commands, a restarted server restores
/// the latest snapshot and folds only the events after it, and serves what the full replay serves
/// (every audience's view and visible records, and the same answers to what comes next); a snapshot
/// of another format version, a corrupt one, or one of another log is ignored and the log replayed.
/// </summary>
public sealed class SnapshotTests
{
    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Restart_AfterASnapshot_RestoresItFoldsTheTailAndServesWhatTheReplayServes(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        Table table;
        Dictionary<string, string> before;
        await using (var host = new Host(db))
        {
            table = await Table.OpenAsync(host.Factory.CreateClient());
            await PlayAsync(table, new Random(11), steps: 260);
            var registry = host.Factory.Services.GetRequiredService<NegotiationRegistry>();
            var entry = registry.Find(table.Id)!;
            await entry.SnapshotWrite;
            entry.Case.Version.ShouldBeGreaterThan(2 * registry.SnapshotInterval);
            entry.SnapshotVersion.ShouldBeGreaterThan(0);
            before = await ViewsAsync(table);
        }

        var stored = await ReadSnapshotAsync(db, table.Id);
        stored.ShouldNotBeNull().Format.ShouldBe(MediationCase.SnapshotFormat);

        Dictionary<string, string> after;
        await using (var restarted = new Host(db))
        {
            var again = Reopen(table, restarted.Factory.CreateClient());
            var registry = restarted.Factory.Services.GetRequiredService<NegotiationRegistry>();
            var entry = registry.Find(table.Id)!;

            // Loaded for the state only (what a command needs): the snapshot and the events from it on.
            await registry.InvitationsAsync(entry, CancellationToken.None);   // authorisation loads the state only
            entry.Case.EarlierRecordCount.ShouldBe(stored.Version - 1);
            (await ViewsAsync(again)).ShouldBe(before);
            entry.Case.HasWholeRecord.ShouldBeTrue();   // a view read the earlier records
            entry.SnapshotVersion.ShouldBe(stored.Version);
            var engineEvents = entry.Case.Records.Sum(r => r.Event.Engine?.Count ?? 0);
            entry.Case.Engine.Log.Count.ShouldBeLessThan(engineEvents);   // the engine came from the snapshot: only the tail was replayed

            await PlayAsync(again, new Random(5), steps: 60);
            after = await ViewsAsync(again);
            await entry.SnapshotWrite;
        }

        // Without a usable snapshot (one of another format version), the whole log gives the same.
        await using (var store = db.Target.Open())
        {
            await store.WriteSnapshotAsync(table.Id, 1, MediationCase.SnapshotFormat - 1, "{\"parleyCaseSnapshot\":0}", DateTimeOffset.UnixEpoch, replace: true);
        }

        await using (var replayed = new Host(db))
        {
            (await ViewsAsync(Reopen(table, replayed.Factory.CreateClient()))).ShouldBe(after);
            var entry = replayed.Factory.Services.GetRequiredService<NegotiationRegistry>().Find(table.Id)!;
            await entry.SnapshotWrite;   // the full replay wrote a fresh snapshot over the ignored one
            entry.SnapshotVersion.ShouldBe(entry.Case.Version);
        }

        var fresh = (await ReadSnapshotAsync(db, table.Id)).ShouldNotBeNull();
        fresh.Format.ShouldBe(MediationCase.SnapshotFormat);

        // A command as the first use: decided on the snapshot and the events after it, no earlier record read.
        await using (var commanded = new Host(db))
        {
            var again = Reopen(table, commanded.Factory.CreateClient());
            var version = await again.ActAsync(HttpMethod.Post, "comments", again.Syria, new { text = "after the restart", to = "everyone" });
            var entry = commanded.Factory.Services.GetRequiredService<NegotiationRegistry>().Find(table.Id)!;
            entry.Case.HasWholeRecord.ShouldBeFalse();
            version.ShouldBe(fresh.Version + 1);

            // A catch-up after the snapshot (a reconnecting client) reads no earlier record either.
            var caughtUp = await again.SendAsync(HttpMethod.Get, $"events?after={fresh.Version}", again.Mediator);
            caughtUp.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await caughtUp.Content.ReadAsStringAsync()).ShouldContain("after the restart");
            entry.Case.HasWholeRecord.ShouldBeFalse();
            (await again.ViewAsync(again.Mediator))["record"]!.AsArray().Count.ShouldBeGreaterThan(Interval);
        }
    }

    [Theory]
    [InlineData(500, 0)]
    [InlineData(500, 137)]
    [InlineData(500, 499)]
    [InlineData(3, 2)]
    public void SnapshotDue_WalkingTheLogOneEventAtATime_PointsAnIntervalApartTheFirstWithinOne(int interval, int phase)
    {
        var taken = new List<long>();
        var last = 0L;
        for (var version = 1L; version <= 10 * interval; version++)
        {
            if (NegotiationRegistry.SnapshotDue(last, version, interval, phase))
            {
                taken.Add(version);
                last = version;
            }
        }

        taken.Count.ShouldBeInRange(10, 11);
        taken[0].ShouldBeInRange(1, interval);
        taken.ShouldAllBe(v => (v + phase) % interval == 0);
        taken.Zip(taken.Skip(1), (a, b) => b - a).ShouldAllBe(gap => gap == interval);
    }

    [Fact]
    public void SnapshotDue_ATailOfAWholeIntervalOrMore_AlwaysDue()
    {
        // A case loaded with a long tail after its snapshot (or none) takes one, whatever its phase.
        for (var phase = 0; phase < 50; phase++)
        {
            NegotiationRegistry.SnapshotDue(120, 170, 50, phase).ShouldBeTrue();
            NegotiationRegistry.SnapshotDue(0, 50, 50, phase).ShouldBeTrue();
        }
    }

    [Fact]
    public void SnapshotPhase_NegotiationsCreatedTogether_SpreadOverTheInterval()
    {
        // Ids as the server draws them (12 characters of URL-safe base64); the phase is stable for an id.
        var random = new Random(5);
        var ids = Enumerable.Range(0, 100).Select(_ => Convert.ToBase64String(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 9)).Replace('+', '-').Replace('/', '_')).ToArray();
        var phases = ids.Select(id => NegotiationRegistry.SnapshotPhase(id, 500)).ToArray();

        phases.ShouldAllBe(p => p >= 0 && p < 500);
        ids.Select(id => NegotiationRegistry.SnapshotPhase(id, 500)).ShouldBe(phases);
        phases.Distinct().Count().ShouldBeGreaterThan(80);
        // No tenth of the interval holds more than a quarter of them (uniform: about 10 each).
        phases.GroupBy(p => p / 50).Max(g => g.Count()).ShouldBeLessThan(25);
    }

    [Theory]
    [MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task Restart_WithACorruptSnapshotOrOneOfAnotherLog_ReplaysTheLog(string kind)
    {
        await using var db = await TestDatabase.CreateAsync(kind);
        Table first, second;
        Dictionary<string, string> views1, views2;
        await using (var host = new Host(db))
        {
            var http = host.Factory.CreateClient();
            first = await Table.OpenAsync(http);
            second = await Table.OpenAsync(http);
            await PlayAsync(first, new Random(3), steps: 320);
            await PlayAsync(second, new Random(4), steps: 320);
            var registry = host.Factory.Services.GetRequiredService<NegotiationRegistry>();
            await registry.Find(first.Id)!.SnapshotWrite;
            await registry.Find(second.Id)!.SnapshotWrite;
            views1 = await ViewsAsync(first);
            views2 = await ViewsAsync(second);
        }

        var snapshot1 = (await ReadSnapshotAsync(db, first.Id)).ShouldNotBeNull();
        var snapshot2 = (await ReadSnapshotAsync(db, second.Id)).ShouldNotBeNull();
        await using (var store = db.Target.Open())
        {
            // The first negotiation's snapshot cut in half; the second's replaced by the first's (another log).
            await store.WriteSnapshotAsync(first.Id, snapshot1.Version, snapshot1.Format, snapshot1.Body[..(snapshot1.Body.Length / 2)], DateTimeOffset.UnixEpoch, replace: true);
            await store.WriteSnapshotAsync(second.Id, snapshot1.Version, snapshot1.Format, snapshot1.Body, DateTimeOffset.UnixEpoch, replace: true);
        }

        await using (var restarted = new Host(db))
        {
            var http = restarted.Factory.CreateClient();
            (await ViewsAsync(Reopen(first, http))).ShouldBe(views1);
            (await ViewsAsync(Reopen(second, http))).ShouldBe(views2);
            var registry = restarted.Factory.Services.GetRequiredService<NegotiationRegistry>();
            foreach (var id in new[] { first.Id, second.Id })
            {
                var entry = registry.Find(id)!;
                await entry.SnapshotWrite;
                entry.SnapshotVersion.ShouldBe(entry.Case.Version);   // replayed, then a fresh snapshot
            }
        }

        (await ReadSnapshotAsync(db, first.Id)).ShouldNotBeNull().Body.ShouldNotBe(snapshot1.Body[..(snapshot1.Body.Length / 2)]);
        (await ReadSnapshotAsync(db, second.Id)).ShouldNotBeNull().Body.ShouldNotBe(snapshot1.Body);
        snapshot2.Body.ShouldNotBe(snapshot1.Body);
    }

    private const int Interval = 40;

    internal static Table Reopen(Table t, HttpClient http) =>
        new() { Http = http, Id = t.Id, Mediator = t.Mediator, Israel = t.Israel, Syria = t.Syria, Observer = t.Observer };

    internal static async Task<Dictionary<string, string>> ViewsAsync(Table t)
    {
        var views = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, token) in new[] { ("mediator", t.Mediator), ("israel", t.Israel), ("syria", t.Syria), ("observer", t.Observer) })
        {
            views[name] = (await t.ViewAsync(token)).ToJsonString();
            var events = await t.SendAsync(HttpMethod.Get, "events?after=3", token);
            events.StatusCode.ShouldBe(HttpStatusCode.OK);
            views[name + " events"] = await events.Content.ReadAsStringAsync();
        }

        return views;
    }

    private static async Task<Storage.StoredSnapshot?> ReadSnapshotAsync(TestDatabase db, string id)
    {
        await using var store = db.Target.Open();
        return await store.ReadSnapshotAsync(id);
    }

    /// <summary>
    /// Random real commands through the API: rounds with texts of random options (some crossing declared
    /// red lines, refused), votes, closings, comments, amendments, shares, notes, profile declarations
    /// and observer access. Refusals are part of a history; a server error never is.
    /// </summary>
    internal static async Task PlayAsync(Table t, Random random, int steps)
    {
        var issues = (await t.ViewAsync(t.Mediator))["issues"]!.AsArray()
            .Select(i => (Name: i!["name"]!.GetValue<string>(), Options: i["options"]!.AsArray().Select(o => o!.GetValue<string>()).ToArray()))
            .ToArray();
        var seats = new[] { ("Israel", t.Israel), ("Syria", t.Syria) };
        for (var step = 0; step < steps; step++)
        {
            var (seat, token) = seats[random.Next(2)];
            var issue = issues[random.Next(issues.Length)];
            HttpResponseMessage response = random.Next(12) switch
            {
                0 or 1 => await t.SendAsync(HttpMethod.Post, "rounds", t.Mediator, new
                {
                    text = issues.ToDictionary(i => i.Name, i => i.Options[random.Next(i.Options.Length)]),
                    durationSeconds = random.Next(3) == 0 ? 3600 : (double?)null,
                }),
                2 or 3 or 4 => await t.SendAsync(HttpMethod.Post, "votes", token, new { yes = random.Next(4) != 0 }),
                5 => await t.SendAsync(HttpMethod.Post, "rounds/close", t.Mediator),
                6 => await t.SendAsync(HttpMethod.Post, "comments", random.Next(2) == 0 ? token : t.Mediator, new { text = $"comment {step}", to = random.Next(2) == 0 ? "everyone" : "mediator" }),
                7 => await t.SendAsync(HttpMethod.Put, "profile", token, new
                {
                    weights = issues.Where(_ => random.Next(2) == 0).ToDictionary(i => i.Name, _ => 1.0 + random.Next(5)),
                    reservation = random.Next(3) == 0 ? (double?)null : random.Next(5) / 10.0,
                    redLines = random.Next(4) == 0 ? new[] { new { issue = issue.Name, option = issue.Options[0] } } : null,
                    shareWithMediator = random.Next(2) == 0,
                }),
                8 => await t.SendAsync(HttpMethod.Post, "amendments", token, new { issue = issue.Name, option = issue.Options[random.Next(issue.Options.Length)], rationale = $"because {step}" }),
                9 => await t.SendAsync(HttpMethod.Post, "shares", t.Mediator, new { sequence = 1 + random.Next(step + 5) }),
                10 => await t.SendAsync(HttpMethod.Post, "notes", random.Next(3) == 0 ? t.Observer : token, new { text = $"note {step} on {seat}" }),
                _ => await t.SendAsync(HttpMethod.Put, "observer-access", t.Mediator, new { publicRecord = random.Next(2) == 0, ballots = random.Next(2) == 0, profiles = random.Next(3) == 0 }),
            };
            ((int)response.StatusCode).ShouldBeLessThan(500, await response.Content.ReadAsStringAsync());
        }
    }

    /// <summary>The server on <paramref name="db"/> with a short snapshot interval, so that a history of a few hundred commands has several.</summary>
    private sealed class Host(TestDatabase db) : IAsyncDisposable
    {
        private readonly ServerFactory _server = new(db.Target);

        public WebApplicationFactory<Program> Factory => field ??= _server.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.RemoveAll<ServerOptions>();
            s.AddSingleton(_server.Options with { SnapshotInterval = Interval });
        }));

        public ValueTask DisposeAsync() => _server.DisposeAsync();
    }
}
