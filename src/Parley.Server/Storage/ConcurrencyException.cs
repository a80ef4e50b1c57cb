namespace Parley.Server.Storage;

/// <summary>Another writer appended to the negotiation's log first: reload and decide again.</summary>
public sealed class ConcurrencyException(string negotiation, long expectedVersion)
    : Exception($"Negotiation {negotiation} moved past version {expectedVersion}.")
{
    /// <summary>The negotiation.</summary>
    public string Negotiation { get; } = negotiation;

    /// <summary>The version the append was decided against.</summary>
    public long ExpectedVersion { get; } = expectedVersion;
}
