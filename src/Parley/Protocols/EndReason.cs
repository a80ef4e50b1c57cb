namespace Parley.Protocols;

/// <summary>Why a session ended.</summary>
public enum EndReason
{
    /// <summary>Every party accepted the same offer.</summary>
    Agreement,

    /// <summary>The deadline (rounds or wall time) passed with no agreement.</summary>
    Deadline,

    /// <summary>A party walked away.</summary>
    WalkAway,

    /// <summary>An agent failed (threw, overran its time limit or returned an invalid action); see <see cref="SessionResult.Failure"/>.</summary>
    Failure,
}
