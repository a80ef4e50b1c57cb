using System.Globalization;
using Parley.Workbench;

namespace Parley.Server.Storage;

/// <summary>The snapshot table: one row per negotiation, its latest snapshot.</summary>
internal abstract partial class SqlEventStore
{
    public async Task WriteSnapshotAsync(string negotiation, long version, int format, string body, DateTimeOffset at, bool replace = false, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);

        // One statement (its own transaction): the row is the old snapshot or the new one, never half of
        // either. SQLite (3.24+) and PostgreSQL share the upsert syntax.
        await using var upsert = Command(
            connection,
            null,
            """
            INSERT INTO snapshots (negotiation, version, format, body, written_at) VALUES (@n, @v, @f, @b, @at)
            ON CONFLICT (negotiation) DO UPDATE SET version = excluded.version, format = excluded.format, body = excluded.body, written_at = excluded.written_at
            WHERE snapshots.version < excluded.version OR snapshots.format <> excluded.format OR @replace = 1
            """,
            ("n", negotiation),
            ("v", version),
            ("f", format),
            ("b", body),
            ("at", at.ToString("O", CultureInfo.InvariantCulture)),
            ("replace", replace ? 1 : 0));
        await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<CaseRecord>> ReadRangeAsync(string negotiation, long after, long upTo, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT seq, at, body FROM events WHERE negotiation = @n AND seq > @after AND seq <= @upTo ORDER BY seq", ("n", negotiation), ("after", after), ("upTo", upTo));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<CaseRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(new CaseRecord(
                reader.GetInt64(0),
                DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                CaseJson.Deserialize(reader.GetString(2))));
        }

        return list;
    }

    public async Task<StoredSnapshot?> ReadSnapshotAsync(string negotiation, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT version, format, body FROM snapshots WHERE negotiation = @n", ("n", negotiation));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredSnapshot(reader.GetInt64(0), reader.GetInt32(1), reader.GetString(2))
            : null;
    }
}
