namespace Parley.Agents;

/// <summary>
/// The public history of a session, as every party sees it: the actions so far, in order.
/// </summary>
/// <remarks>
/// Appended to by the protocol only; agents read it. It holds no utilities, so no party learns
/// another's preferences from it. Reading is O(1) per entry and allocates nothing.
/// </remarks>
public sealed class NegotiationHistory
{
    private HistoryEntry[] _entries;
    private int _count;

    /// <summary>Creates an empty history with room for <paramref name="capacity"/> entries.</summary>
    public NegotiationHistory(int capacity = 64)
    {
        _entries = new HistoryEntry[Math.Max(4, capacity)];
    }

    /// <summary>The number of actions so far.</summary>
    public int Count => _count;

    /// <summary>The action at <paramref name="index"/> (0 is the first).</summary>
    public ref readonly HistoryEntry this[int index]
    {
        get
        {
            if ((uint)index >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The history has {_count} entries.");
            }

            return ref _entries[index];
        }
    }

    /// <summary>The actions so far, as a span (valid until the next action is appended).</summary>
    public ReadOnlySpan<HistoryEntry> AsSpan() => _entries.AsSpan(0, _count);

    /// <summary>The index of the last offer made by <paramref name="party"/>, or −1.</summary>
    public int LastOfferBy(int party)
    {
        for (var i = _count - 1; i >= 0; i--)
        {
            if (_entries[i].Actor == party && _entries[i].Kind == ActionKind.Offer)
            {
                return i;
            }
        }

        return -1;
    }

    internal void Add(in HistoryEntry entry)
    {
        if (_count == _entries.Length)
        {
            Array.Resize(ref _entries, _entries.Length * 2);
        }

        _entries[_count++] = entry;
    }
}
