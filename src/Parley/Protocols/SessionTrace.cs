using Parley.Domains;

namespace Parley.Protocols;

/// <summary>
/// The full event stream of a session: every action with its round, normalised time, actor, kind,
/// offer and every party's (undiscounted) utility of that offer.
/// </summary>
/// <remarks>Filled by the protocol (appending is amortised O(parties) with no per-event allocation); read-only afterwards.</remarks>
public sealed class SessionTrace
{
    private readonly List<SessionEvent> _events;
    private double[] _utilities;
    private readonly string[] _names;

    /// <summary>Creates an empty trace with room for <paramref name="capacity"/> events.</summary>
    public SessionTrace(Domain domain, IReadOnlyList<string> partyNames, int capacity = 64)
    {
        Domain = domain;
        _names = [.. partyNames];
        _events = new List<SessionEvent>(Math.Max(4, capacity));
        _utilities = new double[Math.Max(4, capacity) * _names.Length];
    }

    /// <summary>The domain of the session.</summary>
    public Domain Domain { get; }

    /// <summary>The parties, in turn order.</summary>
    public IReadOnlyList<string> PartyNames => _names;

    /// <summary>The events, in order.</summary>
    public IReadOnlyList<SessionEvent> Events => _events;

    /// <summary>Every party's undiscounted utility of event <paramref name="eventIndex"/>'s offer (NaN for a walk-away).</summary>
    public ReadOnlySpan<double> UtilitiesOf(int eventIndex)
    {
        if ((uint)eventIndex >= (uint)_events.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(eventIndex), eventIndex, $"The trace has {_events.Count} events.");
        }

        return _utilities.AsSpan(eventIndex * _names.Length, _names.Length);
    }

    /// <summary>Appends an event (protocols only).</summary>
    public void Add(in SessionEvent e, ReadOnlySpan<double> utilities)
    {
        var n = _names.Length;
        if (utilities.Length != n)
        {
            throw new ArgumentException($"Expected {n} utilities, got {utilities.Length}.", nameof(utilities));
        }

        if ((_events.Count + 1) * n > _utilities.Length)
        {
            Array.Resize(ref _utilities, _utilities.Length * 2);
        }

        utilities.CopyTo(_utilities.AsSpan(_events.Count * n, n));
        _events.Add(e);
    }
}
