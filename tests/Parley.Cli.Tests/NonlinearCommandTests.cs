using System.Text.Json;

namespace Parley.Cli.Tests;

/// <summary>The commands on ANAC 2014's nonlinear (hyper-rectangle) domains.</summary>
public sealed class NonlinearCommandTests
{
    [SharedFact]
    public async Task Analyze_Anac2014TenIssues_ProvesTheFrontierByCpSat()
    {
        var (code, output, _) = await CliRunner.RunAsync("analyze", RepoPaths.Domain("anac", "y2014", "10issues"), "--json");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("outcomeCount").GetInt64().ShouldBe(10_000_000_000);
        root.GetProperty("method").GetString().ShouldBe("cp-sat");
        root.GetProperty("solver").GetProperty("proved").GetBoolean().ShouldBeTrue();
        root.GetProperty("pareto").GetArrayLength().ShouldBe(10);
        var nash = root.GetProperty("nash").GetProperty("utilities");
        nash[0].GetDouble().ShouldBe(0.7583082, 1e-6); // a published pareto.xml point
        nash[1].GetDouble().ShouldBe(0.91638416, 1e-6);
        root.GetProperty("agreementZone").GetProperty("proved").GetBoolean().ShouldBeTrue();
    }

    [SharedFact]
    public async Task Inspect_Anac2014Folder_DescribesTheConstraints()
    {
        var (code, output, _) = await CliRunner.RunAsync("inspect", RepoPaths.Domain("anac", "y2014", "10issues"), "--json");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var constraints = doc.RootElement.GetProperty("parties")[0].GetProperty("constraints");
        constraints.GetProperty("count").GetInt32().ShouldBeGreaterThan(0);
        constraints.GetProperty("scale").GetDouble().ShouldBe(662);
        constraints.GetProperty("capsAtOne").GetBoolean().ShouldBeTrue();
        constraints.GetProperty("issuesPerConstraint").EnumerateObject().Sum(p => p.Value.GetInt32()).ShouldBe(constraints.GetProperty("count").GetInt32());
    }

    [SharedFact]
    public async Task ParetoCheck_TenIssues_IsExactAndS1NIKFRT2IsNot()
    {
        var (code, output, _) = await CliRunner.RunAsync("pareto-check", RepoPaths.Domain("anac", "y2014", "10issues"), RepoPaths.Domain("other", "S-1NIKFRT-2"), "--json");

        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var results = doc.RootElement.EnumerateArray().ToList();
        results[0].GetProperty("exact").GetBoolean().ShouldBeTrue();
        results[0].GetProperty("onFrontier").GetInt32().ShouldBe(10);
        results[1].GetProperty("frontierProved").GetBoolean().ShouldBeTrue();
        results[1].GetProperty("dominated").GetInt32().ShouldBeGreaterThan(0);
        var dominated = results[1].GetProperty("checks").EnumerateArray().First(c => c.GetProperty("verdict").GetString() == "dominated");
        dominated.GetProperty("outcome").EnumerateObject().Count().ShouldBe(20);
    }

    [Fact]
    public async Task ParetoCheck_FolderWithoutPublishedFrontier_ExitsTwoNamingIt()
    {
        var dir = Path.Combine(Path.GetTempPath(), "parley-pc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            var (code, _, error) = await CliRunner.RunAsync("pareto-check", dir);

            code.ShouldBe(2);
            error.ShouldContain("pareto.xml");
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
