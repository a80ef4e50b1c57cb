using Npgsql;
using Parley.Server.Storage;

namespace Parley.Server.Tests;

/// <summary>
/// A fresh database for one test class: a SQLite file in a temporary folder, or a new database on
/// the PostgreSQL server named by $PARLEY_TEST_POSTGRES (dropped afterwards).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The variable naming the PostgreSQL server tests use (.ci/run sets it).</summary>
    public const string PostgresVariable = "PARLEY_TEST_POSTGRES";

    private readonly string? _folder;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseTarget target, string? folder, string? postgresName)
    {
        Target = target;
        _folder = folder;
        _postgresName = postgresName;
    }

    public DatabaseTarget Target { get; }

    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public static Task<TestDatabase> CreateAsync(string kind) => kind == "postgres" ? CreatePostgresAsync() : Task.FromResult(CreateSqlite());

    public static TestDatabase CreateSqlite()
    {
        var folder = Directory.CreateTempSubdirectory("parley-server-test-").FullName;
        return new TestDatabase(new DatabaseTarget("sqlite", Path.Combine(folder, "parley.db")), folder, null);
    }

    public static async Task<TestDatabase> CreatePostgresAsync()
    {
        var server = PostgresServer ?? throw new InvalidOperationException($"${PostgresVariable} is not set");
        var name = "parley_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(new DatabaseTarget("postgres", builder.ConnectionString), null, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A killed server process may still hold the file for a moment; the temp folder is cleaned by the OS.
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(PostgresServer);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
