using Parley.Domains;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Scenarios;
using static Parley.Tests.Protocols.SessionFixtures;

namespace Parley.Tests.Protocols.Engine;

public sealed class SaopNegotiationTests
{
    private static SaopNegotiation Started(Scenario? scenario = null, Deadline? deadline = null, EventCollector? log = null)
    {
        var n = new SaopNegotiation(NegotiationSetup.For(scenario ?? Bilateral(), deadline ?? new Deadline(10, null)));
        if (log is not null)
        {
            n.Observe(log);
        }

        n.Start().Accepted.ShouldBeTrue();
        return n;
    }

    [Fact]
    public void Submit_OutOfTurn_IsRefusedAndChangesNothing()
    {
        var n = Started();
        var before = StateText.Of(n);

        var result = n.Submit(1, NegotiationAction.Offer(Outcome(3, 1)));

        result.Refusal.ShouldBe(RefusalKind.NotYourTurn);
        result.Message.ShouldBe("it is seller's turn, not buyer's");
        StateText.Of(n).ShouldBe(before);
    }

    [Theory]
    [InlineData(11, 0, RefusalKind.OutsideDomain)]
    [InlineData(-1, 0, RefusalKind.OutsideDomain)]
    [InlineData(3, 3, RefusalKind.OutsideDomain)]
    public void Submit_OfferOutsideTheDomain_IsRefused(int price, int delivery, RefusalKind expected)
    {
        var n = Started();
        var before = StateText.Of(n);

        n.Submit(0, NegotiationAction.Offer(new Outcome([price, delivery]))).Refusal.ShouldBe(expected);

        StateText.Of(n).ShouldBe(before);
    }

    [Fact]
    public void Submit_AcceptWithNothingOnTheTableOrOwnOffer_IsRefused()
    {
        var n = Started();
        n.Submit(0, NegotiationAction.Accept()).Refusal.ShouldBe(RefusalKind.NotExpected);
        n.Submit(0, NegotiationAction.Offer(Outcome(5, 1))).Accepted.ShouldBeTrue();
        n.Submit(1, NegotiationAction.Accept(Outcome(4, 1))).Refusal.ShouldBe(RefusalKind.NotExpected);
        var before = StateText.Of(n);

        n.Submit(1, NegotiationAction.Vote(true)).Refusal.ShouldBe(RefusalKind.NotExpected);
        n.Submit(7, NegotiationAction.Accept()).Refusal.ShouldBe(RefusalKind.UnknownParty);

        StateText.Of(n).ShouldBe(before);
    }

    [Fact]
    public void Submit_OfferAcrossOwnDeclaredRedLine_IsRefused()
    {
        var scenario = Bilateral();
        var domain = scenario.Domain;
        var guarded = scenario.Profiles[0].WithRedLines([new ForbiddenOption(0, 0, "never give it away")]);
        var withRedLine = new Scenario("market", domain, [new Party("seller", PartyRole.Party, guarded), scenario.Negotiators[1]]);
        var n = Started(withRedLine);

        n.Submit(0, NegotiationAction.Offer(Outcome(0, 0))).Refusal.ShouldBe(RefusalKind.CrossesRedLine);
        n.Submit(0, NegotiationAction.Offer(Outcome(1, 0))).Accepted.ShouldBeTrue();
    }

    [Fact]
    public void Submit_AcceptanceByEveryOtherParty_EndsInAgreement()
    {
        var (n, log) = EventCollector.Observe(new SaopNegotiation(NegotiationSetup.For(Bilateral(), new Deadline(10, null))));
        n.Start();

        n.Submit(0, NegotiationAction.Offer(Outcome(5, 1)));
        var result = n.Submit(1, NegotiationAction.Accept());

        result.EventCount.ShouldBe(2);
        n.IsOver.ShouldBeTrue();
        n.EndReason.ShouldBe(EndReason.Agreement);
        n.Agreement.ShouldBe(Outcome(5, 1));
        log.Events.Select(e => e.Kind).ShouldBe([EventKind.Started, EventKind.Offered, EventKind.Accepted, EventKind.Ended]);
        n.Submit(0, NegotiationAction.Offer(Outcome(5, 1))).Refusal.ShouldBe(RefusalKind.SessionOver);
    }

    [Fact]
    public void Submit_AfterTheWallTimeDeadline_RecordsTheDeadlineAndRefuses()
    {
        var clock = new ManualTimeProvider();
        var (n, log) = EventCollector.Observe(new SaopNegotiation(NegotiationSetup.For(Bilateral(), new Deadline(null, TimeSpan.FromSeconds(10))) with { TimeProvider = clock }));
        n.Start();
        clock.Advance(TimeSpan.FromSeconds(4));
        n.Submit(0, NegotiationAction.Offer(Outcome(5, 1))).Accepted.ShouldBeTrue();
        log.Events[^1].Time.ShouldBe(0.4, 1e-12);
        clock.Advance(TimeSpan.FromSeconds(6));

        var result = n.Submit(1, NegotiationAction.Accept());

        result.Refusal.ShouldBe(RefusalKind.SessionOver);
        result.EventCount.ShouldBe(1);
        n.EndReason.ShouldBe(EndReason.Deadline);
        log.Events[^1].Kind.ShouldBe(EventKind.Ended);
    }

    [Fact]
    public void Tick_AtTheRoundLimit_EndsTheSession()
    {
        var n = Started(deadline: new Deadline(1, null));
        n.Submit(0, NegotiationAction.Offer(Outcome(5, 1)));
        n.Tick().EventCount.ShouldBe(0);
        n.Submit(1, NegotiationAction.Offer(Outcome(4, 1)));

        n.Tick().EventCount.ShouldBe(1);

        n.IsOver.ShouldBeTrue();
        n.EndReason.ShouldBe(EndReason.Deadline);
        n.Time.ShouldBe(1);
    }

    [Fact]
    public void Replay_OfALog_GivesTheSameState()
    {
        var log = new EventCollector();
        var n = Started(log: log);
        n.Submit(0, NegotiationAction.Offer(Outcome(9, 0)));
        n.Submit(1, NegotiationAction.Offer(Outcome(1, 2)));
        n.Submit(0, NegotiationAction.Offer(Outcome(7, 1)));

        var replayed = new SaopNegotiation(n.Setup);
        replayed.Replay(log.Events);

        StateText.Of(replayed).ShouldBe(StateText.Of(n));
        replayed.Submit(1, NegotiationAction.Accept()).Accepted.ShouldBeTrue(); // and it resumes
        replayed.EndReason.ShouldBe(EndReason.Agreement);
    }

    [Fact]
    public void Replay_OfATamperedLog_IsRefusedAtTheEventThatDoesNotFit()
    {
        var log = new EventCollector();
        var n = Started(log: log);
        n.Submit(0, NegotiationAction.Offer(Outcome(9, 0)));
        n.Submit(1, NegotiationAction.Accept());
        var tampered = log.Events.ToList();
        tampered[3] = tampered[3] with { Outcome = Outcome(1, 2) }; // the agreement, rewritten

        var ex = Should.Throw<InvalidLogException>(() => new SaopNegotiation(n.Setup).Replay(tampered));

        ex.Sequence.ShouldBe(3);
    }

    [Fact]
    public void Fail_RecordsTheFailureAndEndsTheSession()
    {
        var n = Started();

        n.Fail(1, FailureKind.Timeout, "no answer");

        n.IsOver.ShouldBeTrue();
        n.EndReason.ShouldBe(EndReason.Failure);
        n.Failure.ShouldBe(new SessionFailure(1, "buyer", FailureKind.Timeout, "no answer"));
    }
}
