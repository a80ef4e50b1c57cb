using Parley.Agents;
using Parley.Domains;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Scenarios;
using Parley.Tests.Protocols;

namespace Parley.Tests.Agents;

public sealed class BuiltInAgentTests
{
    private static readonly SessionOptions Options = new() { Deadline = new Deadline(200, null), Seed = 5 };

    [Fact]
    public void Registry_EveryListedId_CreatesAnAgentThatCompletesASession()
    {
        var scenario = SessionFixtures.Multilateral(2, 3);
        foreach (var descriptor in AgentRegistry.All)
        {
            var id = descriptor.Id.Replace("<e>", "0.5", StringComparison.Ordinal);

            var result = Saop.Run(scenario, [AgentRegistry.Create(id), BuiltInAgents.Conceder()], Options);

            result.EndReason.ShouldNotBe(EndReason.Failure, id);
        }
    }

    [Fact]
    public void EveryBuiltInAgent_SameSeedTwice_SameTrace()
    {
        var scenario = SessionFixtures.Multilateral(2, 8);
        foreach (var descriptor in AgentRegistry.All)
        {
            var factory = AgentRegistry.Factory(descriptor.Id.Replace("<e>", "0.7", StringComparison.Ordinal));
            var options = new SessionOptions { Deadline = new Deadline(150, null), Seed = 42 };

            var a = Saop.Run(scenario, [factory(), BuiltInAgents.Random()], options);
            var b = Saop.Run(scenario, [factory(), BuiltInAgents.Random()], options);

            b.Trace!.Events.ShouldBe(a.Trace!.Events, descriptor.Id);
        }
    }

    [Fact]
    public void Registry_UnknownId_ThrowsListingTheKnownOnes()
    {
        Should.Throw<ArgumentException>(() => AgentRegistry.Create("nice-guy")).Message.ShouldContain("boulware");
        Should.Throw<ArgumentException>(() => AgentRegistry.Create("time-dependent")).Message.ShouldContain("e=0.5");
        Should.Throw<ArgumentException>(() => AgentRegistry.Create("boulware:e=3")).Message.ShouldContain("no parameters");
    }

    [Fact]
    public void Registry_ParameterisedTimeDependent_UsesTheExponent()
    {
        var agent = (BoaAgent)AgentRegistry.Create("time-dependent:e=0.35");

        ((TimeDependentBidding)agent.Bidding).E.ShouldBe(0.35);
    }

    [Fact]
    public void Random_OffersNeverBelowReservation()
    {
        var scenario = SessionFixtures.Bilateral(reservationSeller: 0.6);

        var result = Saop.Run(scenario, [BuiltInAgents.Random(), BuiltInAgents.Hardliner()], Options);

        foreach (var (e, i) in result.Trace!.Events.Select((e, i) => (e, i)))
        {
            if (e.Actor == 0 && e.Kind == ActionKind.Offer)
            {
                result.Trace.UtilitiesOf(i)[0].ShouldBeGreaterThanOrEqualTo(0.6);
            }
        }
    }

    [Fact]
    public void TitForTat_AgainstHardliner_NeverConcedes()
    {
        var scenario = SessionFixtures.Bilateral();

        var result = Saop.Run(scenario, [BuiltInAgents.TitForTat(), BuiltInAgents.Hardliner()], Options);

        var best = OutcomeIndex.For(scenario.Profiles[0]).MaxUtility;
        var own = result.Trace!.Events.Select((e, i) => (e, i)).Where(x => x.e.Actor == 0).Select(x => result.Trace.UtilitiesOf(x.i)[0]).ToArray();
        own.ShouldNotBeEmpty();
        own.ShouldAllBe(u => Math.Abs(u - best) < 1e-12);
    }

    [Fact]
    public void TitForTat_AgainstConceder_ConcedesAsTheOpponentConcedes()
    {
        var scenario = SessionFixtures.Multilateral(2, 4);

        var result = Saop.Run(scenario, [BuiltInAgents.TitForTat(), BuiltInAgents.Conceder()], Options);

        var own = result.Trace!.Events.Select((e, i) => (e, i)).Where(x => x.e.Actor == 0 && x.e.Kind == ActionKind.Offer).Select(x => result.Trace.UtilitiesOf(x.i)[0]).ToArray();
        own.Min().ShouldBeLessThan(own[0]);
    }

    [Fact]
    public void Micro_AgainstHardliner_MakesOnlyOneMoreDistinctOfferThanItReceives()
    {
        var scenario = SessionFixtures.Bilateral();

        var result = Saop.Run(scenario, [BuiltInAgents.Micro(), BuiltInAgents.Hardliner()], Options);

        var events = result.Trace!.Events;
        events.Where(e => e.Actor == 0 && e.Kind == ActionKind.Offer).Select(e => e.Offer).Distinct().Count().ShouldBe(2);
        result.EndReason.ShouldBe(EndReason.Deadline);
    }

    [Fact]
    public void Micro_AgainstConceder_Agrees()
    {
        var result = Saop.Run(SessionFixtures.Multilateral(2, 6), [BuiltInAgents.Micro(), BuiltInAgents.Conceder()], Options);

        result.EndReason.ShouldBe(EndReason.Agreement);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HardHeaded_NearestOutcomeToTheFloorBelowReservation_OffersAtOrAboveReservation(bool withModel)
    {
        // Utilities k/9: at t = 1 the target is the reservation value 0.46, nearest to 4/9 = 0.444 (below it) rather than 5/9 = 0.556.
        var domain = new Domain("d", [new IntegerIssue("price", 0, 9)]);
        var profile = new AdditiveProfile(domain, [1], [LinearValueFunction.Through(0, 0, 9, 1)], reservationValue: 0.46);
        var context = AgentTestKit.Context(profile);
        var model = withModel ? new FrequencyOpponentModel() : null;
        model?.Start(context);
        model?.Observe(1, new Outcome([0]), 0.5);
        var bidding = new HardHeadedBidding();
        bidding.Start(context, model);

        foreach (var t in new[] { 0.9, 0.99, 1 })
        {
            profile.Utility(bidding.NextBid(new NegotiationState(99, t, null, -1, 0))).ShouldBeGreaterThanOrEqualTo(0.46, $"t = {t}");
        }
    }

    [Fact]
    public void HardHeaded_AmongEqualOwnUtilities_OffersWhatTheOpponentKeepsAskingFor()
    {
        // The agent cares only about price; colour ties. The opponent always asks for colour "blue".
        var domain = new Domain("d", [new IntegerIssue("price", 0, 9), new CategoricalIssue("colour", "red", "green", "blue")]);
        var mine = new AdditiveProfile(domain, [1, 0], [LinearValueFunction.Through(0, 0, 9, 1), new TableValueFunction([0, 0, 0])]);
        var theirs = new AdditiveProfile(domain, [0.5, 0.5], [LinearValueFunction.Through(0, 1, 9, 0), new TableValueFunction([0, 0, 1])]);
        var scenario = new Scenario("s", domain, [new Party("me", PartyRole.Party, mine), new Party("them", PartyRole.Party, theirs)]);
        var opponent = new ScriptedAgent((s, _) => AgentAction.Counter(new Outcome([0, 2])));

        var result = Saop.Run(scenario, [BuiltInAgents.HardHeaded(), opponent], Options);

        var mineAfterFirst = result.Trace!.Events.Where(e => e.Actor == 0 && e.Kind == ActionKind.Offer).Skip(1).ToArray();
        mineAfterFirst.ShouldNotBeEmpty();
        mineAfterFirst.ShouldAllBe(e => e.Offer![1] == 2);
    }
}
