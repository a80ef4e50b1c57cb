namespace Parley.Protocols;

/// <summary>Why a negotiation refused an action. A refused action changes nothing.</summary>
public enum RefusalKind
{
    /// <summary>The action was accepted (no refusal).</summary>
    None,

    /// <summary>It is not this party's turn (or the party has already answered in this round).</summary>
    NotYourTurn,

    /// <summary>The party may act, but not with this kind of action now.</summary>
    NotExpected,

    /// <summary>The outcome is not an outcome of the domain.</summary>
    OutsideDomain,

    /// <summary>The outcome crosses a red line that the protocol checks (the submitter's own, or any declared one for a mediator's text).</summary>
    CrossesRedLine,

    /// <summary>The session is over.</summary>
    SessionOver,

    /// <summary>The action is malformed (a missing outcome, an unknown article, a bad value).</summary>
    Malformed,

    /// <summary>No such party in this negotiation.</summary>
    UnknownParty,

    /// <summary>The action answers a step (a round, a phase) that has closed since the submitter saw it.</summary>
    Stale,
}
