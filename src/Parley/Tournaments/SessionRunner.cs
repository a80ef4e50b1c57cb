namespace Parley.Tournaments;

/// <summary>
/// Runs one session of a tournament: the seam between the tournament machinery and the protocol
/// engine. It must be thread-safe (sessions run in parallel) and deterministic: the outcome may
/// depend only on <paramref name="session"/> (scenario, agents, seed, deadline).
/// </summary>
/// <param name="session">The session to run.</param>
/// <param name="cancellationToken">Signalled when the session overran its time limit and was abandoned.</param>
/// <returns>The session's outcome; agent failures are reported in it, not thrown.</returns>
public delegate SessionOutcome SessionRunner(SessionSpec session, CancellationToken cancellationToken);
