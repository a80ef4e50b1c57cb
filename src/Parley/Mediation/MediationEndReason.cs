namespace Parley.Mediation;

/// <summary>How a mediated session ended.</summary>
public enum MediationEndReason
{
    /// <summary>Every article agreed: the parties signed a complete text.</summary>
    Agreement,

    /// <summary>Some articles agreed, others open (a partial agreement).</summary>
    Partial,

    /// <summary>The deadline passed (or the mediator ran out of texts) with no article agreed.</summary>
    Deadline,

    /// <summary>A party or the mediator failed (threw), or no text avoids every red line.</summary>
    Failure,
}
