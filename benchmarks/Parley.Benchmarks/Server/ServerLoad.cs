using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Parley.Server;
using Parley.Server.Storage;
using Parley.Workbench;

namespace Parley.Benchmarks.Server;

/// <summary>
/// <c>server-load sqlite|postgres:CONNECTION [rounds] [--open SECONDS] [--seed N] [--warmup N] [--jit-log FILE]</c>:
/// the real server on a loopback port, 100 negotiations with 2 delegations each (200 delegations)
/// and their mediators, every delegation voting on every round. Measures, per vote, the time from
/// sending the request to its durable acknowledgement, and to the mediator's live client receiving
/// the ballot (and, for the vote that closes a round, to the other delegation's client receiving the
/// close). Bounded: <c>rounds</c> measured rounds per negotiation (default 10), at most five minutes.
/// </summary>
/// <remarks>
/// Two loads. The burst (default) is the worst case: every round of every negotiation opens at once
/// and both delegations vote the moment it opens, so 200 votes arrive in the same instant and a
/// vote's latency is mostly its place in the queue. The open loop (<c>--open SECONDS</c>) is how
/// people vote: every negotiation opens round r at the same scheduled moment, and each delegation
/// votes at its own seeded random moment, uniform within SECONDS after the round opened, whatever the
/// server's answers were doing (a late answer does not delay the next vote's schedule). Before the
/// measured rounds, <c>--warmup</c> rounds (default 1) per negotiation run the same way unmeasured,
/// so that the figures are of a server in service, not of its first requests' compilation.
/// </remarks>
internal static class ServerLoad
{
    private const int Negotiations = 100;

    public static async Task RunAsync(string db, string[] args)
    {
        var rounds = 10;
        double? window = null;
        var seed = 1;
        var warmup = 1;
        string? jitLog = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--open":
                    window = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--jit-log":
                    jitLog = args[++i];
                    break;
                case "--warmup":
                    warmup = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    rounds = int.Parse(args[i], CultureInfo.InvariantCulture);
                    break;
            }
        }

        var folder = Directory.CreateTempSubdirectory("parley-load-");
        var target = db == "sqlite" ? new DatabaseTarget("sqlite", Path.Combine(folder.FullName, "load.db")) : DatabaseTarget.Parse(db);
        var port = 5600 + Random.Shared.Next(300);
        var options = new ServerOptions { Urls = $"http://127.0.0.1:{port}", Database = target, SeedIsraelSyria = false, MaxFailedTokens = 1_000_000, OperatorToken = "load-operator" };
        await using var app = ServerHost.Build(options);
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(options.Urls), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.ConnectionClose = false;

        var clock = Stopwatch.StartNew();
        var received = new ConcurrentDictionary<(string, long, string), double>();
        var tables = new List<(string Id, string Mediator, string[] Seats)>();
        var connections = new List<HubConnection>();
        for (var n = 0; n < Negotiations; n++)
        {
            var created = await (await http.PostAsJsonAsync("/api/negotiations?token=load-operator", new
            {
                title = "load " + n,
                issues = new[] { new { name = "share", options = new[] { "30", "50", "70" } }, new { name = "years", options = new[] { "5", "10" } } },
                seats = new[] { "a", "b" },
            })).Content.ReadFromJsonAsync<JsonElement>();
            var id = created.GetProperty("id").GetString()!;
            var mediator = created.GetProperty("invitations")[0].GetProperty("token").GetString()!;
            var seats = new string[2];
            for (var s = 0; s < 2; s++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/negotiations/{id}/invitations") { Content = JsonContent.Create(new { role = "delegation", seat = s == 0 ? "a" : "b" }) };
                request.Headers.Authorization = new("Bearer", mediator);
                seats[s] = (await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString()!;
            }

            tables.Add((id, mediator, seats));
            foreach (var (who, token) in new[] { ("mediator", mediator), ("a", seats[0]), ("b", seats[1]) })
            {
                var connection = new HubConnectionBuilder()
                    .WithUrl($"{options.Urls}/live?negotiation={id}", o => o.AccessTokenProvider = () => Task.FromResult<string?>(token))
                    .Build();
                connection.On<string, long, JsonElement>("events", (negotiation, _, records) =>
                {
                    var at = clock.Elapsed.TotalMilliseconds;
                    foreach (var r in records.EnumerateArray())
                    {
                        received.TryAdd((negotiation, r.GetProperty("sequence").GetInt64(), who), at);
                    }
                });
                await connection.StartAsync();
                connections.Add(connection);
            }
        }

        var ack = new ConcurrentBag<double>();
        var live = new ConcurrentBag<double>();
        var lag = new ConcurrentBag<double>();
        var pending = new ConcurrentBag<(string Id, long Sequence, string Who, double Sent)>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var period = window is { } w ? w + 1 : 0;   // in the open loop, a round every window + 1 s

        async Task VoteAsync((string Id, string Mediator, string[] Seats) t, int r, int s, double at, bool measured)
        {
            if (at > 0)
            {
                var wait = at - clock.Elapsed.TotalMilliseconds;
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), limit.Token);
                }
            }

            using var vote = new HttpRequestMessage(HttpMethod.Post, $"/api/negotiations/{t.Id}/votes") { Content = JsonContent.Create(new { yes = r % 3 != 0 }) };
            vote.Headers.Authorization = new("Bearer", t.Seats[s]);
            var sent = clock.Elapsed.TotalMilliseconds;
            var response = await http.SendAsync(vote, limit.Token);
            var done = clock.Elapsed.TotalMilliseconds;
            response.EnsureSuccessStatusCode();
            if (!measured)
            {
                return;
            }

            ack.Add(done - sent);
            if (at > 0)
            {
                lag.Add(sent - at);
            }

            var sequences = (await response.Content.ReadFromJsonAsync<CommandAck>(CaseJson.Options, limit.Token))!.Sequences;
            pending.Add((t.Id, sequences[0], "mediator", sent));   // the ballot reaches the mediator
            if (sequences.Count == 2)
            {
                pending.Add((t.Id, sequences[1], s == 0 ? "b" : "a", sent));   // the close reaches the other delegation
            }
        }

        async Task RoundsAsync(int from, int count, bool measured, double start, int index)
        {
            var t = tables[index];
            var random = new Random(unchecked((seed * 1_000_003) + (index * 1_009) + from));   // not HashCode: it is salted per process
            for (var r = from; r < from + count && !limit.IsCancellationRequested; r++)
            {
                var opens = start + (r - from) * period * 1000;
                if (period > 0 && opens > clock.Elapsed.TotalMilliseconds)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(opens - clock.Elapsed.TotalMilliseconds), limit.Token);
                }

                using (var open = new HttpRequestMessage(HttpMethod.Post, $"/api/negotiations/{t.Id}/rounds") { Content = JsonContent.Create(new { text = new { share = r % 2 == 0 ? "50" : "30", years = "5" } }) })
                {
                    open.Headers.Authorization = new("Bearer", t.Mediator);
                    (await http.SendAsync(open, limit.Token)).EnsureSuccessStatusCode();
                }

                // Each delegation's moment is drawn from the seed (the same moments every run), counted from the round's opening.
                var opened = clock.Elapsed.TotalMilliseconds;
                var at0 = window is { } w0 ? opened + random.NextDouble() * w0 * 1000 : 0;
                var at1 = window is { } w1 ? opened + random.NextDouble() * w1 * 1000 : 0;
                await Task.WhenAll(VoteAsync(t, r, 0, at0, measured), VoteAsync(t, r, 1, at1, measured));
            }
        }

        if (warmup > 0)
        {
            var warmStart = clock.Elapsed.TotalMilliseconds;
            await Task.WhenAll(Enumerable.Range(0, tables.Count).Select(i => Task.Run(() => RoundsAsync(0, warmup, measured: false, warmStart, i), limit.Token)));
        }

        using var jitListener = jitLog is null ? null : new JitListener();
        var loadBefore = LoadAverage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var collectionsBefore = GC.CollectionCount(0);
        var jittedBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var jitTimeBefore = System.Runtime.JitInfo.GetCompilationTime();
        var wall = Stopwatch.StartNew();
        var measuredStart = clock.Elapsed.TotalMilliseconds;
        await Task.WhenAll(Enumerable.Range(0, tables.Count).Select(i => Task.Run(() => RoundsAsync(warmup, rounds, measured: true, measuredStart, i), limit.Token)));
        wall.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        var collections = GC.CollectionCount(0) - collectionsBefore;
        var jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - jittedBefore;
        var jitTime = System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore;
        var loadAfter = LoadAverage();
        if (jitListener is not null)
        {
            await File.WriteAllLinesAsync(jitLog!, jitListener.Methods.GroupBy(m => m).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()}\t{g.Key}"));
        }

        await Task.Delay(2000);   // let the last live messages arrive
        var missing = 0;
        foreach (var (id, sequence, who, sent) in pending)
        {
            if (received.TryGetValue((id, sequence, who), out var at))
            {
                live.Add(at - sent);
            }
            else
            {
                missing++;
            }
        }

        var mode = window is { } ow
            ? string.Create(CultureInfo.InvariantCulture, $"open loop: each vote at a seeded moment uniform within {ow:0.###} s of its round opening, a round every {period:0.###} s (seed {seed})")
            : "burst: both delegations of every negotiation vote the moment the round opens";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server-load {target.Kind}, {mode}; {warmup} warm-up round(s) unmeasured"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Negotiations} negotiations, {Negotiations * 2} delegations, {rounds} rounds, {ack.Count} votes in {wall.Elapsed.TotalSeconds:F1} s ({ack.Count / wall.Elapsed.TotalSeconds:F0} votes/s); {Environment.ProcessorCount} cores, load average {loadBefore} before, {loadAfter} after"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CPU of this process (server and its 300 clients; not the database server's) while measuring: {cpu.TotalSeconds:F2} s, {cpu.TotalMilliseconds * 1000 / Math.Max(1, ack.Count):F0} µs per vote; {allocated / 1024.0 / Math.Max(1, ack.Count):F0} KiB allocated per vote, {collections} gen-0 collections; {jitted} methods compiled by the JIT in {jitTime.TotalSeconds:F2} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ack  (request -> durable acknowledgement): p50 {P(ack, 0.50):F1} ms, p99 {P(ack, 0.99):F1} ms, max {ack.Max():F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  live (request -> other client's update):  p50 {P(live, 0.50):F1} ms, p99 {P(live, 0.99):F1} ms, max {(live.IsEmpty ? 0 : live.Max()):F1} ms; {live.Count} measured, {missing} not received"));
        if (!lag.IsEmpty)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sends behind their schedule (the load clients' own delay): p50 {P(lag, 0.50):F1} ms, p99 {P(lag, 0.99):F1} ms"));
        }

        foreach (var c in connections)
        {
            await c.DisposeAsync();
        }

        await app.StopAsync();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // The temporary folder is the OS's to clean.
        }
    }

    /// <summary>The methods the JIT compiles while the listener lives (<c>--jit-log FILE</c>: which code is still being compiled in the measured rounds).</summary>
    private sealed class JitListener : System.Diagnostics.Tracing.EventListener
    {
        public ConcurrentQueue<string> Methods { get; } = new();

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x10);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
        {
            if (eventData.EventName is { } name && name.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) && eventData.Payload is { } p && eventData.PayloadNames is { } names)
            {
                var ns = p[names.IndexOf("MethodNamespace")];
                var method = p[names.IndexOf("MethodName")];
                var flags = names.IndexOf("MethodFlags") is var f and >= 0 ? Convert.ToInt64(p[f], CultureInfo.InvariantCulture) : 0;
                Methods.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{ns}::{method} (tier {(flags >> 7) & 7})"));
            }
        }
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    private static double P(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}
