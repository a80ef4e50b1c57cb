namespace Parley.Protocols.Views;

/// <summary>The kinds of <see cref="Audience"/>.</summary>
public enum AudienceKind
{
    /// <summary>An observer, the public record.</summary>
    Public,

    /// <summary>One party (a delegation, an agent).</summary>
    Party,

    /// <summary>The mediator.</summary>
    Mediator,
}
