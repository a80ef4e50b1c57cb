using System.Text.Json;

namespace Parley.Cli.Tests;

public sealed class NegotiateCommandTests
{
    private static readonly string CameraC = SharedDomains.Path("anac", "y2012", "CameraC");

    [Fact]
    public async Task Agents_ListsEveryBuiltInIdWithADescription()
    {
        var (code, output, _) = await CliRunner.RunAsync("agents");

        code.ShouldBe(0);
        foreach (var id in new[] { "boulware", "linear", "conceder", "hardliner", "random", "tit-for-tat", "micro", "hardheaded", "time-dependent:e=" })
        {
            output.ShouldContain(id);
        }
    }

    [SharedFact]
    public async Task Negotiate_Json_FollowsTheContract()
    {
        var (code, output, error) = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "boulware,conceder", "--seed", "7", "--json");

        code.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("agreement").GetBoolean().ShouldBeTrue();
        root.GetProperty("outcome").GetProperty("Maker").GetString().ShouldNotBeNullOrEmpty();
        root.GetProperty("utilities").GetProperty("Camera-C-prof1").GetDouble().ShouldBeInRange(0, 1);
        root.GetProperty("rounds").GetInt32().ShouldBeGreaterThan(0);
        root.GetProperty("endReason").GetString().ShouldBe("agreement");
        root.GetProperty("failedAgent").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("failure").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("socialWelfare").GetDouble().ShouldBe(
            root.GetProperty("utilities").GetProperty("Camera-C-prof1").GetDouble() + root.GetProperty("utilities").GetProperty("Camera-C-prof2").GetDouble(), 1e-9);

        // CameraC's Nash point per GENIUS is (0.82065, 0.88080); the distances are measured against the exact analysis.
        var u1 = root.GetProperty("utilities").GetProperty("Camera-C-prof1").GetDouble();
        var u2 = root.GetProperty("utilities").GetProperty("Camera-C-prof2").GetDouble();
        root.GetProperty("distanceToNash").GetDouble().ShouldBe(Math.Sqrt(((u1 - 0.82065) * (u1 - 0.82065)) + ((u2 - 0.88080) * (u2 - 0.88080))), 1e-4);
        root.GetProperty("distanceToPareto").GetDouble().ShouldBeInRange(0, root.GetProperty("distanceToNash").GetDouble());
    }

    [SharedFact]
    public async Task Negotiate_AgentWithParameterList_IsOneAgent()
    {
        var (code, output, error) = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "time-dependent:e=0.5,k=0.1,conceder", "--json", "--rounds", "100");

        code.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("agents").GetProperty("Camera-C-prof1").GetString().ShouldBe("time-dependent:e=0.5,k=0.1");
        doc.RootElement.GetProperty("agents").GetProperty("Camera-C-prof2").GetString().ShouldBe("conceder");
    }

    [SharedFact]
    public async Task Negotiate_PlotOfAFourPartySession_IsRefusedBeforeTheSessionRuns()
    {
        var dir = Directory.CreateTempSubdirectory("parley-negotiate-");
        try
        {
            var csv = Path.Combine(dir.FullName, "t.csv");
            var (code, _, error) = await CliRunner.RunAsync("negotiate", SharedDomains.Path("other", "Domain1"), "--agents", "boulware,conceder,linear,micro", "--rounds", "20", "--trace", csv, "--plot", Path.Combine(dir.FullName, "s.svg"));

            code.ShouldBe(2);
            error.ShouldContain("two-party");
            File.Exists(csv).ShouldBeFalse();
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Negotiate_SameSeedTwice_SameOutput()
    {
        var first = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "random,hardheaded", "--seed", "3", "--json", "--rounds", "200");
        var second = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "random,hardheaded", "--seed", "3", "--json", "--rounds", "200");

        first.Out.ShouldBe(second.Out);
    }

    [SharedFact]
    public async Task Negotiate_ShortSession_PrintsALiveTableAndTheResult()
    {
        var (code, output, _) = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "hardliner,hardliner", "--rounds", "5");

        code.ShouldBe(0);
        output.ShouldContain("u:Camera-C-prof1");
        output.ShouldContain("No agreement: deadline reached after 5 rounds");
        output.Split('\n').Count(l => l.Contains(" offer", StringComparison.Ordinal)).ShouldBe(10);
    }

    [SharedFact]
    public async Task Negotiate_DominatedAgreement_OffersAPostSettlementEveryPartyWeaklyPrefers()
    {
        // Random against Conceder (seed 3) agrees on a package 0.045 from the frontier.
        var (code, output, error) = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "random,conceder", "--seed", "3", "--json");

        code.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("agreement").GetBoolean().ShouldBeTrue();
        var post = root.GetProperty("postSettlement");
        post.ValueKind.ShouldBe(JsonValueKind.Object);
        var agreed = root.GetProperty("utilities");
        var gainSomewhere = false;
        foreach (var party in post.GetProperty("utilities").EnumerateObject())
        {
            party.Value.GetDouble().ShouldBeGreaterThanOrEqualTo(agreed.GetProperty(party.Name).GetDouble() - 1e-12);
            gainSomewhere |= party.Value.GetDouble() > agreed.GetProperty(party.Name).GetDouble() + 1e-9;
        }

        gainSomewhere.ShouldBeTrue();
        post.GetProperty("outcome").EnumerateObject().Count().ShouldBe(6);
    }

    [SharedFact]
    public async Task Negotiate_ParetoOptimalAgreement_SaysThereIsNoPostSettlement()
    {
        var (code, output, error) = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "conceder,conceder");

        code.ShouldBe(0, error);
        output.ShouldContain("Post-settlement: no package is better for one party and no worse for any");
    }

    [SharedFact]
    public async Task Negotiate_TraceAndPlot_WritesTheFiles()
    {
        var dir = Directory.CreateTempSubdirectory("parley-negotiate-");
        try
        {
            var csv = Path.Combine(dir.FullName, "trace.csv");
            var json = Path.Combine(dir.FullName, "trace.json");
            var svg = Path.Combine(dir.FullName, "session.svg");

            var (code, _, error) = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "boulware,linear", "--trace", csv, "--plot", svg);
            var (code2, _, _) = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "boulware,linear", "--trace", json);

            code.ShouldBe(0, error);
            code2.ShouldBe(0);
            File.ReadAllLines(csv)[0].ShouldStartWith("index,round,time,actor,party,action,Maker");
            File.ReadAllText(svg).ShouldStartWith("<svg");
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            doc.RootElement.GetProperty("events").GetArrayLength().ShouldBeGreaterThan(2);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [SharedTheory]
    [InlineData("Domain1", "Domain1_util1,Domain1_util2,Domain1_util3", "conceder,linear,conceder")]
    [InlineData("Domain16", "Domain16_util1,Domain16_util2,Domain16_util3,Domain16_util4,Domain16_util5,Domain16_util6", "conceder,linear,conceder,boulware,conceder,micro")]
    public async Task Negotiate_MultilateralDomain_RunsWithChosenProfiles(string domain, string profiles, string agents)
    {
        var (code, output, error) = await CliRunner.RunAsync("negotiate", SharedDomains.Path("other", domain), "--profiles", profiles, "--agents", agents, "--json");

        code.ShouldBe(0, error);
        using var doc = JsonDocument.Parse(output);
        var utilities = doc.RootElement.GetProperty("utilities");
        utilities.EnumerateObject().Select(p => p.Name).ShouldBe(profiles.Split(','));
        doc.RootElement.GetProperty("endReason").GetString().ShouldBeOneOf("agreement", "deadline");
    }

    [SharedFact]
    public async Task Negotiate_UnknownAgent_ExitsTwoNamingTheKnownOnes()
    {
        var (code, _, error) = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "boulware,genius");

        code.ShouldBe(2);
        error.ShouldContain("genius");
        error.ShouldContain("hardheaded");
    }

    [SharedFact]
    public async Task Negotiate_AgentCountDiffersFromParties_ExitsTwo()
    {
        var (code, _, error) = await CliRunner.RunAsync("negotiate", SharedDomains.Path("other", "Domain1"), "--agents", "boulware,conceder");

        code.ShouldBe(2);
        error.ShouldContain("--profiles");
    }

    [SharedFact]
    public async Task Negotiate_BadDuration_ExitsTwo()
    {
        var (code, _, error) = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "boulware,conceder", "--time", "soon");

        code.ShouldBe(2);
        error.ShouldContain("--time");
    }

    [SharedFact]
    public async Task Negotiate_WallTimeDeadline_Runs()
    {
        var (code, output, error) = await CliRunner.RunAsync("negotiate", CameraC, "--agents", "conceder,conceder", "--time", "2s", "--json");

        code.ShouldBe(0, error);
        output.ShouldContain("\"endReason\"");
    }
}
