namespace Parley.Agents;

/// <summary>
/// A negotiating agent: the interface a user implements to take part in a session.
/// </summary>
/// <remarks>
/// The protocol calls <see cref="Start"/> once, before the first turn, then <see cref="Act"/> on
/// each of the agent's turns. An agent sees only its own profile (through the context), the public
/// history and the state; it never sees another party's preferences. One instance plays one
/// session: create a fresh agent per session (see <see cref="AgentRegistry"/>). Throwing, taking
/// longer than the session's per-action time limit or returning an invalid action ends the session
/// as a failure attributed to the agent. See docs/agents.md.
/// </remarks>
public interface IAgent
{
    /// <summary>Prepares for a session: remember the context (domain, own profile, deadline, history, random source).</summary>
    void Start(AgentContext context);

    /// <summary>Decides this turn's action.</summary>
    AgentAction Act(NegotiationState state);
}
