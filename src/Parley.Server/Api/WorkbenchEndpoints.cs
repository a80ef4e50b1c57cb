using Parley.Workbench;

namespace Parley.Server.Api;

/// <summary>
/// The routes the consoles add to the API, behind the same authorisation filter: article-by-article
/// answers, recorded partial agreements, the post-settlement step and the mediator's analysis pictures.
/// </summary>
internal static class WorkbenchEndpoints
{
    public static void Map(RouteGroupBuilder one)
    {
        NegotiationEndpoints.Command<ArticleAnswersRequest>(one.MapPost("/answers", (HttpContext http, NegotiationRegistry r, ArticleAnswersRequest body) =>
            NegotiationEndpoints.ActAsync(http, r, new AnswerArticles(body.Answers ?? []))), "Delegation: answer the open round's text article by article (confidential, like a ballot).");
        NegotiationEndpoints.Command<AgreementRequest>(one.MapPost("/agreements", (HttpContext http, NegotiationRegistry r, AgreementRequest body) =>
            NegotiationEndpoints.ActAsync(http, r, new RecordAgreement(body.Articles ?? new Dictionary<string, string>()))), "Mediator: record the articles agreed so far (a partial agreement).");
        NegotiationEndpoints.Command<ClauseRequest>(one.MapPut("/clauses", (HttpContext http, NegotiationRegistry r, ClauseRequest body) =>
            NegotiationEndpoints.ActAsync(http, r, new WordClause(body.Issue ?? "", body.Option ?? "", body.Text ?? ""))), "Mediator: reword the clause of one option of an article (free text; public; every earlier wording stays in the record). Refused while a round or signing is open, and for an article agreed in that option.");
        one.MapGet("/post-settlement", PostSettlementAsync)
            .WithSummary("After a signed agreement: the post-settlement step as the caller may see it. The mediator sees the improvement the library proposes (a text over the signed articles every delegation weakly prefers and one strictly prefers, by their declared profiles) before offering it, or why there is none; a delegation sees the offered text and its own gain only; observers the offered text, with the public record.")
            .Produces<PostSettlementView>().ProducesProblem(409);
        NegotiationEndpoints.Command<object?>(one.MapPost("/post-settlement/offer", (HttpContext http, NegotiationRegistry r) =>
            NegotiationEndpoints.ActAsync(http, r, new OfferImprovement())), "Mediator: offer the delegations the post-settlement improvement of the signed agreement (once; refused when there is none).");
        NegotiationEndpoints.Command<AnswerRequest>(one.MapPost("/post-settlement/answers", (HttpContext http, NegotiationRegistry r, AnswerRequest body) =>
            NegotiationEndpoints.ActAsync(http, r, new AnswerImprovement(body.Yes))), "Delegation: accept or decline the offered improvement (confidential, like a ballot). When every delegation accepts, the improved text becomes the signed agreement; when one declines, the signed agreement stands.");
        one.MapGet("/analysis/utility-space.svg", UtilitySpaceAsync)
            .WithSummary("Mediator: the utility-space plot over the profiles the mediator may see (SVG).").ProducesProblem(403);
        one.MapGet("/analysis/two-level", TwoLevelAsync)
            .WithSummary("Mediator: the status quo per issue, the early harvest, each side's constituencies and the candidate packages with their chances of ratification and, with draws > 0 (default 1000, at most 20000; seed default 7), their robustness across the scenario's stated uncertainty; from the profiles the mediator may see.")
            .Produces<MediatorTwoLevelView>().ProducesProblem(403).ProducesProblem(409).ProducesProblem(422);
    }

    private static async Task<IResult> TwoLevelAsync(HttpContext http, NegotiationRegistry registry, int? draws, int? seed)
    {
        var a = NegotiationEndpoints.Access(http);
        if (!a.Audience.IsMediator)
        {
            return NegotiationEndpoints.Problem(403, "the analysis is the mediator's");
        }

        var n = draws ?? 1000;
        if (n is < 0 or > CaseTwoLevel.MaxDraws)
        {
            return NegotiationEndpoints.Problem(422, $"draws must be between 0 and {CaseTwoLevel.MaxDraws}");
        }

        // The snapshot is taken under the case's lock; the analysis runs on the immutable scenario outside
        // it, on one thread, so that one mediator's request does not hold every core of a shared server.
        var scenario = await registry.ReadAsync(a.Entry!, a.Invitation!, CaseTwoLevel.MediatorScenario, http.RequestAborted).ConfigureAwait(false);
        if (scenario is null)
        {
            return NegotiationEndpoints.Problem(409, "this negotiation's scenario states no status quo, constituencies at home or linkage rules (or the mediator knows fewer than two profiles): nothing to add to the gap view");
        }

        try
        {
            var view = await Task.Run(() => CaseTwoLevel.Analyze(scenario, n, seed ?? 7, maxDegreeOfParallelism: 1), http.RequestAborted).ConfigureAwait(false);
            return Results.Json(view, CaseJson.Options);
        }
        catch (ArgumentException e)
        {
            return NegotiationEndpoints.Problem(422, "the analysis cannot use these profiles: " + e.Message);
        }
    }

    private static async Task<IResult> PostSettlementAsync(HttpContext http, NegotiationRegistry registry)
    {
        var a = NegotiationEndpoints.Access(http);
        var view = await registry.ReadAsync(a.Entry!, a.Invitation!, c => c.PostSettlementFor(a.Audience), http.RequestAborted).ConfigureAwait(false);
        return view is null
            ? NegotiationEndpoints.Problem(409, "there is no post-settlement step to show: no agreement has been signed yet, or the mediator has not offered an improvement")
            : Results.Json(view, CaseJson.Options);
    }

    private static async Task<IResult> UtilitySpaceAsync(HttpContext http, NegotiationRegistry registry)
    {
        var a = NegotiationEndpoints.Access(http);
        if (!a.Audience.IsMediator)
        {
            return NegotiationEndpoints.Problem(403, "the analysis is the mediator's");
        }

        var svg = await registry.ReadAsync(a.Entry!, a.Invitation!, CasePlots.UtilitySpace, http.RequestAborted).ConfigureAwait(false);
        return svg is null
            ? NegotiationEndpoints.Problem(409, "the mediator knows fewer than two profiles: nothing to draw")
            : Results.Text(svg, "image/svg+xml; charset=utf-8");
    }
}
