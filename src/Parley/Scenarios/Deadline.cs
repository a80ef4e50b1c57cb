namespace Parley.Scenarios;

/// <summary>When a negotiation must end: after a number of rounds, an amount of time, or whichever comes first.</summary>
/// <param name="Rounds">The number of rounds, if limited.</param>
/// <param name="Time">The wall time, if limited.</param>
public sealed record Deadline(int? Rounds, TimeSpan? Time)
{
    /// <summary>Whether neither rounds nor time is limited.</summary>
    public bool IsUnlimited => Rounds is null && Time is null;
}
