using System.Globalization;
using System.Text;

namespace Parley.Cli.Tests;

/// <summary>
/// Ctrl-C (SIGINT) or SIGTERM stops a command promptly with exit code 130 and one line saying
/// what was kept; nothing half-written is left, and an interrupted tournament resumes.
/// </summary>
public sealed class InterruptionTests
{
    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public async Task Tournament_Interrupted_Exits130SayingWhatIsKeptAndResumes(string signal)
    {
        using var dir = new TempDir();
        string[] args = ["tournament", "--agents", "boulware,conceder,linear", "--scenarios", "israel-syria-2026", "--repetitions", "20", "--rounds", "20000", "--parallel", "1", "--out", dir.Path];
        var journal = Path.Combine(dir.Path, "journal.jsonl");
        string error;
        int code;
        using (var process = CliProcess.Start(args))
        {
            var stderr = process.StandardError.ReadToEndAsync();
            while (!process.HasExited && CliProcess.CountLines(journal) < 3)
            {
                await Task.Delay(10);
            }

            process.HasExited.ShouldBeFalse("the tournament finished before it could be interrupted");
            CliProcess.Signal(process, signal);
            await process.WaitForExitAsync();
            (code, error) = (process.ExitCode, await stderr);
        }

        var kept = CliProcess.CountLines(journal);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        code.ShouldBe(130, error);
        lines[^1].ShouldBe(string.Create(CultureInfo.InvariantCulture, $"interrupted: {kept:N0} of 120 sessions are kept in {journal}; run the same command again to resume"));
        File.Exists(Path.Combine(dir.Path, "results.csv")).ShouldBeFalse();

        var (resumed, _, resumedError) = await CliRunner.RunAsync(args);
        resumed.ShouldBe(0, resumedError);
        resumedError.ShouldContain(string.Create(CultureInfo.InvariantCulture, $", {kept:N0} resumed from the journal"));
        CliProcess.CountLines(journal).ShouldBe(120);
    }

    [Fact]
    public async Task Analyze_Interrupted_Exits130AndWritesNoPlot()
    {
        using var dir = new TempDir();
        var scenario = Path.Combine(dir.Path, "slow.json");
        await File.WriteAllTextAsync(scenario, SlowScenario());
        var plot = Path.Combine(dir.Path, "plot.svg");
        using var process = CliProcess.Start("analyze", scenario, "--plot", plot);
        var stderr = process.StandardError.ReadToEndAsync();

        await CliProcess.WaitUntilCatchingSigintAsync(process);
        await CliProcess.WaitForProcessorTimeAsync(process, TimeSpan.FromSeconds(1.5)); // past start-up (0.1 s of CPU), into the analysis (7 s of CPU)
        process.HasExited.ShouldBeFalse("the analysis finished before it could be interrupted");
        CliProcess.Signal(process, "INT");
        await process.WaitForExitAsync();

        process.ExitCode.ShouldBe(130, await stderr);
        (await stderr).TrimEnd().ShouldBe("interrupted: nothing was written");
        Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).ShouldBe(["slow.json"]);
    }

    [Fact]
    public async Task Negotiate_Interrupted_OneLineSayingWhatWasKeptAndExit130()
    {
        // The command says what its event log kept; the command line must not add a second line.
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "events.jsonl");
        using var process = CliProcess.Start("negotiate", "israel-syria-2026", "--agents", "boulware,conceder", "--rounds", "2000000000", "--json", "--log", log);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();

        await CliProcess.WaitUntilCatchingSigintAsync(process);
        while (!process.HasExited && (!File.Exists(log) || new FileInfo(log).Length == 0))
        {
            await Task.Delay(10); // until the session has started (its log holds the header)
        }

        process.HasExited.ShouldBeFalse("the session finished before it could be interrupted");
        CliProcess.Signal(process, "INT");
        await process.WaitForExitAsync();
        await stdout;

        process.ExitCode.ShouldBe(130, await stderr);
        (await stderr).Split('\n').Count(l => l.StartsWith("interrupted:", StringComparison.Ordinal)).ShouldBe(1, await stderr);
        (await stderr).ShouldContain($"the event log {log} holds the session so far");
    }

    [Fact]
    public async Task Mediate_InterruptedInALongSession_Exits130AndLeavesNoReportFolder()
    {
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "events.jsonl");
        var folder = Path.Combine(dir.Path, "report");
        using var process = CliProcess.Start("mediate", "israel-syria-2026", "--rounds", "2000000000", "--json", "--report", folder, "--log", log);
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();

        await CliProcess.WaitUntilCatchingSigintAsync(process);
        while (!process.HasExited && (!File.Exists(log) || new FileInfo(log).Length < 100_000))
        {
            await Task.Delay(10); // until the session has played many rounds
        }

        process.HasExited.ShouldBeFalse("the session finished before it could be interrupted");
        CliProcess.Signal(process, "INT");
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        (await stdout).ShouldBeEmpty();

        process.ExitCode.ShouldBe(130, await stderr);
        (await stderr).Split('\n').Count(l => l.StartsWith("interrupted:", StringComparison.Ordinal)).ShouldBe(1, await stderr);
        Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).ShouldBe(["events.jsonl"]); // no report folder, no staging folder
    }

    [Fact]
    public void WriteFolder_CancelledWhileWriting_LeavesNoFolderAndNoStaging()
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "report");
        using var cancel = new CancellationTokenSource();

        Should.Throw<OperationCanceledException>(() => OutputPaths.WriteFolder(
            "--report",
            folder,
            [("a.txt", s => { s.WriteByte(1); cancel.Cancel(); }), ("b.txt", s => s.WriteByte(2))],
            cancel.Token));

        Directory.GetFileSystemEntries(dir.Path).ShouldBeEmpty();
    }

    [Fact]
    public void WriteFolder_FailingIntoAnExistingFolder_LeavesItsFilesAsTheyWere()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "a.txt"), "old");
        File.WriteAllText(Path.Combine(dir.Path, "mine.txt"), "the user's");

        Should.Throw<InvalidOperationException>(() => OutputPaths.WriteFolder(
            "--report",
            dir.Path,
            [("a.txt", s => s.WriteByte((byte)'n')), ("b.txt", _ => throw new InvalidOperationException("boom"))]));

        Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["a.txt", "mine.txt"]);
        File.ReadAllText(Path.Combine(dir.Path, "a.txt")).ShouldBe("old");
    }

    [Fact]
    public void WriteFolder_IntoAnExistingFolder_ReplacesItsFilesAndKeepsOthers()
    {
        using var dir = new TempDir();
        File.WriteAllText(Path.Combine(dir.Path, "a.txt"), "old");
        File.WriteAllText(Path.Combine(dir.Path, "mine.txt"), "the user's");

        OutputPaths.WriteFolder("--report", dir.Path, [("a.txt", s => s.WriteByte((byte)'n'))]);

        File.ReadAllText(Path.Combine(dir.Path, "a.txt")).ShouldBe("n");
        File.ReadAllText(Path.Combine(dir.Path, "mine.txt")).ShouldBe("the user's");
        Directory.GetFileSystemEntries(dir.Path).Length.ShouldBe(2);
    }

    // Three parties over 10^9 outcomes with a two-issue red line: an analysis of many seconds.
    private static string SlowScenario()
    {
        var random = new Random(3);
        var json = new StringBuilder("{ \"format\": \"parley-scenario/1\", \"name\": \"slow\", \"issues\": [");
        const int issues = 9;
        json.AppendJoin(", ", Enumerable.Range(0, issues).Select(k => $"{{ \"name\": \"i{k}\", \"type\": \"categorical\", \"options\": [{string.Join(", ", Enumerable.Range(0, 10).Select(j => $"\"o{j}\""))}] }}"));
        json.Append("], \"parties\": [");
        json.AppendJoin(", ", Enumerable.Range(0, 3).Select(p =>
            $"{{ \"name\": \"P{p}\", \"reservationValue\": 0.3, " +
            $"\"weights\": {{ {string.Join(", ", Enumerable.Range(0, issues).Select(k => $"\"i{k}\": 0.111"))} }}, " +
            $"\"values\": {{ {string.Join(", ", Enumerable.Range(0, issues).Select(k => $"\"i{k}\": {{ {string.Join(", ", Enumerable.Range(0, 10).Select(j => string.Create(CultureInfo.InvariantCulture, $"\"o{j}\": {random.Next(1000) / 1000.0}")))} }}"))} }}, " +
            "\"redLines\": [ { \"type\": \"forbidden-combination\", \"when\": [ { \"issue\": \"i0\", \"options\": [\"o1\"] }, { \"issue\": \"i8\", \"options\": [\"o2\"] } ] } ] }"));
        json.Append("] }");
        return json.ToString();
    }

}
