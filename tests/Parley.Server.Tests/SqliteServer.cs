namespace Parley.Server.Tests;

/// <summary>One in-memory server on a fresh SQLite file, shared by a test class.</summary>
public sealed class SqliteServer : IAsyncLifetime
{
    private TestDatabase? _database;

    public ServerFactory Factory { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = TestDatabase.CreateSqlite();
        Factory = new ServerFactory(_database.Target);
        Http = Factory.CreateClient();
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
        await _database!.DisposeAsync();
    }
}
