using Parley.Workbench;

namespace Parley.Server.Storage;

/// <summary>
/// The durable store: one append-only event log per negotiation, with sequence numbers. An append
/// is one transaction: all its events or none, committed before the server acknowledges.
/// </summary>
/// <remarks>
/// Concurrency is optimistic: an append names the version it was decided against, and the primary
/// key (negotiation, sequence) refuses a second writer of the same sequence
/// (<see cref="ConcurrencyException"/>); the loser reloads and decides again. See docs/deployment.md.
/// </remarks>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>"sqlite" or "postgres".</summary>
    string Kind { get; }

    /// <summary>Creates or upgrades the schema (migrations as code, each applied once, in order).</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>Appends <paramref name="events"/> after <paramref name="expectedVersion"/>, in one transaction.</summary>
    /// <returns>The stored records (sequences expectedVersion+1 …).</returns>
    /// <exception cref="ConcurrencyException">Another writer appended first.</exception>
    Task<IReadOnlyList<CaseRecord>> AppendAsync(string negotiation, long expectedVersion, IReadOnlyList<CaseEvent> events, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        AppendAsync(negotiation, expectedVersion, events, at, null, cancellationToken);

    /// <summary>
    /// Appends <paramref name="events"/> after <paramref name="expectedVersion"/>, in one transaction, as the
    /// successor of the append <paramref name="after"/> (the task another call returned, for the same
    /// negotiation, ending at <paramref name="expectedVersion"/>), which need not be committed yet: this one
    /// is stored only if that one is, in the same group commit when they are queued together.
    /// </summary>
    /// <returns>The stored records (sequences expectedVersion+1 …).</returns>
    /// <exception cref="ConcurrencyException">Another writer appended first, or <paramref name="after"/> was not stored.</exception>
    Task<IReadOnlyList<CaseRecord>> AppendAsync(string negotiation, long expectedVersion, IReadOnlyList<CaseEvent> events, DateTimeOffset at, Task? after, CancellationToken cancellationToken = default);

    /// <summary>The records of <paramref name="negotiation"/> after <paramref name="after"/>, in order.</summary>
    Task<IReadOnlyList<CaseRecord>> ReadAsync(string negotiation, long after = 0, CancellationToken cancellationToken = default);

    /// <summary>Every negotiation's id with its version.</summary>
    Task<IReadOnlyList<(string Id, long Version)>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Every invitation's token hash, with its negotiation and invitation (the projection start-up reads instead of the logs).</summary>
    Task<IReadOnlyList<(string TokenHash, string Negotiation, string Invitation)>> ReadTokensAsync(string? negotiation = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores an operator token's hash under <paramref name="label"/>: with <paramref name="replace"/>,
    /// replacing the label's hash; without, only if the label is new (so that of two nodes starting
    /// on an empty database, one creates the first-start token).
    /// </summary>
    /// <returns>Whether the hash was stored.</returns>
    Task<bool> AddOperatorTokenAsync(string label, string tokenHash, bool replace, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="tokenHash"/> is an operator token's hash (who may create negotiations).</summary>
    Task<bool> IsOperatorTokenAsync(string tokenHash, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the snapshot of <paramref name="negotiation"/> at <paramref name="version"/> (the case's state
    /// after that event), replacing an older one or one of another format; a newer one of the same format
    /// stays, unless <paramref name="replace"/> (the stored one was found unusable). Written after the
    /// events it covers are committed, in a transaction of its own (with other snapshots, never with
    /// appends): a crash leaves the previous snapshot or this one, each of which describes a prefix of
    /// the log. The task completes once that transaction is committed.
    /// </summary>
    Task WriteSnapshotAsync(string negotiation, long version, int format, string body, DateTimeOffset at, bool replace = false, CancellationToken cancellationToken = default);

    /// <summary>The records of <paramref name="negotiation"/> after <paramref name="after"/> up to <paramref name="upTo"/> (inclusive), in order.</summary>
    Task<IReadOnlyList<CaseRecord>> ReadRangeAsync(string negotiation, long after, long upTo, CancellationToken cancellationToken = default);

    /// <summary>The latest snapshot of <paramref name="negotiation"/>, or null.</summary>
    Task<StoredSnapshot?> ReadSnapshotAsync(string negotiation, CancellationToken cancellationToken = default);

    /// <summary>A quick check that the database answers.</summary>
    Task<bool> PingAsync(CancellationToken cancellationToken = default);
}
