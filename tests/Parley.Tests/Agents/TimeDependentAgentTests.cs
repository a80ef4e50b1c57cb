using Parley.Agents;
using Parley.Protocols;
using Parley.Scenarios;
using Parley.Tests.Protocols;

namespace Parley.Tests.Agents;

public sealed class TimeDependentAgentTests
{
    public static TheoryData<string, double> Agents => new()
    {
        { "boulware", 0.2 },
        { "linear", 1 },
        { "conceder", 2 },
        { "time-dependent:e=0.5", 0.5 },
    };

    [Theory]
    [MemberData(nameof(Agents))]
    public void TargetUtility_SampledTimes_FollowsFaratinFormula(string id, double e)
    {
        var profile = SessionFixtures.Bilateral(reservationSeller: 0.25).Profiles[0];
        var agent = (BoaAgent)AgentRegistry.Create(id);
        agent.Start(AgentTestKit.Context(profile));
        var bidding = (TimeDependentBidding)agent.Bidding;
        var index = OutcomeIndex.For(profile);
        var pmax = index.MaxUtility;
        var pmin = Math.Max(index.MinUtility, 0.25);

        bidding.E.ShouldBe(e);
        foreach (var t in new[] { 0, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99, 1 })
        {
            bidding.TargetUtility(t).ShouldBe(pmin + ((pmax - pmin) * (1 - Math.Pow(t, 1 / e))), 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Agents))]
    public void NextBid_SampledTimes_IsTheIndexedOutcomeNearestTheTarget(string id, double e)
    {
        var profile = SessionFixtures.Multilateral(2).Profiles[0];
        var bidding = new TimeDependentBidding(e);
        bidding.Start(AgentTestKit.Context(profile), null);
        var all = profile.Domain.EnumerateOutcomes().Select(o => profile.Utility(o)).ToArray();

        foreach (var t in new[] { 0, 0.3, 0.6, 0.95 })
        {
            var target = bidding.TargetUtility(t);
            var bid = bidding.NextBid(new NegotiationState(0, t, null, -1, 0));
            Math.Abs(profile.Utility(bid) - target).ShouldBe(all.Min(u => Math.Abs(u - target)), 1e-12, $"{id} at t={t}");
        }
    }

    [Fact]
    public void Boulware_ConcedesLessThanConcederAtMidSession()
    {
        var profile = SessionFixtures.Bilateral().Profiles[0];
        var boulware = new TimeDependentBidding(BuiltInAgents.BoulwareE);
        var conceder = new TimeDependentBidding(BuiltInAgents.ConcederE);
        boulware.Start(AgentTestKit.Context(profile), null);
        conceder.Start(AgentTestKit.Context(profile), null);

        boulware.TargetUtility(0.5).ShouldBeGreaterThan(conceder.TargetUtility(0.5));
    }

    [Fact]
    public void Hardliner_TargetIsAlwaysTheBest()
    {
        var profile = SessionFixtures.Bilateral().Profiles[0];
        var hardliner = (BoaAgent)BuiltInAgents.Hardliner();
        hardliner.Start(AgentTestKit.Context(profile));
        var bidding = (TimeDependentBidding)hardliner.Bidding;

        foreach (var t in new[] { 0, 0.5, 0.999 })
        {
            bidding.TargetUtility(t).ShouldBe(OutcomeIndex.For(profile).MaxUtility);
        }
    }

    [Fact]
    public void BoulwareAgainstConceder_GeneratedScenarios_Agree()
    {
        for (var seed = 1; seed <= 10; seed++)
        {
            var scenario = SessionFixtures.Multilateral(2, seed);

            var result = Saop.Run(scenario, [BuiltInAgents.Boulware(), BuiltInAgents.Conceder()], new SessionOptions { Deadline = new Deadline(200, null), Seed = seed });

            result.EndReason.ShouldBe(EndReason.Agreement, $"seed {seed}");
        }
    }

    [Fact]
    public void HardlinerAgainstHardliner_EndsAtTheDeadline()
    {
        var scenario = SessionFixtures.Bilateral();

        var result = Saop.Run(scenario, [BuiltInAgents.Hardliner(), BuiltInAgents.Hardliner()], new SessionOptions { Deadline = new Deadline(100, null) });

        result.EndReason.ShouldBe(EndReason.Deadline);
        result.Rounds.ShouldBe(100);
        result.Trace!.Events.Select(e => e.Offer).Where((_, i) => i % 2 == 0).Distinct().Count().ShouldBe(1);
    }
}
