namespace Parley.Cli.Tests;

public sealed class ReplayCommandTests
{
    [Theory]
    [InlineData("saop", "boulware,conceder")]
    [InlineData("mopac", "conceder,linear")]
    public async Task Replay_OfANegotiationLog_PrintsTheSameJsonAsTheRun(string protocol, string agents)
    {
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "events.jsonl");
        var (code, run, error) = await CliRunner.RunAsync("negotiate", "israel-syria-2026", "--agents", agents, "--protocol", protocol, "--seed", "4", "--rounds", "80", "--json", "--log", log);
        code.ShouldBe(0, error);

        var (replayCode, replayed, replayError) = await CliRunner.RunAsync("replay", log, "--json");

        replayCode.ShouldBe(0, replayError);
        replayed.ShouldBe(run);
    }

    [Fact]
    public async Task Replay_WithoutJson_PrintsTheSessionSummary()
    {
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "events.jsonl");
        (await CliRunner.RunAsync("negotiate", "israel-syria-2026", "--agents", "boulware,conceder", "--log", log, "--rounds", "50")).ExitCode.ShouldBe(0);

        var (code, output, _) = await CliRunner.RunAsync("replay", log);

        code.ShouldBe(0);
        output.ShouldContain("Replayed");
        output.ShouldContain("(replayed from the event log)");
    }

    [Fact]
    public async Task Replay_OfAnEditedLog_IsRefusedNamingTheLine()
    {
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "events.jsonl");
        (await CliRunner.RunAsync("negotiate", "israel-syria-2026", "--agents", "hardliner,hardliner", "--log", log, "--rounds", "5")).ExitCode.ShouldBe(0);
        var lines = await File.ReadAllLinesAsync(log);
        lines[3] = lines[3].Replace("\"actor\":1", "\"actor\":0", StringComparison.Ordinal);
        await File.WriteAllLinesAsync(log, lines);

        var (code, _, error) = await CliRunner.RunAsync("replay", log);

        code.ShouldBe(2);
        error.ShouldStartWith($"error: {log}: line 4: the log does not replay");
    }

    [Theory]
    [InlineData("", "the event log is empty")]
    [InlineData("{\"parleyLog\":9}", "event log version 9 is not supported")]
    [InlineData("not json", "not valid JSON")]
    public async Task Replay_OfAMalformedFile_IsOneLineAndExit2(string content, string message)
    {
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "bad.jsonl");
        await File.WriteAllTextAsync(log, content);

        var (code, _, error) = await CliRunner.RunAsync("replay", log);

        code.ShouldBe(2);
        error.ShouldContain(message);
        error.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task Replay_OfAMissingFile_SaysSo()
    {
        var (code, _, error) = await CliRunner.RunAsync("replay", "/nonexistent/events.jsonl");

        code.ShouldBe(2);
        error.ShouldContain("no such file");
    }
}
