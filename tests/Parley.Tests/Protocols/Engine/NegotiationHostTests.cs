using Parley.Agents;
using Parley.Protocols;
using Parley.Protocols.Drivers;
using Parley.Scenarios;
using static Parley.Tests.Protocols.SessionFixtures;

namespace Parley.Tests.Protocols.Engine;

public sealed class NegotiationHostTests
{
    /// <summary>An agent that thinks for a random while before each action (on its own task).</summary>
    private sealed class SlowAgent(IAgent inner, int seed) : IAgent
    {
        private readonly Random _delay = new(seed);

        public void Start(AgentContext context) => inner.Start(context);

        public AgentAction Act(NegotiationState state)
        {
            Thread.Sleep(_delay.Next(0, 3));
            return inner.Act(state);
        }
    }

    [Theory]
    [InlineData("boulware,linear", 2, true)]
    [InlineData("conceder,hardheaded,linear", 3, true)]
    [InlineData("boulware,linear", 2, false)]
    [InlineData("conceder,hardheaded,linear", 3, false)]
    public async Task HostedAgents_OnSeparateTasksWithRandomDelays_PlayTheSameSessionAsTheInProcessRunner(string ids, int parties, bool actionLimit)
    {
        var scenario = parties == 2 ? Bilateral() : Multilateral(parties);
        var names = ids.Split(',');
        var deadline = new Deadline(40, null);
        var inProcess = new EventCollector();
        var expected = Saop.Run(scenario, names.Select(AgentRegistry.Create).ToArray(), new SessionOptions { Deadline = deadline, Seed = 5, Log = inProcess });

        var hosted = new EventCollector();
        var negotiation = new SaopNegotiation(NegotiationSetup.For(scenario, deadline, seed: 5));
        negotiation.Observe(hosted);
        using var host = new NegotiationHost(negotiation);
        TimeSpan? limit = actionLimit ? TimeSpan.FromMinutes(1) : null;
        var players = names.Select((id, p) => Task.Run(() => HostedAgent.PlayAsync(host, p, new SlowAgent(AgentRegistry.Create(id), p), limit))).ToArray();
        await host.WaitForEndAsync().WaitAsync(TimeSpan.FromMinutes(2));
        await Task.WhenAll(players).WaitAsync(TimeSpan.FromMinutes(1));

        var actual = Saop.Result(negotiation, TimeSpan.Zero);
        hosted.Events.ShouldBe(inProcess.Events);
        actual.EndReason.ShouldBe(expected.EndReason);
        actual.Agreement.ShouldBe(expected.Agreement);
        actual.Utilities.ShouldBe(expected.Utilities);
    }

    [Fact]
    public async Task Submit_FromManyTasksAtOnce_AppliesEachValidActionExactlyOnce()
    {
        var negotiation = new MopacNegotiation(NegotiationSetup.For(Multilateral(6), new Deadline(3, null)));
        using var host = new NegotiationHost(negotiation);

        // Every party offers at the same moment, twice: only the first of each is accepted.
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => host.Submit(i % 6, NegotiationAction.Offer(Outcome(i % 5, 0, 0, 0))))));

        results.Count(r => r.Accepted).ShouldBe(6);
        results.Where(r => !r.Accepted).ShouldAllBe(r => r.Refusal == RefusalKind.NotYourTurn || r.Refusal == RefusalKind.NotExpected); // already offered, or the voting phase has begun
        host.Read(n => ((MopacNegotiation)n).Phase).ShouldBe(MopacNegotiation.VotingPhase);
    }

    [Fact]
    public async Task WaitForEventsAsync_CompletesWhenAnotherTaskSubmits()
    {
        using var host = new NegotiationHost(new SaopNegotiation(NegotiationSetup.For(Bilateral(), new Deadline(5, null))));
        var seen = host.EventsFrom(0).Count;
        var waiting = host.WaitForEventsAsync(seen);
        waiting.IsCompleted.ShouldBeFalse();

        _ = Task.Run(() => host.Submit(0, NegotiationAction.Offer(Outcome(5, 1))));
        await waiting.WaitAsync(TimeSpan.FromMinutes(1));

        host.EventsFrom(seen).Single().Kind.ShouldBe(EventKind.Offered);
    }

    [Fact]
    public async Task WaitForEventsAsync_CompletesWhenTheNegotiationIsDrivenWithoutTheHost()
    {
        var negotiation = new SaopNegotiation(NegotiationSetup.For(Bilateral(), new Deadline(5, null)));
        using var host = new NegotiationHost(negotiation);
        var waiting = host.WaitForEventsAsync(host.EventsFrom(0).Count);

        negotiation.Submit(0, NegotiationAction.Offer(Outcome(5, 1))).Accepted.ShouldBeTrue();

        await waiting.WaitAsync(TimeSpan.FromMinutes(1));
        host.EventsFrom(0).Last().Kind.ShouldBe(EventKind.Offered);
    }

    [Fact]
    public async Task HostedAgent_ThatNeverAnswers_IsAbandonedAndRecordedAsFailed()
    {
        var negotiation = new SaopNegotiation(NegotiationSetup.For(Bilateral(), new Deadline(5, null)));
        using var host = new NegotiationHost(negotiation);
        using var release = new ManualResetEventSlim();
        var stuck = new ScriptedAgent((_, _) =>
        {
            release.Wait(TimeSpan.FromMinutes(1));
            return AgentAction.WalkAway;
        });

        await HostedAgent.PlayAsync(host, 0, stuck, TimeSpan.FromMilliseconds(50)).WaitAsync(TimeSpan.FromMinutes(1));
        release.Set();

        negotiation.EndReason.ShouldBe(EndReason.Failure);
        negotiation.Failure!.Kind.ShouldBe(FailureKind.Timeout);
    }

    [Fact]
    public async Task Submit_ThatGivesASeatItsTurn_ReturnsWithoutRunningTheSeatOnTheSubmittersThread()
    {
        // Party 1 is a seat whose agent blocks until released; party 0 submits from outside (a web request).
        var negotiation = new SaopNegotiation(NegotiationSetup.For(Bilateral(), new Deadline(3, null)));
        using var host = new NegotiationHost(negotiation);
        using var acting = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocked = new ScriptedAgent((_, _) =>
        {
            acting.Set();
            release.Wait(TimeSpan.FromMinutes(1));
            return AgentAction.WalkAway;
        });
        var seat = Task.Run(() => HostedAgent.PlayAsync(host, 1, blocked));

        var result = await Task.Run(() => host.Submit(0, NegotiationAction.Offer(Outcome(5, 1)))).WaitAsync(TimeSpan.FromMinutes(1));

        result.Accepted.ShouldBeTrue();
        acting.Wait(TimeSpan.FromMinutes(1)).ShouldBeTrue(); // the seat was resumed on the strand, not inside the submission
        release.Set();
        await seat.WaitAsync(TimeSpan.FromMinutes(1));
        negotiation.EndReason.ShouldBe(EndReason.WalkAway);
    }

    [Fact]
    public async Task Seat_WaitingForItsTurn_StopsWhenItsTokenIsCancelled()
    {
        var negotiation = new SaopNegotiation(NegotiationSetup.For(Bilateral(), new Deadline(3, null)));
        using var host = new NegotiationHost(negotiation);
        using var stop = new CancellationTokenSource();
        var seat = HostedAgent.PlayAsync(host, 1, ScriptedAgent.Always(Outcome(1, 1)), null, stop.Token);
        seat.IsCompleted.ShouldBeFalse(); // parked: party 0 moves first

        await stop.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => seat.WaitAsync(TimeSpan.FromMinutes(1)));
        negotiation.IsOver.ShouldBeFalse(); // a seat that stops simply stops acting
        host.Submit(0, NegotiationAction.Offer(Outcome(5, 1))).Accepted.ShouldBeTrue(); // and the host goes on
    }

    [Fact]
    public async Task Seat_WaitingForItsTurn_StopsWhenTheHostIsDisposed()
    {
        var negotiation = new SaopNegotiation(NegotiationSetup.For(Bilateral(), new Deadline(3, null)));
        var host = new NegotiationHost(negotiation);
        var seat = HostedAgent.PlayAsync(host, 1, ScriptedAgent.Always(Outcome(1, 1)));

        host.Dispose();

        await Should.ThrowAsync<OperationCanceledException>(() => seat.WaitAsync(TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task Seats_OfAMultilateralSession_AllResumeWhenOthersSubmitFromOutside()
    {
        // Two seats and one outside submitter in a three-party SAOP session: the strand resumes each seat in turn.
        var scenario = Multilateral(3);
        var deadline = new Deadline(6, null);
        var agents = new[] { "boulware", "conceder", "linear" };
        var inProcess = new EventCollector();
        Saop.Run(scenario, agents.Select(AgentRegistry.Create).ToArray(), new SessionOptions { Deadline = deadline, Seed = 3, Log = inProcess });

        var negotiation = new SaopNegotiation(NegotiationSetup.For(scenario, deadline, seed: 3));
        var hosted = new EventCollector();
        negotiation.Observe(hosted);
        using var host = new NegotiationHost(negotiation);
        var seats = new[] { 1, 2 }.Select(p => Task.Run(() => HostedAgent.PlayAsync(host, p, AgentRegistry.Create(agents[p])))).ToArray();
        var outside = Task.Run(async () =>
        {
            foreach (var e in inProcess.Events.Where(e => e.Actor == 0 && e.Kind is EventKind.Offered or EventKind.Accepted or EventKind.WalkedAway))
            {
                await host.WaitForTurnAsync(0);
                var action = e.Kind switch
                {
                    EventKind.Offered => NegotiationAction.Offer(e.Outcome!),
                    EventKind.Accepted => NegotiationAction.Accept(),
                    _ => NegotiationAction.WalkAway(),
                };
                host.Submit(0, action).Accepted.ShouldBeTrue();
            }
        });

        await host.WaitForEndAsync().WaitAsync(TimeSpan.FromMinutes(1));
        await Task.WhenAll([.. seats, outside]).WaitAsync(TimeSpan.FromMinutes(1));
        hosted.Events.ShouldBe(inProcess.Events);
    }
}
