namespace Parley.Protocols;

/// <summary>Why a session ended: one set of end reasons for every protocol.</summary>
public enum EndReason
{
    /// <summary>Every party accepted the same complete outcome (signed the whole text).</summary>
    Agreement,

    /// <summary>The deadline (rounds or wall time) passed with no agreement.</summary>
    Deadline,

    /// <summary>A party walked away.</summary>
    WalkAway,

    /// <summary>A party or the mediator failed (threw, overran its time limit or submitted an invalid action); see <see cref="Negotiation.Failure"/>.</summary>
    Failure,

    /// <summary>A mediated session ended with some articles agreed and others open.</summary>
    Partial,
}
