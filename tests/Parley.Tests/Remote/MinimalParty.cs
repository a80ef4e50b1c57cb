// A complete minimal GeniusWeb party in C# (SAOP), using only .NET: docs/remote-agents.md shows this file.
// It offers its best bid and accepts an offer worth at least a target that falls from 1 to 0.6.
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Parley.Tests.Remote;

public static class MinimalParty
{
    /// <summary>Serves parties on <paramref name="prefix"/> (e.g. http://127.0.0.1:9000/) until cancelled: each WebSocket is one session.</summary>
    public static async Task ServeAsync(string prefix, CancellationToken cancel)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add(prefix);
        listener.Start();
        using var stop = cancel.Register(listener.Stop);
        while (!cancel.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            if (!context.Request.IsWebSocketRequest) { context.Response.StatusCode = 400; context.Response.Close(); continue; }
            var socket = (await context.AcceptWebSocketAsync(null)).WebSocket;
            _ = Task.Run(() => PlayAsync(socket, cancel));
        }
    }

    private static async Task PlayAsync(WebSocket ws, CancellationToken cancel)
    {
        string? me = null;
        JsonNode? profile = null;
        JsonNode? last = null;
        int rounds = 1, turn = 0;
        var buffer = new byte[1 << 20];
        while (ws.State == WebSocketState.Open)
        {
            var length = 0;
            ValueWebSocketReceiveResult r;
            do
            {
                r = await ws.ReceiveAsync(buffer.AsMemory(length), cancel);
                length += r.Count;
            }
            while (!r.EndOfMessage && r.MessageType != WebSocketMessageType.Close);
            if (r.MessageType == WebSocketMessageType.Close) break;

            var inform = JsonNode.Parse(buffer.AsSpan(0, length))!.AsObject().First();
            switch (inform.Key)
            {
                case "Settings":
                    me = (string)inform.Value!["id"]!;
                    var reference = (string)inform.Value["profile"]!; // ws://…/profiles/<token>: the same path answers HTTP GET
                    using (var http = new HttpClient())
                        profile = JsonNode.Parse(await http.GetStringAsync("http" + reference[2..], cancel))!["LinearAdditiveUtilitySpace"];
                    rounds = (int?)inform.Value["progress"]!["ProgressRounds"]?["duration"] ?? 1;
                    break;
                case "ActionDone":
                    var action = inform.Value!["action"]!.AsObject().First();
                    if (action.Key == "Offer" && (string)action.Value!["actor"]! != me) last = action.Value["bid"];
                    break;
                case "YourTurn":
                    turn++;
                    var target = 1.0 - (0.4 * Math.Min(1.0, (double)turn / rounds));
                    JsonObject answer = last is not null && Utility(profile!, last["issuevalues"]!) >= target
                        ? new() { ["Accept"] = new JsonObject { ["actor"] = me, ["bid"] = last.DeepClone() } }
                        : new() { ["Offer"] = new JsonObject { ["actor"] = me, ["bid"] = new JsonObject { ["issuevalues"] = BestBid(profile!) } } };
                    await ws.SendAsync(Encoding.UTF8.GetBytes(answer.ToJsonString()), WebSocketMessageType.Text, true, cancel);
                    break;
                case "Finished":
                    await ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", cancel);
                    return;
            }
        }
    }

    private static double Utility(JsonNode profile, JsonNode bid)
    {
        var total = 0.0;
        foreach (var (issue, weight) in profile["issueWeights"]!.AsObject())
        {
            var u = profile["issueUtilities"]![issue]!;
            if (u["DiscreteValueSetUtilities"] is { } d)
            {
                total += (double)weight! * (double)d["valueUtilities"]![(string)bid[issue]!]!;
            }
            else
            {
                var n = u["NumberValueSetUtilities"]!;
                var f = ((double)bid[issue]! - (double)n["lowValue"]!) / ((double)n["highValue"]! - (double)n["lowValue"]!);
                total += (double)weight! * ((double)n["lowUtility"]! + (f * ((double)n["highUtility"]! - (double)n["lowUtility"]!)));
            }
        }

        return total;
    }

    private static JsonObject BestBid(JsonNode profile)
    {
        var bid = new JsonObject();
        foreach (var (issue, u) in profile["issueUtilities"]!.AsObject())
        {
            if (u!["DiscreteValueSetUtilities"] is { } d)
            {
                bid[issue] = d["valueUtilities"]!.AsObject().MaxBy(v => (double)v.Value!).Key;
            }
            else
            {
                var n = u["NumberValueSetUtilities"]!;
                bid[issue] = ((double)n["lowUtility"]! >= (double)n["highUtility"]! ? n["lowValue"] : n["highValue"])!.DeepClone();
            }
        }

        return bid;
    }
}
