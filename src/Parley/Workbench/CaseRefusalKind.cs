namespace Parley.Workbench;

/// <summary>Why a mediation case refused a command. A refused command changes nothing.</summary>
public enum CaseRefusalKind
{
    /// <summary>Accepted.</summary>
    None,

    /// <summary>The audience's role may not do this.</summary>
    Forbidden,

    /// <summary>It names something the case does not have (a seat, an invitation, an event).</summary>
    NotFound,

    /// <summary>The command is malformed (an unknown issue or option, an empty text, a value out of range).</summary>
    Invalid,

    /// <summary>Not now: no round is open, the delegation has already voted, signing has not begun.</summary>
    OutOfTurn,

    /// <summary>The case is closed.</summary>
    Closed,
}
