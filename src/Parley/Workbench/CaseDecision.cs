namespace Parley.Workbench;

/// <summary>The answer to a command: the events to append, or a refusal (and no events).</summary>
/// <param name="Events">The events the command causes, in order (empty on a refusal).</param>
/// <param name="Refusal">Why it was refused, or <see cref="CaseRefusalKind.None"/>.</param>
/// <param name="Message">The refusal in words a person understands; null when accepted. It names nothing the audience may not see.</param>
public sealed record CaseDecision(IReadOnlyList<CaseEvent> Events, CaseRefusalKind Refusal, string? Message)
{
    /// <summary>Whether the command was accepted.</summary>
    public bool Accepted => Refusal == CaseRefusalKind.None;

    /// <summary>An acceptance with <paramref name="events"/>.</summary>
    public static CaseDecision Accept(params CaseEvent[] events) => new(events, CaseRefusalKind.None, null);

    /// <summary>A refusal.</summary>
    public static CaseDecision Refuse(CaseRefusalKind kind, string message) => new([], kind, message);
}
