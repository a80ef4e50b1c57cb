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
/// <c>server-load sqlite|postgres:CONNECTION [rounds] [--open SECONDS [--every SECONDS]] [--snapshot-interval EVENTS] [--seed N] [--warmup N] [--warmup-seconds S [--warmup-quiet N]] [--clients full|lean] [--clients-process] [--jit-log FILE]</c>:
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
/// server's answers were doing (a late answer does not delay the next vote's schedule). A round opens
/// every <c>--every</c> seconds (default: the window plus one second), so the offered load is 200 votes
/// per period; a round whose votes are not answered by then opens the next one late.
/// <c>--snapshot-interval EVENTS</c> sets the server's snapshot interval (default: the server's own). Before the
/// measured rounds, <c>--warmup</c> rounds (default 1) per negotiation run the same way unmeasured,
/// so that the figures are of a server in service, not of its first requests' compilation.
/// <para>
/// <c>--warmup-seconds S</c> adds a second, warm measurement: after the first (cold) block of measured
/// rounds, the same load keeps running unmeasured until the server has served for S seconds (counted
/// from the first warm-up round), or, with <c>--warmup-quiet N</c>, until the JIT compiled fewer than N
/// methods in the last 3 seconds (at most S seconds); then the same number of rounds is
/// measured again. Both blocks are printed, the cold one first.
/// </para>
/// <para>
/// <c>--clients lean</c> makes the 300 load clients (which share this process and its cores with the
/// server) cheaper, without changing what the server receives or sends: vote and round bodies
/// serialised once, the acknowledgement's sequence numbers read from its bytes, and the live clients
/// binding each record to its sequence number only instead of building a whole JSON document. The
/// default, <c>full</c>, is the earlier clients (every figure before 2026-12-02 10:00 UTC is of it).
/// <c>--clients-process</c> runs the clients in a second process (this benchmark again, with
/// <c>--server URL</c>), so that the server's own CPU per vote is measured apart from theirs; the two
/// processes still share the machine's cores, so the latencies are not those of clients on other machines.
/// </para>
/// </remarks>
internal static partial class ServerLoad
{
    private const int Negotiations = 100;

    /// <summary>The window (seconds) over which <c>--warmup-quiet N</c> counts the methods the JIT compiled.</summary>
    private const double QuietWindow = 3;

    public static async Task RunAsync(string db, string[] args)
    {
        var rounds = 10;
        double? window = null;
        double? every = null;
        var snapshotInterval = new ServerOptions().SnapshotInterval;
        var seed = 1;
        var warmup = 1;
        string? jitLog = null;
        double? warmupSeconds = null;
        int? warmupQuiet = null;
        var lean = false;
        var clientsProcess = false;
        string? serverUrl = null;
        var trace = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--open":
                    window = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--every":
                    every = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--snapshot-interval":
                    snapshotInterval = int.Parse(args[++i], CultureInfo.InvariantCulture);
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
                case "--warmup-seconds":
                    warmupSeconds = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--warmup-quiet":
                    warmupQuiet = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--clients":
                    lean = args[++i] switch
                    {
                        "lean" => true,
                        "full" => false,
                        var other => throw new ArgumentException($"--clients full|lean, not '{other}'"),
                    };
                    break;
                case "--clients-process":
                    clientsProcess = true;
                    break;
                case "--server":
                    serverUrl = args[++i];
                    break;
                case "--trace":
                    trace = true;
                    break;
                default:
                    rounds = int.Parse(args[i], CultureInfo.InvariantCulture);
                    break;
            }
        }

        if (every is { } e && (window is not { } ew || !(e > ew)))
        {
            throw new ArgumentException("--every SECONDS needs --open WINDOW with WINDOW shorter than SECONDS (a round's votes fall before the next round opens)");
        }

        if (trace)
        {
            if (clientsProcess || serverUrl is not null)
            {
                throw new ArgumentException("--trace needs the clients in the server's process");
            }

            EnableTrace();
        }

        var folder = Directory.CreateTempSubdirectory("parley-load-");
        var target = db == "sqlite" ? new DatabaseTarget("sqlite", Path.Combine(folder.FullName, "load.db")) : DatabaseTarget.Parse(db);
        var port = 5600 + Random.Shared.Next(300);
        var options = new ServerOptions { Urls = serverUrl ?? $"http://127.0.0.1:{port}", Database = target, SeedIsraelSyria = false, MaxFailedTokens = 1_000_000, OperatorToken = "load-operator", SnapshotInterval = snapshotInterval };
        // --server URL: this process is only the clients of a server started by another (--clients-process).
        await using var app = serverUrl is null ? ServerHost.Build(options) : null;
        if (app is not null)
        {
            await app.StartAsync();
        }

        if (clientsProcess)
        {
            await RunClientsProcessAsync(options.Urls, db, args);
            await app!.StopAsync();
            return;
        }

        using var http = new HttpClient { BaseAddress = new Uri(options.Urls), Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.ConnectionClose = false;

        var clock = Stopwatch.StartNew();
        // Lean clients record only the deliveries a vote waits for; the full ones every record every client receives (as before).
        var received = new ConcurrentDictionary<(string, long, string), double>(Environment.ProcessorCount, lean ? 1 << 16 : 31);
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
                if (lean)
                {
                    // Only the sequence numbers: the JSON reader skips the rest of each record instead of building a document.
                    connection.On<string, long, SequenceOnly[]>("events", (negotiation, _, records) =>
                    {
                        var at = clock.Elapsed.TotalMilliseconds;
                        foreach (var r in records)
                        {
                            received.TryAdd((negotiation, r.Sequence, who), at);
                        }
                    });
                }
                else
                {
                    connection.On<string, long, JsonElement>("events", (negotiation, _, records) =>
                    {
                        var at = clock.Elapsed.TotalMilliseconds;
                        foreach (var r in records.EnumerateArray())
                        {
                            received.TryAdd((negotiation, r.GetProperty("sequence").GetInt64(), who), at);
                        }
                    });
                }

                await connection.StartAsync();
                connections.Add(connection);
            }
        }

        // The lean clients' bodies, serialised once (the same bytes JsonContent would send).
        byte[][] voteBodies = [JsonSerializer.SerializeToUtf8Bytes(new { yes = false }), JsonSerializer.SerializeToUtf8Bytes(new { yes = true })];
        byte[][] roundBodies = [.. new[] { "50", "30" }.Select(share => JsonSerializer.SerializeToUtf8Bytes(new { text = new { share, years = "5" } }))];
        static HttpContent Body(byte[] bytes)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
            return content;
        }

        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var period = window is { } w ? every ?? w + 1 : 0;   // in the open loop, a round every --every seconds (default: the window + 1 s)

        async Task VoteAsync((string Id, string Mediator, string[] Seats) t, int r, int s, double at, Block? measured)
        {
            if (at > 0)
            {
                var wait = at - clock.Elapsed.TotalMilliseconds;
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(wait), limit.Token);
                }
            }

            var yes = r % 3 != 0;
            using var vote = new HttpRequestMessage(HttpMethod.Post, $"/api/negotiations/{t.Id}/votes") { Content = lean ? Body(voteBodies[yes ? 1 : 0]) : JsonContent.Create(new { yes }) };
            vote.Headers.Authorization = new("Bearer", t.Seats[s]);
            var tag = trace && measured is not null ? measured.Label + "|" + t.Id + "|" + r.ToString(CultureInfo.InvariantCulture) + "|" + s.ToString(CultureInfo.InvariantCulture) : null;
            if (tag is not null)
            {
                vote.Headers.Add(Parley.Server.Diagnostics.RequestTrace.Header, tag);
            }

            var sentTicks = Stopwatch.GetTimestamp();
            var sent = clock.Elapsed.TotalMilliseconds;
            using var response = await http.SendAsync(vote, limit.Token);
            var done = clock.Elapsed.TotalMilliseconds;
            var doneTicks = Stopwatch.GetTimestamp();
            response.EnsureSuccessStatusCode();
            if (tag is not null)
            {
                measured!.Traced.Add((tag, sentTicks, doneTicks));
            }

            if (measured is null)
            {
                return;
            }

            measured.Ack.Add(done - sent);
            if (at > 0)
            {
                measured.Lag.Add(sent - at);
            }

            var sequences = lean
                ? ReadSequences(await response.Content.ReadAsByteArrayAsync(limit.Token))
                : (await response.Content.ReadFromJsonAsync<CommandAck>(CaseJson.Options, limit.Token))!.Sequences;
            measured.Pending.Add((t.Id, sequences[0], "mediator", sent));   // the ballot reaches the mediator
            if (sequences.Count == 2)
            {
                measured.Pending.Add((t.Id, sequences[1], s == 0 ? "b" : "a", sent));   // the close reaches the other delegation
            }
        }

        async Task RoundsAsync(int from, int count, Block? measured, double start, int index)
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

                using (var open = new HttpRequestMessage(HttpMethod.Post, $"/api/negotiations/{t.Id}/rounds") { Content = lean ? Body(roundBodies[r % 2]) : JsonContent.Create(new { text = new { share = r % 2 == 0 ? "50" : "30", years = "5" } }) })
                {
                    open.Headers.Authorization = new("Bearer", t.Mediator);
                    using var opened = await http.SendAsync(open, limit.Token);
                    opened.EnsureSuccessStatusCode();
                }

                // Each delegation's moment is drawn from the seed (the same moments every run), counted from the round's opening.
                var openedAt = clock.Elapsed.TotalMilliseconds;
                var at0 = window is { } w0 ? openedAt + random.NextDouble() * w0 * 1000 : 0;
                var at1 = window is { } w1 ? openedAt + random.NextDouble() * w1 * 1000 : 0;
                await Task.WhenAll(VoteAsync(t, r, 0, at0, measured), VoteAsync(t, r, 1, at1, measured));
            }
        }

        Task AllAsync(int from, int count, Block? measured)
        {
            var start = clock.Elapsed.TotalMilliseconds;
            return Task.WhenAll(Enumerable.Range(0, tables.Count).Select(i => Task.Run(() => RoundsAsync(from, count, measured, start, i), limit.Token)));
        }

        using var jitListener = jitLog is null ? null : new JitListener();
        var servingFrom = clock.Elapsed.TotalMilliseconds;
        var blocks = new List<Block>();
        async Task MeasureAsync(string label, int from)
        {
            var block = new Block(label) { ServedSeconds = (clock.Elapsed.TotalMilliseconds - servingFrom) / 1000 };
            jitListener?.Start(label);
            if (serverUrl is not null)
            {
                Console.WriteLine($"{Marker}begin {label}");   // the server's process measures itself from here
            }

            using var sampler = trace ? new PoolSampler() : null;
            block.Begin();
            await AllAsync(from, rounds, block);
            block.End();
            block.Pool = sampler?.Stop();
            if (serverUrl is not null)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Marker}end {label} {block.Ack.Count}"));
            }

            jitListener?.Stop();
            blocks.Add(block);
        }

        var next = 0;
        if (warmup > 0)
        {
            await AllAsync(0, warmup, null);
            next = warmup;
        }

        await MeasureAsync(warmupSeconds is null ? "measured" : "cold", next);
        next += rounds;
        string? warming = null;
        if (warmupSeconds is { } seconds)
        {
            // Warm: the same load, unmeasured, round by round, until the server has served S seconds (or the JIT is quiet).
            // Quiet: fewer than N methods compiled in the last QuietWindow seconds (the tiered JIT promotes in waves, so one round says little).
            var extra = 0;
            var quiet = false;
            var history = new Queue<(double At, long Jitted)>();
            history.Enqueue((clock.Elapsed.TotalSeconds, System.Runtime.JitInfo.GetCompiledMethodCount()));
            while ((clock.Elapsed.TotalMilliseconds - servingFrom) / 1000 < seconds && !quiet && !limit.IsCancellationRequested)
            {
                await AllAsync(next, 1, null);
                next++;
                extra++;
                var now = (At: clock.Elapsed.TotalSeconds, Jitted: System.Runtime.JitInfo.GetCompiledMethodCount());
                history.Enqueue(now);
                while (history.Count > 1 && now.At - history.ElementAt(1).At >= QuietWindow)
                {
                    history.Dequeue();
                }

                var (since, before) = history.Peek();
                quiet = warmupQuiet is { } q && now.At - since >= QuietWindow && now.Jitted - before < q;
            }

            warming = string.Create(CultureInfo.InvariantCulture, $"{extra} more warm-up round(s) after the cold block, until {(quiet ? $"the JIT compiled fewer than {warmupQuiet} methods in {QuietWindow} s" : $"{seconds:0.#} s of service")}");
            await MeasureAsync("warm", next);
        }

        if (jitListener is not null)
        {
            await File.WriteAllLinesAsync(jitLog!, jitListener.Methods.GroupBy(m => m).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()}\t{g.Key}"));
        }

        await Task.Delay(2000);   // let the last live messages arrive
        var mode = window is { } ow
            ? string.Create(CultureInfo.InvariantCulture, $"open loop: each vote at a seeded moment uniform within {ow:0.###} s of its round opening, a round every {period:0.###} s (seed {seed})")
            : "burst: both delegations of every negotiation vote the moment the round opens";
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server-load {target.Kind}, {mode}; {warmup} warm-up round(s) unmeasured; {(lean ? "lean" : "full")} clients{(serverUrl is null ? " in the server's process" : " in their own process")}"));
        Console.WriteLine("  " + TieringSettings());
        foreach (var b in blocks)
        {
            var live = new List<double>();
            var missing = 0;
            foreach (var (id, sequence, who, sent) in b.Pending)
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

            var ack = b.Ack.ToArray();
            if (b.Label == "warm" && warming is not null)
            {
                Console.WriteLine("  " + warming);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{b.Label}, after {b.ServedSeconds:F1} s of service] {Negotiations} negotiations, {Negotiations * 2} delegations, {rounds} rounds, {ack.Length} votes in {b.Wall.TotalSeconds:F1} s ({ack.Length / b.Wall.TotalSeconds:F0} votes/s); {Environment.ProcessorCount} cores, load average {b.LoadBefore} before, {b.LoadAfter} after"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  CPU of this process ({(serverUrl is null ? "server and its 300 clients" : "the 300 clients only")}; not the database server's) while measuring: {b.Cpu.TotalSeconds:F2} s, {b.Cpu.TotalMilliseconds * 1000 / Math.Max(1, ack.Length):F0} µs per vote; {b.Allocated / 1024.0 / Math.Max(1, ack.Length):F0} KiB allocated per vote, {b.Collections} gen-0 collections; {b.Jitted} methods compiled by the JIT in {b.JitTime.TotalSeconds:F2} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ack  (request -> durable acknowledgement): p50 {P(ack, 0.50):F1} ms, p99 {P(ack, 0.99):F1} ms, max {(ack.Length == 0 ? 0 : ack.Max()):F1} ms"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  live (request -> other client's update):  p50 {P(live, 0.50):F1} ms, p99 {P(live, 0.99):F1} ms, max {(live.Count == 0 ? 0 : live.Max()):F1} ms; {live.Count} measured, {missing} not received"));
            if (!b.Lag.IsEmpty)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sends behind their schedule (the load clients' own delay): p50 {P(b.Lag, 0.50):F1} ms, p99 {P(b.Lag, 0.99):F1} ms"));
            }

            if (trace)
            {
                PrintTrace(b);
            }
        }

        foreach (var c in connections)
        {
            await c.DisposeAsync();
        }

        if (app is not null)
        {
            await app.StopAsync();
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

    private const string Marker = "@@server-load ";

    /// <summary>
    /// <c>--clients-process</c>: the server runs here, the 300 clients in a second process of this benchmark
    /// (<c>--server URL</c>), which says when each measured block begins and ends; this process then
    /// reports what the server alone spent in each block. Both still share the machine's cores.
    /// </summary>
    private static async Task RunClientsProcessAsync(string url, string db, string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ServerLoad).Assembly.Location);
        }

        foreach (var a in (string[])["server-load", db, .. args.Where(a => a != "--clients-process"), "--server", url])
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        var self = Process.GetCurrentProcess();
        var results = new List<string>();
        (TimeSpan Cpu, long Allocated, int Collections, long Jitted, TimeSpan JitTime) before = default;
        while (await child.StandardOutput.ReadLineAsync() is { } line)
        {
            if (!line.StartsWith(Marker, StringComparison.Ordinal))
            {
                Console.WriteLine(line);
                continue;
            }

            self.Refresh();
            var now = (self.TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
            var words = line[Marker.Length..].Split(' ');
            if (words[0] == "begin")
            {
                before = now;
                continue;
            }

            var votes = Math.Max(1, int.Parse(words[2], CultureInfo.InvariantCulture));
            var cpu = now.Item1 - before.Cpu;
            results.Add(string.Create(CultureInfo.InvariantCulture, $"  [{words[1]}] the server's process alone while measuring: CPU {cpu.TotalSeconds:F2} s, {cpu.TotalMilliseconds * 1000 / votes:F0} µs per vote; {(now.Item2 - before.Allocated) / 1024.0 / votes:F0} KiB allocated per vote, {now.Item3 - before.Collections} gen-0 collections; {now.Item4 - before.Jitted} methods compiled by the JIT in {(now.Item5 - before.JitTime).TotalSeconds:F2} s"));
        }

        await child.WaitForExitAsync();
        foreach (var r in results)
        {
            Console.WriteLine(r);
        }

        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the clients' process exited with {child.ExitCode}");
        }
    }

    /// <summary>The sequence numbers of a command's acknowledgement (<see cref="CommandAck"/>), read from its bytes.</summary>
    private static List<long> ReadSequences(byte[] json)
    {
        var reader = new Utf8JsonReader(json);
        var sequences = new List<long>(2);
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("sequences"u8))
            {
                reader.Read();
                while (reader.Read() && reader.TokenType == JsonTokenType.Number)
                {
                    sequences.Add(reader.GetInt64());
                }

                return sequences;
            }
        }

        throw new InvalidDataException("an acknowledgement without sequences");
    }

    /// <summary>A live record as the lean clients read it: its sequence number only.</summary>
    private sealed record SequenceOnly(long Sequence);

    /// <summary>One measured block of rounds: what its votes measured and what the process spent meanwhile.</summary>
    private sealed class Block(string label)
    {
        private TimeSpan _cpu;
        private long _allocated;
        private int _collections;
        private long _jitted;
        private TimeSpan _jitTime;
        private readonly Stopwatch _wall = new();

        public string Label { get; } = label;

        public double ServedSeconds { get; init; }

        public ConcurrentBag<double> Ack { get; } = [];

        public ConcurrentBag<double> Lag { get; } = [];

        public ConcurrentBag<(string Id, long Sequence, string Who, double Sent)> Pending { get; } = [];

        /// <summary>With <c>--trace</c>: each vote's tag, and when (Stopwatch ticks) the client sent it and received its answer.</summary>
        public ConcurrentBag<(string Tag, long Sent, long Received)> Traced { get; } = [];

        /// <summary>With <c>--trace</c>: the thread pool sampled while measuring.</summary>
        public string? Pool { get; set; }

        public TimeSpan GcPause { get; private set; }

        public (int Gen0, int Gen1, int Gen2) GcCounts { get; private set; }

        public string LoadBefore { get; private set; } = "";

        public string LoadAfter { get; private set; } = "";

        public TimeSpan Wall => _wall.Elapsed;

        public TimeSpan Cpu => _cpu;

        public long Allocated => _allocated;

        public int Collections => _collections;

        public long Jitted => _jitted;

        public TimeSpan JitTime => _jitTime;

        public void Begin()
        {
            LoadBefore = LoadAverage();
            _cpu = Process.GetCurrentProcess().TotalProcessorTime;
            _allocated = GC.GetTotalAllocatedBytes();
            _collections = GC.CollectionCount(0);
            _jitted = System.Runtime.JitInfo.GetCompiledMethodCount();
            _jitTime = System.Runtime.JitInfo.GetCompilationTime();
            GcPause = GC.GetTotalPauseDuration();
            GcCounts = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
            _wall.Start();
        }

        public void End()
        {
            _wall.Stop();
            _cpu = Process.GetCurrentProcess().TotalProcessorTime - _cpu;
            _allocated = GC.GetTotalAllocatedBytes() - _allocated;
            _collections = GC.CollectionCount(0) - _collections;
            _jitted = System.Runtime.JitInfo.GetCompiledMethodCount() - _jitted;
            _jitTime = System.Runtime.JitInfo.GetCompilationTime() - _jitTime;
            GcPause = GC.GetTotalPauseDuration() - GcPause;
            GcCounts = (GC.CollectionCount(0) - GcCounts.Gen0, GC.CollectionCount(1) - GcCounts.Gen1, GC.CollectionCount(2) - GcCounts.Gen2);
            LoadAfter = LoadAverage();
        }
    }

    /// <summary>The methods the JIT compiles while the listener lives (<c>--jit-log FILE</c>: which code is still being compiled in the measured rounds).</summary>
    private sealed class JitListener : System.Diagnostics.Tracing.EventListener
    {
        private volatile string? _label;

        public ConcurrentQueue<string> Methods { get; } = new();

        /// <summary>Records the methods compiled from now on, under <paramref name="label"/> (the measured block).</summary>
        public void Start(string label) => _label = label;

        public void Stop() => _label = null;

        protected override void OnEventSourceCreated(System.Diagnostics.Tracing.EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, System.Diagnostics.Tracing.EventLevel.Verbose, (System.Diagnostics.Tracing.EventKeywords)0x10);
            }
        }

        protected override void OnEventWritten(System.Diagnostics.Tracing.EventWrittenEventArgs eventData)
        {
            if (_label is { } label && eventData.EventName is { } name && name.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) && eventData.Payload is { } p && eventData.PayloadNames is { } names)
            {
                var ns = p[names.IndexOf("MethodNamespace")];
                var method = p[names.IndexOf("MethodName")];
                var flags = names.IndexOf("MethodFlags") is var f and >= 0 ? Convert.ToInt64(p[f], CultureInfo.InvariantCulture) : 0;
                Methods.Enqueue(string.Create(CultureInfo.InvariantCulture, $"{label}\t{ns}::{method} (tier {(flags >> 7) & 7})"));
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

    /// <summary>
    /// The tiered JIT's call-counting settings this process runs with, against those the <c>parley</c> tool
    /// ships (src/Parley.Cli/Parley.Cli.csproj: no delay, a threshold of 512 calls), since they change a
    /// server's CPU while the JIT settles. The benchmark's own runtime configuration keeps the runtime's
    /// defaults; <c>DOTNET_TC_CallCountingDelayMs=0 DOTNET_TC_CallCountThreshold=200</c> (hexadecimal)
    /// measures the server as <c>parley serve</c> runs.
    /// </summary>
    private static string TieringSettings()
    {
        static int? Setting(string environment, string property)
        {
            var text = Environment.GetEnvironmentVariable(environment);
            if (text is not null && int.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var fromEnvironment))
            {
                return fromEnvironment;
            }

            return AppContext.GetData(property) is { } data && int.TryParse(data.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fromConfig) ? fromConfig : null;
        }

        var delay = Setting("DOTNET_TC_CallCountingDelayMs", "System.Runtime.TieredCompilation.CallCountingDelayMs") ?? 100;
        var threshold = Setting("DOTNET_TC_CallCountThreshold", "System.Runtime.TieredCompilation.CallCountThreshold") ?? 30;
        var shipped = delay == 0 && threshold == 512;
        return string.Create(CultureInfo.InvariantCulture, $"tiered JIT: call counting after {delay} ms, tier-up after {threshold} calls ({(shipped ? "as `parley serve` runs" : "not as `parley serve` runs (0 ms, 512 calls); see DOTNET_TC_* in docs/performance.md")})");
    }

    private static double P(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}
