namespace Parley.Server;

/// <summary>A negotiation whose stored log this server cannot read (the log is kept unchanged; the other negotiations are served).</summary>
internal sealed class NegotiationUnavailableException(string negotiation, string reason)
    : Exception($"Negotiation {negotiation} cannot be opened: {reason}")
{
    public string Negotiation { get; } = negotiation;

    public string Reason { get; } = reason;
}
