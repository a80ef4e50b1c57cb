using Parley.Agents;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Scenarios;
using static Parley.Tests.Protocols.SessionFixtures;

namespace Parley.Tests.Protocols;

/// <summary>
/// The outcome index an agent reads (<see cref="AgentContext.Index"/>) is built by the runner before
/// the agent's first timed call: its cost never counts against the agent's action time limit.
/// </summary>
/// <remarks>
/// The buyer's profile advances the session's manual clock by 100 ms on every evaluation: building
/// the index of the 33 outcomes costs 3.3 s of that clock, past the 1 s limit, while the agent's own
/// calls evaluate nothing. Were the index built inside Start or Act, the agent would time out.
/// </remarks>
public sealed class OutcomeIndexTimingTests
{
    private static readonly TimeSpan Evaluation = TimeSpan.FromMilliseconds(100);

    [Fact]
    public void Saop_AgentReadsTheIndexInItsFirstAct_IsNotChargedForBuildingIt()
    {
        var clock = new ManualTimeProvider();
        var scenario = WithSlowBuyer(clock);

        var result = Saop.Run(scenario, [ScriptedAgent.Always(Outcome(10, 0)), IndexReader()], Options(clock));

        result.Failure.ShouldBeNull(result.Failure?.Reason);
        result.EndReason.ShouldBe(EndReason.Deadline);
    }

    [Fact]
    public void Mopac_AgentReadsTheIndexInItsFirstAct_IsNotChargedForBuildingIt()
    {
        var clock = new ManualTimeProvider();
        var scenario = WithSlowBuyer(clock);

        var result = Mopac.Run(scenario, [ScriptedAgent.Always(Outcome(10, 0)), IndexReader()], Options(clock));

        result.Failure.ShouldBeNull(result.Failure?.Reason);
    }

    [Fact]
    public void Saop_AgentThatBuildsAnIndexInItsAct_TimesOut()
    {
        // The control: the same work inside a timed call is charged to the agent, so the tests above can fail.
        var clock = new ManualTimeProvider();
        var scenario = WithSlowBuyer(clock);
        var builder = new ScriptedAgent((_, context) => AgentAction.Counter(OutcomeIndex.Build(context.Profile).OutcomeAt(0)));

        var result = Saop.Run(scenario, [ScriptedAgent.Always(Outcome(10, 0)), builder], Options(clock));

        result.Failure.ShouldNotBeNull().Kind.ShouldBe(FailureKind.Timeout);
        result.Failure.Party.ShouldBe(1);
    }

    private static SessionOptions Options(TimeProvider clock) =>
        new() { Deadline = new Deadline(4, null), ActionTimeLimit = TimeSpan.FromSeconds(1), TimeProvider = clock, RecordTrace = false };

    // Offers its own best outcome, read from the index, every turn; never accepts.
    private static ScriptedAgent IndexReader() => new((_, context) => AgentAction.Counter(context.Index.OutcomeAt(0)));

    private static Scenario WithSlowBuyer(ManualTimeProvider clock)
    {
        var market = Bilateral();
        var slow = new ClockedProfile(market.Negotiators[1].Profile!, clock, Evaluation);
        return new Scenario("market", market.Domain, [market.Negotiators[0], new Party("buyer", PartyRole.Party, slow)]);
    }

    /// <summary>A profile whose every evaluation takes <c>cost</c> on the given manual clock.</summary>
    private sealed class ClockedProfile(Profile inner, ManualTimeProvider clock, TimeSpan cost)
        : Profile(inner.Domain, inner.ReservationValue, inner.DiscountFactor, null)
    {
        public override double Utility(ReadOnlySpan<int> outcome)
        {
            clock.Advance(cost);
            return inner.Utility(outcome);
        }

        public override Profile WithReservationValue(double reservationValue) => throw new NotSupportedException();

        public override Profile WithRedLines(IEnumerable<RedLine> redLines) => throw new NotSupportedException();
    }
}
