using System.Globalization;
using Npgsql;
using Parley.Server.Storage;

namespace Parley.Server.Live;

/// <summary>
/// Multi-node: LISTENs on <see cref="PostgresEventStore.Channel"/>. Every append NOTIFYs in its own
/// transaction, so each node hears of every committed append (its own included, which it ignores
/// as it is already applied), loads what it lacks and sends it to its own live clients.
/// </summary>
internal sealed partial class PostgresListener(IEventStore eventStore, NegotiationRegistry registry, ILogger<PostgresListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (eventStore is not PostgresEventStore store)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(store.ConnectionString);
                await connection.OpenAsync(stoppingToken).ConfigureAwait(false);
                connection.Notification += (_, e) =>
                {
                    var parts = e.Payload.Split(' ');
                    if (parts.Length == 2 && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                    {
                        _ = CatchUpAsync(parts[0], version, stoppingToken);
                    }
                };
                await using (var listen = new NpgsqlCommand("LISTEN " + PostgresEventStore.Channel, connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken).ConfigureAwait(false);
                }

                // Catch up with anything committed while this node was not listening.
                foreach (var (id, version) in await store.ListAsync(stoppingToken).ConfigureAwait(false))
                {
                    await registry.OnRemoteAppendAsync(id, version, stoppingToken).ConfigureAwait(false);
                }

                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (NpgsqlException e)
            {
                LogLost(logger, e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CatchUpAsync(string negotiation, long version, CancellationToken cancellationToken)
    {
        try
        {
            await registry.OnRemoteAppendAsync(negotiation, version, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCatchUpFailed(logger, negotiation, version, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Catching up with negotiation {Negotiation} at version {Version} failed")]
    private static partial void LogCatchUpFailed(ILogger logger, string negotiation, long version, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LISTEN connection lost ({Reason}); reconnecting")]
    private static partial void LogLost(ILogger logger, string reason);
}
