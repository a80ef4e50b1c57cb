using System.Diagnostics;
using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>A session's memory does not grow with its length: ten million rounds run under a fixed heap ceiling.</summary>
public sealed class BoundedMemoryTests
{
    [Fact]
    public async Task Negotiate_TenMillionRounds_RunsUnderA128MegabyteHeapLimit()
    {
        var (code, stdout, stderr) = await RunUnderHeapLimitAsync("negotiate", "israel-syria-2026", "--agents", "hardliner,hardliner", "--rounds", "10000000", "--json");

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("endReason").GetString().ShouldBe("deadline");
        json.RootElement.GetProperty("rounds").GetInt32().ShouldBe(10_000_000);
    }

    [Fact]
    public async Task Negotiate_MillionRoundsWithATrace_StreamsItUnderA64MegabyteHeapLimit()
    {
        // Before the trace was streamed, its two million events were kept for writing at the end:
        // about 100 MB of arrays, which this heap ceiling refuses.
        using var dir = new TempDir();
        var trace = Path.Combine(dir.Path, "trace.csv");
        var scenario = Path.Combine(RepositoryPaths.Root, "tests", "corpus", "two-level", "linkage.json");
        var (code, stdout, stderr) = await RunUnderHeapLimitAsync(0x4000000, "negotiate", scenario, "--agents", "hardliner,hardliner", "--rounds", "1000000", "--json", "--trace", trace);

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("rounds").GetInt32().ShouldBe(1_000_000);
        var rows = 0L;
        string? last = null;
        foreach (var line in File.ReadLines(trace))
        {
            rows++;
            last = line;
        }

        rows.ShouldBe(1 + 2_000_000); // the header and every action
        last!.ShouldStartWith("1999999,999999,");
        File.Exists(trace + ".partial").ShouldBeFalse();
    }

    [Fact]
    public async Task Mediate_SixHundredThousandRoundsWithAReport_RunsUnderA128MegabyteHeapLimit()
    {
        // Before the rounds were kept as a bounded summary, 300,000 rounds of this session took
        // 253 MB: every round, every version and the event stream stayed in memory for the report.
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "report");
        var (code, stdout, stderr) = await RunUnderHeapLimitAsync("mediate", "israel-syria-2026", "--mediator", "annealing", "--rounds", "600000", "--json", "--report", folder);

        code.ShouldBe(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("rounds").GetInt32().ShouldBe(600_000);

        // The report keeps a bounded summary: the first and last rounds, a sample between, and counts over all.
        using var trace = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "trace.json")));
        var root = trace.RootElement;
        var kept = root.GetProperty("kept");
        kept.GetProperty("complete").GetBoolean().ShouldBeFalse();
        var rounds = root.GetProperty("trace").EnumerateArray().Select(r => r.GetProperty("round").GetInt32()).ToArray();
        rounds.Length.ShouldBe(kept.GetProperty("rounds").GetInt32());
        rounds.Length.ShouldBeLessThanOrEqualTo(3 * 1_000 + 1);
        rounds[..1_000].ShouldBe(Enumerable.Range(1, 1_000));
        rounds[^1_000..].ShouldBe(Enumerable.Range(600_000 - 999, 1_000));
        rounds.ShouldBeInOrder(SortDirection.Ascending);
        rounds.Count(r => r is > 1_000 and <= 600_000 - 1_000).ShouldBeGreaterThan(400); // the sample spans the middle
        root.GetProperty("versions").GetInt32().ShouldBeGreaterThan(root.GetProperty("textVersions").GetArrayLength());
        root.GetProperty("adoptedRounds").GetInt32().ShouldBeGreaterThan(0);
        File.ReadAllText(Path.Combine(folder, "index.html")).ShouldContain("A long session");
    }

    // The runtime refuses to grow the managed heap past 128 MB: a session that kept its history, its
    // trace or anything per round would die with an OutOfMemoryException.
    private static Task<(int Code, string Stdout, string Stderr)> RunUnderHeapLimitAsync(params string[] args) =>
        RunUnderHeapLimitAsync(0x8000000, args);

    private static async Task<(int Code, string Stdout, string Stderr)> RunUnderHeapLimitAsync(long heapLimit, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(CliProcess.Dll());
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_GCHeapHardLimit"] = "0x" + heapLimit.ToString("x", System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(10));
        return (process.ExitCode, await stdout, await stderr);
    }
}
