namespace Parley.Workbench;

/// <summary>Who looks at a mediation case: the role an invitation grants.</summary>
public enum AudienceRole
{
    /// <summary>The mediator (or a member of the mediating team): runs the case.</summary>
    Mediator,

    /// <summary>A delegation: holds one seat and sees only its own side and what is shared.</summary>
    Delegation,

    /// <summary>An observer (a teacher, an analyst): sees what the mediator allows.</summary>
    Observer,
}
