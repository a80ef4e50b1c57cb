using System.Diagnostics;
using System.Globalization;

namespace Parley.Cli.Tests;

/// <summary>The real parley command as a child process, for tests of signals and exit codes.</summary>
internal static class CliProcess
{
    /// <summary>
    /// Starts the command with SIGINT at its default disposition (a test runner started in the
    /// background inherits SIGINT ignored, which the .NET runtime would keep), output captured.
    /// </summary>
    public static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("env") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(Dll());
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        return Process.Start(info)!;
    }

    /// <summary>Sends <paramref name="signal"/> ("INT", "TERM") to the process.</summary>
    public static void Signal(Process process, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Waits until the process catches SIGINT (its handler is installed: /proc/PID/status, SigCgt bit 2).</summary>
    public static async Task WaitUntilCatchingSigintAsync(Process process)
    {
        // Up to three minutes: on a loaded machine the runtime can take long to start; never signal before the handler is there.
        for (var i = 0; i < 18_000 && !process.HasExited; i++)
        {
            var status = await File.ReadAllLinesAsync($"/proc/{process.Id}/status");
            var caught = status.FirstOrDefault(l => l.StartsWith("SigCgt:", StringComparison.Ordinal));
            if (caught is not null && (ulong.Parse(caught[7..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 2) != 0)
            {
                return;
            }

            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Waits until the process has used <paramref name="cpu"/> of processor time (or has exited): a
    /// point past its start-up (which takes a tenth of a second of CPU) and into its work, however
    /// loaded the machine; the wall clock would race the start-up.
    /// </summary>
    public static async Task WaitForProcessorTimeAsync(Process process, TimeSpan cpu)
    {
        while (!process.HasExited)
        {
            process.Refresh();
            try
            {
                if (process.TotalProcessorTime >= cpu)
                {
                    return;
                }
            }
            catch (InvalidOperationException)
            {
                return; // it has exited meanwhile
            }

            await Task.Delay(10);
        }
    }

    /// <summary>The built parley command: beside the tests when its runtime config was copied, else in src/Parley.Cli/bin.</summary>
    public static string Dll()
    {
        var local = Path.Combine(AppContext.BaseDirectory, "Parley.Cli.dll");
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "Parley.Cli.runtimeconfig.json")))
        {
            return local;
        }

        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(RepoPaths.Root, "src", "Parley.Cli", "bin", configuration, "net10.0", "Parley.Cli.dll");
    }

    /// <summary>The lines of a file another process may be appending to (a journal): 0 when it does not exist yet.</summary>
    public static int CountLines(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var count = 0;
        int b;
        while ((b = stream.ReadByte()) >= 0)
        {
            count += b == '\n' ? 1 : 0;
        }

        return count;
    }
}
