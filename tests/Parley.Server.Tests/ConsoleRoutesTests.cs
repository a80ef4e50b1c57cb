using System.Net;

namespace Parley.Server.Tests;

/// <summary>The routes the browser consoles add: the page and its assets, article answers, partial agreements and the utility-space picture.</summary>
public sealed class ConsoleRoutesTests(SqliteServer server) : IClassFixture<SqliteServer>
{
    private HttpClient Http => server.Http;

    [Fact]
    public async Task Console_PageAndAssets_ServedFromTheAppWithAStrictPolicy()
    {
        var page = await Http.GetAsync("/console/any-id");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldStartWith("default-src 'self'");
        page.Headers.GetValues("Referrer-Policy").Single().ShouldBe("no-referrer");
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldNotContain("http://");
        html.ShouldNotContain("https://");

        foreach (var asset in new[] { "console.js", "console.css", "signalr.min.js" })
        {
            var response = await Http.GetAsync("/console/assets/" + asset);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, asset);
            (await response.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(1000, asset);
        }

        (await Http.GetAsync("/console/assets/nothing.js")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Answers_ThenAgreement_ConfidentialAnswersPublicAgreementInTheText()
    {
        var table = await Table.OpenAsync(Http);
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "answers", table.Israel, new { answers = new[] { new { issue = "monitoring", accept = true, comment = "" } } }), HttpStatusCode.Conflict);
        await table.ActAsync(HttpMethod.Post, "rounds", table.Mediator, new { text = await ApiTests.SuggestedDraftAsync(table) });

        await table.ActAsync(HttpMethod.Post, "answers", table.Israel, new { answers = new[] { new { issue = "monitoring", accept = true, comment = "ISRAEL-ARTICLE-MARK" } } });
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "answers", table.Israel, new { answers = new[] { new { issue = "moon", accept = true, comment = "" } } }), HttpStatusCode.UnprocessableEntity);
        await Table.Problem(await table.SendAsync(HttpMethod.Post, "answers", table.Mediator, new { answers = new[] { new { issue = "monitoring", accept = true, comment = "" } } }), HttpStatusCode.Forbidden);

        (await table.ViewAsync(table.Mediator)).ToJsonString().ShouldContain("ISRAEL-ARTICLE-MARK");
        (await table.ViewAsync(table.Israel)).ToJsonString().ShouldContain("ISRAEL-ARTICLE-MARK");
        (await table.ViewAsync(table.Syria)).ToJsonString().ShouldNotContain("ISRAEL-ARTICLE-MARK");

        await Table.Problem(await table.SendAsync(HttpMethod.Post, "agreements", table.Israel, new { articles = new { monitoring = "us-led" } }), HttpStatusCode.Forbidden);
        await table.ActAsync(HttpMethod.Post, "agreements", table.Mediator, new { articles = new { monitoring = "us-led" } });
        var text = await (await table.SendAsync(HttpMethod.Get, "text.md", table.Syria)).Content.ReadAsStringAsync();
        text.ShouldContain("## Articles agreed so far");
        text.ShouldContain("8. **monitoring** (us-led)");
    }

    [Fact]
    public async Task UtilitySpace_Mediator_SvgOthersRefused()
    {
        var table = await Table.OpenAsync(Http);

        var svg = await table.SendAsync(HttpMethod.Get, "analysis/utility-space.svg", table.Mediator);
        svg.StatusCode.ShouldBe(HttpStatusCode.OK);
        svg.Content.Headers.ContentType!.MediaType.ShouldBe("image/svg+xml");
        (await svg.Content.ReadAsStringAsync()).ShouldStartWith("<svg");

        await Table.Problem(await table.SendAsync(HttpMethod.Get, "analysis/utility-space.svg", table.Israel), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Clauses_MediatorRewords_EveryoneSeesItOthersRefused()
    {
        var table = await Table.OpenAsync(Http);

        await Table.Problem(await table.SendAsync(HttpMethod.Put, "clauses", table.Israel, new { issue = "airspace", option = "no-fly-zone", text = "x" }), HttpStatusCode.Forbidden);
        await Table.Problem(await table.SendAsync(HttpMethod.Put, "clauses", table.Mediator, new { issue = "airspace", option = "moon", text = "x" }), HttpStatusCode.UnprocessableEntity);
        await table.ActAsync(HttpMethod.Put, "clauses", table.Mediator, new { issue = "airspace", option = "no-fly-zone", text = "CLAUSE-REWORDED-MARK" });

        foreach (var token in new[] { table.Mediator, table.Israel, table.Syria })
        {
            var airspace = (await table.ViewAsync(token))["issues"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == "airspace")!;
            airspace["clauses"]!["no-fly-zone"]!.GetValue<string>().ShouldBe("CLAUSE-REWORDED-MARK");
        }
    }
}
