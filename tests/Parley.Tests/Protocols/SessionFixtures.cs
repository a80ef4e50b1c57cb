using Parley.Agents;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Protocols;

/// <summary>Hand-built domains, scenarios and scripted agents for protocol tests.</summary>
internal static class SessionFixtures
{
    /// <summary>Price 0..10 (seller wants high, buyer low) and delivery slow/normal/fast (seller wants slow, buyer fast).</summary>
    public static Scenario Bilateral(double discount = 1, double reservationSeller = 0, double reservationBuyer = 0)
    {
        var domain = new Domain("market", [new IntegerIssue("price", 0, 10), new CategoricalIssue("delivery", "slow", "normal", "fast")]);
        var seller = new AdditiveProfile(domain, [0.7, 0.3], [LinearValueFunction.Through(0, 0, 10, 1), new TableValueFunction([1, 0.5, 0])], reservationSeller, discount);
        var buyer = new AdditiveProfile(domain, [0.6, 0.4], [LinearValueFunction.Through(0, 1, 10, 0), new TableValueFunction([0, 0.6, 1])], reservationBuyer, discount);
        return new Scenario("market", domain, [new Party("seller", PartyRole.Party, seller), new Party("buyer", PartyRole.Party, buyer)]);
    }

    /// <summary><paramref name="parties"/> parties over four issues of five levels, each with its own seeded random additive profile.</summary>
    public static Scenario Multilateral(int parties, int seed = 11)
    {
        var issues = new Issue[4];
        for (var i = 0; i < issues.Length; i++)
        {
            issues[i] = new CategoricalIssue($"issue{i}", "a", "b", "c", "d", "e");
        }

        var domain = new Domain("multi", issues);
        var random = new Random(seed);
        var list = new List<Party>();
        for (var p = 0; p < parties; p++)
        {
            var weights = new double[issues.Length];
            var functions = new ValueFunction[issues.Length];
            var total = 0.0;
            for (var i = 0; i < issues.Length; i++)
            {
                weights[i] = 0.1 + random.NextDouble();
                total += weights[i];
                var values = new double[5];
                for (var l = 0; l < 5; l++)
                {
                    values[l] = random.NextDouble();
                }

                values[random.Next(5)] = 1;
                functions[i] = new TableValueFunction(values);
            }

            for (var i = 0; i < issues.Length; i++)
            {
                weights[i] /= total;
            }

            list.Add(new Party($"party{p + 1}", PartyRole.Party, new AdditiveProfile(domain, weights, functions)));
        }

        return new Scenario("multi", domain, list);
    }

    public static Outcome Outcome(params int[] levels) => new(levels);
}

/// <summary>An agent whose every turn is given by a function of the state and its context.</summary>
internal sealed class ScriptedAgent(Func<NegotiationState, AgentContext, AgentAction> act, Action<AgentContext>? start = null) : IAgent
{
    public AgentContext Context { get; private set; } = null!;

    public void Start(AgentContext context)
    {
        Context = context;
        start?.Invoke(context);
    }

    public AgentAction Act(NegotiationState state) => act(state, Context);

    /// <summary>Always offers <paramref name="outcome"/>.</summary>
    public static ScriptedAgent Always(Outcome outcome) => new((_, _) => AgentAction.Counter(outcome));

    /// <summary>Accepts whatever is on the table.</summary>
    public static ScriptedAgent AcceptAll() => new((_, _) => AgentAction.Accept);
}

/// <summary>A clock that moves only when told to.</summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(Interlocked.Read(ref _ticks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
