using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Parley.E2E;

/// <summary>
/// A real <c>Parley.Server</c> process on a loopback port with its own SQLite file, seeded with the
/// Israel–Syria negotiation; its personal links are read from what it prints, as a person would.
/// </summary>
internal sealed partial class ServerRun : IAsyncDisposable
{
    private readonly string _folder;
    private readonly int _port;
    private Process? _process;

    private ServerRun(string folder, int port)
    {
        _folder = folder;
        _port = port;
        Http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri Address => new($"http://127.0.0.1:{_port}/");

    public HttpClient Http { get; }

    /// <summary>Label (mediator, Israel, Syria, observer) → personal link.</summary>
    public Dictionary<string, string> Links { get; } = new(StringComparer.Ordinal);

    public string Negotiation => LinkPattern().Match(Links["mediator"]).Groups["id"].Value;

    public string TokenOf(string label) => LinkPattern().Match(Links[label]).Groups["token"].Value;

    public static async Task<ServerRun> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("parley-e2e-").FullName;
        var run = new ServerRun(folder, FreePort());
        await run.StartProcessAsync(expectLinks: true);
        return run;
    }

    /// <summary>Kills the process (kill -9) and starts it again on the same port and database.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }
    }

    public Task RestartAsync() => StartProcessAsync(expectLinks: false);

    private async Task StartProcessAsync(bool expectLinks)
    {
        var dll = System.IO.Path.Combine(AppContext.BaseDirectory, "Parley.Server.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "--urls", Address.ToString().TrimEnd('/'), "--db", "sqlite:" + System.IO.Path.Combine(_folder, "parley.db") })
        {
            info.ArgumentList.Add(a);
        }

        var process = Process.Start(info)!;
        _process = process;
        var links = new TaskCompletionSource();
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && LabelledLink().Match(line) is { Success: true } m)
            {
                lock (Links)
                {
                    Links[m.Groups["label"].Value] = m.Groups["link"].Value;
                    if (Links.Count == 4)
                    {
                        links.TrySetResult();
                    }
                }
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var i = 0; i < 300; i++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the server exited with code {process.ExitCode}");
            }

            try
            {
                if ((await Http.GetAsync("/health")).StatusCode == HttpStatusCode.OK)
                {
                    if (expectLinks)
                    {
                        await links.Task.WaitAsync(TimeSpan.FromSeconds(30));
                    }

                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the server did not answer /health");
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        Http.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }

        await Task.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^\s+(?<label>\S+)\s+(?<link>http://\S+/console/\S+#token=\S+)$")]
    private static partial Regex LabelledLink();

    [GeneratedRegex(@"/console/(?<id>[^#/]+)#token=(?<token>.+)$")]
    private static partial Regex LinkPattern();
}
