using Parley.Formats.GeniusWeb;
using Parley.Formats.ParleyJson;

namespace Parley.Tests.Formats;

/// <summary>
/// Every JSON case of tests/corpus/malformed: a case folder holds <c>input.json</c> (a Parley scenario
/// or a GeniusWeb profile, told apart by content) or a folder <c>input/</c> of GeniusWeb profiles, and
/// <c>expected-error.txt</c>, whose non-empty lines must all appear in the error message. Cases in
/// other formats (GENIUS XML) are left to their own tests.
/// </summary>
public sealed class MalformedJsonCorpusTests
{
    private static string Corpus => Path.Combine(TestPaths.Root, "tests", "corpus", "malformed");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Corpus).OrderBy(d => d, StringComparer.Ordinal))
        {
            var folder = Path.Combine(dir, "input");
            if (File.Exists(Path.Combine(dir, "input.json")) || (Directory.Exists(folder) && Directory.GetFiles(folder, "*.json").Length > 0))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Fact]
    public void Corpus_JsonCases_AtLeastTwelve()
    {
        Cases().Count.ShouldBeGreaterThanOrEqualTo(12);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_MalformedCase_InputExceptionWithExpectedText(string name)
    {
        var dir = Path.Combine(Corpus, name);
        var expected = File.ReadAllLines(Path.Combine(dir, "expected-error.txt")).Where(l => l.Trim().Length > 0).ToArray();
        var file = Path.Combine(dir, "input.json");

        var e = Should.Throw<InputException>(() =>
        {
            if (!File.Exists(file))
            {
                GeniusWebReader.ReadFolder(Path.Combine(dir, "input"));
            }
            else if (GeniusWebReader.IsGeniusWebProfile(file))
            {
                GeniusWebReader.ReadAnyProfile(file, out _);
            }
            else
            {
                ParleyScenarioReader.Read(file);
            }
        });

        expected.ShouldNotBeEmpty();
        foreach (var line in expected)
        {
            e.Message.ShouldContain(line.Trim(), Case.Sensitive, $"message was: {e.Message}");
        }
    }
}
