using Parley.Agents;
using Parley.Domains;
using Parley.Mediation;
using Parley.Protocols;

namespace Parley.Tests.Mediation;

/// <summary>Mediated sessions run on the shared protocol engine: SAOP's event stream, seeds, clock and failure isolation.</summary>
public sealed class MediationEngineTests
{
    [Fact]
    public void Run_EventStream_MediatorsTextThenEachPartysAnswerEveryRound()
    {
        var scenario = MediationFixtures.BorderTalks(0.4);
        var observed = new List<SessionEvent>();
        var options = new MediationOptions { Rounds = 60, Observer = new Collect(observed) };

        var result = new MediationSession(scenario, new AnnealingMediator(), [new TruthfulVoter(), new StrategicVoter()], options, seed: 3).Run();

        var events = result.Events.ShouldNotBeNull();
        events.PartyNames.ShouldBe(["A", "B", "Mediator"]);
        events.Events.Count.ShouldBe(result.Trace.Count * 3);
        observed.ShouldBe(events.Events);
        var profiles = scenario.Negotiators.Select(p => p.Profile!).ToArray();
        for (var r = 0; r < result.Trace.Count; r++)
        {
            var round = result.Trace[r];
            var offer = events.Events[3 * r];
            offer.Actor.ShouldBe(2);
            offer.Kind.ShouldBe(ActionKind.Offer);
            offer.Offer.ShouldBe(round.Proposal);
            offer.Round.ShouldBe(r);
            for (var p = 0; p < 2; p++)
            {
                var answer = events.Events[(3 * r) + 1 + p];
                answer.Actor.ShouldBe(p);
                answer.Kind.ShouldBe(round.Ballots[p].Accepted ? ActionKind.Accept : ActionKind.Reject);
                events.UtilitiesOf((3 * r) + 1 + p)[p].ShouldBe(profiles[p].Utility(round.Proposal.Levels));
            }

            double.IsNaN(events.UtilitiesOf(3 * r)[2]).ShouldBeTrue();
        }
    }

    [Fact]
    public void Run_PartiesRandomSources_SeededAsInSaop()
    {
        var scenario = MediationFixtures.BorderTalks(0.4);
        var a = new FirstDraw();
        var b = new FirstDraw();

        new MediationSession(scenario, new HillClimbingMediator(), [a, b], new MediationOptions { Rounds = 5 }, seed: 17).Run();

        a.Draw.ShouldBe(new Random(Saop.AgentSeed(17, 0)).Next());
        b.Draw.ShouldBe(new Random(Saop.AgentSeed(17, 1)).Next());
    }

    [Fact]
    public void Run_VoterOverrunningTheActionTimeLimit_FailsWithATimeoutNamingIt()
    {
        var scenario = MediationFixtures.BorderTalks(0.4);
        var clock = new ManualClock();
        var options = new MediationOptions { Rounds = 50, ActionTimeLimit = TimeSpan.FromSeconds(1) };

        var result = new MediationSession(scenario, new HillClimbingMediator(), [new TruthfulVoter(), new SlowVoter(clock)], options, seed: 1, time: clock).Run();

        result.EndReason.ShouldBe(EndReason.Failure);
        var failure = result.Failure.ShouldNotBeNull();
        failure.Kind.ShouldBe(FailureKind.Timeout);
        failure.PartyName.ShouldBe("B");
        failure.Party.ShouldBe(1);
        result.FailureMessage!.ShouldStartWith("B failed:");
        result.Agreement.Agreed.SettledCount.ShouldBe(0);
    }

    [Fact]
    public void Run_MediatorThatThrows_FailureAttributedToTheMediator()
    {
        var scenario = MediationFixtures.BorderTalks(0.4);

        var result = new MediationSession(scenario, new ThrowingMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 10 }, seed: 1).Run();

        result.EndReason.ShouldBe(EndReason.Failure);
        var failure = result.Failure.ShouldNotBeNull();
        failure.Kind.ShouldBe(FailureKind.Exception);
        failure.Party.ShouldBe(2);
        failure.PartyName.ShouldBe("Mediator");
        failure.Reason.ShouldContain("InvalidOperationException: no idea");
    }

    [Fact]
    public void Run_MediatorDraftsATextCrossingARedLine_InvalidActionAttributedToTheMediator()
    {
        var scenario = MediationFixtures.BorderTalks(0.4);
        var options = new MediationOptions { Rounds = 10 };

        // zones = extended with withdrawal = none crosses A's red line.
        var result = new MediationSession(scenario, new FixedMediator(new Outcome([0, 0, 2, 1])), [new TruthfulVoter()], options, seed: 1).Run();

        result.EndReason.ShouldBe(EndReason.Failure);
        var failure = result.Failure.ShouldNotBeNull();
        failure.Kind.ShouldBe(FailureKind.InvalidAction);
        failure.PartyName.ShouldBe("Mediator");
        result.FailureMessage.ShouldNotBeNull().ShouldContain("red line");
    }

    [Fact]
    public void Run_MediatorDraftsATextOutsideTheDomain_InvalidActionAttributedToTheMediator()
    {
        var scenario = MediationFixtures.BorderTalks(0.4);

        var result = new MediationSession(scenario, new FixedMediator(new Outcome([0, 0, 9, 0])), [new TruthfulVoter()], new MediationOptions { Rounds = 10 }, seed: 1).Run();

        result.EndReason.ShouldBe(EndReason.Failure);
        result.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.InvalidAction);
        result.FailureMessage.ShouldNotBeNull().ShouldContain("outside the domain");
    }

    [Fact]
    public void Run_RecordEventsOff_NoTraceButSameResult()
    {
        var scenario = MediationFixtures.BorderTalks(0.4);
        MediationResult Once(bool record) => new MediationSession(scenario, new AnnealingMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 40, RecordEvents = record }, seed: 9).Run();

        var with = Once(true);
        var without = Once(false);

        without.Events.ShouldBeNull();
        without.Trace.Select(r => r.Proposal).ShouldBe(with.Trace.Select(r => r.Proposal));
        without.Seed.ShouldBe(9);
    }

    private sealed class Collect(List<SessionEvent> into) : ISessionObserver
    {
        public void OnEvent(in SessionEvent e, ReadOnlySpan<double> utilities) => into.Add(e);
    }

    private sealed class FirstDraw : Voter
    {
        public int? Draw { get; private set; }

        public override string Name => "first-draw";

        public override bool Vote(VoteContext context)
        {
            Draw ??= context.Random.Next();
            return !context.CrossesRedLine && context.Gain >= -Epsilon;
        }
    }

    private sealed class SlowVoter(ManualClock clock) : Voter
    {
        public override string Name => "slow";

        public override bool Vote(VoteContext context)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            return true;
        }
    }

    private sealed class FixedMediator(Outcome text) : MediatorStrategy
    {
        public override string Name => "fixed";

        public override Outcome? Propose(MediatorView view) => text;
    }

    private sealed class ThrowingMediator : MediatorStrategy
    {
        public override string Name => "throwing";

        public override Outcome? Propose(MediatorView view) => throw new InvalidOperationException("no idea");
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
