using Parley.Domains;
using Parley.Formats.Genius;
using Parley.Formats.GeniusWeb;
using Parley.Formats.ParleyJson;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Formats;

/// <summary>What a user can get wrong when writing (a path that cannot be a file, party names that clash) is an <see cref="InputException"/>, in every writer.</summary>
public sealed class WriterFailureTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "parley-writer-failure-" + Guid.NewGuid().ToString("N"));

    public WriterFailureTests()
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Scenario Small(params string[] parties)
    {
        var domain = new Domain("d", [new CategoricalIssue("x", "a", "b")]);
        var profile = new AdditiveProfile(domain, [1.0], [new TableValueFunction([1.0, 0.0])]);
        return new Scenario("s", domain, parties.Select(p => new Party(p, PartyRole.Party, profile)));
    }

    /// <summary>A path whose parent is a file, so no writer can create it.</summary>
    private string UnderAFile(string name)
    {
        var file = Path.Combine(_folder, "plain-file");
        File.WriteAllText(file, "x");
        return Path.Combine(file, name);
    }

    [Fact]
    public void ParleyWrite_PathUnderAFile_IsInputExceptionNamingThePath()
    {
        var path = UnderAFile("s.json");

        var ex = Should.Throw<InputException>(() => ParleyScenarioWriter.Write(Small("p"), path));

        ex.File.ShouldBe(path);
        ex.Message.ShouldContain("cannot write the file");
    }

    [Fact]
    public void GeniusWebWriteScenario_FolderUnderAFile_IsInputException()
    {
        var folder = UnderAFile("gw");

        Should.Throw<InputException>(() => GeniusWebWriter.WriteScenario(Small("p"), folder))
            .Message.ShouldContain("cannot write the file");
    }

    [Fact]
    public void GeniusWebWriteScenario_PartiesMappedToOneFileName_IsInputExceptionNamingTheFile()
    {
        // "a?b" becomes "a_b" as a file name, which the second party already is.
        var ex = Should.Throw<InputException>(() => GeniusWebWriter.WriteScenario(Small("a_b", "a?b"), _folder));

        ex.Message.ShouldContain("a_b.json");
    }

    [Fact]
    public void GeniusWriteScenario_FolderUnderAFile_IsInputException()
    {
        var folder = UnderAFile("genius");

        Should.Throw<InputException>(() => GeniusWriter.WriteScenario(Small("p"), folder))
            .Message.ShouldContain("cannot write the file");
    }
}
