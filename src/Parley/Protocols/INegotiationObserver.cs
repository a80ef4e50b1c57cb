namespace Parley.Protocols;

/// <summary>Told of every event a negotiation appends, in order, as it happens: the one observer mechanism (logs, live displays, traces, a server's store).</summary>
public interface INegotiationObserver
{
    /// <summary>Called after <paramref name="e"/> has been applied to <paramref name="negotiation"/>'s state.</summary>
    void OnEvent(Negotiation negotiation, in NegotiationEvent e);
}
