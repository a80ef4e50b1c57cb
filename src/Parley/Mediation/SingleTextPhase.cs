namespace Parley.Mediation;

/// <summary>
/// The phases of <see cref="SingleTextNegotiation"/>: who may act and with what. The phase code is
/// the <see cref="Protocols.EventKind.PhaseBegan"/> event's value.
/// </summary>
public enum SingleTextPhase
{
    /// <summary>The mediator drafts the opening text (propose a text, or pass: no text avoids every red line).</summary>
    Opening,

    /// <summary>Whole-text mode: the mediator puts the next candidate text to the parties, or passes (nothing left to propose).</summary>
    Proposing,

    /// <summary>Whole-text mode: every party answers the candidate (a vote, a feedback code or vetoes), in any order.</summary>
    Voting,

    /// <summary>Votes and feedback protocols: the mediator adopts the candidate or drops it, given the tally.</summary>
    Deciding,

    /// <summary>Every party signs the current text, or declines (the phase closes at the first refusal).</summary>
    Signing,

    /// <summary>The current text was not signed: every party signs the last text they all accepted, or declines.</summary>
    SigningFallback,

    /// <summary>No text signed: every party accepts one article of the final text (the phase's article), or declines.</summary>
    ArticleAgreement,

    /// <summary>Every article was agreed one by one: every party signs the complete text, or the phase's article reopens.</summary>
    Ratifying,

    /// <summary>Issue-by-issue mode: the mediator puts a clause for the article on the agenda (the phase's article) to the parties, or passes.</summary>
    AgendaProposing,

    /// <summary>Issue-by-issue mode: every party accepts the clause on the table, or objects, in any order.</summary>
    ArticleVoting,

    /// <summary>After the agenda, a trusted mediator proposes a package across the open articles (or reopening agreed ones), or passes.</summary>
    Package,

    /// <summary>Every party signs the trusted mediator's package, or declines, in any order.</summary>
    PackageSigning,

    /// <summary>After a deal, the mediator proposes a post-settlement improvement, or passes.</summary>
    PostProposing,

    /// <summary>Every party accepts the post-settlement improvement, or objects, in any order.</summary>
    PostVoting,
}
