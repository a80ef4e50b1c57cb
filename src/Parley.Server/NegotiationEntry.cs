using System.Collections.Frozen;
using Parley.Workbench;

namespace Parley.Server;

/// <summary>One negotiation in the cache: its case (a fold of its stored log, replayed on first use) and the gate that serialises access to it on this node.</summary>
internal sealed class NegotiationEntry(string id, MediationCase? @case)
{
    public string Id { get; } = id;

    /// <summary>Held while the case is read or written (the case is not thread-safe; holding is never across a wait for a person).</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>
    /// Appends applied to the case (each decided on top of the previous one) whose commits are not yet
    /// confirmed, oldest first; only with the gate held. While it is not empty the case is ahead of the
    /// log: no one reads it, and nothing of those appends is acknowledged or published, until they are
    /// confirmed in order (or the case is dropped and reloaded from the log when one was not stored).
    /// </summary>
    public List<UnconfirmedAppend> Unconfirmed { get; } = [];

    /// <summary>After the case was dropped because an unconfirmed append was not stored: the version it is known to hold in the log (what follows, another writer's, is published on reload); otherwise null.</summary>
    public long? ReloadedFrom { get; set; }

    /// <summary>The case, or null until first used (start-up reads only the catalogue and the token projection).</summary>
    public MediationCase? Loaded { get; set; } = @case;

    /// <summary>
    /// The case's invitations as last applied, or null until loaded: an immutable copy, replaced (under
    /// the gate) whenever an invitation is issued or revoked, so that authorisation reads it without
    /// waiting for the gate; <see cref="NegotiationRegistry"/> checks the invitation again under the gate.
    /// </summary>
    public FrozenDictionary<string, Invitation>? Invitations { get => Volatile.Read(ref _invitations); set => Volatile.Write(ref _invitations, value); }

    private FrozenDictionary<string, Invitation>? _invitations;

    /// <summary>The case; only with the gate held, after <see cref="NegotiationRegistry"/> loaded it.</summary>
    public MediationCase Case => Loaded ?? throw new InvalidOperationException($"Negotiation {Id} is not loaded.");

    /// <summary>The version of the latest snapshot this node stored or restored from (0: none); the next is taken at the negotiation's next snapshot point, at most <see cref="ServerOptions.SnapshotInterval"/> events later.</summary>
    public long SnapshotVersion { get; set; }

    /// <summary>The write of the latest snapshot this node took (it runs after the acknowledgement, off the case's gate).</summary>
    public Task SnapshotWrite { get; set; } = Task.CompletedTask;

    /// <summary>Whether the stored snapshot was found unusable (another format, corrupt, of another log): the next one replaces it whatever its version.</summary>
    public bool ReplaceSnapshot { get; set; }

    /// <summary>Whether the stored log predates the engine and was migrated in memory (it is kept as stored; no snapshot is written for it).</summary>
    public bool Migrated { get; set; }

    /// <summary>Why the stored log cannot be served by this version of the server (it is kept as stored), or null.</summary>
    public string? Unavailable { get; set; }
}

/// <summary>An append applied to the case before its commit: the commit, the records applied, what publishes them, and the invitations as they stand after them (null: unchanged).</summary>
internal sealed record UnconfirmedAppend(Task<IReadOnlyList<CaseRecord>> Commit, IReadOnlyList<CaseRecord> Records, Live.LiveChannel.Prepared Live, FrozenDictionary<string, Invitation>? Invitations);
