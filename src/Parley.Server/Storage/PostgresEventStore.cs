using System.Data.Common;
using Npgsql;

namespace Parley.Server.Storage;

/// <summary>The team store: PostgreSQL through Npgsql. Each append NOTIFYs the other nodes in its own transaction (delivered on commit).</summary>
internal sealed class PostgresEventStore(string connectionString) : SqlEventStore
{
    /// <summary>The NOTIFY channel: payload "negotiation version".</summary>
    public const string Channel = "parley_events";

    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(WithBoundedPool(connectionString));

    public string ConnectionString { get; } = connectionString;

    public override string Kind => "postgres";

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);

    protected override bool IsUniqueViolation(DbException e) =>
        e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // Two nodes starting together would both create the tables (CREATE TABLE IF NOT EXISTS races in the catalogue): one migrates at a time.
    protected override (string Lock, string Unlock)? MigrationLock => ("SELECT pg_advisory_lock(72520310)", "SELECT pg_advisory_unlock(72520310)");

    protected override (string Sql, (string Name, object Value)[] Parameters)? AfterAppend(string negotiation, long version) =>
        ("SELECT pg_notify(@c, @p)", [("c", Channel), ("p", negotiation + " " + version.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

    /// <summary>A bounded pool unless the connection string sets one: writers queue for a connection rather than exhaust the server's slots.</summary>
    private static string WithBoundedPool(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("pool size", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("maxpoolsize", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = 20;
        }

        return builder.ConnectionString;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        await _source.DisposeAsync().ConfigureAwait(false);
    }
}
