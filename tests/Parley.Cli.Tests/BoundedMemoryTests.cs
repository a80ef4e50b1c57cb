using System.Diagnostics;
using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>A session's memory does not grow with its length: ten million rounds run under a fixed heap ceiling.</summary>
public sealed class BoundedMemoryTests
{
    [Fact]
    public async Task Negotiate_TenMillionRounds_RunsUnderA128MegabyteHeapLimit()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(CliProcess.Dll());
        foreach (var a in new[] { "negotiate", "israel-syria-2026", "--agents", "hardliner,hardliner", "--rounds", "10000000", "--json" })
        {
            info.ArgumentList.Add(a);
        }

        // The runtime refuses to grow the managed heap past this: a session that kept its history,
        // its trace or anything per round would die with an OutOfMemoryException.
        info.Environment["DOTNET_GCHeapHardLimit"] = "0x8000000";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));

        process.ExitCode.ShouldBe(0, await stderr);
        using var json = JsonDocument.Parse(await stdout);
        json.RootElement.GetProperty("endReason").GetString().ShouldBe("deadline");
        json.RootElement.GetProperty("rounds").GetInt32().ShouldBe(10_000_000);
    }
}
