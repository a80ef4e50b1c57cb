using Parley.Formats.Genius;

namespace Parley.Tests.Formats.Genius;

public sealed class GeniusSafetyTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "parley-genius-safety-" + Guid.NewGuid().ToString("N"));

    public GeniusSafetyTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void ReadDomain_FileAboveSizeLimit_IsRefusedUnread()
    {
        // Arrange: a sparse file just above the limit (no disk space used, and it would be unparsable anyway)
        var path = Path.Combine(_dir, "huge-domain.xml");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(GeniusReader.MaxFileBytes + 1);
        }

        // Act
        var ex = Should.Throw<InputException>(() => GeniusReader.ReadDomain(path));
        var classify = Should.Throw<InputException>(() => GeniusReader.Classify(path));

        // Assert
        ex.Message.ShouldContain(path);
        ex.Message.ShouldContain("above the limit");
        ex.Message.ShouldContain("64 MiB");
        classify.Message.ShouldContain("above the limit");
    }

    [Fact]
    public void ReadFolder_FolderWithHugeFile_IsRefusedNamingTheFile()
    {
        var path = Path.Combine(_dir, "b.xml");
        using (var stream = new FileStream(path, FileMode.CreateNew))
        {
            stream.SetLength(1L << 30);
        }

        var ex = Should.Throw<InputException>(() => GeniusReader.ReadFolder(_dir));

        ex.File.ShouldBe(path);
    }

    [Fact]
    public void ReadDomain_ExternalEntity_IsNeverResolved()
    {
        // Arrange: the entity points at a file that exists; it must not be read into the domain
        var secret = Path.Combine(_dir, "secret.txt");
        File.WriteAllText(secret, "SECRET");
        var path = Path.Combine(_dir, "domain.xml");
        File.WriteAllText(path, $"""
            <?xml version="1.0"?>
            <!DOCTYPE negotiation_template [ <!ENTITY xxe SYSTEM "file://{secret}"> ]>
            <negotiation_template><utility_space><objective index="0" name="root">
            <issue index="1" name="&xxe;" type="discrete"><item index="1" value="a"/></issue>
            </objective></utility_space></negotiation_template>
            """);

        // Act
        var ex = Should.Throw<InputException>(() => GeniusReader.ReadDomain(path));

        // Assert
        ex.Message.ShouldContain("DTD");
        ex.Message.ShouldNotContain("SECRET");
    }

    [Fact]
    public void ReadDomain_MissingFile_SaysSo()
    {
        var path = Path.Combine(_dir, "nope.xml");

        var ex = Should.Throw<InputException>(() => GeniusReader.ReadDomain(path));

        ex.Message.ShouldContain("does not exist");
        ex.File.ShouldBe(path);
    }

    [SharedFact]
    public void ReadDomain_ProfileFile_SaysItIsAProfile()
    {
        var ex = Should.Throw<InputException>(() => GeniusReader.ReadDomain(TestPaths.Domain("anac", "y2012", "CameraC", "Camera-C-prof1.xml")));

        ex.Message.ShouldContain("not a domain template");
    }

    [Fact]
    public void ReadFolder_MissingFolder_SaysSo()
    {
        var ex = Should.Throw<InputException>(() => GeniusReader.ReadFolder(Path.Combine(_dir, "missing")));

        ex.Message.ShouldContain("does not exist");
    }
}
