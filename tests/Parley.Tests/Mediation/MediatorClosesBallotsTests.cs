using Parley.Scenarios;
using Parley.Domains;
using Parley.Mediation;
using Parley.Protocols;

namespace Parley.Tests.Mediation;

/// <summary>The hook a human mediator's host uses: closing a ballot before every party has answered.</summary>
public sealed class MediatorClosesBallotsTests
{
    [Fact]
    public void Submit_MediatorPassesDuringVoting_BallotClosesWithTheMissingAsObjections()
    {
        var negotiation = Fresh(new SingleTextSettings { MediatorClosesBallots = true });
        negotiation.Submit(2, NegotiationAction.ProposeText(new Outcome([1, 1, 1, 1])));
        negotiation.Submit(2, NegotiationAction.ProposeText(new Outcome([2, 1, 1, 1])));
        negotiation.Submit(1, NegotiationAction.Vote(true)).Accepted.ShouldBeTrue();

        negotiation.Allowed(2).ShouldBe(ActionKinds.Pass);
        negotiation.Submit(2, NegotiationAction.Pass()).Accepted.ShouldBeTrue();

        negotiation.Phase.ShouldBe(SingleTextPhase.Deciding);
        negotiation.Tally.Accepts.ShouldBe(1);
        negotiation.Submit(0, NegotiationAction.Vote(true)).Refusal.ShouldBe(RefusalKind.NotYourTurn);
        negotiation.Submit(2, NegotiationAction.Decide(false)).Accepted.ShouldBeTrue();
        var round = negotiation.Rounds.ShouldHaveSingleItem();
        round.Ballots[0].Accepted.ShouldBeFalse();
        round.Adopted.ShouldBeFalse();
    }

    [Fact]
    public void Submit_MediatorPassesDuringVotingWithoutTheSetting_RefusedAndNothingChanges()
    {
        var negotiation = Fresh(new SingleTextSettings());
        negotiation.Submit(2, NegotiationAction.ProposeText(new Outcome([1, 1, 1, 1])));
        negotiation.Submit(2, NegotiationAction.ProposeText(new Outcome([2, 1, 1, 1])));
        var before = negotiation.EventCount;

        negotiation.Allowed(2).ShouldBe(ActionKinds.None);
        negotiation.Submit(2, NegotiationAction.Pass()).Refusal.ShouldBe(RefusalKind.NotYourTurn);

        negotiation.EventCount.ShouldBe(before);
        negotiation.Phase.ShouldBe(SingleTextPhase.Voting);
    }

    [Fact]
    public void Replay_LogWithAClosedSignature_SameState()
    {
        var log = new List<NegotiationEvent>();
        var negotiation = Fresh(new SingleTextSettings { MediatorClosesBallots = true }, log);
        negotiation.Submit(2, NegotiationAction.ProposeText(new Outcome([1, 1, 1, 1])));
        negotiation.Submit(2, NegotiationAction.Pass());                      // nothing more to propose: signing
        negotiation.Submit(0, NegotiationAction.Sign(true));
        negotiation.Phase.ShouldBe(SingleTextPhase.Signing);
        negotiation.Submit(2, NegotiationAction.Pass()).Accepted.ShouldBeTrue(); // the mediator closes the signature: B's is missing

        var copy = Fresh(new SingleTextSettings { MediatorClosesBallots = true }, start: false);
        copy.Replay(log);

        negotiation.Phase.ShouldNotBe(SingleTextPhase.Signing);
        copy.Phase.ShouldBe(negotiation.Phase);
        copy.PhaseArticle.ShouldBe(negotiation.PhaseArticle);
        copy.EventCount.ShouldBe(negotiation.EventCount);
        copy.Settled.ShouldBe(negotiation.Settled);
    }

    private static SingleTextNegotiation Fresh(SingleTextSettings settings, List<NegotiationEvent>? log = null, bool start = true)
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);
        var setup = new NegotiationSetup(scenario.Domain, ["A", "B"], [.. scenario.Profiles], new Deadline(10, null), 1, "Mediator");
        var negotiation = new SingleTextNegotiation(setup, settings);
        if (log is not null)
        {
            negotiation.Observe(new Collect(log));
        }

        if (start)
        {
            negotiation.Start();
        }

        return negotiation;
    }

    private sealed class Collect(List<NegotiationEvent> into) : INegotiationObserver
    {
        public void OnEvent(Negotiation negotiation, in NegotiationEvent e) => into.Add(e);
    }
}
