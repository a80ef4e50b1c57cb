using System.Text;
using Parley.Formats;
using Parley.Formats.ParleyJson;

namespace Parley.Tests.Formats;

/// <summary>Uploads need no temporary files: every single-file format loads from a stream.</summary>
public sealed class ScenarioLoaderStreamTests
{
    [Fact]
    public void Load_AParleyScenarioFromAStream_IsTheSameScenario()
    {
        var original = BuiltInScenarios.Load("israel-syria-2026");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(ParleyScenarioWriter.ToJson(original)));

        var loaded = ScenarioLoader.Load(stream, "upload.json");

        loaded.Domain.OutcomeCount.ShouldBe(original.Domain.OutcomeCount);
        loaded.Negotiators.Select(p => p.Name).ShouldBe(original.Negotiators.Select(p => p.Name));
        ParleyScenarioWriter.ToJson(loaded).ShouldBe(ParleyScenarioWriter.ToJson(original));
    }

    [SharedFact]
    public void Load_AGeniusDomainAndAGeniusWebProfileFromStreams_AreRead()
    {
        var domainFile = Directory.GetFiles(TestPaths.Domain("anac", "y2012", "CameraC"), "*.xml").First(f => !Path.GetFileName(f).Contains("prof", StringComparison.Ordinal));
        using (var xml = File.OpenRead(domainFile))
        {
            var scenario = ScenarioLoader.Load(xml, Path.GetFileName(domainFile));
            scenario.Domain.OutcomeCount.ShouldBe(3600);
            scenario.Negotiators.ShouldBeEmpty();
        }
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("   ", "the file is empty")]
    [InlineData("<utility_space><objective></objective></utility_space>", "the domain has no issues")]
    [InlineData("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>", "DTD")]
    [InlineData("{\"not\": \"a scenario\"}", "upload.json")]
    public void Load_BadContent_IsAnInputExceptionNamingTheUpload(string content, string expected)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));

        var ex = Should.Throw<InputException>(() => ScenarioLoader.Load(stream, "upload.json"));

        ex.Message.ShouldContain(expected);
        ex.File.ShouldBe("upload.json");
    }

    [Fact]
    public void Load_MoreThanTheLimit_IsRefusedBeforeParsing()
    {
        using var stream = new MemoryStream(new byte[2048]);

        Should.Throw<InputException>(() => ScenarioLoader.Load(stream, "big.json", maxBytes: 1024)).Message.ShouldContain("larger than the limit");
    }
}
