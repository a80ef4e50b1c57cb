using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>How to run a session: deadline, per-action time limit, seed, clock, and what to record.</summary>
/// <remarks>
/// A session is fully determined by the scenario, the agents, these options and the seed (with a
/// wall-time deadline, also by how fast the machine is: use a round deadline to replay exactly).
/// </remarks>
public sealed record SessionOptions
{
    /// <summary>The deadline: rounds and/or wall time, whichever comes first. Must limit something.</summary>
    public Deadline Deadline { get; init; } = new(1000, null);

    /// <summary>
    /// The longest an agent may take for one call (Start or Act); null for no limit. With a limit the
    /// session runs on its own thread under a watchdog, so that an agent that never returns cannot
    /// hang the caller (see <see cref="SessionWatchdog"/>).
    /// </summary>
    public TimeSpan? ActionTimeLimit { get; init; }

    /// <summary>The seed from which every agent's random source is derived.</summary>
    public int Seed { get; init; }

    /// <summary>The clock: <see cref="TimeProvider.System"/> by default, a fake one in tests.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Whether to keep the full event trace (with every party's utility) in the result. Tournaments switch it off.</summary>
    public bool RecordTrace { get; init; } = true;

    /// <summary>Told of each action as it happens (for a live display); null for none.</summary>
    public ISessionObserver? Observer { get; init; }

    /// <summary>Stops the session between two actions (Ctrl-C): the run throws <see cref="OperationCanceledException"/>, and what the log received so far stays valid (a replay resumes from it).</summary>
    public CancellationToken Cancellation { get; init; }

    /// <summary>Receives every event of the session's log (a file being written, a store); null for none.</summary>
    public INegotiationObserver? Log { get; init; }
}
