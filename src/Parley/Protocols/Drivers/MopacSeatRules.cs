using Parley.Agents;
using Parley.Preferences;

namespace Parley.Protocols.Drivers;

/// <summary>
/// MOPAC for a hosted seat, as <see cref="MopacAgentRunner"/> plays it: in the offer phase the
/// agent's <see cref="IAgent.Act"/> gives an offer (or a walk-away); in the voting and opt-in
/// phases an <see cref="IMopacVoter"/> chooses its votes, any other agent votes by
/// <see cref="MopacAgentRunner.DefaultVotes"/> and keeps its votes at the opt-in.
/// </summary>
internal sealed class MopacSeatRules(IAgent agent, Profile profile, int parties) : IHostedSeatRules
{
    /// <inheritdoc />
    public ActionKind? HistoryKind(EventKind kind) => kind switch
    {
        EventKind.Offered => ActionKind.Offer,
        EventKind.WalkedAway => ActionKind.WalkAway,
        _ => null,
    };

    /// <inheritdoc />
    public (bool Over, (Func<NegotiationAction> Call, string What)? Move) Next(Negotiation negotiation, int party)
    {
        if (negotiation.IsOver || !negotiation.MayAct(party))
        {
            return (negotiation.IsOver, null);
        }

        var m = (MopacNegotiation)negotiation;
        var round = negotiation.Round;
        var time = negotiation.TimeOf(negotiation.ReadClock());
        if (m.Phase == MopacNegotiation.OfferPhase)
        {
            return (false, (() => NegotiationAction.From(agent.Act(new NegotiationState(round, time, null, -1, 0))), "Act"));
        }

        var offers = m.Offers.Where(o => o is not null).Select(o => o!).ToArray();
        var earlier = m.VotesOf(party).ToArray();
        var own = m.Offers[party];
        var optIn = m.Phase == MopacNegotiation.OptInPhase;
        return (false, (() => NegotiationAction.CastVotes(
            (agent is IMopacVoter voter
                ? voter.Vote(offers, earlier, optIn, time)
                : optIn ? earlier : MopacAgentRunner.DefaultVotes(profile, offers, own is null ? 1.0 : profile.Utility(own.Levels), parties)) ?? []), "Vote"));
    }
}
