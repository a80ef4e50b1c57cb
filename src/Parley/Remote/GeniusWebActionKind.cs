namespace Parley.Remote;

/// <summary>The GeniusWeb actions Parley speaks (the class names that wrap them on the wire).</summary>
public enum GeniusWebActionKind
{
    /// <summary><c>Offer</c>: actor, bid.</summary>
    Offer,

    /// <summary><c>Accept</c>: actor, bid (the offer accepted).</summary>
    Accept,

    /// <summary><c>EndNegotiation</c>: actor.</summary>
    EndNegotiation,

    /// <summary><c>Vote</c>: actor, bid, minPower, maxPower.</summary>
    Vote,

    /// <summary><c>Votes</c>: actor, votes (a list of <c>Vote</c>).</summary>
    Votes,
}
