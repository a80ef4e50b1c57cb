using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Parley.Server.Diagnostics;
using Parley.Workbench;

namespace Parley.Server.Storage;

/// <summary>
/// The event store over ADO.NET, shared by SQLite and PostgreSQL (the SQL is common; the providers
/// differ in connections and errors).
/// </summary>
/// <remarks>
/// Group commit: appends go through one writer task per process that commits the appends waiting at
/// that moment together (one transaction, one fsync; one append's conflict does not undo the others:
/// on SQLite each append has its own savepoint, on PostgreSQL each append's rows are written only if
/// its own version check passed, and the whole group travels in one round trip); each caller is
/// answered only after that commit. Under load the fsync is shared; alone, an append waits for nobody.
/// <para>
/// Snapshots go through the same writer, between group commits, in transactions of their own, and at
/// most <see cref="SnapshotTurnChars"/> characters of them per turn (at least one snapshot). A snapshot is
/// never in an append's transaction, so a snapshot that cannot be written fails no append; it never
/// competes with the group commit for the database's write lock; and the bytes it adds to the next
/// commit's flush (SQLite's WAL, PostgreSQL's WAL) are bounded, so when many negotiations reach their
/// snapshot interval together (they do when they move in step) their snapshots trickle out between the
/// groups instead of holding every commit up behind megabytes of snapshot text.
/// </para>
/// </remarks>
internal abstract partial class SqlEventStore : IEventStore
{
    private const int MaxBatch = 256;

    /// <summary>
    /// The most snapshot text (characters) written between two group commits, in one transaction; a
    /// larger snapshot goes alone. Snapshots are not urgent (one that is late only lengthens a replay),
    /// while every byte written before a commit's flush delays that commit's answers.
    /// </summary>
    internal const int SnapshotTurnChars = 64 * 1024;

    private readonly Channel<PendingWrite> _writes = Channel.CreateUnbounded<PendingWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    /// <summary>With tracing on: the appends queued and not yet taken by the writer.</summary>
    private int _queued;

    protected SqlEventStore()
    {
        _writer = Task.Run(WriteAsync);
    }

    public abstract string Kind { get; }

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="e"/> is a unique-key violation (a second writer of the same row).</summary>
    protected abstract bool IsUniqueViolation(DbException e);

    /// <summary>A statement to run inside the append's transaction after the rows are written (PostgreSQL: NOTIFY the other nodes), or null.</summary>
    protected virtual (string Sql, (string Name, object Value)[] Parameters)? AfterAppend(string negotiation, long version) => null;

    /// <summary>
    /// Statements that serialise the migrations of nodes starting together on one database (run on the
    /// migrating connection before and after), or null when the database's own locking does (SQLite:
    /// each step's transaction takes the write lock when it begins).
    /// </summary>
    protected virtual (string Lock, string Unlock)? MigrationLock => null;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        if (MigrationLock is { } guard)
        {
            await ExecuteAsync(connection, null, guard.Lock, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            await MigrateLockedAsync(connection, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (MigrationLock is { } release)
            {
                await ExecuteAsync(connection, null, release.Unlock, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task MigrateLockedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, null, Migrations.CreateTable, cancellationToken).ConfigureAwait(false);
        foreach (var (version, name, sql) in Migrations.Steps)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var check = Command(connection, transaction, "SELECT COUNT(*) FROM schema_migrations WHERE version = @v", ("v", version)))
            {
                if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0)
                {
                    continue;
                }
            }

            await ExecuteAsync(connection, transaction, sql, cancellationToken).ConfigureAwait(false);
            await using (var record = Command(connection, transaction, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @a)",
                ("v", version), ("n", name), ("a", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture))))
            {
                await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public Task<IReadOnlyList<CaseRecord>> AppendAsync(string negotiation, long expectedVersion, IReadOnlyList<CaseEvent> events, DateTimeOffset at, Task? after, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<CaseRecord>>([]);
        }

        var pending = new PendingAppend(negotiation, expectedVersion, events, at) { After = after, Trace = RequestTrace.Current };
        if (RequestTrace.Enabled)
        {
            var queued = Interlocked.Increment(ref _queued);
            if (pending.Trace is { } trace)
            {
                (trace.Enqueued, trace.QueuedAhead) = (RequestTrace.Now(), queued);
            }
        }

        Queue(pending);

        // Once queued, the append is committed or refused as a whole; the caller's cancellation only stops its waiting.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Hands an append or a snapshot to the writer task.</summary>
    /// <exception cref="ObjectDisposedException">The store is disposed (the writer takes nothing more).</exception>
    private void Queue(PendingWrite write)
    {
        if (!_writes.Writer.TryWrite(write))
        {
            throw new ObjectDisposedException(GetType().Name);
        }
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        var snapshots = new Queue<PendingSnapshot>();
        while (snapshots.Count > 0 || await _writes.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _writes.Reader.TryRead(out var next))
            {
                if (next is PendingAppend append)
                {
                    batch.Add(append);
                }
                else
                {
                    snapshots.Enqueue((PendingSnapshot)next);
                }
            }

            if (batch.Count > 0)
            {
                await CommitGroupAsync(batch).ConfigureAwait(false);
            }

            if (snapshots.Count > 0)
            {
                await WriteSnapshotsAsync(snapshots).ConfigureAwait(false);
            }
        }
    }

    // One group commit: the appends in `batch`, each answered once the transaction is committed.
    private async Task CommitGroupAsync(List<PendingAppend> batch)
    {
        if (RequestTrace.Enabled)
        {
            Interlocked.Add(ref _queued, -batch.Count);
            var begun = RequestTrace.Now();
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Trace is { } t)
                {
                    (t.GroupStarted, t.GroupSize, t.GroupIndex) = (begun, batch.Count, i);
                }
            }
        }

        var results = new IReadOnlyList<CaseRecord>?[batch.Count];
        var failures = new Exception?[batch.Count];
        var units = Units(batch, failures);
        try
        {
            await using var connection = await OpenAsync(CancellationToken.None).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
            if (connection.CanCreateBatch)
            {
                // PostgreSQL: the whole group in one round trip.
                await AppendGroupAsBatchAsync(connection, transaction, batch, units, results, failures).ConfigureAwait(false);
            }
            else
            {
                foreach (var unit in units)
                {
                    var first = batch[unit[0]];
                    try
                    {
                        await ExecuteAsync(connection, transaction, "SAVEPOINT append", CancellationToken.None).ConfigureAwait(false);
                        var stored = await AppendInTransactionAsync(connection, transaction, first.Negotiation, first.ExpectedVersion, [.. unit.Select(i => (batch[i].Events, batch[i].At))], CancellationToken.None).ConfigureAwait(false);
                        for (var k = 0; k < unit.Count; k++)
                        {
                            results[unit[k]] = stored[k];
                        }

                        await ExecuteAsync(connection, transaction, "RELEASE append", CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is ConcurrencyException || (e is DbException db && IsUniqueViolation(db)))
                    {
                        await ExecuteAsync(connection, transaction, "ROLLBACK TO append", CancellationToken.None).ConfigureAwait(false);
                        await ExecuteAsync(connection, transaction, "RELEASE append", CancellationToken.None).ConfigureAwait(false);
                        foreach (var i in unit)
                        {
                            results[i] = null;
                            failures[i] = new ConcurrencyException(batch[i].Negotiation, batch[i].ExpectedVersion);
                        }
                    }
                }
            }

            await transaction.CommitAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The commit failed: nothing of this batch is stored.
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetException(e);
            }

            return;
        }

        if (RequestTrace.Enabled)
        {
            var committed = RequestTrace.Now();
            foreach (var p in batch)
            {
                p.Trace?.Committed = committed;
            }
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } f)
            {
                batch[i].Done.TrySetException(f);
            }
            else
            {
                batch[i].Done.TrySetResult(results[i]!);
            }
        }
    }

    /// <summary>
    /// The group's appends as units written together: an append queued as the successor of another one in
    /// the same group (<see cref="PendingAppend.After"/>) joins that one's unit, so that both are stored or
    /// neither (one version check from the first's expected version to the last's). An append whose
    /// predecessor was in an earlier group and was not stored is refused here, and so are its successors.
    /// </summary>
    private static List<List<int>> Units(List<PendingAppend> batch, Exception?[] failures)
    {
        var units = new List<List<int>>(batch.Count);
        Dictionary<Task, List<int>>? unitOf = null;
        for (var i = 0; i < batch.Count; i++)
        {
            var p = batch[i];
            if (p.After is { } after)
            {
                if (unitOf is not null && unitOf.TryGetValue(after, out var joined))
                {
                    joined.Add(i);
                    unitOf[p.Done.Task] = joined;
                    continue;
                }

                if (!after.IsCompletedSuccessfully)
                {
                    // Its predecessor was not stored (an earlier group's conflict or failure): nor is it, nor its successors.
                    failures[i] = new ConcurrencyException(p.Negotiation, p.ExpectedVersion);
                    p.Done.TrySetException(failures[i]!);
                    continue;
                }
            }

            var unit = new List<int>(1) { i };
            units.Add(unit);
            if (i + 1 < batch.Count)
            {
                (unitOf ??= new(ReferenceEqualityComparer.Instance))[p.Done.Task] = unit;
            }
        }

        return units;
    }

    /// <summary>What the writer task takes from its queue: an append or a snapshot.</summary>
    private abstract record PendingWrite;

    private sealed record PendingAppend(string Negotiation, long ExpectedVersion, IReadOnlyList<CaseEvent> Events, DateTimeOffset At) : PendingWrite
    {
        /// <summary>The append this one was decided on top of (the same negotiation, ending at <see cref="ExpectedVersion"/>), or null.</summary>
        public Task? After { get; init; }

        public TaskCompletionSource<IReadOnlyList<CaseRecord>> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>The request's timeline (the load benchmark's <c>--trace</c>), or null.</summary>
        public RequestTrace? Trace { get; init; }
    }

    /// <summary>
    /// The appends of one group commit in one round trip (PostgreSQL), with no savepoint: each append's
    /// version check is an <c>UPDATE ... WHERE version = expected</c> (a new negotiation: an insert that
    /// does nothing if the id exists), and its rows are inserted only where the negotiation is now at
    /// the append's version, so an append whose check fails writes nothing and the others stand.
    /// </summary>
    /// <remarks>
    /// A refused append's version can only have been reached by the writer that refused it, whose rows
    /// are then already stored: its inserts find them and do nothing. An append whose check passed must
    /// insert every row; if one does not, the log's invariant (version = last sequence) is broken and
    /// the whole group fails rather than commit a gap. Appends are written in negotiation order, so two
    /// nodes' groups take the negotiations' row locks in the same order and cannot deadlock. A refused
    /// append's NOTIFY is sent all the same: the other nodes read what is stored and find nothing new.
    /// </remarks>
    private async Task AppendGroupAsBatchAsync(DbConnection connection, DbTransaction transaction, List<PendingAppend> group, List<List<int>> units, IReadOnlyList<CaseRecord>?[] results, Exception?[] failures)
    {
        const string Written = " WHERE EXISTS (SELECT 1 FROM negotiations WHERE id = @n AND version = @v) ON CONFLICT DO NOTHING";
        var order = units.OrderBy(u => group[u[0]].Negotiation, StringComparer.Ordinal).ToArray();
        var checks = new int[order.Length];
        var rows = new (int First, int Count)[order.Length];
        await using var write = Batch(connection, transaction);
        for (var u = 0; u < order.Length; u++)
        {
            var unit = order[u];
            var first = group[unit[0]];
            var last = group[unit[^1]];
            var version = last.ExpectedVersion + last.Events.Count;
            checks[u] = write.BatchCommands.Count;
            if (first.ExpectedVersion == 0)
            {
                Add(write, "INSERT INTO negotiations (id, created_at, version) VALUES (@id, @at, @v) ON CONFLICT DO NOTHING", ("id", first.Negotiation), ("at", first.At.ToString("O", CultureInfo.InvariantCulture)), ("v", version));
            }
            else
            {
                Add(write, "UPDATE negotiations SET version = @v WHERE id = @id AND version = @expected", ("v", version), ("id", first.Negotiation), ("expected", first.ExpectedVersion));
            }

            rows[u].First = write.BatchCommands.Count;
            foreach (var i in unit)
            {
                var p = group[i];
                var stamp = p.At.ToString("O", CultureInfo.InvariantCulture);
                var records = new CaseRecord[p.Events.Count];
                for (var e = 0; e < p.Events.Count; e++)
                {
                    var seq = p.ExpectedVersion + 1 + e;
                    Add(write, "INSERT INTO events (negotiation, seq, at, kind, body) SELECT @n, @s, @at, @k, @b" + Written,
                        ("n", p.Negotiation), ("s", seq), ("at", stamp), ("k", p.Events[e].Kind), ("b", CaseJson.Serialize(p.Events[e])), ("v", version));
                    records[e] = new CaseRecord(seq, p.At, p.Events[e]);
                    if (p.Events[e] is InvitationIssued { TokenHash.Length: > 0 } issued)
                    {
                        Add(write, "INSERT INTO tokens (token_hash, negotiation, invitation) SELECT @h, @n, @i" + Written, ("h", issued.TokenHash), ("n", p.Negotiation), ("i", issued.Invitation), ("v", version));
                    }
                }

                results[i] = records;
            }

            rows[u].Count = write.BatchCommands.Count - rows[u].First;
            if (AfterAppend(first.Negotiation, version) is { } after)
            {
                Add(write, after.Sql, after.Parameters);
            }
        }

        await write.ExecuteNonQueryAsync().ConfigureAwait(false);
        for (var u = 0; u < order.Length; u++)
        {
            var unit = order[u];
            if (write.BatchCommands[checks[u]].RecordsAffected != 1)
            {
                foreach (var i in unit)
                {
                    results[i] = null;
                    failures[i] = new ConcurrencyException(group[i].Negotiation, group[i].ExpectedVersion);
                }

                continue;
            }

            for (var c = rows[u].First; c < rows[u].First + rows[u].Count; c++)
            {
                if (write.BatchCommands[c].RecordsAffected != 1)
                {
                    throw new InvalidOperationException($"Negotiation {group[unit[0]].Negotiation}: the version check passed at {group[unit[0]].ExpectedVersion} but a row was already stored.");
                }
            }
        }
    }

    private static DbBatch Batch(DbConnection connection, DbTransaction transaction)
    {
        var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        return batch;
    }

    private static void Add(DbBatch batch, string sql, params (string Name, object Value)[] parameters)
    {
        var c = batch.CreateBatchCommand();
        c.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = c.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            c.Parameters.Add(parameter);
        }

        batch.BatchCommands.Add(c);
    }

    /// <summary>
    /// Writes one unit of appends inside <paramref name="transaction"/> (one append, or an append and its
    /// queued successors: <paramref name="parts"/>, each with its own time): one version check from
    /// <paramref name="expectedVersion"/> to the last part's end, the events, the token projection.
    /// </summary>
    /// <returns>Each part's stored records.</returns>
    /// <exception cref="ConcurrencyException">The negotiation is not at <paramref name="expectedVersion"/>.</exception>
    protected async Task<IReadOnlyList<CaseRecord>[]> AppendInTransactionAsync(DbConnection connection, DbTransaction transaction, string negotiation, long expectedVersion, IReadOnlyList<(IReadOnlyList<CaseEvent> Events, DateTimeOffset At)> parts, CancellationToken cancellationToken)
    {
        var version = expectedVersion;
        foreach (var (events, _) in parts)
        {
            version += events.Count;
        }

        if (expectedVersion == 0)
        {
            await using var create = Command(connection, transaction, "INSERT INTO negotiations (id, created_at, version) VALUES (@id, @at, @v)", ("id", negotiation), ("at", parts[0].At.ToString("O", CultureInfo.InvariantCulture)), ("v", version));
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            // The version check and the row lock in one statement: a concurrent writer waits here, then finds the version moved.
            await using var update = Command(connection, transaction, "UPDATE negotiations SET version = @v WHERE id = @id AND version = @expected", ("v", version), ("id", negotiation), ("expected", expectedVersion));
            if (await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) != 1)
            {
                throw new ConcurrencyException(negotiation, expectedVersion);
            }
        }

        var stored = new IReadOnlyList<CaseRecord>[parts.Count];
        var seq = expectedVersion;
        for (var p = 0; p < parts.Count; p++)
        {
            var (events, at) = parts[p];
            var stamp = at.ToString("O", CultureInfo.InvariantCulture);
            var records = new CaseRecord[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                seq++;
                await using var insert = Command(connection, transaction, "INSERT INTO events (negotiation, seq, at, kind, body) VALUES (@n, @s, @at, @k, @b)",
                    ("n", negotiation), ("s", seq), ("at", stamp), ("k", events[i].Kind), ("b", CaseJson.Serialize(events[i])));
                await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                records[i] = new CaseRecord(seq, at, events[i]);
                if (events[i] is InvitationIssued { TokenHash.Length: > 0 } issued)
                {
                    // The token projection, in the same transaction: start-up reads it instead of every log.
                    await using var token = Command(connection, transaction, "INSERT INTO tokens (token_hash, negotiation, invitation) VALUES (@h, @n, @i)", ("h", issued.TokenHash), ("n", negotiation), ("i", issued.Invitation));
                    await token.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            stored[p] = records;
        }

        if (AfterAppend(negotiation, version) is { } after)
        {
            await using var command = Command(connection, transaction, after.Sql, after.Parameters);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        return stored;
    }

    public Task<IReadOnlyList<CaseRecord>> ReadAsync(string negotiation, long after = 0, CancellationToken cancellationToken = default) =>
        ReadRangeAsync(negotiation, after, long.MaxValue, cancellationToken);

    public async Task<IReadOnlyList<(string Id, long Version)>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT id, version FROM negotiations ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<(string, long)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return list;
    }

    public async Task<IReadOnlyList<(string TokenHash, string Negotiation, string Invitation)>> ReadTokensAsync(string? negotiation = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = negotiation is null
            ? Command(connection, null, "SELECT token_hash, negotiation, invitation FROM tokens")
            : Command(connection, null, "SELECT token_hash, negotiation, invitation FROM tokens WHERE negotiation = @n", ("n", negotiation));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var list = new List<(string, string, string)>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return list;
    }

    public async Task<bool> AddOperatorTokenAsync(string label, string tokenHash, bool replace, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        if (replace)
        {
            await using var delete = Command(connection, transaction, "DELETE FROM operator_tokens WHERE label = @l OR token_hash = @h", ("l", label), ("h", tokenHash));
            await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        // Portable "insert if absent": the primary key decides between two nodes.
        await using var insert = Command(connection, transaction, "INSERT INTO operator_tokens (label, token_hash, created_at) SELECT @l, @h, @a WHERE NOT EXISTS (SELECT 1 FROM operator_tokens WHERE label = @l)",
            ("l", label), ("h", tokenHash), ("a", at.ToString("O", CultureInfo.InvariantCulture)));
        int stored;
        try
        {
            stored = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException e) when (IsUniqueViolation(e))
        {
            return false;   // another node stored it in the meantime
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return stored == 1;
    }

    public async Task<bool> IsOperatorTokenAsync(string tokenHash, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM operator_tokens WHERE token_hash = @h", ("h", tokenHash));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) > 0;
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = Command(connection, null, "SELECT 1");
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture) == 1;
        }
        catch (DbException)
        {
            return false;
        }
    }

    public virtual async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _writer.ConfigureAwait(false);
    }

    protected static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            p.Value = value;
            command.Parameters.Add(p);
        }

        return command;
    }

    protected static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
