namespace Parley.Cli.Tests;

/// <summary>
/// Errors a user causes are one line in Parley's words: never the runtime's own text
/// ("isFinalBlock", "LineNumber: 0 | BytePositionInLine: 9", "Access to the path ... is denied",
/// "Required command was not provided.").
/// </summary>
public sealed class PlainMessagesTests
{
    [Fact]
    public async Task Run_UnknownCommand_OneErrorLineNamingTheWord()
    {
        var (code, _, error) = await CliRunner.RunAsync("frobnicate");

        code.ShouldBe(2);
        error.ShouldNotContain("Required command");
        var errors = error.Split('\n').Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();
        errors.ShouldHaveSingleItem().ShouldContain("'frobnicate'");
    }

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("-99999999999999999999")]
    [InlineData("2147483648")]
    public async Task Run_WholeNumberTooLarge_SaysOutOfRangeWithTheRange(string seed)
    {
        var (code, _, error) = await CliRunner.RunAsync("negotiate", "israel-syria-2026", "--agents", "boulware,conceder", "--seed", seed);

        code.ShouldBe(2);
        error.Split('\n')[0].ShouldBe($"error: --seed: {seed} is out of range (a whole number from -2,147,483,648 to 2,147,483,647)");
    }

    [Theory]
    [InlineData("analyze", "israel-syria-2026", "--plot")]
    [InlineData("negotiate", "israel-syria-2026", "--agents", "boulware,conceder", "--plot")]
    public async Task Run_PlotPathIsAFolder_SaysItIsAFolderBeforeAnyWork(params string[] args)
    {
        using var dir = new TempDir();

        var (code, output, error) = await CliRunner.RunAsync([.. args, dir.Path]);

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.TrimEnd().ShouldBe($"error: --plot: {dir.Path} is a folder; give a file name, e.g. {Path.Combine(dir.Path, args[0] == "analyze" ? "plot.svg" : "session.svg")}");
        error.ShouldNotContain("denied");
    }

    [Fact]
    public async Task Inspect_EmptyJsonFile_SaysItIsEmpty()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "empty.json");
        await File.WriteAllTextAsync(file, string.Empty);

        var (code, _, error) = await CliRunner.RunAsync("inspect", file);

        code.ShouldBe(2);
        error.TrimEnd().ShouldBe($"error: {file}: line 1, position 1: not valid JSON: it is empty (no JSON value at all)");
    }

    [Theory]
    [InlineData("{\"id\":0,\"seed\":xx}")]
    [InlineData("{\"id\":0,\"seed\":1")]
    [InlineData("{\"id\":0,\"seed\":1,\"utilities\":\"x\"}")]
    [InlineData("{\"id\":")]
    public async Task Tournament_CorruptedJournalLine_OneLineNamingTheJournal(string corrupted)
    {
        using var dir = new TempDir();
        string[] args = ["tournament", "--agents", "boulware,conceder", "--scenarios", "israel-syria-2026", "--repetitions", "2", "--rounds", "50", "--out", dir.Path];
        (await CliRunner.RunAsync(args)).ExitCode.ShouldBe(0);
        var journal = Path.Combine(dir.Path, "journal.jsonl");
        var lines = await File.ReadAllLinesAsync(journal);
        lines[0] = corrupted;
        await File.WriteAllLinesAsync(journal, lines);

        var (code, _, error) = await CliRunner.RunAsync(args);

        code.ShouldBe(2, error);
        var message = error.Split('\n').Single(l => l.StartsWith("error:", StringComparison.Ordinal));
        message.ShouldStartWith($"error: {journal}: ");
        message.ShouldContain("the journal is damaged");
        message.ShouldNotContain("LineNumber");
        message.ShouldNotContain("BytePositionInLine");
        message.ShouldNotContain("internal error");
    }

    [Fact]
    public async Task Tournament_MoreSessionsThanTheLimit_RefusedBeforeAnythingIsWritten()
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "results");

        var (code, _, error) = await CliRunner.RunAsync("tournament", "--agents", "boulware,conceder,linear,hardliner", "--scenarios", "israel-syria-2026", "--repetitions", "100000000", "--out", folder);

        code.ShouldBe(2);
        error.TrimEnd().ShouldStartWith("error: --repetitions: 4 agents, 1 scenario and 100,000,000 repetitions make 1,200,000,000 sessions, above the limit of 10,000,000 (their journal and results.csv would take about ");
        // About 1 TB since each session's record carries its post-settlement judgement (issue 15); a few hundred GB before.
        error.TrimEnd().ShouldMatch(@" about [0-9.,]+ (GB|TB)\); run fewer, or raise the limit with --max-sessions$");
        Directory.Exists(folder).ShouldBeFalse();
    }

    [Fact]
    public async Task Tournament_OutIsAFile_OneLineBeforeAnySession()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "results");
        await File.WriteAllTextAsync(file, "mine");

        var (code, _, error) = await CliRunner.RunAsync("tournament", "--agents", "boulware,conceder", "--scenarios", "israel-syria-2026", "--repetitions", "1", "--rounds", "5", "--out", file);

        code.ShouldBe(2);
        error.Split('\n').Single(l => l.StartsWith("error:", StringComparison.Ordinal)).ShouldBe($"error: --out: cannot write the results in {file}: it is a file; give a folder");
        error.ShouldNotContain("already exists");
        (await File.ReadAllTextAsync(file)).ShouldBe("mine");
    }
}
