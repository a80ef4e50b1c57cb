namespace Parley.Scenarios;

/// <summary>When a negotiation must end: after a number of rounds, an amount of time, or whichever comes first.</summary>
/// <param name="Rounds">The number of rounds, if limited.</param>
/// <param name="Time">The wall time, if limited.</param>
public sealed record Deadline(int? Rounds, TimeSpan? Time)
{
    /// <summary>Whether neither rounds nor time is limited.</summary>
    public bool IsUnlimited => Rounds is null && Time is null;

    /// <summary>The round limit of an automated session (SAOP, MOPAC, a tournament) when neither the command nor the scenario gives a deadline.</summary>
    public const int DefaultSessionRounds = 1000;

    /// <summary>The round limit of a mediated session when neither the command nor the scenario gives one.</summary>
    public const int DefaultMediationRounds = 200;

    /// <summary>
    /// The deadline a session runs under: the rounds and wall time asked for; without either, the
    /// scenario's own round deadline, else <paramref name="defaultRounds"/>.
    /// </summary>
    public static Deadline Resolve(int? rounds, TimeSpan? time, Deadline? scenario, int defaultRounds) =>
        new(rounds ?? (time is null ? scenario?.Rounds ?? defaultRounds : null), time);
}
