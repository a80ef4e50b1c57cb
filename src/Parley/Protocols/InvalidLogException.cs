namespace Parley.Protocols;

/// <summary>A log that the protocol does not reproduce: a tampered, truncated or foreign event log.</summary>
public sealed class InvalidLogException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InvalidLogException(long sequence, string problem)
        : base($"event {sequence}: {problem}")
    {
        Sequence = sequence;
        Problem = problem;
    }

    /// <summary>Creates the exception.</summary>
    public InvalidLogException()
    {
        Problem = string.Empty;
    }

    /// <summary>Creates the exception.</summary>
    public InvalidLogException(string message)
        : base(message)
    {
        Problem = message;
    }

    /// <summary>Creates the exception.</summary>
    public InvalidLogException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problem = message;
    }

    /// <summary>The sequence of the first event that does not fit.</summary>
    public long Sequence { get; }

    /// <summary>What does not fit.</summary>
    public string Problem { get; } = string.Empty;
}
