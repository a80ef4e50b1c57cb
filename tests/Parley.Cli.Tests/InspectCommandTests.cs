using System.Text.Json;
using Parley.Domains;
using Parley.Formats.ParleyJson;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Cli.Tests;

public sealed class InspectCommandTests
{
    [SharedFact]
    public async Task Inspect_EnergyJson_FollowsTheContract()
    {
        var (code, output, _) = await CliRunner.RunAsync("inspect", RepoPaths.Domain("anac", "y2011", "Energy"), "--json");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("name").GetString().ShouldBe("Energy");
        root.GetProperty("outcomeCount").GetInt64().ShouldBe(390625);
        var first = root.GetProperty("issues")[0];
        first.GetProperty("name").GetString().ShouldBe("0000-0300");
        first.GetProperty("type").GetString().ShouldBe("categorical");
        first.GetProperty("values")[1].GetString().ShouldBe("25 kW");
        var party = root.GetProperty("parties")[0];
        party.GetProperty("name").GetString().ShouldBe("energy_consumer");
        party.GetProperty("role").GetString().ShouldBe("party");
        party.GetProperty("reservationValue").GetDouble().ShouldBe(0.0);
        party.GetProperty("discountFactor").GetDouble().ShouldBe(1.0);
        party.GetProperty("weights").GetProperty("0000-0300").GetDouble().ShouldBe(0.03, 1e-12);
    }

    [Fact]
    public async Task Inspect_TwelveIssuesOfTenOptions_CountsTenToTheTwelveWithoutEnumerating()
    {
        using var dir = new TempDir();
        var path = WriteGenerated(dir, issues: 12, options: 10);

        var (code, output, _) = await CliRunner.RunAsync("inspect", path, "--json");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("outcomeCount").GetInt64().ShouldBe(1_000_000_000_000);
    }

    [Fact]
    public async Task Inspect_CountAboveTwoToThe53_IsAStringOfDigits()
    {
        using var dir = new TempDir();
        var path = WriteGenerated(dir, issues: 20, options: 10);

        var (code, output, _) = await CliRunner.RunAsync("inspect", path, "--json");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("outcomeCount").GetString().ShouldBe("1" + new string('0', 20));
    }

    [Fact]
    public async Task Inspect_BuiltInScenarioByName_ShowsItsParties()
    {
        var (code, output, _) = await CliRunner.RunAsync("inspect", "israel-syria-2026");

        code.ShouldBe(0);
        output.ShouldContain("Israel");
        output.ShouldContain("Syria");
        output.ShouldContain("mediator");
    }

    [SharedFact]
    public async Task Inspect_ProfilesOption_PicksThoseProfilesInOrder()
    {
        var (code, output, _) = await CliRunner.RunAsync("inspect", RepoPaths.Domain("other", "ItexvsCypressDomain"), "--profiles", "ItexvsCypress_ItexBReserve05,ItexvsCypress_CypressAReserve05", "--json");

        code.ShouldBe(0, output);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("parties").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["ItexvsCypress_ItexBReserve05", "ItexvsCypress_CypressAReserve05"]);
    }

    [SharedFact]
    public async Task Inspect_UnknownProfile_ExitsTwoListingTheAvailableOnes()
    {
        var (code, _, error) = await CliRunner.RunAsync("inspect", RepoPaths.Domain("anac", "y2012", "CameraC"), "--profiles", "nobody");

        code.ShouldBe(2);
        error.ShouldContain("nobody");
        error.ShouldContain("Camera-C-prof1");
    }

    [Fact]
    public async Task Inspect_MissingPath_ExitsTwoNamingIt()
    {
        var (code, _, error) = await CliRunner.RunAsync("inspect", "/no/such/scenario.json");

        code.ShouldBe(2);
        error.ShouldContain("/no/such/scenario.json");
        error.ShouldContain("no such file");
    }

    [Fact]
    public async Task Help_EveryCommand_PrintsUsage()
    {
        var (rootCode, rootHelp, _) = await CliRunner.RunAsync("--help");
        rootCode.ShouldBe(0);
        foreach (var command in new[] { "inspect", "convert" })
        {
            rootHelp.ShouldContain(command);
            var (code, help, _) = await CliRunner.RunAsync(command, "--help");
            code.ShouldBe(0);
            help.ShouldContain("Usage:");
        }
    }

    private static string WriteGenerated(TempDir dir, int issues, int options)
    {
        var domain = new Domain("generated", Enumerable.Range(0, issues).Select(i => (Issue)new CategoricalIssue($"issue{i}", Enumerable.Range(0, options).Select(o => $"o{o}").ToArray())));
        var profile = new AdditiveProfile(domain, Enumerable.Repeat(1.0 / issues, issues), domain.Issues.Select(_ => (ValueFunction)new TableValueFunction(Enumerable.Range(0, options).Select(o => o / (double)(options - 1)))));
        var scenario = new Scenario("generated", domain, [new Party("a", PartyRole.Party, profile)]);
        var path = Path.Combine(dir.Path, "generated.json");
        ParleyScenarioWriter.Write(scenario, path);
        return path;
    }
}
