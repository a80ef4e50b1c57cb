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
/// <c>server-load sqlite|postgres:CONNECTION [rounds]</c>: the real server on a loopback port, 100
/// negotiations with 2 delegations each (200 delegations) and their mediators, every delegation
/// voting on every round, all negotiations at once. Measures, per vote, the time from sending the
/// request to its durable acknowledgement, and to the mediator's live client receiving the ballot
/// (and, for the vote that closes a round, to the other delegation's client receiving the close).
/// Bounded: <c>rounds</c> rounds per negotiation (default 10), at most five minutes.
/// </summary>
internal static class ServerLoad
{
    private const int Negotiations = 100;

    public static async Task RunAsync(string db, int rounds)
    {
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
        var pending = new ConcurrentBag<(string Id, long Sequence, string Who, double Sent)>();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var runs = tables.Select(t => Task.Run(async () =>
        {
            for (var r = 0; r < rounds && !limit.IsCancellationRequested; r++)
            {
                using (var open = new HttpRequestMessage(HttpMethod.Post, $"/api/negotiations/{t.Id}/rounds") { Content = JsonContent.Create(new { text = new { share = r % 2 == 0 ? "50" : "30", years = "5" } }) })
                {
                    open.Headers.Authorization = new("Bearer", t.Mediator);
                    (await http.SendAsync(open, limit.Token)).EnsureSuccessStatusCode();
                }

                await Task.WhenAll(Enumerable.Range(0, 2).Select(async s =>
                {
                    using var vote = new HttpRequestMessage(HttpMethod.Post, $"/api/negotiations/{t.Id}/votes") { Content = JsonContent.Create(new { yes = r % 3 != 0 }) };
                    vote.Headers.Authorization = new("Bearer", t.Seats[s]);
                    var sent = clock.Elapsed.TotalMilliseconds;
                    var response = await http.SendAsync(vote, limit.Token);
                    var done = clock.Elapsed.TotalMilliseconds;
                    response.EnsureSuccessStatusCode();
                    ack.Add(done - sent);
                    var sequences = (await response.Content.ReadFromJsonAsync<CommandAck>(CaseJson.Options, limit.Token))!.Sequences;
                    pending.Add((t.Id, sequences[0], "mediator", sent));   // the ballot reaches the mediator
                    if (sequences.Count == 2)
                    {
                        pending.Add((t.Id, sequences[1], s == 0 ? "b" : "a", sent));   // the close reaches the other delegation
                    }
                }));
            }
        }, limit.Token)).ToArray();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(runs);
        wall.Stop();
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

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"server-load {target.Kind}: {Negotiations} negotiations, {Negotiations * 2} delegations, {rounds} rounds, {ack.Count} votes in {wall.Elapsed.TotalSeconds:F1} s ({ack.Count / wall.Elapsed.TotalSeconds:F0} votes/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  ack  (request -> durable acknowledgement): p50 {P(ack, 0.50):F1} ms, p99 {P(ack, 0.99):F1} ms, max {ack.Max():F1} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  live (request -> other client's update):  p50 {P(live, 0.50):F1} ms, p99 {P(live, 0.99):F1} ms, max {(live.IsEmpty ? 0 : live.Max()):F1} ms; {live.Count} measured, {missing} not received"));
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

    private static double P(IEnumerable<double> values, double q)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }
}
