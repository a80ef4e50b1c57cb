using Parley.Server.Storage;
using Parley.Workbench;

namespace Parley.Server;

/// <summary>
/// Runs before the server listens: applies the migrations, loads every negotiation into the cache,
/// and on an empty database creates the Israel–Syria negotiation (keeping its links to print once).
/// </summary>
internal sealed class Startup(IEventStore store, NegotiationRegistry registry, ServerOptions options) : IHostedService
{
    /// <summary>The links of the negotiation created on this start (empty when the database had negotiations).</summary>
    public IReadOnlyList<IssuedInvitation> Links { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        await registry.LoadAllAsync(cancellationToken).ConfigureAwait(false);
        if (options.SeedIsraelSyria && registry.Count == 0)
        {
            Links = await Seed.IsraelSyriaAsync(registry, options, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
