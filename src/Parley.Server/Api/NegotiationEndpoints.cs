using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Parley.Workbench;

namespace Parley.Server.Api;

/// <summary>
/// The HTTP API. Every route under <c>/api/negotiations/{id}</c> passes the one authorisation filter
/// (<see cref="AccessControl"/>) before its handler runs; handlers translate a body into a library
/// command, and the library decides. Refusals and bad input are problem details, and change nothing.
/// </summary>
internal static class NegotiationEndpoints
{
    private const string AccessKey = "parley.access";

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api").WithTags("negotiations");
        api.MapGet("/scenarios", () => TypedResults.Ok(Parley.Formats.BuiltInScenarios.Names))
            .WithSummary("The built-in scenarios a negotiation can be created from.");
        var create = api.MapGroup("/negotiations").AddEndpointFilter(OperatorAsync).ProducesProblem(401).ProducesProblem(429);
        create.MapPost("", CreateAsync)
            .WithSummary("Operator: create a negotiation from a built-in scenario or from scratch; the answer holds the mediator's token (shown once).")
            .ProducesProblem(400).ProducesProblem(422);
        create.MapPost("/upload", UploadAsync)
            .WithSummary("Operator: create a negotiation from an uploaded scenario file (any single-file format Parley reads; at most 1 MiB).")
            .DisableAntiforgery().ProducesProblem(400).ProducesProblem(413).ProducesProblem(422);
        create.MapPost("/import", ImportAsync)
            .WithSummary("Operator: re-create a negotiation from an exported record (at most 1 MiB); a fresh mediator invitation is issued.")
            .DisableAntiforgery().ProducesProblem(400).ProducesProblem(413).ProducesProblem(422);

        var one = api.MapGroup("/negotiations/{id}").AddEndpointFilter(AuthoriseAsync)
            .ProducesProblem(401).ProducesProblem(404).ProducesProblem(429);
        one.MapGet("", (HttpContext http, NegotiationRegistry registry) => ReadAsync(http, registry, (c, a) => c.ViewFor(a)))
            .WithSummary("The negotiation as the caller may see it.");
        one.MapGet("/events", (HttpContext http, NegotiationRegistry registry, long? after) => ReadAsync(http, registry, (c, a) => c.VisibleRecords(a, after ?? 0), after ?? 0))
            .WithSummary("The events after a sequence that the caller may see (what a reconnecting client catches up with).");
        one.MapGet("/export", ExportAsync).WithSummary("The record as the caller may see it, as JSON (the full, re-importable record is the operator's: parley serve --export ID).");
        one.MapGet("/text.md", (HttpContext http, NegotiationRegistry registry) => DocumentAsync(http, registry, markdown: true)).WithSummary("The negotiating text as Markdown.");
        one.MapGet("/text.html", (HttpContext http, NegotiationRegistry registry) => DocumentAsync(http, registry, markdown: false)).WithSummary("The negotiating text as HTML.");
        one.MapGet("/analysis", AnalysisAsync).WithSummary("Mediator: gaps, zone of agreement and a suggested next draft, from the profiles the mediator may see.").ProducesProblem(403);

        one.MapPost("/invitations", InviteAsync).WithSummary("Mediator: invite a delegation, an observer or a co-mediator; the answer holds the token (shown once).");
        Command<object?>(one.MapDelete("/invitations/{invitation}", (HttpContext http, NegotiationRegistry r, string invitation) => ActAsync(http, r, new Revoke(invitation))), "Mediator: revoke an invitation.");
        Command<ProfileRequest>(one.MapPut("/profile", (HttpContext http, NegotiationRegistry r, ProfileRequest body) =>
            ActAsync(http, r, new DeclareProfile(body.Weights, body.Values, body.Reservation, body.RedLines, body.ShareWithMediator, body.StatusQuoValues))), "Delegation: declare or adjust its confidential profile.");
        Command<ObserverAccessRequest>(one.MapPut("/observer-access", (HttpContext http, NegotiationRegistry r, ObserverAccessRequest body) =>
            ActAsync(http, r, new SetObserverAccess((body.PublicRecord ? ObserverAccess.PublicRecord : 0) | (body.Ballots ? ObserverAccess.Ballots : 0) | (body.Profiles ? ObserverAccess.Profiles : 0)))), "Mediator: what observers may see.");
        Command<CommentRequest>(one.MapPost("/comments", (HttpContext http, NegotiationRegistry r, CommentRequest body) =>
            ActAsync(http, r, new Comment(body.Text ?? "", body.To, body.Seat))), "Comment, to everyone, to the mediator, or (mediator) to one seat.");
        Command<AmendmentRequest>(one.MapPost("/amendments", (HttpContext http, NegotiationRegistry r, AmendmentRequest body) =>
            ActAsync(http, r, new Amend(body.Issue ?? "", body.Option ?? "", body.Rationale ?? ""))), "Delegation: propose an amendment.");
        Command<ShareRequest>(one.MapPost("/shares", (HttpContext http, NegotiationRegistry r, ShareRequest body) =>
            ActAsync(http, r, new Share(body.Sequence))), "Mediator: share a comment or amendment with everyone.");
        Command<NoteRequest>(one.MapPost("/notes", (HttpContext http, NegotiationRegistry r, NoteRequest body) =>
            ActAsync(http, r, new Note(body.Text ?? ""))), "Write a private note.");
        Command<RoundRequest>(one.MapPost("/rounds", (HttpContext http, NegotiationRegistry r, RoundRequest body) =>
            body.DurationSeconds is { } d && (!double.IsFinite(d) || d <= 0 || d > 366 * 86400)
                ? Task.FromResult(Problem(422, "the round's duration must be between 0 and 366 days"))
                : ActAsync(http, r, new OpenRound(body.Text ?? new Dictionary<string, string>(), body.DurationSeconds is { } s ? TimeSpan.FromSeconds(s) : null))), "Mediator: propose a text and open a round of voting.");
        Command<object?>(one.MapPost("/rounds/close", (HttpContext http, NegotiationRegistry r) => ActAsync(http, r, new CloseRound())), "Mediator: close the open round.");
        Command<AnswerRequest>(one.MapPost("/votes", (HttpContext http, NegotiationRegistry r, AnswerRequest body) => ActAsync(http, r, new Vote(body.Yes))), "Delegation: vote on the round's text.");
        Command<object?>(one.MapPost("/signing", (HttpContext http, NegotiationRegistry r) => ActAsync(http, r, new OpenSigning())), "Mediator: open the negotiating text for signature.");
        Command<AnswerRequest>(one.MapPost("/signatures", (HttpContext http, NegotiationRegistry r, AnswerRequest body) => ActAsync(http, r, new Sign(body.Yes))), "Delegation: sign or decline.");
        WorkbenchEndpoints.Map(one);
        Command<AgentRequest>(one.MapPost("/agents", (HttpContext http, NegotiationRegistry r, AgentRequest body) =>
            ActAsync(http, r, new FillSeat(body.Seat ?? "", body.Agent ?? ""))), "Mediator: fill a delegation's seat with a built-in agent (truthful, strategic, annealing), which votes and signs with the seat's profile.");
        Command<CloseRequest>(one.MapPost("/close", (HttpContext http, NegotiationRegistry r, CloseRequest body) => ActAsync(http, r, new CloseCase(body.Reason ?? ""))), "Mediator: close the negotiation without agreement.");
    }

    internal static void Command<T>(RouteHandlerBuilder route, string summary) =>
        route.WithSummary(summary + " Optional If-Match: the version the caller saw (412 if it moved).")
            .Produces<CommandAck>().ProducesProblem(400).ProducesProblem(403).ProducesProblem(409).ProducesProblem(412).ProducesProblem(422);

    private static async ValueTask<object?> AuthoriseAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var access = http.RequestServices.GetRequiredService<AccessControl>();
        var result = await access.ResolveAsync(http, http.GetRouteValue("id")?.ToString() ?? "").ConfigureAwait(false);
        if (result.Failure is { } failure)
        {
            return Problem(failure.Status, failure.Title);
        }

        http.Items[AccessKey] = result;
        if (Diagnostics.RequestTrace.Current is { } trace)
        {
            trace.Authorised = Diagnostics.RequestTrace.Now();
        }

        try
        {
            return await next(context).ConfigureAwait(false);
        }
        catch (AccessRevokedException e)
        {
            // Checked again under the negotiation's gate: revoked or expired since the check above.
            return Problem(StatusCodes.Status401Unauthorized, e.Message);
        }
    }

    // Creating a negotiation is the server operator's: the operator token, checked before the body is read.
    private static async ValueTask<object?> OperatorAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var access = context.HttpContext.RequestServices.GetRequiredService<AccessControl>();
        return await access.ResolveOperatorAsync(context.HttpContext).ConfigureAwait(false) is { } failure
            ? Problem(failure.Status, failure.Title)
            : await next(context).ConfigureAwait(false);
    }

    internal static AccessResult Access(HttpContext http) => (AccessResult)http.Items[AccessKey]!;

    private static async Task<IResult> ReadAsync<T>(HttpContext http, NegotiationRegistry registry, Func<MediationCase, Audience, T> read, long recordsAfter = 0)
    {
        var a = Access(http);
        var value = await registry.ReadAsync(a.Entry!, a.Invitation!, c => read(c, a.Audience), http.RequestAborted, recordsAfter).ConfigureAwait(false);
        return Results.Json(value, CaseJson.Options);
    }

    internal static async Task<IResult> ActAsync(HttpContext http, NegotiationRegistry registry, CaseCommand command)
    {
        var a = Access(http);
        long? ifMatch = null;
        var header = http.Request.Headers.IfMatch.ToString().Trim('"', ' ', 'W', '/');
        if (header.Length > 0)
        {
            if (!long.TryParse(header, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v))
            {
                return Problem(400, "If-Match must be a version number");
            }

            ifMatch = v;
        }

        var outcome = await registry.ExecuteAsync(a.Entry!, a.Invitation!, a.Audience, command, ifMatch, http.RequestAborted).ConfigureAwait(false);
        if (outcome.Stale)
        {
            return Problem(412, outcome.Message!, outcome.Version);
        }

        if (outcome.Refusal != CaseRefusalKind.None)
        {
            return Problem(StatusOf(outcome.Refusal), outcome.Message!, outcome.Version);
        }

        http.Response.Headers.ETag = $"\"{outcome.Version}\"";
        return Results.Json(new CommandAck(outcome.Version, [.. outcome.Records.Select(r => r.Sequence)]), CaseJson.Options);
    }

    private static async Task<IResult> InviteAsync(HttpContext http, NegotiationRegistry registry, ServerOptions options, TimeProvider time, InviteRequest body)
    {
        var a = Access(http);
        if (body.ExpiresInHours is { } hours && (!double.IsFinite(hours) || hours <= 0 || hours > 24 * 366))
        {
            return Problem(422, "expiresInHours must be between 0 and a year");
        }

        var token = InvitationTokens.Create(RandomNumberGenerator.Create());
        var id = InvitationTokens.CreateId(RandomNumberGenerator.Create());
        var label = body.Label ?? (body.Role == AudienceRole.Delegation ? body.Seat ?? "" : body.Role.ToString().ToLowerInvariant());
        var result = await ActAsync(http, registry, new Invite(id, body.Role, body.Seat, label, InvitationTokens.Hash(token), body.ExpiresInHours is { } h ? time.GetUtcNow().AddHours(h) : null)).ConfigureAwait(false);
        if (result is not JsonHttpResult<CommandAck> ok)
        {
            return result;
        }

        return Results.Json(new IssuedInvitation(id, body.Role, body.Role == AudienceRole.Delegation ? body.Seat : null, label, token, Link(options, a.Entry!.Id, token)), CaseJson.Options, statusCode: 201);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, NegotiationRegistry registry, ServerOptions options, CreateNegotiationRequest body)
    {
        var title = string.IsNullOrWhiteSpace(body.Title) ? null : body.Title.Trim();
        try
        {
            var (id, token, mediator) = NewMediator();
            IReadOnlyList<CaseEvent> events;
            if (body.Scenario is { Length: > 0 } name)
            {
                if (!Parley.Formats.BuiltInScenarios.Exists(name))
                {
                    return Problem(422, $"no built-in scenario named '{name}' (built-in: {string.Join(", ", Parley.Formats.BuiltInScenarios.Names)})");
                }

                var scenario = CaseSources.BuiltIn(name);
                events = MediationCase.Create(title ?? scenario.Metadata.Title ?? scenario.Name, name, scenario, mediator);
            }
            else if (body.Issues is not null && body.Seats is not null)
            {
                events = MediationCase.Create(title ?? "negotiation", body.Issues, body.Seats, mediator);
            }
            else
            {
                return Problem(422, "name a built-in scenario, or give issues and seats");
            }

            return await CreatedAsync(registry, options, id, token, events, http.RequestAborted).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            return Problem(422, e.Message);
        }
    }

    private static async Task<IResult> UploadAsync(HttpContext http, NegotiationRegistry registry, ServerOptions options)
    {
        if (http.Request.ContentLength > options.UploadLimit)
        {
            return Problem(413, $"the upload is larger than the limit of {options.UploadLimit} bytes");
        }

        if (!http.Request.HasFormContentType)
        {
            return Problem(400, "send the scenario as multipart/form-data with a 'file' field");
        }

        var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
        if (form.Files["file"] is not { } file)
        {
            return Problem(400, "send the scenario as multipart/form-data with a 'file' field");
        }

        try
        {
            await using var stream = file.OpenReadStream();
            var scenario = await CaseSources.ReadUploadAsync(stream, file.FileName, options.UploadLimit, http.RequestAborted).ConfigureAwait(false);
            var (id, token, mediator) = NewMediator();
            var title = form["title"].ToString() is { Length: > 0 } t ? t : scenario.Metadata.Title ?? scenario.Name;
            var events = MediationCase.Create(title, Path.GetFileName(file.FileName), scenario, mediator);
            return await CreatedAsync(registry, options, id, token, events, http.RequestAborted).ConfigureAwait(false);
        }
        catch (InputException e)
        {
            return Problem(e.Problem.Contains("larger than the limit", StringComparison.Ordinal) ? 413 : 422, e.Message);
        }
    }

    private static async Task<IResult> ImportAsync(HttpContext http, NegotiationRegistry registry, ServerOptions options)
    {
        if (http.Request.ContentLength > options.UploadLimit)
        {
            return Problem(413, $"the record is larger than the limit of {options.UploadLimit} bytes");
        }

        using var reader = new StreamReader(http.Request.Body);
        var buffer = new char[options.UploadLimit + 1];
        var length = 0;
        int read;
        while ((read = await reader.ReadAsync(buffer.AsMemory(length), http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            length += read;
            if (length > options.UploadLimit)
            {
                return Problem(413, $"the record is larger than the limit of {options.UploadLimit} bytes");
            }
        }

        IReadOnlyList<CaseRecord> records;
        try
        {
            records = CaseJson.Import(new string(buffer, 0, length));
            // Refuses a record that does not fold; one stored before the engine ran the rounds is migrated (it gets the engine's events).
            records = (MediationCase.PredatesEngine(records) ? MediationCase.Migrate(records) : MediationCase.Replay(records)).Records;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or InputException or ArgumentException or NotSupportedException or Parley.Protocols.InvalidLogException)
        {
            return Problem(422, "not a negotiation record: " + e.Message);
        }

        var (id, token, mediator) = NewMediator();
        var events = records.Select(r => r.Event is InvitationIssued i ? i with { TokenHash = "" } : r.Event).Append(new InvitationIssued(mediator.Invitation, AudienceRole.Mediator, -1, mediator.Label, mediator.TokenHash)).ToArray();
        return await CreatedAsync(registry, options, id, token, events, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task<IResult> ExportAsync(HttpContext http, NegotiationRegistry registry)
    {
        var a = Access(http);
        var json = await registry.ReadAsync(a.Entry!, a.Invitation!, c => CaseJson.Export(c.VisibleRecords(a.Audience)), http.RequestAborted).ConfigureAwait(false);
        return Results.Text(json, "application/json");
    }

    private static async Task<IResult> DocumentAsync(HttpContext http, NegotiationRegistry registry, bool markdown)
    {
        var a = Access(http);
        var text = await registry.ReadAsync(a.Entry!, a.Invitation!, c => markdown ? CaseDocuments.ToMarkdown(c, a.Audience) : CaseDocuments.ToHtml(c, a.Audience), http.RequestAborted).ConfigureAwait(false);
        return Results.Text(text, markdown ? "text/markdown; charset=utf-8" : "text/html; charset=utf-8");
    }

    private static async Task<IResult> AnalysisAsync(HttpContext http, NegotiationRegistry registry)
    {
        var a = Access(http);
        if (!a.Audience.IsMediator)
        {
            return Problem(403, "the analysis is the mediator's");
        }

        var analysis = await registry.ReadAsync(a.Entry!, a.Invitation!, CaseAnalysis.ForMediator, http.RequestAborted).ConfigureAwait(false);
        return Results.Json(analysis, CaseJson.Options);
    }

    private static async Task<IResult> CreatedAsync(NegotiationRegistry registry, ServerOptions options, string id, string token, IReadOnlyList<CaseEvent> events, CancellationToken cancellationToken)
    {
        var entry = await registry.CreateAsync(id, events, cancellationToken).ConfigureAwait(false);
        var mediator = events.OfType<InvitationIssued>().Last(i => i.TokenHash.Length > 0);
        var created = new CreatedNegotiation(id, entry.Case.Title, entry.Case.Version,
            [new IssuedInvitation(mediator.Invitation, AudienceRole.Mediator, null, mediator.Label, token, Link(options, id, token))]);
        return Results.Json(created, CaseJson.Options, statusCode: 201);
    }

    internal static (string Id, string Token, Invite Mediator) NewMediator()
    {
        using var random = RandomNumberGenerator.Create();
        var token = InvitationTokens.Create(random);
        var invitation = InvitationTokens.CreateId(random);
        return (InvitationTokens.CreateId(random), token, new Invite(invitation, AudienceRole.Mediator, null, "mediator", InvitationTokens.Hash(token)));
    }

    internal static string Link(ServerOptions options, string negotiation, string token) =>
        $"{options.PublicUrl}/console/{negotiation}#token={token}";

    internal static IResult Problem(int status, string title, long? version = null) =>
        Results.Problem(statusCode: status, title: title, extensions: version is { } v ? new Dictionary<string, object?> { ["version"] = v } : null);

    private static int StatusOf(CaseRefusalKind refusal) => refusal switch
    {
        CaseRefusalKind.Forbidden => 403,
        CaseRefusalKind.NotFound => 404,
        CaseRefusalKind.Invalid => 422,
        _ => 409,
    };
}
