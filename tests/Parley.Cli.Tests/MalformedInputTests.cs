namespace Parley.Cli.Tests;

/// <summary>
/// Runs every case of tests/corpus/malformed through `parley inspect`: each must exit with code 2
/// and one clear message naming the file and the problem, never a stack trace.
/// </summary>
public sealed class MalformedInputTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(RepoPaths.MalformedCorpus).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastThirtyCases() => Cases().Count.ShouldBeGreaterThanOrEqualTo(30);

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
