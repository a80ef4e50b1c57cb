using System.Net;
using System.Net.Http.Json;
using Parley.Analysis.TwoLevel;
using Parley.Workbench;

namespace Parley.Server.Tests;

/// <summary>
/// The mediator's status-quo, ratification and robustness view (<c>GET analysis/two-level</c>): the
/// library's analysis translated, the mediator's alone, built only from the profiles the mediator may see.
/// </summary>
public sealed class TwoLevelAnalysisTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private HttpClient Http => server.Http;

    [Fact]
    public async Task TwoLevel_Mediator_StatusQuoHarvestAndPackagesAsTheLibraryComputesThem()
    {
        var table = await Table.OpenAsync(Http);

        var view = await Table.Json(await table.SendAsync(HttpMethod.Get, "analysis/two-level?draws=200&seed=3", table.Mediator), HttpStatusCode.OK);

        var scenario = CaseSources.BuiltIn("israel-syria-2026");
        var expected = TwoLevelAnalyzer.Analyze(scenario);
        var robustness = RobustnessAnalyzer.Run(expected, new RobustnessOptions(200, 3));
        var issues = view["issues"]!.AsArray();
        issues.Count.ShouldBe(scenario.Domain.IssueCount);
        for (var i = 0; i < scenario.Domain.IssueCount; i++)
        {
            var level = scenario.StatusQuo!.Levels[i];
            issues[i]!["issue"]!.GetValue<string>().ShouldBe(scenario.Domain.Issues[i].Name);
            (issues[i]!["statusQuo"]?.GetValue<string>()).ShouldBe(level < 0 ? null : scenario.Domain.Issues[i].FormatLevel(level));
            issues[i]!["earlyHarvestShare"]!.GetValue<double>().ShouldBe(robustness.EarlyHarvest[i], 1e-12);
        }

        view["earlyHarvest"]!.AsArray().Count.ShouldBe(expected.EarlyHarvest.Count);
        view["robustness"]!["draws"]!.GetValue<int>().ShouldBe(200);
        view["robustness"]!["pZoneEmpty"]!.GetValue<double>().ShouldBe(robustness.PZoneEmpty, 1e-12);
        view["zone"]!["acceptable"]!.GetValue<long>().ShouldBe(expected.Counts!.Zone);
        var packages = view["packages"]!.AsArray();
        packages.Select(p => p!["label"]!.GetValue<string>()).ShouldBe(expected.Candidates.Select(c => c.Label));
        for (var c = 0; c < packages.Count; c++)
        {
            var package = packages[c]!;
            package["pRatifiedAll"]!.GetValue<double>().ShouldBe(expected.Candidates[c].PRatifiedAll, 1e-12);
            package["utilities"]!["Israel"]!.GetValue<double>().ShouldBe(expected.Candidates[c].Utilities[0], 1e-12);
            package["approval"]!["Israel"]!.AsObject().Select(a => a.Key).ShouldBe(["Coalition", "Knesset"]);
            package["robustness"]!["pAcceptable"]!.GetValue<double>().ShouldBe(robustness.Packages[c].PAcceptable, 1e-12);
        }
    }

    [Fact]
    public async Task TwoLevel_OthersAndBadDraws_ProblemDetails()
    {
        var table = await Table.OpenAsync(Http);

        await Table.Problem(await table.SendAsync(HttpMethod.Get, "analysis/two-level", table.Israel), HttpStatusCode.Forbidden);
        await Table.Problem(await table.SendAsync(HttpMethod.Get, "analysis/two-level", table.Observer), HttpStatusCode.Forbidden);
        await Table.Problem(await table.SendAsync(HttpMethod.Get, "analysis/two-level?draws=-1", table.Mediator), HttpStatusCode.UnprocessableEntity);
        await Table.Problem(await table.SendAsync(HttpMethod.Get, "analysis/two-level?draws=20001", table.Mediator), HttpStatusCode.UnprocessableEntity);
        await Table.Problem(await table.SendAsync(HttpMethod.Get, "analysis/two-level?draws=many", table.Mediator), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task TwoLevel_CaseFromScratch_ConflictSaysWhy()
    {
        var created = await Table.Json(await Http.PostAsJsonAsync("/api/negotiations", new
        {
            title = "Water",
            issues = new[] { new { name = "share", options = new[] { "30", "50", "70" } } },
            seats = new[] { "upstream", "downstream" },
        }), HttpStatusCode.Created);
        var table = new Table { Http = Http, Id = created["id"]!.GetValue<string>(), Mediator = created["invitations"]![0]!["token"]!.GetValue<string>(), Israel = "", Syria = "", Observer = "" };

        var problem = await Table.Problem(await table.SendAsync(HttpMethod.Get, "analysis/two-level", table.Mediator), HttpStatusCode.Conflict);

        problem["title"]!.GetValue<string>().ShouldContain("no status quo");
    }

    [Fact]
    public async Task TwoLevel_DeclarationKeptConfidential_NotUsedSharedOneIs()
    {
        var table = await Table.OpenAsync(Http);
        var before = await ReadAsync(table);

        // Israel puts all its weight on one article and keeps it to itself: the mediator's view does not move.
        await table.ActAsync(HttpMethod.Put, "profile", table.Israel, new { weights = new Dictionary<string, double> { ["withdrawal"] = 1, ["mount-hermon"] = 0, ["legal-basis"] = 0, ["demilitarisation"] = 0, ["airspace"] = 0, ["reciprocity"] = 0, ["military-activity"] = 0, ["monitoring"] = 0, ["coordination-mechanism"] = 0, ["druze-suwayda"] = 0, ["next-steps"] = 0 }, shareWithMediator = false });
        (await ReadAsync(table)).ShouldBe(before);

        // Syria drops its red lines and shares that: the mediator's view uses it.
        await table.ActAsync(HttpMethod.Put, "profile", table.Syria, new { redLines = Array.Empty<object>(), shareWithMediator = true });
        var after = await ReadAsync(table);
        after.ShouldNotBe(before);
        var feasible = (await Table.Json(await table.SendAsync(HttpMethod.Get, "analysis/two-level?draws=0", table.Mediator), HttpStatusCode.OK))["zone"]!["feasible"]!.GetValue<long>();
        feasible.ShouldBeGreaterThan(System.Text.Json.Nodes.JsonNode.Parse(before)!["zone"]!["feasible"]!.GetValue<long>());
    }

    private static async Task<string> ReadAsync(Table table) =>
        (await Table.Json(await table.SendAsync(HttpMethod.Get, "analysis/two-level?draws=0", table.Mediator), HttpStatusCode.OK)).ToJsonString();
}
