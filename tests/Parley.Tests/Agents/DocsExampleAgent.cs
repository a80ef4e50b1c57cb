// The example of docs/agents.md, compiled and run by DocsExampleTests. Keep the two in step.
using Parley.Agents;
using Parley.Domains;

namespace Parley.Tests.Agents;

/// <summary>
/// Holds out for its best outcome for the first half of the session, then asks for the outcome
/// nearest a fixed aspiration, and accepts anything at least as good as that aspiration.
/// </summary>
public sealed class PatientAgent(double aspiration = 0.7) : IAgent
{
    private AgentContext _context = null!;

    public void Start(AgentContext context) => _context = context;

    public AgentAction Act(NegotiationState state)
    {
        var index = _context.Index;                 // own outcomes, best first; shared between sessions
        var target = state.Time < 0.5 ? index.MaxUtility : aspiration;

        if (state.Offer is { } offer && state.OfferedBy != _context.PartyIndex
            && _context.Profile.Utility(offer.Levels) >= target)
        {
            return AgentAction.Accept;
        }

        Outcome bid = index.OutcomeAt(index.RankNearest(target));  // O(log n)
        return AgentAction.Counter(bid);
    }
}
