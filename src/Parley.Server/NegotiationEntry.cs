using Parley.Workbench;

namespace Parley.Server;

/// <summary>One negotiation in the cache: its case (a fold of its stored log) and the gate that serialises access to it on this node.</summary>
internal sealed class NegotiationEntry(string id, MediationCase @case)
{
    public string Id { get; } = id;

    /// <summary>Held while the case is read or written (the case is not thread-safe; holding is never across a wait for a person).</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public MediationCase Case { get; set; } = @case;
}
