using System.Text.Json;
using Parley.Server.Api;
using Parley.Server.Live;
using Parley.Server.Storage;
using Parley.Workbench;

namespace Parley.Server;

/// <summary>The mediation server's host: <c>parley serve</c> builds and runs it; tests build it through WebApplicationFactory.</summary>
public static class ServerHost
{
    /// <summary>Builds the application (not started): services, storage, API, live channel, OpenAPI, health.</summary>
    public static WebApplication Build(ServerOptions options, string[]? args = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = args ?? [], ApplicationName = typeof(ServerHost).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.UploadLimit + (64 << 10));
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // Request URLs carry tokens in links: never log them.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore.Http.Connections", LogLevel.Warning);
        // The framework's per-request lines (a result written, a connection closed) cost every request a
        // synchronous console write and say nothing an operator needs: warnings and errors only.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<ServerOptions>().Database.Open());
        builder.Services.AddSingleton<NegotiationRegistry>();
        builder.Services.AddSingleton<Startup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<Startup>());
        builder.Services.AddSingleton<LiveChannel>();
        builder.Services.AddSingleton<GuessLimiter>();
        builder.Services.AddSingleton<AccessControl>();
        builder.Services.AddHostedService<DeadlineTicker>();
        builder.Services.AddHostedService<PostgresListener>();

        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddSignalR().AddJsonProtocol(o => Copy(CaseJson.Options, o.PayloadSerializerOptions));
        builder.Services.ConfigureHttpJsonOptions(o => Copy(CaseJson.Options, o.SerializerOptions));
        configure?.Invoke(builder);

        var app = builder.Build();
        if (Diagnostics.RequestTrace.Enabled)
        {
            app.Use(Diagnostics.RequestTrace.Middleware);   // the load benchmark's per-request timeline; off in production
        }

        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = e => e is BadHttpRequestException b ? b.StatusCode : e is NegotiationUnavailableException ? 409 : 500 });
        app.UseStatusCodePages();
        app.UseWebSockets();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapGet("/health", HealthAsync).WithSummary("Whether the server and its database answer.");
        NegotiationEndpoints.Map(app);
        app.MapHub<LiveHub>("/live");
        Consoles.ConsoleAssets.Map(app);
        return app;
    }

    /// <summary>Runs <c>parley serve</c> until stopped: prints the links of a freshly seeded negotiation first.</summary>
    public static async Task RunAsync(ServerOptions options, TextWriter output, string[]? args = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await using var app = Build(options, args);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var startup = app.Services.GetRequiredService<Startup>();
        var links = startup.Links;
        await output.WriteLineAsync($"parley serve: {options.PublicUrl} ({options.Database.Describe()}); API docs: {options.PublicUrl}/openapi/v1.json").ConfigureAwait(false);
        if (startup.OperatorToken is { } operatorToken)
        {
            await output.WriteLineAsync($"Operator token (creates negotiations: Authorization: Bearer TOKEN; shown once, stored only as a hash): {operatorToken}").ConfigureAwait(false);
        }

        if (links.Count > 0)
        {
            await output.WriteLineAsync("The Israel–Syria negotiation is ready. Personal links (shown once; tokens are stored only as hashes):").ConfigureAwait(false);
            foreach (var l in links)
            {
                await output.WriteLineAsync($"  {l.Label,-10} {l.Link}").ConfigureAwait(false);
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The operator's export: a negotiation's full record (every event, token hashes removed), which
    /// <c>POST /api/negotiations/import</c> reproduces. Confidential: it holds every delegation's
    /// declarations, ballots and notes, so no API caller can read it, only who holds the database.
    /// </summary>
    /// <exception cref="InputException">No negotiation has that id.</exception>
    public static async Task<string> ExportAsync(DatabaseTarget database, string negotiation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var store = database.Open();
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var records = await store.ReadAsync(negotiation, 0, cancellationToken).ConfigureAwait(false);
        if (records.Count == 0)
        {
            throw new InputException("--export", "", $"no negotiation '{negotiation}' in {database.Describe()}");
        }

        return CaseJson.Export(records.Select(r => r.Event is InvitationIssued i ? r with { Event = i with { TokenHash = "" } } : r));
    }

    private static async Task<IResult> HealthAsync(IEventStore store, NegotiationRegistry registry, CancellationToken cancellationToken)
    {
        var ok = await store.PingAsync(cancellationToken).ConfigureAwait(false);
        var body = new Dictionary<string, object> { ["status"] = ok ? "ok" : "database unreachable", ["database"] = store.Kind, ["negotiations"] = registry.Count };
        return Results.Json(body, statusCode: ok ? 200 : 503);
    }

    private static void Copy(JsonSerializerOptions from, JsonSerializerOptions to)
    {
        to.PropertyNamingPolicy = from.PropertyNamingPolicy;
        to.DefaultIgnoreCondition = from.DefaultIgnoreCondition;
        to.Encoder = from.Encoder;
        foreach (var c in from.Converters)
        {
            to.Converters.Add(c);
        }
    }
}
