using Parley.Domains;

namespace Parley.Protocols;

/// <summary>
/// One entry of a negotiation's append-only event log: the single event type of every protocol.
/// </summary>
/// <remarks>
/// A value type (an offer or an acceptance allocates nothing). The state of a negotiation after any
/// prefix of its log is a pure function of the setup and those events, and the log is what is
/// saved, replayed, sent to remote parties and stored by the server. What each audience may see of
/// an event is decided per audience by the views.
/// </remarks>
/// <param name="Sequence">The event's position in the log, from 0.</param>
/// <param name="Kind">What happened.</param>
/// <param name="Actor">The party (0..n−1), the mediator (n) or −1 for the protocol itself.</param>
/// <param name="Round">The round, from 0.</param>
/// <param name="Time">Normalised time t ∈ [0, 1] of the event.</param>
/// <param name="Elapsed">Wall time since the session started, in <see cref="TimeSpan"/> ticks, as read from the session's clock.</param>
/// <param name="Outcome">The outcome the event is about (offer, accepted offer, text, agreement), if any.</param>
/// <param name="Value">A small integer whose meaning depends on <paramref name="Kind"/>.</param>
/// <param name="Detail">Structured content, if the kind needs it.</param>
public readonly record struct NegotiationEvent(
    long Sequence,
    EventKind Kind,
    int Actor,
    int Round,
    double Time,
    long Elapsed,
    Outcome? Outcome,
    int Value,
    ActionDetail? Detail)
{
    /// <inheritdoc />
    public override string ToString() => $"#{Sequence} r{Round} {Kind} by {Actor}{(Outcome is null ? string.Empty : " " + Outcome)} ({Value})";
}
