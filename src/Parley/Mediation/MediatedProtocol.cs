namespace Parley.Mediation;

/// <summary>How parties answer a mediator's text.</summary>
public enum MediatedProtocol
{
    /// <summary>Each party accepts or rejects the new text against the current one (Klein et al. 2003; GENIUS mediator protocol).</summary>
    Votes,

    /// <summary>Each party says whether the new text is better, the same or worse (GENIUS mediator-feedback protocol).</summary>
    Feedback,

    /// <summary>Each party may block any changed article that makes it worse off; the rest of the change goes through.</summary>
    Veto,
}
