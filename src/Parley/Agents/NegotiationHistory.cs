namespace Parley.Agents;

/// <summary>
/// The public history of a session, as every party sees it: the actions so far, in order, of
/// which the most recent <see cref="Window"/> are kept.
/// </summary>
/// <remarks>
/// Appended to by the protocol's driver only; agents read it. It holds no utilities, so no party
/// learns another's preferences from it. Entries are numbered from 0 for the whole session
/// (<see cref="Count"/> counts them all); a session's memory does not grow with its length: once
/// more than <see cref="Window"/> actions have been taken, the oldest are dropped
/// (<see cref="First"/> is the number of the oldest kept). Agents that read incrementally keep
/// the count they have seen and call <see cref="Since"/>. Reading allocates nothing.
/// </remarks>
public sealed class NegotiationHistory
{
    /// <summary>The default number of most recent entries kept (far more than any ordinary session takes).</summary>
    public const int DefaultWindow = 1 << 16;

    private HistoryEntry[] _entries;
    private int _start;   // index in _entries of entry First
    private int _kept;    // entries kept
    private long _first;  // number of the oldest kept entry

    /// <summary>Creates an empty history with room for <paramref name="capacity"/> entries, keeping at most <paramref name="window"/>.</summary>
    public NegotiationHistory(int capacity = 64, int window = DefaultWindow)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 4);
        Window = window;
        _entries = new HistoryEntry[Math.Clamp(capacity, 4, window)];
    }

    /// <summary>The most entries kept.</summary>
    public int Window { get; }

    /// <summary>The number of actions so far (all of them, including those no longer kept).</summary>
    public int Count => (int)Math.Min(int.MaxValue, _first + _kept);

    /// <summary>The number of the oldest entry still kept (0 until the window is full).</summary>
    public long First => _first;

    /// <summary>The action numbered <paramref name="index"/> (0 is the first of the session).</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such action, or one older than the window.</exception>
    public ref readonly HistoryEntry this[int index]
    {
        get
        {
            if (index < _first || index >= _first + _kept)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, $"The history keeps entries {_first}..{_first + _kept - 1}.");
            }

            return ref _entries[_start + (int)(index - _first)];
        }
    }

    /// <summary>The actions kept, oldest first (valid until the next action is appended).</summary>
    public ReadOnlySpan<HistoryEntry> AsSpan() => _entries.AsSpan(_start, _kept);

    /// <summary>The actions numbered <paramref name="seen"/> and later that are still kept (an incremental reader passes the <see cref="Count"/> it saw last).</summary>
    public ReadOnlySpan<HistoryEntry> Since(int seen)
    {
        var from = Math.Max(seen, _first);
        var end = _first + _kept;
        return from >= end ? [] : _entries.AsSpan(_start + (int)(from - _first), (int)(end - from));
    }

    /// <summary>The number of the last offer made by <paramref name="party"/> among those kept, or −1.</summary>
    public int LastOfferBy(int party)
    {
        for (var i = _kept - 1; i >= 0; i--)
        {
            ref readonly var e = ref _entries[_start + i];
            if (e.Actor == party && e.Kind == ActionKind.Offer)
            {
                return (int)(_first + i);
            }
        }

        return -1;
    }

    /// <summary>The number of entries the history holds before it grows.</summary>
    internal int Capacity => _entries.Length;

    /// <summary>
    /// Empties the history for another session, keeping its storage: a tournament's worker reuses one
    /// history for all its sessions instead of allocating one per session. Only for a history nothing
    /// else reads any more (the agents of the last session are gone).
    /// </summary>
    internal void Reset()
    {
        Array.Clear(_entries, _start, _kept); // drop the last session's outcomes for the collector
        _start = 0;
        _kept = 0;
        _first = 0;
    }

    internal void Add(in HistoryEntry entry)
    {
        if (_start + _kept == _entries.Length)
        {
            if (_entries.Length < Window)
            {
                Array.Resize(ref _entries, Math.Min(Window, _entries.Length * 2));
            }
            else
            {
                // Full: keep the newer half, moved to the front (amortised O(1) per entry).
                var keep = Window / 2;
                var drop = _kept - keep;
                Array.Copy(_entries, _start + drop, _entries, 0, keep);
                Array.Clear(_entries, keep, _entries.Length - keep);
                _first += drop;
                _start = 0;
                _kept = keep;
            }
        }

        _entries[_start + _kept++] = entry;
    }
}
