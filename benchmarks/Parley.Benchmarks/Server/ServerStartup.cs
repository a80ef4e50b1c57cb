using System.Diagnostics;
using System.Globalization;
using Parley.Server;
using Parley.Server.Storage;
using Parley.Workbench;

namespace Parley.Benchmarks.Server;

/// <summary>
/// <c>server-startup sqlite|postgres:CONNECTION</c>: stores 1,000 negotiations of 100 events each,
/// then measures the server's start (migrations, catalogue, token projection) until it answers,
/// the first request to one negotiation (its log replayed), and, for comparison, replaying every log.
/// </summary>
internal static class ServerStartup
{
    public static async Task RunAsync(string db)
    {
        var folder = Directory.CreateTempSubdirectory("parley-startup-");
        var target = db == "sqlite" ? new DatabaseTarget("sqlite", Path.Combine(folder.FullName, "startup.db")) : DatabaseTarget.Parse(db);
        var at = new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
        var scenario = CaseSources.BuiltIn("israel-syria-2026");
        string? firstId = null, firstToken = null;
        long longEvents;
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

                await store.AppendAsync(id, 0, events, at);
                firstId ??= id;
                firstToken ??= token;
            }

            // One long history: 10,000 events of rounds, votes (on the engine) and comments.
            var longCase = MediationCase.Replay(await store.AppendAsync("long", 0, MediationCase.Create("long", "israel-syria-2026", scenario, new Invite("m", AudienceRole.Mediator, null, "mediator", InvitationTokens.Hash("token-long"))), at));
            var text = longCase.Domain.Issues.ToDictionary(i => i.Name, i => i.FormatLevel(0));
            var now = at;
            var steps = new (Audience, CaseCommand)[] { (Audience.Mediator, new OpenRound(text, null)), (Audience.Delegation(0), new Vote(true)), (Audience.Delegation(1), new Vote(false)), (Audience.Delegation(0), new Comment("a comment", CommentAudience.Everyone)) };
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
                }
            }

            longEvents = longCase.Version;
        }

        var start = Stopwatch.StartNew();
        var options = new ServerOptions { Urls = $"http://127.0.0.1:{5900 + Random.Shared.Next(90)}", Database = target, SeedIsraelSyria = false };
        await using (var app = ServerHost.Build(options))
        {
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri(options.Urls) };
            (await http.GetAsync("/health")).EnsureSuccessStatusCode();
            var started = start.Elapsed;
            var first = Stopwatch.StartNew();
            (await http.GetAsync($"/api/negotiations/{firstId}?token={firstToken}")).EnsureSuccessStatusCode();
            var firstUse = first.Elapsed;
            var second = Stopwatch.StartNew();
            (await http.GetAsync($"/api/negotiations/{firstId}?token={firstToken}")).EnsureSuccessStatusCode();
            var warm = second.Elapsed;
            var longFirst = Stopwatch.StartNew();
            var longView = await http.GetStringAsync("/api/negotiations/long?token=token-long");
            var longUse = longFirst.Elapsed;
            await app.StopAsync();

            var eager = Stopwatch.StartNew();
            await using (var store = target.Open())
            {
                foreach (var (id, _) in await store.ListAsync())
                {
                    _ = MediationCase.Replay(await store.ReadAsync(id));
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server-startup {target.Kind}: 1,000 negotiations x 100 events + 1 x {longEvents}: start until /health answers {started.TotalMilliseconds:F0} ms; first request to a 100-event negotiation (replays its log) {firstUse.TotalMilliseconds:F1} ms, second {warm.TotalMilliseconds:F1} ms; first request to the {longEvents}-event negotiation {longUse.TotalMilliseconds:F1} ms ({longView.Length:N0} characters of view); replaying every log (what start-up avoids) {eager.Elapsed.TotalMilliseconds:F0} ms"));
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
}
