namespace Parley.Server.Storage;

/// <summary>
/// The schema as code: numbered steps, each applied once and recorded in <c>schema_migrations</c>,
/// in one transaction with its record. The SQL is written to run on SQLite and PostgreSQL alike.
/// </summary>
internal static class Migrations
{
    /// <summary>The steps, in order. Append new steps; never edit an applied one.</summary>
    public static IReadOnlyList<(int Version, string Name, string Sql)> Steps { get; } =
    [
        (1, "event log", """
            CREATE TABLE negotiations (
                id TEXT PRIMARY KEY,
                created_at TEXT NOT NULL,
                version BIGINT NOT NULL
            );
            CREATE TABLE events (
                negotiation TEXT NOT NULL REFERENCES negotiations(id),
                seq BIGINT NOT NULL,
                at TEXT NOT NULL,
                kind TEXT NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (negotiation, seq)
            );
            CREATE TABLE tokens (
                token_hash TEXT PRIMARY KEY,
                negotiation TEXT NOT NULL REFERENCES negotiations(id),
                invitation TEXT NOT NULL
            );
            """),
        (2, "operator tokens", """
            CREATE TABLE operator_tokens (
                label TEXT PRIMARY KEY,
                token_hash TEXT NOT NULL UNIQUE,
                created_at TEXT NOT NULL
            );
            """),
        (3, "snapshots", """
            CREATE TABLE snapshots (
                negotiation TEXT PRIMARY KEY REFERENCES negotiations(id),
                version BIGINT NOT NULL,
                format INTEGER NOT NULL,
                body TEXT NOT NULL,
                written_at TEXT NOT NULL
            );
            """),
    ];

    public const string CreateTable = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
}
