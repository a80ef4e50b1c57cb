using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Cryptography;

namespace Parley.Remote;

/// <summary>
/// Serves each remote party its own profile, and only its own, behind an unguessable reference
/// that lives as long as its session: <c>ws://127.0.0.1:&lt;port&gt;/profiles/&lt;token&gt;</c>.
/// </summary>
/// <remarks>
/// <para>A party opens the reference as GeniusWeb parties open a profile server's: a WebSocket on
/// which the profile arrives as one text message (<c>LinearAdditiveUtilitySpace</c> JSON). A plain
/// HTTP GET on the same path (with <c>http://</c>) answers the same JSON, for parties that would
/// rather not open a second socket.</para>
/// <para>A token is 128 bits from the operating system's cryptographic generator (a secret, not a
/// replayable random choice, so it is deliberately not drawn from a seeded source); it is valid
/// from <see cref="Publish"/> until the lease is disposed at the end of the session. Any other
/// path answers 404. Built on <see cref="HttpListener"/> (part of .NET), so the library needs no
/// web framework.</para>
/// </remarks>
public sealed class ProfileEndpoint : IDisposable
{
    private static readonly Lazy<ProfileEndpoint> SharedInstance = new(() => new ProfileEndpoint(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly ConcurrentDictionary<string, byte[]> _profiles = new(StringComparer.Ordinal);
    private readonly LoopbackServer _server;
    private int _served;

    /// <summary>Starts an endpoint on a free loopback port.</summary>
    public ProfileEndpoint()
    {
        _server = new LoopbackServer("/profiles/");
        _server.Serve(ServeAsync);
    }

    /// <summary>The process's endpoint, started on first use.</summary>
    public static ProfileEndpoint Shared => SharedInstance.Value;

    /// <summary>The port it listens on (loopback).</summary>
    public int Port => _server.Port;

    /// <summary>How many profiles have been served.</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>How many profiles are published now.</summary>
    public int Published => _profiles.Count;

    /// <summary>Publishes <paramref name="json"/> behind a fresh token; dispose the lease to withdraw it.</summary>
    public ProfileLease Publish(byte[] json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _profiles[token] = json;
        return new ProfileLease(new Uri($"ws://127.0.0.1:{Port}/profiles/{token}"), () => _profiles.TryRemove(token, out _));
    }

    /// <inheritdoc />
    public void Dispose() => _server.Dispose();

    private async Task ServeAsync(HttpListenerContext context)
    {
        try
        {
            var path = context.Request.Url?.AbsolutePath ?? string.Empty;
            var token = path.StartsWith("/profiles/", StringComparison.Ordinal) ? path["/profiles/".Length..] : string.Empty;
            if (!_profiles.TryGetValue(token, out var json))
            {
                context.Response.StatusCode = 404;
                context.Response.Close();
                return;
            }

            Interlocked.Increment(ref _served);
            if (context.Request.IsWebSocketRequest)
            {
                var ws = await context.AcceptWebSocketAsync(null).ConfigureAwait(false);
                using var socket = ws.WebSocket;
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await socket.SendAsync(json, WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "profile sent", timeout.Token).ConfigureAwait(false);
                return;
            }

            context.Response.ContentType = "application/json";
            context.Response.ContentLength64 = json.Length;
            await context.Response.OutputStream.WriteAsync(json).ConfigureAwait(false);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or WebSocketException or OperationCanceledException or ObjectDisposedException or IOException or SocketException)
        {
            // The party went away while being served: nothing to keep.
        }
    }
}
