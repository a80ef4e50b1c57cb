using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Parley.Server.Storage;

/// <summary>The embedded store: one SQLite file, created on first start, in WAL mode with full fsync on commit.</summary>
internal sealed class SqliteEventStore : SqlEventStore
{
    private readonly string _connectionString;

    public SqliteEventStore(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        using var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        wal.ExecuteNonQuery();
    }

    public string Path { get; }

    public override string Kind => "sqlite";

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragma = connection.CreateCommand();
        // synchronous=FULL: a commit is on disk before the server acknowledges; busy_timeout: writers queue instead of failing.
        pragma.CommandText = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    protected override bool IsUniqueViolation(DbException e) =>
        e is SqliteException { SqliteErrorCode: 19 };   // SQLITE_CONSTRAINT

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync().ConfigureAwait(false);
        SqliteConnection.ClearAllPools();
    }
}
