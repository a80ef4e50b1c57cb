namespace Parley.Remote;

/// <summary>A WebSocket message longer than the limit.</summary>
public sealed class MessageTooLargeException : Exception
{
    /// <summary>Creates the exception for <paramref name="limit"/>.</summary>
    public MessageTooLargeException(int limit)
        : base($"a message longer than the limit of {limit:N0} bytes")
    {
        Limit = limit;
    }

    /// <summary>Creates the exception (for serialisers).</summary>
    public MessageTooLargeException()
        : this(0)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MessageTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public MessageTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The limit, in bytes.</summary>
    public int Limit { get; }
}
