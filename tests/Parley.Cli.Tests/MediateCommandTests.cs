using System.Text.Json;

namespace Parley.Cli.Tests;

public sealed class MediateCommandTests
{
    [Fact]
    public async Task Mediate_BuiltInScenarioIssueByIssue_FollowsTheJsonContract()
    {
        var (code, output, _) = await CliRunner.RunAsync("mediate", "israel-syria-2026", "--mediator", "hill-climbing", "--agenda", "coordination-mechanism,withdrawal", "--seed", "7", "--json");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("endReason").GetString().ShouldBe("partial");
        root.GetProperty("rounds").GetInt32().ShouldBeGreaterThan(0);
        root.GetProperty("versions").GetInt32().ShouldBeGreaterThan(1);
        root.GetProperty("agreedIssues").EnumerateArray().Select(e => e.GetString()).ShouldContain("coordination-mechanism");
        // With the status quo as each side's fallback (issue 15), withdrawal can be agreed; airspace stays open.
        var airspace = root.GetProperty("openIssues").EnumerateArray().Single(e => e.GetProperty("issue").GetString() == "airspace");
        airspace.GetProperty("positions").GetProperty("Israel").GetString().ShouldNotBeNullOrEmpty();
        airspace.GetProperty("positions").GetProperty("Syria").GetString().ShouldBe("full-syrian-sovereignty");
        var text = root.GetProperty("text");
        text.GetProperty("airspace").ValueKind.ShouldBe(JsonValueKind.Null);
        text.GetProperty("coordination-mechanism").GetString().ShouldBeOneOf("joint-cell-us", "hotline");
        text.EnumerateObject().Count().ShouldBe(11);
        root.GetProperty("utilities").GetProperty("Israel").GetDouble().ShouldBeInRange(0, 1);
        root.GetProperty("utilities").GetProperty("Syria").GetDouble().ShouldBeInRange(0, 1);
    }

    [Fact]
    public async Task Mediate_NashMediator_AgreesOnTheNashPackage()
    {
        var (code, output, _) = await CliRunner.RunAsync("mediate", "israel-syria-2026", "--mediator", "nash", "--json");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("endReason").GetString().ShouldBe("agreement");
        root.GetProperty("openIssues").GetArrayLength().ShouldBe(0);
        foreach (var article in root.GetProperty("nashPackage").EnumerateObject())
        {
            root.GetProperty("text").GetProperty(article.Name).GetString().ShouldBe(article.Value.GetString());
        }
    }

    [SharedTheory]
    [InlineData("annealing", "votes", "truthful")]
    [InlineData("hill-climbing", "feedback", "strategic")]
    [InlineData("random-flip", "veto", "annealing")]
    [InlineData("maximin", "votes", "truthful")]
    public async Task Mediate_AnacDomain_EndsWithATextEveryPartySigned(string mediator, string protocol, string voters)
    {
        var (code, output, _) = await CliRunner.RunAsync("mediate", RepoPaths.Domain("anac", "y2011", "Laptop"), "--mediator", mediator, "--protocol", protocol, "--voters", voters, "--rounds", "150", "--json");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("endReason").GetString().ShouldBeOneOf("agreement", "partial", "deadline");
        root.GetProperty("mediator").GetString().ShouldBe(mediator);
        root.GetProperty("protocol").GetString().ShouldBe(protocol);
        root.GetProperty("utilities").EnumerateObject().Count().ShouldBe(2);
        if (root.GetProperty("endReason").GetString() == "agreement")
        {
            root.GetProperty("text").EnumerateObject().ShouldAllBe(p => p.Value.ValueKind == JsonValueKind.String);
        }
    }

    [Fact]
    public async Task Mediate_SameSeed_SameJson()
    {
        string[] args = ["mediate", "israel-syria-2026", "--mediator", "annealing", "--rounds", "120", "--seed", "3", "--json"];

        var first = await CliRunner.RunAsync(args);
        var second = await CliRunner.RunAsync(args);

        first.ExitCode.ShouldBe(0);
        second.Out.ShouldBe(first.Out);
    }

    [Theory]
    [InlineData("annealing", "votes", null)]
    [InlineData("hill-climbing", "feedback", "coordination-mechanism,withdrawal")]
    [InlineData("nash", "veto", "withdrawal")]
    [InlineData("random-flip", "veto", null)]
    public async Task Mediate_Log_ReplaysToTheSameJsonByteForByte(string mediator, string protocol, string? agenda)
    {
        using var dir = new TempDir();
        var log = Path.Combine(dir.Path, "events.jsonl");
        string[] args = ["mediate", "israel-syria-2026", "--mediator", mediator, "--protocol", protocol, "--post-settlement", "--rounds", "60", "--json", "--log", log];

        var (code, output, _) = await CliRunner.RunAsync(agenda is null ? args : [.. args, "--agenda", agenda]);
        var (replayCode, replayed, _) = await CliRunner.RunAsync("replay", log, "--json");

        code.ShouldBe(0);
        replayCode.ShouldBe(0);
        replayed.ShouldBe(output);
    }

    [Fact]
    public async Task Mediate_Report_WritesPageTextAndTrace()
    {
        using var dir = new TempDir();
        var folder = Path.Combine(dir.Path, "report");

        var (code, output, error) = await CliRunner.RunAsync("mediate", "israel-syria-2026", "--mediator", "hill-climbing", "--agenda", "coordination-mechanism", "--report", folder);

        code.ShouldBe(0);
        output.ShouldContain("partial agreement");
        error.ShouldContain("report written to");
        File.ReadAllText(Path.Combine(folder, "index.html")).ShouldContain("<svg");
        // Against the status quo both channels (a hotline, a joint cell) are early-harvest changes; which is banked depends on the mediator's search.
        File.ReadAllText(Path.Combine(folder, "final-text.md")).ShouldMatch("(?is).*(joint communication cell|direct line is established).*");
        using var trace = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "trace.json")));
        trace.RootElement.GetProperty("trace").GetArrayLength().ShouldBe(trace.RootElement.GetProperty("rounds").GetInt32());
        trace.RootElement.GetProperty("textVersions").GetArrayLength().ShouldBe(trace.RootElement.GetProperty("versions").GetInt32());

        // The candidate packages (issue 15): in the trace, the page and analysis.md, with the robustness chart.
        trace.RootElement.GetProperty("candidatePackages").GetArrayLength().ShouldBeGreaterThanOrEqualTo(4);
        File.ReadAllText(Path.Combine(folder, "index.html")).ShouldContain("Candidate packages");
        File.ReadAllText(Path.Combine(folder, "analysis.md")).ShouldContain("| This round's agreed articles |");
        File.Exists(Path.Combine(folder, "robustness.svg")).ShouldBeTrue();
        output.ShouldContain("Candidate packages");
    }

    [Fact]
    public async Task Mediate_PostSettlementAndNoPostSettlement_ExitsTwoWithOneLine()
    {
        var (code, _, error) = await CliRunner.RunAsync("mediate", "israel-syria-2026", "--post-settlement", "--no-post-settlement");

        code.ShouldBe(2);
        error.Trim().Split('\n').Length.ShouldBe(1);
        error.ShouldStartWith("error: --no-post-settlement");
    }

    [Fact]
    public async Task Mediate_Json_ComparesSeveralCandidatePackagesWithUtilitiesRatificationRobustnessAndMover()
    {
        var (code, output, error) = await CliRunner.RunAsync("mediate", "israel-syria-2026", "--mediator", "hill-climbing", "--seed", "7", "--json");

        code.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var candidates = doc.RootElement.GetProperty("candidatePackages").EnumerateArray().ToList();
        candidates.Count.ShouldBeGreaterThanOrEqualTo(4);
        candidates.Select(c => c.GetProperty("outcome").GetRawText()).Distinct().Count().ShouldBe(candidates.Count);
        candidates.Select(c => c.GetProperty("label").GetString()).ShouldContain("nash");
        candidates.Select(c => c.GetProperty("label").GetString()).ShouldContain("ratification-nash");
        foreach (var c in candidates)
        {
            c.GetProperty("utilities").GetProperty("Israel").GetDouble().ShouldBeInRange(0, 1);
            c.GetProperty("utilities").GetProperty("Syria").GetDouble().ShouldBeInRange(0, 1);
            c.GetProperty("pRatified").GetDouble().ShouldBeInRange(0, 1);
            c.GetProperty("movesMost").GetString().ShouldNotBeNullOrEmpty();
            c.GetProperty("robustness").GetProperty("pAcceptable").GetDouble().ShouldBeInRange(0, 1);
            c.GetProperty("robustness").GetProperty("pRatified").GetDouble().ShouldBeInRange(0, 1);
            c.GetProperty("robustness").GetProperty("pNash").GetDouble().ShouldBeInRange(0, 1);
        }
    }

    [Theory]
    [InlineData("--mediator", "oracle")]
    [InlineData("--protocol", "shout")]
    [InlineData("--agenda", "coordination-mechanism,no-such-issue")]
    [InlineData("--voters", "truthful,strategic,annealing")]
    [InlineData("--voters", "liar")]
    [InlineData("--rounds", "0")]
    [InlineData("--rounds", "-3")]
    [InlineData("--rounds", "many")]
    [InlineData("--seed", "x")]
    public async Task Mediate_BadOption_ExitsTwo(string option, string value)
    {
        var (code, output, error) = await CliRunner.RunAsync("mediate", "israel-syria-2026", option, value, "--json");

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldStartWith("error:");
        error.Split('\n')[0].ShouldContain(option);
    }

    [Fact]
    public async Task Mediate_ReportFolderIsAFile_ExitsTwoBeforePrintingAnything()
    {
        using var dir = new TempDir();
        var file = Path.Combine(dir.Path, "taken");
        await File.WriteAllTextAsync(file, "x");

        var (code, output, error) = await CliRunner.RunAsync("mediate", "israel-syria-2026", "--json", "--report", file);

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldStartWith("error:");
        error.ShouldContain("cannot write the report");
    }

    [Fact]
    public async Task Mediate_MissingScenario_ExitsTwo()
    {
        var (code, _, error) = await CliRunner.RunAsync("mediate", "no-such-scenario-anywhere", "--json");

        code.ShouldBe(2);
        error.ShouldContain("no-such-scenario-anywhere");
    }
}
