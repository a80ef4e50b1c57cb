namespace Parley.Cli.Tests;

/// <summary>
/// Runs every case of tests/corpus/malformed: scenario files through `parley inspect`, damaged
/// tournament journals (journal-*) through a tournament that resumes from them. Each must exit
/// with code 2 and one clear message naming the file and the problem, never a stack trace.
/// </summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string> Cases() => CasesWhere(name => !name.StartsWith("journal-", StringComparison.Ordinal));

    public static TheoryData<string> JournalCases() => CasesWhere(name => name.StartsWith("journal-", StringComparison.Ordinal));

    [Fact]
    public void Corpus_HasAtLeastThirtyCases() => Cases().Count.ShouldBeGreaterThanOrEqualTo(30);

    [Theory]
    [MemberData(nameof(JournalCases))]
    public async Task Tournament_DamagedJournal_ExitsTwoWithClearMessage(string name)
    {
        var dir = Path.Combine(RepoPaths.MalformedCorpus, name);
        var expected = File.ReadAllLines(Path.Combine(dir, "expected-error.txt")).Where(l => l.Trim().Length > 0).ToArray();
        using var results = new TempDir();
        string[] args = ["tournament", "--agents", "boulware,conceder", "--scenarios", "israel-syria-2026", "--repetitions", "2", "--rounds", "20", "--out", results.Path];
        (await CliRunner.RunAsync(args)).ExitCode.ShouldBe(0);
        File.Copy(Path.Combine(dir, "input.jsonl"), Path.Combine(results.Path, "journal.jsonl"), overwrite: true);

        var (code, output, error) = await CliRunner.RunAsync(args);

        code.ShouldBe(2, $"stdout: {output}\nstderr: {error}");
        var message = error.Split('\n').Single(l => l.StartsWith("error: ", StringComparison.Ordinal));
        message.ShouldNotContain("Exception");
        error.ShouldNotContain("   at ");
        foreach (var line in expected)
        {
            message.ShouldContain(line.Trim(), Case.Insensitive);
        }
    }

    private static TheoryData<string> CasesWhere(Func<string, bool> include)
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepoPaths.MalformedCorpus).Order(StringComparer.Ordinal))
        {
            if (include(Path.GetFileName(dir)))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Inspect_MalformedInput_ExitsTwoWithClearMessage(string name)
    {
        var dir = Path.Combine(RepoPaths.MalformedCorpus, name);
        var input = Directory.GetFileSystemEntries(dir, "input*").Single();
        var expected = File.ReadAllLines(Path.Combine(dir, "expected-error.txt")).Where(l => l.Trim().Length > 0).ToArray();

        var (code, output, error) = await CliRunner.RunAsync("inspect", input);

        code.ShouldBe(2, $"stdout: {output}\nstderr: {error}");
        error.ShouldStartWith("error: ");
        error.ShouldNotContain("   at ");
        error.ShouldNotContain("Exception");
        foreach (var line in expected)
        {
            error.ShouldContain(line.Trim(), Case.Insensitive);
        }
    }
}
