using System.Numerics;
using System.Text.Json;
using System.Xml.Linq;
using Parley.Domains;
using Parley.Formats.Genius;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Cli.Tests;

public sealed class AnalyzeCommandTests
{
    [SharedFact]
    public async Task Analyze_CameraCJson_FollowsTheContractAndMatchesGenius()
    {
        var (code, output, _) = await CliRunner.RunAsync("analyze", RepoPaths.Domain("anac", "y2012", "CameraC"), "--json");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.EnumerateObject().Select(p => p.Name).ShouldBe(
            ["outcomeCount", "parties", "method", "pareto", "nash", "kalaiSmorodinsky", "kalaiSmorodinskyGenius", "egalitarian", "maxWelfare", "agreementZone", "gaps"]);
        root.GetProperty("method").GetString().ShouldBe("minkowski");
        root.GetProperty("outcomeCount").GetInt64().ShouldBe(3600);
        root.GetProperty("parties").EnumerateArray().Select(p => p.GetString()).ShouldBe(["Camera-C-prof1", "Camera-C-prof2"]);
        var pareto = root.GetProperty("pareto").EnumerateArray().ToList();
        pareto.Count.ShouldBe(16);
        pareto.Select(p => p.GetProperty("utilities")[0].GetDouble()).ShouldBeInOrder(SortDirection.Descending);
        pareto[0].GetProperty("outcome").EnumerateObject().Count().ShouldBe(6);
        var nash = root.GetProperty("nash").GetProperty("utilities");
        nash[0].GetDouble().ShouldBe(0.82065, 5e-6);
        nash[1].GetDouble().ShouldBe(0.88080, 5e-6);
        var geniusKs = root.GetProperty("kalaiSmorodinskyGenius").GetProperty("utilities"); // GENIUS's least-asymmetry point, as the table prints it
        geniusKs[0].GetDouble().ShouldBe(0.83940, 5e-6);
        geniusKs[1].GetDouble().ShouldBe(0.80977, 5e-6);
        var zone = root.GetProperty("agreementZone");
        zone.GetProperty("empty").GetBoolean().ShouldBeFalse();
        zone.GetProperty("outcomeCount").GetInt64().ShouldBe(2110);
        var gap = root.GetProperty("gaps")[0];
        gap.EnumerateObject().Select(p => p.Name).ShouldBe(["issue", "blocking", "ideal", "acceptable"]);
        gap.GetProperty("ideal").EnumerateObject().Count().ShouldBe(2);
    }

    [SharedFact]
    public async Task Analyze_SameScenarioTwice_PrintsIdenticalJson()
    {
        var first = await CliRunner.RunAsync("analyze", RepoPaths.Domain("anac", "y2010", "Travel"), "--json");
        var second = await CliRunner.RunAsync("analyze", RepoPaths.Domain("anac", "y2010", "Travel"), "--json");

        first.Out.ShouldBe(second.Out);
        first.Error.ShouldBeEmpty();
    }

    [SharedFact]
    public async Task Analyze_WithPlot_WritesReadableSvgAndPrintsTables()
    {
        var plot = Path.Combine(Path.GetTempPath(), $"parley-analyze-{Guid.NewGuid():N}.svg");
        try
        {
            var (code, output, _) = await CliRunner.RunAsync("analyze", RepoPaths.Domain("other", "AMPOvsCity"), "--plot", plot);

            code.ShouldBe(0);
            output.ShouldContain("Nash");
            output.ShouldContain("Kalai-Smorodinsky");
            output.ShouldContain("Per-issue gaps");
            output.ShouldContain("1,944,000 outcomes");
            var svg = XDocument.Load(plot);
            svg.Root!.Name.LocalName.ShouldBe("svg");
            File.ReadAllText(plot).ShouldContain("utility of ampo_vs_city_city_space");
        }
        finally
        {
            File.Delete(plot);
        }
    }

    [SharedFact]
    public async Task Analyze_PartiesOption_AnalysesTheChosenOrder()
    {
        var (code, output, _) = await CliRunner.RunAsync("analyze", RepoPaths.Domain("anac", "y2012", "CameraC"), "--parties", "Camera-C-prof2,Camera-C-prof1", "--json");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("nash").GetProperty("utilities")[0].GetDouble().ShouldBe(0.88080, 5e-6);
    }

    [SharedFact]
    public async Task Analyze_UnknownParty_ExitsTwoWithMessage()
    {
        var (code, _, error) = await CliRunner.RunAsync("analyze", RepoPaths.Domain("anac", "y2012", "CameraC"), "--parties", "nobody");

        code.ShouldBe(2);
        error.ShouldContain("nobody");
    }

    [Fact]
    public async Task Analyze_BuiltInScenario_PrintsTheZoneOfAgreement()
    {
        var (code, output, error) = await CliRunner.RunAsync("analyze", "israel-syria-2026");

        code.ShouldBe(0, error);
        output.ShouldContain("Zone of possible agreement");
        output.ShouldContain("Per-issue gaps");
    }

    [SharedFact]
    public async Task Analyze_PlotIntoMissingFolder_ExitsTwoWithMessage()
    {
        var plot = Path.Combine(Path.GetTempPath(), $"parley-missing-{Guid.NewGuid():N}", "plot.svg");

        var (code, _, error) = await CliRunner.RunAsync("analyze", RepoPaths.Domain("anac", "y2010", "Travel"), "--plot", plot);

        code.ShouldBe(2);
        error.ShouldContain(plot);
        error.ShouldContain("cannot write the plot");
    }

    [SharedFact]
    public async Task Analyze_PlotOfOneParty_ExitsTwoWithMessage()
    {
        var plot = Path.Combine(Path.GetTempPath(), $"parley-one-{Guid.NewGuid():N}.svg");

        var (code, _, error) = await CliRunner.RunAsync("analyze", RepoPaths.Domain("anac", "y2012", "CameraC"), "--parties", "Camera-C-prof1", "--plot", plot);

        code.ShouldBe(2);
        error.ShouldContain("at least two parties");
        File.Exists(plot).ShouldBeFalse();
    }

    [Fact]
    public async Task Analyze_MissingFolder_ExitsTwo()
    {
        var (code, _, error) = await CliRunner.RunAsync("analyze", "/no/such/scenario");

        code.ShouldBe(2);
        error.ShouldContain("/no/such/scenario");
    }

    [Fact]
    public async Task Analyze_SpaceBeyondTwoToThe53_WritesOutcomeCountAsDigits()
    {
        // 54 binary issues: 2^54 outcomes, more than a JSON number carries exactly.
        var random = new Random(54);
        var domain = new Domain("huge", Enumerable.Range(0, 54).Select(i => (Issue)new CategoricalIssue($"i{i}", "no", "yes")).ToArray());
        AdditiveProfile Profile() => new(domain, Enumerable.Range(0, 54).Select(_ => random.NextDouble()), Enumerable.Range(0, 54).Select(_ => (ValueFunction)new TableValueFunction([random.NextDouble(), random.NextDouble()])));
        var folder = Path.Combine(Path.GetTempPath(), $"parley-huge-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            GeniusWriter.WriteScenario(new Scenario("huge", domain, [new Party("a", PartyRole.Party, Profile()), new Party("b", PartyRole.Party, Profile())]), folder);

            var (code, output, error) = await CliRunner.RunAsync("analyze", folder, "--json");

            code.ShouldBe(0, error);
            using var doc = JsonDocument.Parse(output);
            doc.RootElement.GetProperty("outcomeCount").GetString().ShouldBe(BigInteger.Pow(2, 54).ToString(System.Globalization.CultureInfo.InvariantCulture));
            doc.RootElement.GetProperty("pareto").GetArrayLength().ShouldBeGreaterThan(0);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
