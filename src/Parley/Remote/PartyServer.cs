using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text.Json;
using Parley.Agents;

namespace Parley.Remote;

/// <summary>
/// Offers the built-in agents as GeniusWeb parties (<c>parley serve-agents</c>): a party list with
/// capabilities, a GET on a party's URI for the WebSocket URL of a fresh instance, and the
/// instances themselves, each playing SAOP or MOPAC with its runner through
/// <see cref="GeniusWebParty"/>.
/// </summary>
/// <remarks>
/// <para>Routes: <c>GET /parties</c> — the list, as JSON (<c>[{"id","uri","description",
/// "capabilities":{"behaviours":["SAOP","MOPAC"],"profiles":[…]}}]</c>); <c>GET /run/&lt;id&gt;</c> — the
/// <c>ws://…/run/&lt;id&gt;/&lt;instance&gt;</c> URL of a fresh instance, valid once for 60 seconds;
/// a WebSocket on that URL plays the instance. A WebSocket opened on <c>/run/&lt;id&gt;</c> itself
/// starts an instance at once (so a runner given a <c>ws://</c> address needs no GET).</para>
/// <para>Built on <see cref="HttpListener"/> (part of .NET): the library stays free of web
/// frameworks, and the CLI only parses options and prints the addresses. An instance that fails
/// (its runner breaks the protocol, the profile cannot be read) closes its socket with the reason;
/// the server and the other instances go on. Disposing stops the listener and every instance.</para>
/// </remarks>
public sealed class PartyServer : IDisposable
{
    private static readonly TimeSpan PendingLifetime = TimeSpan.FromSeconds(60);
    private readonly LoopbackServer _server;
    private readonly Dictionary<string, AgentDescriptor> _agents;
    private readonly ConcurrentDictionary<string, (string Agent, long Created)> _pending = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Task> _instances = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private int _nextInstance;
    private int _played;
    private int _seed;

    /// <summary>Starts serving <paramref name="agents"/> (all built-in agents when null) on <paramref name="host"/>:<paramref name="port"/> (0: a free port).</summary>
    /// <exception cref="ArgumentException">An unknown agent id.</exception>
    public PartyServer(string host = "127.0.0.1", int port = 0, IReadOnlyList<string>? agents = null, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _agents = new Dictionary<string, AgentDescriptor>(StringComparer.Ordinal);
        foreach (var descriptor in AgentRegistry.All)
        {
            if ((agents is null && !descriptor.Id.Contains('<', StringComparison.Ordinal)) || (agents is not null && agents.Contains(descriptor.Id, StringComparer.Ordinal)))
            {
                _agents[descriptor.Id] = descriptor;
            }
        }

        foreach (var id in agents ?? [])
        {
            if (!_agents.ContainsKey(id))
            {
                _ = AgentRegistry.Factory(id); // throws the registry's message for an unknown id
                _agents[id] = new AgentDescriptor(id, $"Built-in agent '{id}'.", string.Empty);
            }
        }

        Host = host;
        _server = new LoopbackServer("/", host, port);
        _server.Serve(ServeAsync); // after the fields its handler reads
    }

    /// <summary>The host name it listens on.</summary>
    public string Host { get; }

    /// <summary>The port it listens on.</summary>
    public int Port => _server.Port;

    /// <summary>The base address (<c>http://host:port/</c>).</summary>
    public Uri BaseAddress => new($"http://{Host}:{Port}/");

    /// <summary>The party list's address.</summary>
    public Uri PartiesAddress => new(BaseAddress, "parties");

    /// <summary>The ids of the parties offered.</summary>
    public IReadOnlyCollection<string> Parties => _agents.Keys;

    /// <summary>Instances playing now.</summary>
    public int ActiveInstances => _instances.Count;

    /// <summary>Instances that have finished playing.</summary>
    public int PlayedInstances => Volatile.Read(ref _played);

    /// <summary>The party's URI (a GET answers a fresh instance's WebSocket URL).</summary>
    public Uri PartyAddress(string id) => new(BaseAddress, "run/" + Uri.EscapeDataString(id));

    /// <summary>The party's WebSocket URI (opening it starts a fresh instance).</summary>
    public Uri PartySocketAddress(string id) => new($"ws://{Host}:{Port}/run/{Uri.EscapeDataString(id)}");

    /// <summary>The party list as JSON.</summary>
    public byte[] PartyListJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var agent in _agents.Values.OrderBy(a => a.Id, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteString("id", agent.Id);
                w.WriteString("uri", PartyAddress(agent.Id).ToString());
                w.WriteString("description", agent.Description);
                w.WriteStartObject("capabilities");
                w.WriteStartArray("behaviours");
                w.WriteStringValue("SAOP");
                w.WriteStringValue("MOPAC");
                w.WriteEndArray();
                w.WriteStartArray("profiles");
                w.WriteStringValue("geniusweb.profile.utilityspace.LinearAdditive");
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        _stop.Cancel();
        _server.Dispose();
        try
        {
            Task.WaitAll([.. _instances.Values], TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Instances end by the cancellation; their faults were handled where they happened.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            var segments = (context.Request.Url?.AbsolutePath ?? "/").Trim('/').Split('/');
            if (segments is ["parties"] && !context.Request.IsWebSocketRequest)
            {
                await AnswerAsync(context, 200, "application/json", PartyListJson()).ConfigureAwait(false);
                return;
            }

            if (segments.Length is 2 or 3 && segments[0] == "run" && _agents.ContainsKey(Uri.UnescapeDataString(segments[1])))
            {
                var id = Uri.UnescapeDataString(segments[1]);
                if (segments.Length == 2 && !context.Request.IsWebSocketRequest)
                {
                    Expire();
                    var instance = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
                    _pending[instance] = (id, _time.GetTimestamp());
                    var url = $"ws://{Host}:{Port}/run/{Uri.EscapeDataString(id)}/{instance}";
                    await AnswerAsync(context, 200, "text/plain", System.Text.Encoding.UTF8.GetBytes(url)).ConfigureAwait(false);
                    return;
                }

                if (context.Request.IsWebSocketRequest && (segments.Length == 2 || (_pending.TryRemove(segments[2], out var pending) && pending.Agent == id)))
                {
                    var ws = await context.AcceptWebSocketAsync(null).ConfigureAwait(false);
                    await PlayAsync(ws.WebSocket, id).ConfigureAwait(false);
                    return;
                }
            }

            await AnswerAsync(context, 404, "text/plain", "no such party or instance"u8.ToArray()).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpListenerException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The client went away.
        }
    }

    private async Task PlayAsync(WebSocket socket, string id)
    {
        var number = Interlocked.Increment(ref _nextInstance);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _instances[number] = done.Task;
        var reason = "finished";
        var status = WebSocketCloseStatus.NormalClosure;
        try
        {
            await GeniusWebParty.PlayAsync(socket, AgentRegistry.Create(id), _time, Interlocked.Increment(ref _seed), _stop.Token).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            reason = ex.Message;
            status = WebSocketCloseStatus.ProtocolError;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            reason = ex.Message;
            status = WebSocketCloseStatus.InternalServerError;
        }
        finally
        {
            await WebSocketMessages.CloseAsync(socket, status, reason).ConfigureAwait(false);
            _instances.TryRemove(number, out _);
            Interlocked.Increment(ref _played);
            done.SetResult();
        }
    }

    private void Expire()
    {
        foreach (var (key, value) in _pending)
        {
            if (_time.GetElapsedTime(value.Created) > PendingLifetime)
            {
                _pending.TryRemove(key, out _);
            }
        }
    }

    private static async Task AnswerAsync(HttpListenerContext context, int status, string contentType, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body).ConfigureAwait(false);
        context.Response.Close();
    }
}
