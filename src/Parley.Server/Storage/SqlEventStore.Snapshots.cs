using System.Globalization;
using Parley.Workbench;

namespace Parley.Server.Storage;

/// <summary>The snapshot table: one row per negotiation, its latest snapshot, written by the store's writer task between group commits.</summary>
internal abstract partial class SqlEventStore
{
    public Task WriteSnapshotAsync(string negotiation, long version, int format, string body, DateTimeOffset at, bool replace = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        var pending = new PendingSnapshot(negotiation, version, format, body, at, replace);
        Queue(pending);

        // Once queued, the snapshot is written or fails with its batch; the caller's cancellation only stops its waiting.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Writes the next snapshots waiting in <paramref name="queue"/>, in one transaction: at most
    /// <see cref="SnapshotTurnChars"/> characters of them (at least one snapshot). The writer task calls it
    /// between group commits; what is left waits for the next turn.
    /// </summary>
    private async Task WriteSnapshotsAsync(Queue<PendingSnapshot> queue)
    {
        var batch = new List<PendingSnapshot>();
        var chars = 0;
        while (queue.Count > 0 && (batch.Count == 0 || chars + queue.Peek().Body.Length <= SnapshotTurnChars))
        {
            var next = queue.Dequeue();
            chars += next.Body.Length;
            batch.Add(next);
        }

        try
        {
            await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            foreach (var snapshot in batch)
            {
                // The upsert keeps the newer of two snapshots of one format: the transaction holds the old
                // snapshot or the new one, never half of either. SQLite (3.24+) and PostgreSQL share the syntax.
                await using var upsert = Command(
                    connection,
                    transaction,
                    """
                    INSERT INTO snapshots (negotiation, version, format, body, written_at) VALUES (@n, @v, @f, @b, @at)
                    ON CONFLICT (negotiation) DO UPDATE SET version = excluded.version, format = excluded.format, body = excluded.body, written_at = excluded.written_at
                    WHERE snapshots.version < excluded.version OR snapshots.format <> excluded.format OR @replace = 1
                    """,
                    ("n", snapshot.Negotiation),
                    ("v", snapshot.Version),
                    ("f", snapshot.Format),
                    ("b", snapshot.Body),
                    ("at", snapshot.At.ToString("O", CultureInfo.InvariantCulture)),
                    ("replace", snapshot.Replace ? 1 : 0));
                await upsert.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Nothing of this batch is stored; the stored snapshots stay as they were (each still a prefix of its log).
            foreach (var snapshot in batch)
            {
                snapshot.Done.TrySetException(e);
            }

            return;
        }

        foreach (var snapshot in batch)
        {
            snapshot.Done.TrySetResult();
        }
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

    private sealed record PendingSnapshot(string Negotiation, long Version, int Format, string Body, DateTimeOffset At, bool Replace) : PendingWrite
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
