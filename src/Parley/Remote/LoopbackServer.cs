using System.Net;
using System.Net.Sockets;

namespace Parley.Remote;

/// <summary>
/// An <see cref="HttpListener"/> on a loopback port (a free one, or the one asked for) with its
/// accept loop: once <see cref="Serve"/> is called, every request is handed to the owner's handler
/// on the thread pool, until disposal (requests that arrive before wait in the listener's queue).
/// </summary>
/// <remarks>Shared by <see cref="PartyServer"/> and <see cref="ProfileEndpoint"/>; the handler owns its faults.</remarks>
internal sealed class LoopbackServer : IDisposable
{
    private readonly HttpListener _listener;
    private Task? _loop;

    /// <summary>Starts listening on <paramref name="host"/>:<paramref name="port"/> (0: a free port) under <paramref name="pathPrefix"/>.</summary>
    public LoopbackServer(string pathPrefix, string host = "127.0.0.1", int port = 0)
    {
        (_listener, Port) = Start(pathPrefix, host, port);
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Starts the accept loop: each request goes to <paramref name="serve"/> (which owns its faults).</summary>
    /// <exception cref="InvalidOperationException">Already serving.</exception>
    public void Serve(Func<HttpListenerContext, Task> serve)
    {
        ArgumentNullException.ThrowIfNull(serve);
        if (_loop is not null)
        {
            throw new InvalidOperationException("The server is serving already.");
        }

        _loop = Task.Run(() => AcceptLoopAsync(serve));
    }

    /// <summary>Stops listening and waits (up to 5 s) for the accept loop to end; requests being served go on to their end.</summary>
    public void Dispose()
    {
        if (!_listener.IsListening)
        {
            return;
        }

        _listener.Stop();
        _listener.Close();
        try
        {
            _loop?.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends by the listener's disposal.
        }
    }

    private async Task AcceptLoopAsync(Func<HttpListenerContext, Task> serve)
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => serve(context));
        }
    }

    private static (HttpListener Listener, int Port) Start(string pathPrefix, string host, int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            var chosen = port == 0 ? FreePort() : port;
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://{host}:{chosen}{pathPrefix}");
            try
            {
                listener.Start();
                return (listener, chosen);
            }
            catch (HttpListenerException) when (port == 0 && attempt < 10)
            {
                // Another process took the port between probing and listening: try another.
                listener.Close();
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
