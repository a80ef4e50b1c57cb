namespace Parley.Tournaments;

/// <summary>How a tournament runs (nothing here changes its results).</summary>
/// <param name="Parallelism">How many sessions run at once (at least 1).</param>
/// <param name="SessionTimeout">How long a session may take before it is abandoned and recorded as a failure; null for no limit.</param>
/// <param name="TimeProvider">The clock for run times, the timeout and progress; <see cref="System.TimeProvider.System"/> when null.</param>
public sealed record TournamentRunOptions(int Parallelism = 1, TimeSpan? SessionTimeout = null, TimeProvider? TimeProvider = null);
