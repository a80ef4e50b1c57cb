namespace Parley.Remote;

/// <summary>A remote party broke the protocol or could not be reached; the message says how (the party's failure).</summary>
public sealed class RemotePartyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RemotePartyException()
    {
    }

    /// <summary>Creates the exception with its reason.</summary>
    public RemotePartyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its reason and cause.</summary>
    public RemotePartyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
