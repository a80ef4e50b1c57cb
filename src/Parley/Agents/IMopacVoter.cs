using Parley.Domains;
using Parley.Protocols;

namespace Parley.Agents;

/// <summary>An agent that chooses its own MOPAC votes (agents that do not get <see cref="Protocols.Drivers.MopacAgentRunner.DefaultVotes"/>).</summary>
public interface IMopacVoter
{
    /// <summary>The votes on this round's <paramref name="offers"/>; in the opt-in phase they must include (or widen) the earlier ones.</summary>
    IReadOnlyList<MopacVote> Vote(IReadOnlyList<Outcome> offers, IReadOnlyList<MopacVote> earlier, bool optIn, double time);
}
