namespace Parley.Protocols;

/// <summary>How an agent failed.</summary>
public enum FailureKind
{
    /// <summary>The agent threw an exception.</summary>
    Exception,

    /// <summary>The agent took longer than the per-action time limit.</summary>
    Timeout,

    /// <summary>The agent returned an action the protocol does not allow (an outcome outside the domain, accepting when nothing is on the table, …).</summary>
    InvalidAction,
}
