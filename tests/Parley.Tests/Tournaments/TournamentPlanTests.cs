using Parley.Tournaments;

namespace Parley.Tests.Tournaments;

public sealed class TournamentPlanTests
{
    [Fact]
    public void Count_TwoPartyScenario_IsOrderedPairsTimesRepetitions()
    {
        var definition = new TournamentDefinition(["a", "b", "c", "d", "e"], [new TournamentScenario("S", ["p", "q"])], 10, 1000, null, 1);

        new TournamentPlan(definition).Count.ShouldBe(5 * 4 * 10);
    }

    [Fact]
    public void Sessions_TwoPartyScenario_EveryOrderedPairOfDistinctAgentsOncePerRepetition()
    {
        var plan = new TournamentPlan(new TournamentDefinition(["a", "b", "c"], [new TournamentScenario("S", ["p", "q"])], 2, 10, null, 1));

        var seatings = Enumerable.Range(0, (int)plan.Count).Select(i => plan[i]).Select(s => (s.Agents[0], s.Agents[1], s.Repetition)).ToList();

        seatings.Distinct().Count().ShouldBe(seatings.Count);
        seatings.ShouldAllBe(s => s.Item1 != s.Item2);
        seatings.Count.ShouldBe(3 * 2 * 2);
    }

    [Fact]
    public void Sessions_ThreePartyScenario_EachAgentPlaysEachProfileEqually()
    {
        var plan = new TournamentPlan(new TournamentDefinition(["a", "b", "c", "d"], [new TournamentScenario("S", ["x", "y", "z"])], 1, 10, null, 1));

        var sessions = Enumerable.Range(0, (int)plan.Count).Select(i => plan[i]).ToList();

        sessions.Count.ShouldBe(4 * 3); // C(4,3) groups × 3 rotations
        foreach (var agent in new[] { "a", "b", "c", "d" })
        {
            for (var role = 0; role < 3; role++)
            {
                sessions.Count(s => s.Agents[role] == agent).ShouldBe(3);
            }
        }
    }

    [Fact]
    public void Seed_SameSessionInReorderedTournament_IsTheSame()
    {
        var first = new TournamentPlan(SyntheticSessions.Definition());
        var definition = SyntheticSessions.Definition();
        var reordered = new TournamentPlan(definition with { Scenarios = [.. definition.Scenarios.Reverse()] });

        var seedsA = Enumerable.Range(0, (int)first.Count).Select(i => first[i]).ToDictionary(s => s.Identity, s => s.Seed);
        var seedsB = Enumerable.Range(0, (int)reordered.Count).Select(i => reordered[i]).ToDictionary(s => s.Identity, s => s.Seed);

        seedsB.ShouldBe(seedsA, ignoreOrder: true);
        seedsA.Values.Distinct().Count().ShouldBeGreaterThan(seedsA.Count - 2);
    }

    [Fact]
    public void Seed_OtherTournamentSeed_Differs()
    {
        var a = new TournamentPlan(SyntheticSessions.Definition(seed: 1));
        var b = new TournamentPlan(SyntheticSessions.Definition(seed: 2));

        a[5].Seed.ShouldNotBe(b[5].Seed);
        a[5].Identity.ShouldBe(b[5].Identity);
    }

    [Fact]
    public void Constructor_MoreSeatsThanAgents_ThrowsInputException()
    {
        var definition = new TournamentDefinition(["a", "b"], [new TournamentScenario("S", ["x", "y", "z"])], 1, 10, null, 1);

        Should.Throw<InputException>(() => new TournamentPlan(definition)).Message.ShouldContain("3 distinct agents");
    }

    [Theory]
    [InlineData(1_100_000_000, false)] // 2 × 1.1e9 sessions: over what a journal holds
    [InlineData(int.MaxValue, true)]   // 40^8 self-play seatings × (2^31 − 1) repetitions: overflows a long
    public void Constructor_TooManySessions_ThrowsInputException(int repetitions, bool selfPlay)
    {
        var agents = selfPlay ? Enumerable.Range(0, 40).Select(i => "a" + i).ToArray() : ["a", "b"];
        var profiles = selfPlay ? Enumerable.Range(0, 8).Select(i => "p" + i).ToArray() : ["p", "q"];
        var definition = new TournamentDefinition(agents, [new TournamentScenario("S", profiles)], repetitions, 10, null, 1, SelfPlay: selfPlay);

        var ex = Should.Throw<InputException>(() => new TournamentPlan(definition));

        ex.Message.ShouldContain("at most");
    }

    [Fact]
    public void Constructor_NoDeadline_ThrowsInputException()
    {
        var definition = SyntheticSessions.Definition() with { Rounds = null };

        Should.Throw<InputException>(() => new TournamentPlan(definition));
    }

    [Fact]
    public void Sessions_MediatedWithSelfPlay_EveryMediatorTimesEveryTupleOfVoters()
    {
        var definition = new TournamentDefinition(["truthful", "strategic"], [new TournamentScenario("S", ["x", "y", "z"])], 2, 50, null, 1, Mediators: ["hill-climbing", "annealing"], SelfPlay: true, Protocol: "mediated:votes");
        var plan = new TournamentPlan(definition);

        var sessions = Enumerable.Range(0, (int)plan.Count).Select(i => plan[i]).ToList();

        sessions.Count.ShouldBe(2 * 8 * 2); // mediators × 2^3 seatings × repetitions
        sessions.Select(s => (s.Mediator, string.Join(",", s.Agents), s.Repetition)).Distinct().Count().ShouldBe(sessions.Count);
        sessions.Count(s => s.Mediator == "annealing" && s.Agents.All(a => a == "truthful")).ShouldBe(2);
        sessions.Select(s => s.Seed).Distinct().Count().ShouldBe(sessions.Count);
    }

    [Fact]
    public void Identity_Mediator_ChangesTheSeed()
    {
        var withMediator = SessionSeed.Derive(1, SessionSeed.Identity("S", ["x", "y"], ["a", "b"], 0, "annealing"));
        var without = SessionSeed.Derive(1, SessionSeed.Identity("S", ["x", "y"], ["a", "b"], 0));

        withMediator.ShouldNotBe(without);
    }
}
