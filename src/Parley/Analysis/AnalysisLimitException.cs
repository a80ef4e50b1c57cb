namespace Parley.Analysis;

/// <summary>
/// The scenario is well formed but beyond what an exact analysis can do on this machine: too many
/// outcomes to enumerate, or an intermediate frontier too large to hold.
/// </summary>
/// <remarks>The message says which limit was reached; the CLI prints it on one line and exits 1.</remarks>
public sealed class AnalysisLimitException : Exception
{
    /// <summary>Creates the exception with a message naming the limit reached.</summary>
    public AnalysisLimitException(string message)
        : base(message)
    {
    }
}
