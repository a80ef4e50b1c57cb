namespace Parley.Mediation;

/// <summary>Where an article (one issue) of a negotiating text stands.</summary>
public enum ArticleStatus
{
    /// <summary>No clause yet: the text shows "[open]" and the parties' positions.</summary>
    Open,

    /// <summary>The mediator's text proposes a clause; the parties have not all agreed to it.</summary>
    Proposed,

    /// <summary>Every party has agreed to the clause.</summary>
    Agreed,
}
