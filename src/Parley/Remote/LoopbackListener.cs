using System.Net;
using System.Net.Sockets;

namespace Parley.Remote;

/// <summary>Starts an <see cref="HttpListener"/> on a loopback port (a free one, or the one asked for).</summary>
internal static class LoopbackListener
{
    public static (HttpListener Listener, int Port) Start(string pathPrefix, string host = "127.0.0.1", int port = 0)
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
