namespace Parley.Protocols;

/// <summary>The answer to <see cref="Negotiation.Submit(int, in NegotiationAction)"/>: the events the action caused, or a refusal.</summary>
/// <remarks>A value type; the events themselves are in the log (sequences <see cref="FirstEvent"/> .. <see cref="FirstEvent"/> + <see cref="EventCount"/> − 1) and reached every observer.</remarks>
/// <param name="Refusal">Why the action was refused, or <see cref="RefusalKind.None"/>.</param>
/// <param name="Message">The refusal in words, for a person or a log; null when accepted.</param>
/// <param name="FirstEvent">The sequence of the first event appended.</param>
/// <param name="EventCount">How many events were appended (also on a refusal: the deadline may have passed meanwhile).</param>
public readonly record struct SubmitResult(RefusalKind Refusal, string? Message, long FirstEvent, int EventCount)
{
    /// <summary>Whether the action was accepted.</summary>
    public bool Accepted => Refusal == RefusalKind.None;
}
