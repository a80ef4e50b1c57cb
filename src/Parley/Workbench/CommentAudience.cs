namespace Parley.Workbench;

/// <summary>Who may read a comment.</summary>
public enum CommentAudience
{
    /// <summary>Everyone at the table (the public record).</summary>
    Everyone,

    /// <summary>The mediator (and the author).</summary>
    Mediator,

    /// <summary>One delegation (and the mediator, who wrote it or receives it).</summary>
    Seat,
}
