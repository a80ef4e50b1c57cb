using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Parley.Server.Storage;

namespace Parley.Server.Tests;

/// <summary>The real server in memory (WebApplicationFactory over Parley.Server's Program) on a given database, with a hand-moved clock.</summary>
/// <remarks><paramref name="store"/>: wraps the server's event store (a test's fault injection), or null.</remarks>
public sealed class ServerFactory(DatabaseTarget database, bool seed = false, int maxFailedTokens = 1000, Func<IEventStore, IEventStore>? store = null) : WebApplicationFactory<Program>
{
    public ManualClock Clock { get; } = new();

    public ServerOptions Options { get; } = new()
    {
        Database = database,
        SeedIsraelSyria = seed,
        MaxFailedTokens = maxFailedTokens,
        OperatorToken = Table.OperatorToken,
        Urls = "http://localhost",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<ServerOptions>();
            services.AddSingleton(Options);
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            if (store is not null)
            {
                services.RemoveAll<IEventStore>();
                services.AddSingleton(sp => store(sp.GetRequiredService<ServerOptions>().Database.Open()));
            }
        });
    }

    /// <summary>A live-channel connection to <paramref name="negotiation"/> with <paramref name="token"/> (a WebSocket through the in-memory server, the token in the query as browsers send it).</summary>
    public HubConnection Live(string negotiation, string token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, $"live?negotiation={Uri.EscapeDataString(negotiation)}&access_token={Uri.EscapeDataString(token)}"), o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = async (context, cancellationToken) =>
                {
                    var client = Server.CreateWebSocketClient();
                    return await client.ConnectAsync(context.Uri, cancellationToken);
                };
            })
            .AddJsonProtocol(o =>
            {
                foreach (var c in Parley.Workbench.CaseJson.Options.Converters)
                {
                    o.PayloadSerializerOptions.Converters.Add(c);
                }

                o.PayloadSerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase;
            })
            .Build();
}
