using System.Text.Json;
using Parley.Protocols;
using Parley.Server.Storage;
using Parley.Workbench;

namespace Parley.Server;

/// <summary>
/// Loading a negotiation on first use (from its latest snapshot and the events after it, or by
/// replaying its log, or by migrating a log stored before the engine), and taking snapshots.
/// </summary>
internal sealed partial class NegotiationRegistry
{
    /// <summary>
    /// How many events a snapshot is taken after the previous one (<see cref="ServerOptions.SnapshotInterval"/>;
    /// the first one at a point of the first interval drawn from the negotiation's id): a first use folds
    /// at most this many events after the snapshot it restores.
    /// </summary>
    public int SnapshotInterval => options.SnapshotInterval;

    /// <summary>Reads the stored log (and snapshot) of a negotiation and builds its case; the records read.</summary>
    /// <exception cref="NegotiationUnavailableException">The log cannot be read by this server (kept unchanged; remembered until restart).</exception>
    private async Task<IReadOnlyList<CaseRecord>> LoadAsync(NegotiationEntry entry, CancellationToken cancellationToken)
    {
        if (entry.Unavailable is { } reason)
        {
            throw new NegotiationUnavailableException(entry.Id, reason);
        }

        IReadOnlyList<CaseRecord> records;
        try
        {
            var snapshot = await store.ReadSnapshotAsync(entry.Id, cancellationToken).ConfigureAwait(false);
            if (snapshot is { } s && s.Format == MediationCase.SnapshotFormat)
            {
                // The snapshot's last event and those after it: the earlier records are read only for a whole view.
                records = await store.ReadAsync(entry.Id, s.Version - 1, cancellationToken).ConfigureAwait(false);
                if (Restore(entry, s, records) is { } restored)
                {
                    entry.Loaded = restored;
                    return records;
                }
            }

            records = await store.ReadAsync(entry.Id, 0, cancellationToken).ConfigureAwait(false);
            entry.Loaded = Build(entry, snapshot, records);
        }
        catch (Exception e) when (e is JsonException or InvalidLogException or InvalidOperationException or InputException or ArgumentException or FormatException or KeyNotFoundException or NotSupportedException)
        {
            entry.Unavailable = e is InvalidLogException log
                ? $"its stored log cannot be read by this version of the server (event {log.Sequence}: {log.Problem}); the log is kept unchanged"
                : $"its stored log cannot be read by this version of the server ({e.GetType().Name}); the log is kept unchanged";
            LogUnavailable(logger, entry.Id, e);
            throw new NegotiationUnavailableException(entry.Id, entry.Unavailable);
        }

        if (entry.Loaded.Version - entry.SnapshotVersion >= SnapshotInterval)
        {
            // Replayed a long tail (no snapshot yet, or one that was ignored): the next first use will not.
            SnapshotIfDue(entry);
        }

        return records;
    }

    private MediationCase Build(NegotiationEntry entry, StoredSnapshot? snapshot, IReadOnlyList<CaseRecord> records)
    {
        if (records.Count == 0)
        {
            throw new InvalidLogException(0, "the negotiation has no events");
        }

        if (MediationCase.PredatesEngine(records))
        {
            var migrated = MediationCase.Migrate(records);
            entry.Migrated = true;
            LogMigrated(logger, entry.Id, records.Count);
            return migrated;
        }

        if (snapshot is { } s && s.Format != MediationCase.SnapshotFormat)
        {
            LogSnapshotIgnored(logger, entry.Id, s.Version, $"format {s.Format}, not {MediationCase.SnapshotFormat}");
            entry.ReplaceSnapshot = true;
        }

        return MediationCase.Replay(records);
    }

    // The case from its snapshot and the records from the snapshot's last event on, or null (logged) when the snapshot is unusable.
    private MediationCase? Restore(NegotiationEntry entry, StoredSnapshot snapshot, IReadOnlyList<CaseRecord> records)
    {
        try
        {
            var restored = MediationCase.Restore(snapshot.Body, records);
            entry.SnapshotVersion = snapshot.Version;
            return restored;
        }
        catch (InvalidSnapshotException e)
        {
            LogSnapshotIgnored(logger, entry.Id, snapshot.Version, e.Message);
            entry.ReplaceSnapshot = true;
            return null;
        }
    }

    /// <summary>Reads the records before the snapshot a case was restored from, when a read needs the whole record (a view, an export).</summary>
    private async Task AttachEarlierRecordsAsync(NegotiationEntry entry, CancellationToken cancellationToken)
    {
        var c = entry.Case;
        if (!c.HasWholeRecord)
        {
            c.AttachEarlierRecords(await store.ReadRangeAsync(entry.Id, 0, c.EarlierRecordCount, cancellationToken).ConfigureAwait(false));
        }
    }

    /// <summary>
    /// Takes a snapshot when the case has passed one of its snapshot points since the last one (see
    /// <see cref="SnapshotDue"/>), with the gate held (the state is consistent), and writes it after the
    /// acknowledgement, off the gate. The events it covers are already committed, so a snapshot never
    /// runs ahead of the log; a failed or lost write costs only a longer replay.
    /// </summary>
    private void SnapshotIfDue(NegotiationEntry entry)
    {
        var c = entry.Case;
        if (entry.Migrated || !SnapshotDue(entry.SnapshotVersion, c.Version, SnapshotInterval, SnapshotPhase(entry.Id, SnapshotInterval)) || !c.CanSnapshot)
        {
            return;
        }

        var version = c.Version;
        var body = c.Snapshot();
        entry.SnapshotVersion = version;
        var previous = entry.SnapshotWrite;
        entry.SnapshotWrite = WriteSnapshotAsync(entry.Id, version, body, entry.ReplaceSnapshot, previous);
        entry.ReplaceSnapshot = false;
    }

    /// <summary>
    /// Whether a snapshot point lies after <paramref name="last"/> (the latest snapshot's version, 0 for
    /// none) and at or before <paramref name="version"/>. A negotiation's points are every
    /// <paramref name="interval"/> events, shifted by its <paramref name="phase"/> (the versions v with
    /// (v + phase) divisible by the interval): consecutive points are exactly an interval apart, so a
    /// restart still folds fewer than an interval of events after its snapshot, but negotiations that
    /// move in step (a class started together, a load test) reach their points in different rounds
    /// instead of all serialising and writing their snapshots in the same one.
    /// </summary>
    internal static bool SnapshotDue(long last, long version, int interval, int phase) =>
        (version + phase) / interval > (last + phase) / interval;

    /// <summary>A negotiation's phase in [0, <paramref name="interval"/>): a hash of its id (FNV-1a), the same on every node and after every restart.</summary>
    internal static int SnapshotPhase(string id, int interval)
    {
        var hash = 2166136261u;
        foreach (var ch in id)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash % (uint)interval);
    }

    private async Task WriteSnapshotAsync(string id, long version, string body, bool replace, Task previous)
    {
        try
        {
            await previous.ConfigureAwait(false);
            await Task.Yield();   // off the caller's path: the acknowledgement does not wait for it
            await store.WriteSnapshotAsync(id, version, MediationCase.SnapshotFormat, body, time.GetUtcNow(), replace).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or ObjectDisposedException or InvalidOperationException or TimeoutException)
        {
            LogSnapshotFailed(logger, id, version, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Negotiation {Negotiation} cannot be opened; its log is kept unchanged")]
    private static partial void LogUnavailable(ILogger logger, string negotiation, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Negotiation {Negotiation}: its {Count} events were stored before the engine ran the rounds; migrated in memory (the stored log is unchanged)")]
    private static partial void LogMigrated(ILogger logger, string negotiation, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Negotiation {Negotiation}: snapshot at version {Version} ignored ({Reason}); the log is replayed")]
    private static partial void LogSnapshotIgnored(ILogger logger, string negotiation, long version, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Negotiation {Negotiation}: the snapshot at version {Version} was not written")]
    private static partial void LogSnapshotFailed(ILogger logger, string negotiation, long version, Exception exception);
}
