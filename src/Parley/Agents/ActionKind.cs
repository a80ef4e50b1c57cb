namespace Parley.Agents;

/// <summary>The kinds of action a party (or the mediator) can submit to a negotiation.</summary>
/// <remarks>
/// One vocabulary for every protocol: SAOP uses offer, accept and walk away; the mediated protocols
/// use propose-text, vote (a ballot: yes/no, feedback or vetoes, or an article's acceptance), decide
/// (the mediator adopts or drops a candidate), sign and pass (the mediator has nothing to propose);
/// MOPAC uses offer, votes (a set of conditional votes) and walk away. Which kinds a party may
/// submit at a given moment is what <see cref="Protocols.Negotiation.Allowed"/> answers.
/// </remarks>
public enum ActionKind
{
    /// <summary>Offer an outcome (a first offer or a counter-offer).</summary>
    Offer,

    /// <summary>Accept the offer on the table.</summary>
    Accept,

    /// <summary>Walk away from the table: the session ends with no agreement.</summary>
    WalkAway,

    /// <summary>Reject a proposal (in traces, a mediated party's "no").</summary>
    Reject,

    /// <summary>Cast a ballot on the mediator's text (yes/no, feedback or vetoes, or an article).</summary>
    Vote,

    /// <summary>The mediator puts a text (or one article's clause) to the parties.</summary>
    ProposeText,

    /// <summary>The mediator decides whether the candidate text replaces the current one.</summary>
    Decide,

    /// <summary>Sign (or decline to sign) the text as a whole.</summary>
    Sign,

    /// <summary>The mediator has nothing (more) to propose.</summary>
    Pass,

    /// <summary>MOPAC: a set of votes, each for one offer with the minimum and maximum power it accepts.</summary>
    Votes,
}
