using System.Collections.Frozen;
using Parley.Workbench;

namespace Parley.Server;

/// <summary>One negotiation in the cache: its case (a fold of its stored log, replayed on first use) and the gate that serialises access to it on this node.</summary>
internal sealed class NegotiationEntry(string id, MediationCase? @case)
{
    public string Id { get; } = id;

    /// <summary>Held while the case is read or written (the case is not thread-safe; holding is never across a wait for a person).</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

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
}
