namespace Parley.Protocols;

/// <summary>What happened: the kind of a <see cref="NegotiationEvent"/>.</summary>
/// <remarks>
/// Events are facts in the append-only log. Those a party's action caused carry that party as
/// <see cref="NegotiationEvent.Actor"/>; those the protocol derives (a round closing, a text
/// adopted, the end) follow in the same step. <see cref="NegotiationEvent.Value"/> and
/// <see cref="NegotiationEvent.Detail"/> are documented per kind.
/// </remarks>
public enum EventKind
{
    /// <summary>The session started. Value: the number of parties.</summary>
    Started,

    /// <summary>A party offered <see cref="NegotiationEvent.Outcome"/>.</summary>
    Offered,

    /// <summary>A party accepted the offer on the table (<see cref="NegotiationEvent.Outcome"/>).</summary>
    Accepted,

    /// <summary>A party walked away.</summary>
    WalkedAway,

    /// <summary>The mediator put a candidate text to the parties. Value: the single article on the table, or −1.</summary>
    TextProposed,

    /// <summary>A party cast a ballot. Value: the ballot's value (1 yes, 0 no, or a feedback code); Detail: a <see cref="VetoDetail"/> in the veto protocol.</summary>
    BallotCast,

    /// <summary>A round of ballots closed. Value: how many ballots accepted; Detail: a <see cref="TallyDetail"/>.</summary>
    RoundClosed,

    /// <summary>The mediator decided on the candidate. Value: 1 adopted, 0 dropped.</summary>
    Decided,

    /// <summary>A new version of the negotiating text. Outcome: the whole text when complete; Detail: a <see cref="TextDetail"/>.</summary>
    TextAdopted,

    /// <summary>A party signed (Value 1) or declined to sign (Value 0) the text.</summary>
    Signed,

    /// <summary>The mediator passed: it has nothing (more) to propose.</summary>
    Passed,

    /// <summary>A phase of the protocol began. Value: the protocol's phase code; Detail: a <see cref="PhaseDetail"/>.</summary>
    PhaseBegan,

    /// <summary>MOPAC: a party's votes. Detail: a <see cref="MopacVotesDetail"/>.</summary>
    VotesCast,

    /// <summary>A party failed (threw, overran its time, submitted an invalid action). Detail: a <see cref="FailureDetail"/>.</summary>
    Failed,

    /// <summary>MOPAC: a group of parties reached an agreement on <see cref="NegotiationEvent.Outcome"/> and leaves the table. Detail: a <see cref="PartiesDetail"/>.</summary>
    Agreed,

    /// <summary>The session ended. Value: the <see cref="EndReason"/>; Outcome: the agreement, if complete; Detail: an <see cref="AgreementDetail"/> for a partial one.</summary>
    Ended,
}
