using Parley.Agents;
using Parley.Protocols;
using Parley.Scenarios;
using static Parley.Tests.Protocols.SessionFixtures;

namespace Parley.Tests.Protocols;

public sealed class SaopTests
{
    private static readonly SessionOptions TenRounds = new() { Deadline = new Deadline(10, null) };

    [Theory]
    [InlineData(7)]
    [InlineData(8)]
    public void Run_ReusedHistory_SameResultsAsAFreshHistory_AndAgentsSeeOnlyTheirSession(int seed)
    {
        // A tournament's worker reuses one history for its sessions: long and short sessions in turn,
        // with agents that read the history (tit-for-tat, the frequency model), must play exactly as
        // with a history of their own, and no agent may see the previous session's actions.
        var scenario = Multilateral(2, seed);
        var reuse = new NegotiationHistory(4);
        string[][] pairs = [["hardheaded", "tit-for-tat"], ["boulware", "conceder"], ["tit-for-tat", "hardheaded"], ["hardliner", "hardliner"]];
        foreach (var (pair, rounds) in pairs.Zip([200, 3, 150, 40]))
        {
            var options = new SessionOptions { Deadline = new Deadline(rounds, null), Seed = seed, RecordTrace = false };
            var fresh = Saop.Run(scenario.Domain, scenario.Profiles, ["a", "b"], [AgentRegistry.Create(pair[0]), AgentRegistry.Create(pair[1])], options);
            var reused = Saop.Run(scenario.Domain, scenario.Profiles, ["a", "b"], [AgentRegistry.Create(pair[0]), AgentRegistry.Create(pair[1])], options, reuse);

            reused.EndReason.ShouldBe(fresh.EndReason);
            reused.Agreement.ShouldBe(fresh.Agreement);
            reused.Rounds.ShouldBe(fresh.Rounds);
            reused.Actions.ShouldBe(fresh.Actions);
            reused.Utilities.ShouldBe(fresh.Utilities);
            reuse.Count.ShouldBe(fresh.Actions);
        }
    }

    [Fact]
    public void Run_ReusedHistory_StartsEmptyForTheNextSession()
    {
        var scenario = Bilateral();
        var reuse = new NegotiationHistory(4);
        var options = new SessionOptions { Deadline = new Deadline(5, null), RecordTrace = false };
        Saop.Run(scenario.Domain, scenario.Profiles, ["seller", "buyer"], [ScriptedAgent.Always(Outcome(9, 0)), ScriptedAgent.Always(Outcome(5, 1))], options, reuse);
        reuse.Count.ShouldBe(10);
        var seen = new List<int>();
        var first = new ScriptedAgent((s, c) => { seen.Add(c.History.Count); return AgentAction.Counter(Outcome(9, 0)); }, c => seen.Add(c.History.Count));

        Saop.Run(scenario.Domain, scenario.Profiles, ["seller", "buyer"], [first, ScriptedAgent.AcceptAll()], options, reuse);

        seen.ShouldBe([0, 0]); // at its start and at its first turn: nothing of the session before
        reuse.Count.ShouldBe(2);
    }

    [Fact]
    public void Run_ReusedHistoryWithAnActionTimeLimit_IsRefused()
    {
        var scenario = Bilateral();
        var options = new SessionOptions { Deadline = new Deadline(5, null), ActionTimeLimit = TimeSpan.FromSeconds(1) };

        Should.Throw<ArgumentException>(() => Saop.Run(scenario.Domain, scenario.Profiles, ["seller", "buyer"], [ScriptedAgent.AcceptAll(), ScriptedAgent.AcceptAll()], options, new NegotiationHistory(4)));
    }

    [Fact]
    public void Run_SecondPartyAcceptsFirstOffer_AgreesOnItInRoundOne()
    {
        var scenario = Bilateral();
        var offer = Outcome(6, 1);

        var result = Saop.Run(scenario, [ScriptedAgent.Always(offer), ScriptedAgent.AcceptAll()], TenRounds);

        result.EndReason.ShouldBe(EndReason.Agreement);
        result.Agreement.ShouldBe(offer);
        result.Rounds.ShouldBe(1);
        result.Actions.ShouldBe(2);
        result.Utilities[0].ShouldBe(scenario.Profiles[0].Utility(offer), 1e-12);
        result.Utilities[1].ShouldBe(scenario.Profiles[1].Utility(offer), 1e-12);
        result.Trace!.Events.Select(e => e.Kind).ShouldBe([ActionKind.Offer, ActionKind.Accept]);
    }

    [Fact]
    public void Run_CounterOfferAccepted_AgreesOnTheCounterOffer()
    {
        var scenario = Bilateral();
        var first = Outcome(9, 0);
        var counter = Outcome(5, 1);
        var seller = new ScriptedAgent((s, _) => s.Offer is null ? AgentAction.Counter(first) : AgentAction.Accept);
        var buyer = ScriptedAgent.Always(counter);

        var result = Saop.Run(scenario, [seller, buyer], TenRounds);

        result.EndReason.ShouldBe(EndReason.Agreement);
        result.Agreement.ShouldBe(counter);
        result.Rounds.ShouldBe(2);
        var events = result.Trace!.Events;
        events.Select(e => (e.Actor, e.Kind)).ShouldBe([(0, ActionKind.Offer), (1, ActionKind.Offer), (0, ActionKind.Accept)]);
        events[2].Offer.ShouldBe(counter);
        result.Trace.UtilitiesOf(1)[1].ShouldBe(scenario.Profiles[1].Utility(counter), 1e-12);
    }

    [Fact]
    public void Run_PartyWalksAway_EndsWithoutAgreementAtReservationValues()
    {
        var scenario = Bilateral(reservationSeller: 0.3, reservationBuyer: 0.2);
        var buyer = new ScriptedAgent((_, _) => AgentAction.WalkAway);

        var result = Saop.Run(scenario, [ScriptedAgent.Always(Outcome(10, 0)), buyer], TenRounds);

        result.EndReason.ShouldBe(EndReason.WalkAway);
        result.WalkedAwayParty.ShouldBe(1);
        result.Agreement.ShouldBeNull();
        result.Utilities.ShouldBe([0.3, 0.2]);
        result.Trace!.Events[^1].Kind.ShouldBe(ActionKind.WalkAway);
        double.IsNaN(result.Trace.UtilitiesOf(1)[0]).ShouldBeTrue();
    }

    [Fact]
    public void Run_NobodyAccepts_EndsAtTheRoundDeadline()
    {
        var scenario = Bilateral();

        var result = Saop.Run(scenario, [ScriptedAgent.Always(Outcome(10, 0)), ScriptedAgent.Always(Outcome(0, 2))], TenRounds);

        result.EndReason.ShouldBe(EndReason.Deadline);
        result.Rounds.ShouldBe(10);
        result.Actions.ShouldBe(20);
        result.Time.ShouldBe(1);
        result.Agreement.ShouldBeNull();
        result.Trace!.Events[^1].Time.ShouldBe(19.0 / 20, 1e-12);
    }

    [Fact]
    public void Run_WallTimeDeadline_EndsWhenTheInjectedClockPassesIt()
    {
        var clock = new ManualTimeProvider();
        var scenario = Bilateral();
        var ticking = new ScriptedAgent((_, _) =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            return AgentAction.Counter(Outcome(10, 0));
        });
        var options = new SessionOptions { Deadline = new Deadline(null, TimeSpan.FromSeconds(5)), TimeProvider = clock };

        var result = Saop.Run(scenario, [ticking, ScriptedAgent.Always(Outcome(0, 2))], options);

        result.EndReason.ShouldBe(EndReason.Deadline);
        result.Actions.ShouldBe(9); // the seller's fifth action moves the clock to 5 s: the buyer's next turn is past the deadline
        result.Trace!.Events.Select(e => e.Time).ToArray().ShouldBe([0, 0.2, 0.2, 0.4, 0.4, 0.6, 0.6, 0.8, 0.8], tolerance: 1e-12);
    }

    [Fact]
    public void Run_DiscountedProfiles_PayDiscountedUtilityAtAgreementTime()
    {
        var scenario = Bilateral(discount: 0.5);
        var offer = Outcome(5, 1);
        var buyer = new ScriptedAgent((s, _) => s.Round == 5 ? AgentAction.Accept : AgentAction.Counter(Outcome(0, 2)));

        var result = Saop.Run(scenario, [ScriptedAgent.Always(offer), buyer], TenRounds);

        result.EndReason.ShouldBe(EndReason.Agreement);
        result.Time.ShouldBe(11.0 / 20, 1e-12);
        var u = scenario.Profiles[0].Utility(offer);
        result.Utilities[0].ShouldBe(u, 1e-12);
        result.DiscountedUtilities[0].ShouldBe(u * Math.Pow(0.5, 11.0 / 20), 1e-12);
    }

    [Fact]
    public void Run_DiscountedProfilesAtDeadline_PayDiscountedReservationValue()
    {
        var scenario = Bilateral(discount: 0.5, reservationSeller: 0.4, reservationBuyer: 0.2);

        var result = Saop.Run(scenario, [ScriptedAgent.Always(Outcome(10, 0)), ScriptedAgent.Always(Outcome(0, 2))], TenRounds);

        result.DiscountedUtilities[0].ShouldBe(0.2, 1e-12);
        result.DiscountedUtilities[1].ShouldBe(0.1, 1e-12);
    }

    [Fact]
    public void Run_ThreePartiesOneNeverAccepts_NoAgreementThoughAnotherAccepted()
    {
        var scenario = Multilateral(3);
        var x = Outcome(0, 0, 0, 0);
        var z = Outcome(4, 4, 4, 4);

        var result = Saop.Run(scenario, [ScriptedAgent.Always(x), ScriptedAgent.AcceptAll(), ScriptedAgent.Always(z)], TenRounds);

        result.EndReason.ShouldBe(EndReason.Deadline);
        result.Trace!.Events.Count(e => e.Kind == ActionKind.Accept).ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Run_ThreePartiesAllAcceptInSequence_Agree()
    {
        var scenario = Multilateral(3);
        var x = Outcome(0, 0, 0, 0);
        var holdout = new ScriptedAgent((s, _) => s.Round >= 2 ? AgentAction.Accept : AgentAction.Counter(Outcome(4, 4, 4, 4)));
        var proposer = new ScriptedAgent((s, _) => s.OfferedBy is 1 or 2 && s.Round >= 3 ? AgentAction.Accept : AgentAction.Counter(x));

        var result = Saop.Run(scenario, [proposer, ScriptedAgent.AcceptAll(), holdout], TenRounds);

        result.EndReason.ShouldBe(EndReason.Agreement);
        result.Agreement.ShouldBe(x);
        result.Rounds.ShouldBe(3);
        var last = result.Trace!.Events.TakeLast(2).ToArray();
        last.Select(e => (e.Actor, e.Kind)).ShouldBe([(1, ActionKind.Accept), (2, ActionKind.Accept)]);
    }

    [Fact]
    public void Run_AgentThrowsInAct_FailsAttributedToIt()
    {
        var thrower = new ScriptedAgent((_, _) => throw new InvalidOperationException("boom"));

        var result = Saop.Run(Bilateral(), [ScriptedAgent.Always(Outcome(5, 1)), thrower], TenRounds);

        result.EndReason.ShouldBe(EndReason.Failure);
        result.Failure.ShouldNotBeNull();
        result.Failure.Party.ShouldBe(1);
        result.Failure.PartyName.ShouldBe("buyer");
        result.Failure.Kind.ShouldBe(FailureKind.Exception);
        result.Failure.Reason.ShouldContain("boom");
    }

    [Fact]
    public void Run_AgentThrowsInStart_FailsAttributedToIt()
    {
        var thrower = new ScriptedAgent((_, _) => AgentAction.Accept, _ => throw new InvalidOperationException("no start"));

        var result = Saop.Run(Bilateral(), [thrower, ScriptedAgent.AcceptAll()], TenRounds);

        result.Failure!.Party.ShouldBe(0);
        result.Failure.Reason.ShouldContain("Start threw");
    }

    [Fact]
    public void Run_OfferOutsideTheDomain_FailsAsInvalidAction()
    {
        var bad = ScriptedAgent.Always(Outcome(11, 0));

        var result = Saop.Run(Bilateral(), [bad, ScriptedAgent.AcceptAll()], TenRounds);

        result.EndReason.ShouldBe(EndReason.Failure);
        result.Failure!.Kind.ShouldBe(FailureKind.InvalidAction);
        result.Failure.Party.ShouldBe(0);
        result.Failure.Reason.ShouldContain("not an outcome");
    }

    [Fact]
    public void Run_OfferWithWrongIssueCount_FailsAsInvalidAction()
    {
        var bad = new ScriptedAgent((s, _) => s.Offer is null ? AgentAction.Accept : AgentAction.Counter(Outcome(1, 1, 1)));

        var result = Saop.Run(Bilateral(), [ScriptedAgent.Always(Outcome(5, 1)), bad], TenRounds);

        result.Failure!.Kind.ShouldBe(FailureKind.InvalidAction);
        result.Failure.Party.ShouldBe(1);
    }

    [Fact]
    public void Run_AcceptWithNothingOnTheTable_FailsAsInvalidAction()
    {
        var result = Saop.Run(Bilateral(), [ScriptedAgent.AcceptAll(), ScriptedAgent.AcceptAll()], TenRounds);

        result.Failure!.Kind.ShouldBe(FailureKind.InvalidAction);
        result.Failure.Party.ShouldBe(0);
        result.Failure.Reason.ShouldContain("no offer");
    }

    [Fact]
    public void Run_AgentSlowerThanTheLimit_FailsAsTimeout()
    {
        var clock = new ManualTimeProvider();
        var slow = new ScriptedAgent((_, _) =>
        {
            clock.Advance(TimeSpan.FromSeconds(2));
            return AgentAction.Accept;
        });
        var options = TenRounds with { ActionTimeLimit = TimeSpan.FromSeconds(1), TimeProvider = clock };

        var result = Saop.Run(Bilateral(), [ScriptedAgent.Always(Outcome(5, 1)), slow], options);

        result.EndReason.ShouldBe(EndReason.Failure);
        result.Failure!.Kind.ShouldBe(FailureKind.Timeout);
        result.Failure.Party.ShouldBe(1);
        result.Failure.Reason.ShouldContain("over the limit");
    }

    [Fact]
    public void Run_AgentThatNeverReturns_IsAbandonedAndTheProcessGoesOn()
    {
        using var release = new ManualResetEventSlim();
        var hanging = new ScriptedAgent((_, c) =>
        {
            release.Wait(TimeSpan.FromMinutes(5));
            return AgentAction.Accept;
        });
        var options = TenRounds with { ActionTimeLimit = TimeSpan.FromMilliseconds(100) };

        var result = Saop.Run(Bilateral(), [ScriptedAgent.Always(Outcome(5, 1)), hanging], options);
        release.Set();

        result.EndReason.ShouldBe(EndReason.Failure);
        result.Failure!.Kind.ShouldBe(FailureKind.Timeout);
        result.Failure.Party.ShouldBe(1);
        result.Failure.Reason.ShouldContain("abandoned");
        var next = Saop.Run(Bilateral(), [ScriptedAgent.Always(Outcome(5, 1)), ScriptedAgent.AcceptAll()], options);
        next.EndReason.ShouldBe(EndReason.Agreement);
    }

    [Fact]
    public void Run_SameSeed_SameTrace()
    {
        var scenario = Bilateral();
        var options = new SessionOptions { Deadline = new Deadline(50, null), Seed = 7 };

        var a = Saop.Run(scenario, [BuiltInAgents.Random(), BuiltInAgents.Random()], options);
        var b = Saop.Run(scenario, [BuiltInAgents.Random(), BuiltInAgents.Random()], options);
        var c = Saop.Run(scenario, [BuiltInAgents.Random(), BuiltInAgents.Random()], options with { Seed = 8 });

        a.Trace!.Events.ShouldBe(b.Trace!.Events);
        a.Trace.Events.ShouldNotBe(c.Trace!.Events);
    }

    [Fact]
    public void Run_RecordTraceOff_ReturnsNoTraceButTheSameResult()
    {
        var scenario = Bilateral();
        var options = new SessionOptions { Deadline = new Deadline(100, null), Seed = 3 };

        var full = Saop.Run(scenario, [BuiltInAgents.Boulware(), BuiltInAgents.Conceder()], options);
        var lean = Saop.Run(scenario, [BuiltInAgents.Boulware(), BuiltInAgents.Conceder()], options with { RecordTrace = false });

        lean.Trace.ShouldBeNull();
        lean.Agreement.ShouldBe(full.Agreement);
        lean.Rounds.ShouldBe(full.Rounds);
    }

    [Fact]
    public void Run_AgentContext_HoldsOnlyItsOwnProfile()
    {
        var scenario = Bilateral();
        var seller = ScriptedAgent.Always(Outcome(5, 1));
        var buyer = ScriptedAgent.AcceptAll();

        Saop.Run(scenario, [seller, buyer], TenRounds);

        seller.Context.Profile.ShouldBeSameAs(scenario.Profiles[0]);
        buyer.Context.Profile.ShouldBeSameAs(scenario.Profiles[1]);
        buyer.Context.PartyIndex.ShouldBe(1);
        buyer.Context.History.Count.ShouldBe(2);
    }
}
