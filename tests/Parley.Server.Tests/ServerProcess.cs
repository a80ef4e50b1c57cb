using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Parley.Server.Storage;

namespace Parley.Server.Tests;

/// <summary>A real <c>Parley.Server</c> process on a loopback port (for kill -9 and multi-process tests).</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public static async Task<ServerProcess> StartAsync(DatabaseTarget database, params string[] options)
    {
        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}/");
        var dll = Path.Combine(AppContext.BaseDirectory, "Parley.Server.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment = { ["PARLEY_OPERATOR_TOKEN"] = Table.OperatorToken },
        };
        foreach (var a in new[] { dll, "--urls", address.ToString().TrimEnd('/'), "--db", database.Kind + ":" + database.Value, "--no-seed" }.Concat(options))
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, address);
        // Bounded wait for the server to answer (start-up, migrations, loading).
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode}");
            }

            try
            {
                if ((await server.Http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new TimeoutException("the server did not answer /health");
    }

    /// <summary>kill -9: the process ends at once, with no shutdown code running.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);   // SIGKILL on Linux
        }

        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        KillHard();
        _process.Dispose();
        Http.Dispose();
        await Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
