using Parley.Domains;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Protocols.Views;
using Parley.Scenarios;

namespace Parley.Tests.Mediation;

/// <summary>The single-text state machine: phases, concurrent ballots, round time, and the in-process driver's edge cases.</summary>
public sealed class SingleTextNegotiationTests
{
    [Fact]
    public void Run_UserMediatorThatClaimsTrust_ProposesTheAgendaPackageWithoutBeingATrustedMediator()
    {
        // A mediator of the user's own that overrides IsTrusted (it used to be cast to TrustedMediator: InvalidCastException).
        var scenario = MediationFixtures.BorderTalks(reservation: 0.5);

        var result = new MediationSession(scenario, new ConfidingMediator(), [new TruthfulVoter()], new MediationOptions { Agenda = [0, 1, 2, 3] }, seed: 7).Run();

        result.EndReason.ShouldBe(EndReason.Agreement);
        result.Trace.ShouldNotBeEmpty();
        result.Trace[^1].Issue.ShouldBeNull(); // the package round
        result.Trace[^1].Adopted.ShouldBeTrue();
    }

    [Fact]
    public void Tick_RoundTimeRunsOut_MissingBallotsCountAsObjections()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);
        var clock = new ManualClock();
        var negotiation = Fresh(scenario, new SingleTextSettings { RoundTime = TimeSpan.FromMinutes(10) }, clock);
        negotiation.Start();
        negotiation.Submit(2, NegotiationAction.ProposeText(new Outcome([1, 1, 1, 1]))).Accepted.ShouldBeTrue();
        negotiation.Submit(2, NegotiationAction.ProposeText(new Outcome([2, 1, 1, 1]))).Accepted.ShouldBeTrue();
        negotiation.Submit(1, NegotiationAction.Vote(true)).Accepted.ShouldBeTrue();
        clock.Advance(TimeSpan.FromMinutes(9));
        negotiation.Tick().EventCount.ShouldBe(0);
        negotiation.Phase.ShouldBe(SingleTextPhase.Voting);

        clock.Advance(TimeSpan.FromMinutes(2));
        negotiation.Tick().EventCount.ShouldBe(1);

        negotiation.Phase.ShouldBe(SingleTextPhase.Deciding);
        negotiation.Tally.Accepts.ShouldBe(1);
        negotiation.Tally.Unanimous.ShouldBeFalse();
        negotiation.Submit(0, NegotiationAction.Vote(true)).Refusal.ShouldBe(RefusalKind.NotYourTurn);
        negotiation.Submit(2, NegotiationAction.Decide(false)).Accepted.ShouldBeTrue();
        var round = negotiation.Rounds.ShouldHaveSingleItem();
        round.Ballots[0].Accepted.ShouldBeFalse();
        round.Ballots[1].Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Submit_BallotsInAnyOrder_RoundClosesWhenAllHaveAnswered()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);
        var negotiation = Fresh(scenario, new SingleTextSettings(), TimeProvider.System);
        negotiation.Start();
        negotiation.Submit(2, NegotiationAction.ProposeText(new Outcome([1, 1, 1, 1])));
        negotiation.Submit(2, NegotiationAction.ProposeText(new Outcome([2, 1, 1, 1])));

        negotiation.Submit(1, NegotiationAction.Vote(false)).Accepted.ShouldBeTrue();
        negotiation.Submit(1, NegotiationAction.Vote(true)).Refusal.ShouldBe(RefusalKind.NotYourTurn);
        negotiation.Submit(2, NegotiationAction.Decide(true)).Refusal.ShouldBe(RefusalKind.NotYourTurn);
        negotiation.Phase.ShouldBe(SingleTextPhase.Voting);
        negotiation.Submit(0, NegotiationAction.Sign(true)).Refusal.ShouldBe(RefusalKind.NotExpected);
        negotiation.Submit(0, NegotiationAction.Vote(true)).Accepted.ShouldBeTrue();

        negotiation.Phase.ShouldBe(SingleTextPhase.Deciding);
        negotiation.Tally.ShouldBe(new BallotTally(2, 1));
    }

    [Fact]
    public void Submit_SigningPhase_ClosesAtTheFirstRefusalAndFallsBackToTheLastUnanimousText()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);
        var negotiation = Fresh(scenario, new SingleTextSettings(), TimeProvider.System, rounds: 1);
        negotiation.Start();
        var opening = new Outcome([1, 1, 1, 1]);
        var worse = new Outcome([1, 1, 1, 2]); // A loses on the zones
        negotiation.Submit(2, NegotiationAction.ProposeText(opening));
        negotiation.Submit(2, NegotiationAction.ProposeText(worse));
        negotiation.Submit(0, NegotiationAction.Vote(false)).Accepted.ShouldBeTrue();
        negotiation.Submit(1, NegotiationAction.Vote(true)).Accepted.ShouldBeTrue();
        negotiation.Submit(2, NegotiationAction.Decide(true)).Accepted.ShouldBeTrue(); // adopted over A's objection; the round limit is reached

        negotiation.Phase.ShouldBe(SingleTextPhase.Signing);
        negotiation.PhaseText.ShouldBe(worse);
        negotiation.Submit(0, NegotiationAction.Sign(false)).Accepted.ShouldBeTrue();

        negotiation.Phase.ShouldBe(SingleTextPhase.SigningFallback);
        negotiation.PhaseText.ShouldBe(opening);
        negotiation.Submit(0, NegotiationAction.Sign(true));
        negotiation.Submit(1, NegotiationAction.Sign(true));

        negotiation.IsOver.ShouldBeTrue();
        negotiation.EndReason.ShouldBe(EndReason.Agreement);
        negotiation.Agreed.ShouldBe(PartialOutcome.From(opening));
    }

    [Theory]
    [InlineData(MediatedProtocol.Votes, false)]
    [InlineData(MediatedProtocol.Veto, false)]
    [InlineData(MediatedProtocol.Votes, true)]
    [InlineData(MediatedProtocol.Feedback, false)]
    public void Views_APartysView_HoldsNoOtherPartysBallotOrProfile(MediatedProtocol protocol, bool trusted)
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);
        MediatorStrategy mediator = trusted ? new TrustedMediator() : new HillClimbingMediator();
        var session = new MediationSession(scenario, mediator, [new TruthfulVoter(), new StrategicVoter()], new MediationOptions { Protocol = protocol, Rounds = 30, PostSettlement = true, Agenda = trusted ? [0, 1, 2, 3] : null }, seed: 4);
        var log = new List<NegotiationEvent>();
        session.Negotiation.Observe(new Collect(log));
        session.Run();
        var negotiation = session.Negotiation;
        var policy = negotiation.ViewPolicy;

        log.ShouldContain(e => e.Kind == EventKind.BallotCast);
        for (var p = 0; p < 2; p++)
        {
            var view = NegotiationViews.For(Audience.OfParty(p), log, policy);
            for (var k = 0; k < log.Count; k++)
            {
                if (log[k].Kind == EventKind.BallotCast && log[k].Actor != p)
                {
                    view[k].Value.ShouldBe(NegotiationViews.HiddenBallot);
                    view[k].Detail.ShouldBeNull();
                }
                else
                {
                    view[k].ShouldBe(log[k]);
                }
            }

            var setup = NegotiationViews.For(Audience.OfParty(p), negotiation.Setup, policy);
            setup.Profiles[p].ShouldBeSameAs(negotiation.Setup.Profiles[p]);
            setup.Profiles[1 - p].ShouldBeNull();
        }

        NegotiationViews.For(Audience.Mediator, log, policy).ShouldBe(log);
        NegotiationViews.For(Audience.Mediator, negotiation.Setup, policy).Profiles.All(x => x is not null).ShouldBe(trusted);
        NegotiationViews.For(Audience.Public, log, policy).Where(e => e.Kind == EventKind.BallotCast).ShouldAllBe(e => e.Value == NegotiationViews.HiddenBallot);
    }

    [Fact]
    public void Constructor_RoundTimeWithoutAClock_Refused()
    {
        var scenario = MediationFixtures.BorderTalks();
        var setup = new NegotiationSetup(scenario.Domain, ["A", "B"], [.. scenario.Profiles], new Deadline(10, null), 1, "Mediator");

        Should.Throw<ArgumentException>(() => new SingleTextNegotiation(setup, new SingleTextSettings { RoundTime = TimeSpan.FromMinutes(1) }));
    }

    private static SingleTextNegotiation Fresh(Scenario scenario, SingleTextSettings settings, TimeProvider clock, int rounds = 10)
    {
        var setup = new NegotiationSetup(scenario.Domain, ["A", "B"], [.. scenario.Profiles], new Deadline(rounds, null), 1, "Mediator")
        {
            TimeProvider = clock,
            RecordElapsed = true,
        };
        return new SingleTextNegotiation(setup, settings);
    }

    private sealed class Collect(List<NegotiationEvent> into) : INegotiationObserver
    {
        public void OnEvent(Negotiation negotiation, in NegotiationEvent e) => into.Add(e);
    }

    private sealed class ConfidingMediator : MediatorStrategy
    {
        public override string Name => "confiding";

        public override bool IsTrusted => true;

        public override Outcome? Propose(MediatorView view) => null;
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
