using System.Diagnostics;

namespace Parley.Testing;

/// <summary>Runs tests/parties/geniusweb_party.py (a GeniusWeb-style party in Python) as a real process on a free loopback port.</summary>
internal sealed class PythonParty : IDisposable
{
    private static readonly Lazy<string?> InterpreterLazy = new(FindInterpreter);
    private readonly Process _process;

    private PythonParty(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    /// <summary>A Python 3 with the websockets module (Debian's /usr/bin/python3 first), or null.</summary>
    public static string? Interpreter => InterpreterLazy.Value;

    /// <summary>Why Python parties cannot run here.</summary>
    public static string SkipReason => "needs python3 with the websockets module (Debian: apt-get install python3-websockets)";

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>Its WebSocket URL.</summary>
    public string Url => $"ws://127.0.0.1:{Port}/party";

    /// <summary>Starts a party that misbehaves as <paramref name="fault"/> says ("none": it plays well).</summary>
    public static Task<PythonParty> StartAsync(string fault = "none") => StartScriptAsync("geniusweb_party.py", "--fault", fault);

    /// <summary>Starts tests/parties/<paramref name="script"/> with <paramref name="arguments"/>; it prints "listening on &lt;port&gt;" when ready.</summary>
    public static async Task<PythonParty> StartScriptAsync(string script, params string[] arguments)
    {
        var python = Interpreter ?? throw new InvalidOperationException(SkipReason);
        var info = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "tests", "parties", script));
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("python did not start");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (line is null || !line.StartsWith("listening on ", StringComparison.Ordinal))
        {
            var error = await process.StandardError.ReadToEndAsync(timeout.Token);
            process.Kill();
            process.Dispose();
            throw new InvalidOperationException($"the Python party did not start: {line} {error}");
        }

        return new PythonParty(process, int.Parse(line["listening on ".Length..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }

    private static string? FindInterpreter()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", "python3" })
        {
            try
            {
                using var p = Process.Start(new ProcessStartInfo(candidate, ["-c", "import websockets"]) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false });
                if (p is not null && p.WaitForExit(15000) && p.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed.
            }
        }

        return null;
    }
}
