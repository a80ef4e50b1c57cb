using Parley.Agents;
using Parley.Protocols;
using Parley.Protocols.Drivers;
using Parley.Scenarios;
using static Parley.Tests.Protocols.SessionFixtures;

namespace Parley.Tests.Protocols.Engine;

public sealed class MopacNegotiationTests
{
    private static (MopacNegotiation N, EventCollector Log) Started(int parties = 3, int rounds = 5)
    {
        var (n, log) = EventCollector.Observe(new MopacNegotiation(NegotiationSetup.For(Multilateral(parties), new Deadline(rounds, null))));
        n.Start();
        return (n, log);
    }

    [Fact]
    public void Round_TwoOfThreeVoteForOneOffer_TheyAgreeAndLeaveAndTheSessionEndsPartial()
    {
        var (n, log) = Started();
        var a = Outcome(0, 0, 0, 0);
        n.Submit(0, NegotiationAction.Offer(a)).Accepted.ShouldBeTrue();
        n.Submit(2, NegotiationAction.Offer(Outcome(1, 1, 1, 1))).Accepted.ShouldBeTrue();
        n.Phase.ShouldBe(MopacNegotiation.OfferPhase);
        n.Submit(1, NegotiationAction.Offer(Outcome(2, 2, 2, 2))).Accepted.ShouldBeTrue();
        n.Phase.ShouldBe(MopacNegotiation.VotingPhase);

        n.Submit(1, NegotiationAction.CastVotes([new MopacVote(a, 2, 3)])).Accepted.ShouldBeTrue();
        n.Submit(0, NegotiationAction.CastVotes([new MopacVote(a, 2, 2)])).Accepted.ShouldBeTrue();
        n.Submit(2, NegotiationAction.CastVotes([])).Accepted.ShouldBeTrue();
        n.Phase.ShouldBe(MopacNegotiation.OptInPhase);
        n.Submit(0, NegotiationAction.CastVotes([])).Refusal.ShouldBe(RefusalKind.Malformed); // may not withdraw
        n.Submit(0, NegotiationAction.CastVotes([new MopacVote(a, 2, 2)])).Accepted.ShouldBeTrue();
        n.Submit(1, NegotiationAction.CastVotes([new MopacVote(a, 2, 3)])).Accepted.ShouldBeTrue();
        n.Submit(2, NegotiationAction.CastVotes([])).Accepted.ShouldBeTrue();

        n.Agreements.ShouldBe([a, a, null]);
        n.IsOver.ShouldBeTrue(); // one party left: nobody to negotiate with
        n.EndReason.ShouldBe(EndReason.Partial);
        log.Events.Count(e => e.Kind == EventKind.Agreed).ShouldBe(1);
    }

    [Fact]
    public void Vote_ForAnOfferNotMadeThisRound_IsRefused()
    {
        var (n, _) = Started(parties: 2);
        n.Submit(0, NegotiationAction.Offer(Outcome(0, 0, 0, 0)));
        n.Submit(1, NegotiationAction.Offer(Outcome(1, 1, 1, 1)));

        var result = n.Submit(0, NegotiationAction.CastVotes([new MopacVote(Outcome(4, 4, 4, 4), 2, 2)]));

        result.Refusal.ShouldBe(RefusalKind.Malformed);
        n.Submit(0, NegotiationAction.Offer(Outcome(1, 1, 1, 1))).Refusal.ShouldBe(RefusalKind.NotExpected);
    }

    [Fact]
    public void Run_TimeDependentAgents_ReachAnAgreementEveryoneVotedFor()
    {
        var scenario = Multilateral(3);
        var agents = new[] { "conceder", "linear", "conceder" }.Select(AgentRegistry.Create).ToArray();

        var result = Mopac.Run(scenario, agents, new SessionOptions { Deadline = new Deadline(50, null), Seed = 3 });

        result.EndReason.ShouldBeOneOf(EndReason.Agreement, EndReason.Partial);
        for (var p = 0; p < 3; p++)
        {
            result.Utilities[p].ShouldBeGreaterThanOrEqualTo(scenario.Profiles[p].ReservationValue);
        }
    }

    [Fact]
    public void Run_AnAgentThatThrows_IsTheFailure()
    {
        var scenario = Multilateral(2);
        var thrower = new ScriptedAgent((_, _) => throw new InvalidOperationException("boom"));

        var negotiation = MopacAgentRunner.Run(new MopacNegotiation(NegotiationSetup.For(scenario, new Deadline(5, null))), [AgentRegistry.Create("linear"), thrower], new SessionOptions());

        negotiation.EndReason.ShouldBe(EndReason.Failure);
        negotiation.Failure!.Party.ShouldBe(1);
        negotiation.Failure.Reason.ShouldContain("boom");
    }

    [Fact]
    public void Submit_AnAnswerMeantForAClosedPhase_IsRefusedAsStale()
    {
        var (n, _) = Started(parties: 2);
        var seen = n.StepStartedAt; // a person looks at the offer phase
        n.Submit(0, NegotiationAction.Offer(Outcome(0, 0, 0, 0)), seen).Accepted.ShouldBeTrue();
        n.Submit(1, NegotiationAction.Offer(Outcome(1, 1, 1, 1))).Accepted.ShouldBeTrue(); // the voting phase begins
        var before = StateText.Of(n);

        var late = n.Submit(0, NegotiationAction.CastVotes([]), seen);

        late.Refusal.ShouldBe(RefusalKind.Stale);
        StateText.Of(n).ShouldBe(before);
        n.Submit(0, NegotiationAction.CastVotes([]), n.StepStartedAt).Accepted.ShouldBeTrue();
    }
}
