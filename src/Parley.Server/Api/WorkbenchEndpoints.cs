using Parley.Workbench;

namespace Parley.Server.Api;

/// <summary>
/// The routes the consoles add to the API, behind the same authorisation filter: article-by-article
/// answers, recorded partial agreements and the mediator's utility-space picture.
/// </summary>
internal static class WorkbenchEndpoints
{
    public static void Map(RouteGroupBuilder one)
    {
        NegotiationEndpoints.Command<ArticleAnswersRequest>(one.MapPost("/answers", (HttpContext http, NegotiationRegistry r, ArticleAnswersRequest body) =>
            NegotiationEndpoints.ActAsync(http, r, new AnswerArticles(body.Answers ?? []))), "Delegation: answer the open round's text article by article (confidential, like a ballot).");
        NegotiationEndpoints.Command<AgreementRequest>(one.MapPost("/agreements", (HttpContext http, NegotiationRegistry r, AgreementRequest body) =>
            NegotiationEndpoints.ActAsync(http, r, new RecordAgreement(body.Articles ?? new Dictionary<string, string>()))), "Mediator: record the articles agreed so far (a partial agreement).");
        one.MapGet("/analysis/utility-space.svg", UtilitySpaceAsync)
            .WithSummary("Mediator: the utility-space plot over the profiles the mediator may see (SVG).").ProducesProblem(403);
    }

    private static async Task<IResult> UtilitySpaceAsync(HttpContext http, NegotiationRegistry registry)
    {
        var a = NegotiationEndpoints.Access(http);
        if (!a.Audience.IsMediator)
        {
            return NegotiationEndpoints.Problem(403, "the analysis is the mediator's");
        }

        var svg = await registry.ReadAsync(a.Entry!, CasePlots.UtilitySpace, http.RequestAborted).ConfigureAwait(false);
        return svg is null
            ? NegotiationEndpoints.Problem(409, "the mediator knows fewer than two profiles: nothing to draw")
            : Results.Text(svg, "image/svg+xml; charset=utf-8");
    }
}
