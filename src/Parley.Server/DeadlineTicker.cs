namespace Parley.Server;

/// <summary>Closes rounds at their deadline even when nobody acts: checks every negotiation with an open, timed round on the injected clock.</summary>
internal sealed class DeadlineTicker(NegotiationRegistry registry, ServerOptions options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.TickInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            foreach (var entry in registry.Entries)
            {
                // A racy peek is enough to choose; TickAsync decides under the gate. A negotiation not yet
                // loaded closes its overdue round when it is first used (every command ticks first).
                if (entry.Loaded?.RoundDeadline is { } d && now >= d)
                {
                    await registry.TickAsync(entry, stoppingToken).ConfigureAwait(false);
                }
            }
        }
    }
}
