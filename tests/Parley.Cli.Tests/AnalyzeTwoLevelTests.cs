using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>`parley analyze` on scenarios with a status quo, constituencies and uncertainty ranges.</summary>
public sealed class AnalyzeTwoLevelTests
{
    private static string Small => Path.Combine(RepoPaths.Root, "tests", "corpus", "two-level", "small.json");

    [Fact]
    public async Task Analyze_UncertaintyJson_AddsTheContractKeys()
    {
        var (code, output, error) = await CliRunner.RunAsync("analyze", Small, "--uncertainty", "300", "--seed", "7", "--json");

        code.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["outcomeCount", "parties", "method", "pareto", "nash", "kalaiSmorodinsky", "kalaiSmorodinskyGenius", "egalitarian", "maxWelfare", "agreementZone", "gaps",
             "statusQuo", "earlyHarvest", "ratification", "zone", "ratifiableFrontier", "ratificationNash", "candidatePackages", "uncertainty"]);
        var sq = root.GetProperty("statusQuo");
        sq.GetProperty("outcome").GetProperty("allocation").GetString().ShouldBe("by-history");
        sq.GetProperty("outcome").GetProperty("channel").ValueKind.ShouldBe(JsonValueKind.Null);
        sq.GetProperty("utilities").GetProperty("North").GetDouble().ShouldBe((0.5 * 1) + (0.5 * 0.2), 1e-12);
        sq.GetProperty("utilities").GetProperty("South").GetDouble().ShouldBe((0.6 * 0) + (0.4 * 0.1), 1e-12);
        var harvest = root.GetProperty("earlyHarvest")[0];
        harvest.GetProperty("changes").GetProperty("channel").GetString().ShouldBe("cell");
        harvest.GetProperty("gains").GetProperty("North").GetDouble().ShouldBe(0.5 * (1 - 0.2), 1e-12);
        harvest.GetProperty("pRatified").GetProperty("North").GetDouble().ShouldBe(1);
        root.GetProperty("ratification").GetProperty("North").GetProperty("ratifiers")[0].GetString().ShouldBe("Parliament");
        root.GetProperty("ratification").GetProperty("North").GetProperty("winSetCount").GetString().ShouldBe("3");
        root.GetProperty("ratificationNash").GetProperty("pRatified").GetDouble().ShouldBe(1);
        var uncertainty = root.GetProperty("uncertainty");
        uncertainty.GetProperty("draws").GetInt32().ShouldBe(300);
        uncertainty.GetProperty("seed").GetInt32().ShouldBe(7);
        uncertainty.GetProperty("pZoneEmpty").GetDouble().ShouldBeInRange(0, 1);
        uncertainty.GetProperty("earlyHarvest").GetProperty("channel").GetDouble().ShouldBe(1);
        var package = uncertainty.GetProperty("packages")[0];
        package.EnumerateObject().Select(p => p.Name).ShouldBe(["label", "outcome", "pAcceptable", "pRatified", "pNash"]);
        root.TryGetProperty("realityCheck", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Analyze_SameSeed_SameOutput_OtherSeed_OtherDraws()
    {
        var a = await CliRunner.RunAsync("analyze", Small, "--uncertainty", "200", "--seed", "3", "--json");
        var b = await CliRunner.RunAsync("analyze", Small, "--uncertainty", "200", "--seed", "3", "--json");
        var c = await CliRunner.RunAsync("analyze", "israel-syria-2026", "--uncertainty", "200", "--seed", "4", "--json");
        var d = await CliRunner.RunAsync("analyze", "israel-syria-2026", "--uncertainty", "200", "--seed", "5", "--json");

        b.Out.ShouldBe(a.Out);
        using var cd = JsonDocument.Parse(c.Out);
        using var dd = JsonDocument.Parse(d.Out);
        cd.RootElement.GetProperty("uncertainty").GetProperty("sensitivity").GetRawText()
            .ShouldNotBe(dd.RootElement.GetProperty("uncertainty").GetProperty("sensitivity").GetRawText());
    }

    [Fact]
    public async Task Analyze_BuiltInWithUncertainty_ReportsTheRealityCheckAndWritesThePlot()
    {
        using var dir = new TempDir();
        var plot = Path.Combine(dir.Path, "robustness.svg");

        var (code, output, error) = await CliRunner.RunAsync("analyze", "israel-syria-2026", "--uncertainty", "200", "--robustness-plot", plot);

        code.ShouldBe(0, error);
        output.ShouldContain("### Reality check");
        output.ShouldContain("The figure depends most on these estimates");
        var svg = File.ReadAllText(plot);
        svg.ShouldStartWith("<svg");
        svg.ShouldContain("threshold of Coalition");
    }

    [Theory]
    [InlineData("0", "--uncertainty")]
    [InlineData("-5", "--uncertainty")]
    public async Task Analyze_BadDrawCount_ExitsTwo(string draws, string expected)
    {
        var (code, _, error) = await CliRunner.RunAsync("analyze", Small, "--uncertainty", draws);

        code.ShouldBe(2);
        error.ShouldContain(expected);
        error.ShouldNotContain("   at ");
    }

    [Fact]
    public async Task Analyze_UncertaintyWithoutRanges_ExitsTwoNamingTheFile()
    {
        var file = Path.Combine(RepoPaths.Root, "tests", "corpus", "two-level", "no-ranges.json");

        var (code, _, error) = await CliRunner.RunAsync("analyze", file, "--uncertainty", "10");

        code.ShouldBe(2);
        error.ShouldContain("no-ranges.json");
        error.ShouldContain("states no uncertainty ranges");
    }

    [Fact]
    public async Task Analyze_RobustnessPlotWithoutUncertainty_ExitsTwo()
    {
        var (code, _, error) = await CliRunner.RunAsync("analyze", Small, "--robustness-plot", "x.svg");

        code.ShouldBe(2);
        error.ShouldContain("needs --uncertainty");
    }
}
