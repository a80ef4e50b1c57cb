using Parley.Formats.Genius;

namespace Parley.Tests.Formats.Genius;

/// <summary>
/// Every GENIUS case under tests/corpus/malformed: the input (input.xml read as a domain, or an
/// input/ folder read as a scenario) must be refused with an <see cref="InputException"/> naming the
/// file and containing every line of expected-error.txt.
/// </summary>
public sealed class GeniusMalformedCorpusTests
{
    private static string Corpus => Path.Combine(TestPaths.Root, "tests", "corpus", "malformed");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(Corpus).Order(StringComparer.Ordinal))
        {
            if (IsGeniusCase(dir))
            {
                data.Add(Path.GetFileName(dir));
            }
        }

        return data;
    }

    [Fact]
    public void Corpus_HasAtLeastTwentyGeniusCases()
    {
        Cases().Count.ShouldBeGreaterThanOrEqualTo(20);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_MalformedCase_ThrowsInputExceptionWithExpectedMessage(string name)
    {
        // Arrange
        var dir = Path.Combine(Corpus, name);
        var file = Path.Combine(dir, "input.xml");
        var folder = Path.Combine(dir, "input");
        var expected = File.ReadAllLines(Path.Combine(dir, "expected-error.txt")).Where(l => l.Trim().Length > 0).ToArray();

        // Act
        var ex = File.Exists(file)
            ? Should.Throw<InputException>(() => GeniusReader.ReadDomain(file))
            : Should.Throw<InputException>(() => GeniusReader.ReadFolder(folder));

        // Assert
        var input = File.Exists(file) ? file : folder;
        ex.File.ShouldStartWith(input);
        ex.Message.ShouldContain(ex.File);
        foreach (var line in expected)
        {
            ex.Message.ShouldContain(line.Trim());
        }
    }

    private static bool IsGeniusCase(string dir) =>
        File.Exists(Path.Combine(dir, "input.xml"))
        || (Directory.Exists(Path.Combine(dir, "input")) && Directory.GetFiles(Path.Combine(dir, "input"), "*.xml").Length > 0);
}
