using System.Collections;

namespace Parley.Mediation;

/// <summary>
/// A bounded record of a sequence that may grow without limit (the rounds or the versions of a
/// mediated session): everything while it is short, and once it is long the first
/// <see cref="Edge"/> items, the last <see cref="Edge"/> items and, between them, an evenly spaced
/// sample of at most <see cref="Edge"/> items. As a list it holds the kept items in their order.
/// </summary>
/// <remarks>
/// The sample keeps every s-th item (by position in the whole sequence) for a power of two s that
/// doubles, dropping every other sampled item, whenever the sample would exceed its size: its items
/// are spread evenly over the sequence however long it grows. Memory is at most 3 × <see cref="Edge"/>
/// (+ 1) items, whatever <see cref="Total"/> reaches. Not thread-safe.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
internal sealed class KeptHistory<T> : IReadOnlyList<T>
{
    private readonly List<T> _head;
    private readonly T[] _tail;
    private readonly List<(int Position, T Item)> _sample = [];
    private int _stride = 1;

    /// <summary>Creates an empty history that keeps <paramref name="edge"/> items at each end and as many in the sample.</summary>
    public KeptHistory(int edge)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(edge);
        Edge = edge;
        _head = new List<T>(Math.Min(edge, 64));
        _tail = new T[edge];
    }

    /// <summary>How many items are kept at each end (and at most in the sample between them).</summary>
    public int Edge { get; }

    /// <summary>How many items were added in all.</summary>
    public int Total { get; private set; }

    /// <summary>Whether every item added is still kept.</summary>
    public bool IsComplete => Total <= 2 * Edge;

    /// <summary>How many items are kept.</summary>
    public int Count => _head.Count + SampleBefore(TailStart) + (Total - TailStart);

    /// <summary>The last item added.</summary>
    /// <exception cref="InvalidOperationException">Nothing was added.</exception>
    public T Last => Total == 0 ? throw new InvalidOperationException("The history is empty.") : Total <= Edge ? _head[^1] : _tail[(Total - 1) % Edge];

    // Position (in the whole sequence) of the first item the tail keeps.
    private int TailStart => Math.Max(_head.Count, Total - Edge);

    /// <summary>The kept item at <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>), in sequence order.</summary>
    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            if (index < _head.Count)
            {
                return _head[index];
            }

            var tailStart = TailStart;
            var sampled = SampleBefore(tailStart);
            var k = index - _head.Count;
            if (k < sampled)
            {
                return _sample[k].Item;
            }

            var position = tailStart + (k - sampled);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(position, Total, nameof(index));
            return _tail[position % Edge];
        }
    }

    /// <summary>Adds the next item of the sequence.</summary>
    public void Add(T item)
    {
        var position = Total;
        if (position < Edge)
        {
            _head.Add(item);
            Total++;
            return;
        }

        _tail[position % Edge] = item;
        if (position % _stride == 0)
        {
            _sample.Add((position, item));
            if (_sample.Count > Edge)
            {
                _stride *= 2;
                _sample.RemoveAll(s => s.Position % _stride != 0);
            }
        }

        Total++;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes what the history keeps (its total, stride, head, sample and tail) for a snapshot.</summary>
    public void WriteTo(System.Text.Json.Utf8JsonWriter json, Action<System.Text.Json.Utf8JsonWriter, T> write)
    {
        json.WriteStartObject();
        json.WriteNumber("total", Total);
        json.WriteNumber("stride", _stride);
        json.WriteStartArray("head");
        foreach (var item in _head)
        {
            write(json, item);
        }

        json.WriteEndArray();
        json.WriteStartArray("sample");
        foreach (var (position, item) in _sample)
        {
            json.WriteStartObject();
            json.WriteNumber("position", position);
            json.WritePropertyName("item");
            write(json, item);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("tail");
        for (var position = Math.Max(Edge, Total - Edge); position < Total; position++)
        {
            write(json, _tail[position % Edge]);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Restores an empty history from what <see cref="WriteTo"/> wrote.</summary>
    public void ReadFrom(System.Text.Json.JsonElement state, Func<System.Text.Json.JsonElement, T> read)
    {
        if (Total != 0)
        {
            throw new InvalidOperationException("A history is restored only when empty.");
        }

        var total = state.GetProperty("total").GetInt32();
        var stride = state.GetProperty("stride").GetInt32();
        var head = state.GetProperty("head");
        var tail = state.GetProperty("tail");
        if (total < 0 || stride < 1 || head.GetArrayLength() != Math.Min(total, Edge) || tail.GetArrayLength() != Math.Max(0, total - Math.Max(Edge, total - Edge)))
        {
            throw new FormatException("the kept history's counts do not agree");
        }

        foreach (var item in head.EnumerateArray())
        {
            _head.Add(read(item));
        }

        foreach (var s in state.GetProperty("sample").EnumerateArray())
        {
            _sample.Add((s.GetProperty("position").GetInt32(), read(s.GetProperty("item"))));
        }

        var position = Math.Max(Edge, total - Edge);
        foreach (var item in tail.EnumerateArray())
        {
            _tail[position % Edge] = read(item);
            position++;
        }

        Total = total;
        _stride = stride;
    }

    // How many sampled items lie before position end (and after the head): they are in position order.
    private int SampleBefore(int end)
    {
        int lo = 0, hi = _sample.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_sample[mid].Position < end)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
