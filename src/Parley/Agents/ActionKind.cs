namespace Parley.Agents;

/// <summary>What a party does on its turn.</summary>
public enum ActionKind
{
    /// <summary>Puts an offer on the table (the first offer or a counter-offer).</summary>
    Offer,

    /// <summary>Accepts the offer on the table.</summary>
    Accept,

    /// <summary>Walks away: the session ends with no agreement.</summary>
    WalkAway,
}
