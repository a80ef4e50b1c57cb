namespace Parley.Protocols;

/// <summary>
/// A snapshot that cannot be restored: an unknown or older format version, another protocol, a
/// negotiation of another shape, or malformed JSON. A host then falls back to replaying the whole
/// log; a snapshot is a cache, never trusted over the log.
/// </summary>
public sealed class InvalidSnapshotException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidSnapshotException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidSnapshotException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public InvalidSnapshotException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
