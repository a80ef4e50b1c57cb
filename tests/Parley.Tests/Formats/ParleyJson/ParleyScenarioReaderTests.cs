using System.Text;
using System.Text.RegularExpressions;
using Parley.Domains;
using Parley.Formats.ParleyJson;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Formats.ParleyJson;

public sealed partial class ParleyScenarioReaderTests
{
    /// <summary>The example of docs/formats.md, section "Parley scenario format": the first json block after the heading.</summary>
    private static string DocsExample()
    {
        var text = File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "formats.md"));
        var start = text.IndexOf("## Parley scenario format", StringComparison.Ordinal);
        start.ShouldBeGreaterThanOrEqualTo(0);
        return JsonBlock().Match(text, start).Groups[1].Value;
    }

    private static Scenario Parse(string json) => ParleyScenarioReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "test.json");

    [Fact]
    public void Read_DocsExample_ParsesAsDocumented()
    {
        var scenario = Parse(DocsExample());

        scenario.Name.ShouldBe("water-sharing");
        scenario.Domain.Issues.Select(i => i.Kind).ShouldBe([IssueKind.Categorical, IssueKind.Integer, IssueKind.Real]);
        scenario.Mediator!.Name.ShouldBe("Facilitator");
        var upstream = scenario.FindParty("Upstream")!;
        upstream.Profile!.ReservationValue.ShouldBe(0.4);
        upstream.Assumptions.ShouldNotBeEmpty();
        var downstream = scenario.FindParty("Downstream")!.Profile!;
        downstream.RedLines.Lines.Count.ShouldBe(3);
        downstream.DiscountFactor.ShouldBe(0.95);
        scenario.Deadline.ShouldBe(new Deadline(30, TimeSpan.FromHours(2)));
    }

    [Fact]
    public void Read_DocsExample_ValidUnderSchema()
    {
        ScenarioSchema.Errors(DocsExample()).ShouldBeEmpty();
    }

    [Fact]
    public void Read_CommentsAndTrailingCommas_Accepted()
    {
        var json = """
            // a hand-written file
            {
              "format": "parley-scenario/1", /* the marker */
              "name": "tiny",
              "issues": [ { "name": "x", "type": "categorical", "options": ["a", "b",], }, ],
              "parties": [ { "name": "p", "weights": { "x": 1 }, "values": { "x": { "a": 1, "b": 0 } } } ],
            }
            """;

        var scenario = Parse(json);

        scenario.Profiles[0].Utility([0]).ShouldBe(1);
        scenario.Parties[0].Role.ShouldBe(PartyRole.Party);
    }

    [Fact]
    public void Read_ZeroWeightIssueWithoutValues_ValueZero()
    {
        var json = """
            { "format": "parley-scenario/1", "name": "z",
              "issues": [ { "name": "x", "type": "categorical", "options": ["a", "b"] }, { "name": "y", "type": "integer", "min": 0, "max": 3 } ],
              "parties": [ { "name": "p", "weights": { "x": 1, "y": 0 }, "values": { "x": { "a": 1, "b": 0.5 } } } ] }
            """;

        var profile = (AdditiveProfile)Parse(json).Profiles[0];

        profile.Utility([1, 3]).ShouldBe(0.5);
    }

    [Fact]
    public void Read_NumericOptionsInRedLines_ByNumberOrText()
    {
        var json = """
            { "format": "parley-scenario/1", "name": "n",
              "issues": [ { "name": "days", "type": "integer", "min": 0, "max": 10, "step": 5 }, { "name": "share", "type": "real", "min": 0, "max": 1, "levels": 3 } ],
              "parties": [ { "name": "p", "weights": { "days": 0.5, "share": 0.5 },
                "values": { "days": { "0": 0, "5": 1, "10": 0.5 }, "share": { "type": "piecewise-linear", "points": [ { "x": 0, "value": 1 }, { "x": 1, "value": 0 } ] } },
                "redLines": [ { "type": "forbidden-combination", "when": [ { "issue": "days", "options": [10, "5"] }, { "issue": "share", "options": [0.5] } ] } ] } ] }
            """;

        var profile = Parse(json).Profiles[0];

        profile.CrossesRedLine([2, 1]).ShouldBeTrue();
        profile.CrossesRedLine([1, 1]).ShouldBeTrue();
        profile.CrossesRedLine([0, 1]).ShouldBeFalse();
        profile.Utility([1, 1]).ShouldBe(0.75);
    }

    [Fact]
    public void Read_FileAboveSizeLimit_RefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parley-big-{Guid.NewGuid():N}.json");
        try
        {
            using (var f = File.Create(path))
            {
                f.SetLength(ParleyScenarioReader.MaxFileBytes + 1);
            }

            var e = Should.Throw<InputException>(() => ParleyScenarioReader.Read(path));

            e.Message.ShouldContain("64 MiB");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_MissingFile_InputException()
    {
        Should.Throw<InputException>(() => ParleyScenarioReader.Read(Path.Combine(Path.GetTempPath(), "no-such-parley-file.json")))
            .Message.ShouldContain("no such file");
    }

    [Fact]
    public void Read_SyntaxError_LineAndPosition()
    {
        var e = Should.Throw<InputException>(() => Parse("{\n  \"format\": \"parley-scenario/1\",\n  \"name\": x\n}"));

        e.File.ShouldBe("test.json");
        e.Location.ShouldStartWith("line 3, position");
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
