using Parley.Formats.NegMas;

namespace Parley.Tests.Formats.NegMas;

/// <summary>
/// Every NegMAS case of tests/corpus/malformed (a folder <c>negmas-*</c> holding <c>input/</c>, a NegMAS
/// scenario folder, and <c>expected-error.txt</c>, whose non-empty lines must all appear in the message).
/// </summary>
public sealed class NegMasMalformedCorpusTests
{
    private static string Corpus => Path.Combine(TestPaths.Root, "tests", "corpus", "malformed");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Corpus, "negmas-*").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(dir));
        }

        return data;
    }

    [Fact]
    public void Corpus_NegMasCases_AtLeastTwenty()
    {
        Cases().Count.ShouldBeGreaterThanOrEqualTo(20);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadFolder_MalformedCase_InputExceptionWithExpectedText(string name)
    {
        var dir = Path.Combine(Corpus, name);
        var expected = File.ReadAllLines(Path.Combine(dir, "expected-error.txt")).Where(l => l.Trim().Length > 0).ToArray();

        var e = Should.Throw<InputException>(() => NegMasReader.ReadFolder(Path.Combine(dir, "input")));

        expected.ShouldNotBeEmpty();
        foreach (var line in expected)
        {
            e.Message.ShouldContain(line.Trim(), Case.Sensitive, $"message was: {e.Message}");
        }
    }
}
