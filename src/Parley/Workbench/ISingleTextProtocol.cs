namespace Parley.Workbench;

/// <summary>
/// The protocol part of a mediation case: rounds in which the mediator proposes a single text and
/// the delegations vote concurrently, then signing. The case hands it the protocol's commands
/// (<see cref="OpenRound"/>, <see cref="Vote"/>, <see cref="CloseRound"/>, <see cref="OpenSigning"/>,
/// <see cref="Sign"/>) and the clock's ticks, and folds its events back.
/// </summary>
/// <remarks>
/// <see cref="EngineProtocol"/> implements it on the engine's single-text negotiation
/// (Mediation/SingleTextNegotiation), so that the rounds, votes and signing go through the engine.
/// </remarks>
public interface ISingleTextProtocol
{
    /// <summary>The protocol's state, for views.</summary>
    SingleTextState State { get; }

    /// <summary>The open round's deadline, if it has one: a plain field, which a host may peek at without holding the case (the state itself is read under the host's lock).</summary>
    DateTimeOffset? Deadline { get; }

    /// <summary>Whether <paramref name="command"/> is a protocol command.</summary>
    bool Handles(CaseCommand command);

    /// <summary>Whether the open round's deadline has passed at <paramref name="now"/> (its closing is due); changes nothing.</summary>
    bool IsDue(DateTimeOffset now);

    /// <summary>Decides a protocol command by <paramref name="actor"/> at <paramref name="now"/>.</summary>
    CaseDecision Decide(Audience actor, CaseCommand command, DateTimeOffset now);

    /// <summary>What the clock's passing causes at <paramref name="now"/> (a round closing at its deadline), or no events.</summary>
    CaseDecision Tick(DateTimeOffset now);

    /// <summary>Folds a stored record into the state (the protocol's part of it; other records are ignored).</summary>
    void Apply(CaseRecord record);
}
