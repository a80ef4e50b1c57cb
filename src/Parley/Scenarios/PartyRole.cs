namespace Parley.Scenarios;

/// <summary>What an actor does at the table.</summary>
public enum PartyRole
{
    /// <summary>A negotiating party: it has preferences and must agree for there to be a deal.</summary>
    Party,

    /// <summary>A mediator: proposes texts; its own preferences, if any, are not a party's.</summary>
    Mediator,

    /// <summary>Present, with no say in the outcome.</summary>
    Observer,
}
