namespace Parley.Tournaments;

/// <summary>The end reasons a session record carries, as written in the CSV and the journal.</summary>
public static class EndReasons
{
    /// <summary>Every party accepted the same offer.</summary>
    public const string Agreement = "agreement";

    /// <summary>A mediated session ended with some articles agreed and others open.</summary>
    public const string Partial = "partial";

    /// <summary>The deadline passed without agreement.</summary>
    public const string Deadline = "deadline";

    /// <summary>A party walked away.</summary>
    public const string WalkAway = "walkaway";

    /// <summary>An agent (or the session) failed: it threw, was too slow, or made an invalid move.</summary>
    public const string Failure = "failure";
}
