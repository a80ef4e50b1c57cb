using System.Security.Cryptography;
using Parley.Server.Storage;
using Parley.Workbench;

namespace Parley.Server;

/// <summary>
/// Runs before the server listens: applies the migrations, stores the operator token, loads every
/// negotiation into the cache, and on an empty database creates the Israel–Syria negotiation
/// (keeping its links, and a first-start operator token, to print once).
/// </summary>
internal sealed class Startup(IEventStore store, NegotiationRegistry registry, ServerOptions options, TimeProvider time) : IHostedService
{
    /// <summary>The links of the negotiation created on this start (empty when the database had negotiations, or another node seeded it).</summary>
    public IReadOnlyList<IssuedInvitation> Links { get; private set; } = [];

    /// <summary>The operator token drawn on this start (the first start with no operator token configured), to print once; otherwise null.</summary>
    public string? OperatorToken { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await store.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (options.OperatorToken is { } configured)
        {
            await store.AddOperatorTokenAsync("configured", InvitationTokens.Hash(configured), replace: true, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            using var random = RandomNumberGenerator.Create();
            var drawn = InvitationTokens.Create(random);
            if (await store.AddOperatorTokenAsync("first-start", InvitationTokens.Hash(drawn), replace: false, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                OperatorToken = drawn;
            }
        }

        await registry.LoadAllAsync(cancellationToken).ConfigureAwait(false);
        if (options.SeedIsraelSyria && registry.Count == 0)
        {
            Links = await Seed.IsraelSyriaAsync(registry, options, time, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
