namespace Parley.Tournaments;

/// <summary>
/// Every session of a tournament, addressed by id without materialising the list: for each
/// scenario, every group of distinct agents (as many as the scenario has profiles) in every
/// rotation over the profiles, each repeated.
/// </summary>
/// <remarks>
/// On a two-party scenario the groups and rotations are exactly the ordered pairs of distinct
/// agents (A on the first profile against B on the second, and B against A): every agent plays
/// every role against every other agent. On an n-party scenario each n-subset of the agents is
/// seated in its n cyclic rotations, so each agent of the group plays each profile once. With
/// <see cref="TournamentDefinition.SelfPlay"/>, every tuple of agents is a seating instead (A
/// against A included). A mediated tournament plays every seating under every mediator.
/// Ids run scenario by scenario, then mediator, seating (lexicographic over the agent order) and
/// repetition. A session's seed comes from its identity (<see cref="SessionSeed"/>), not its id.
/// Memory is O(scenarios + groups), not O(sessions).
/// </remarks>
public sealed class TournamentPlan
{
    /// <summary>The most sessions a plan may hold (a results journal addresses sessions with 32-bit ids).</summary>
    public const long MaxSessions = int.MaxValue;

    private readonly TournamentDefinition _definition;
    private readonly long[] _scenarioStart;
    private readonly int[][][] _groupsByScenario;
    private readonly long[] _seatings;
    private readonly int _mediators;

    /// <summary>Builds the plan of a definition, validating it first.</summary>
    /// <exception cref="InputException">The definition is not a valid tournament.</exception>
    public TournamentPlan(TournamentDefinition definition)
    {
        definition.Validate();
        try
        {
            (_groupsByScenario, _scenarioStart, _seatings, _mediators) = Layout(definition);
        }
        catch (OverflowException)
        {
            throw TooLarge(definition, null);
        }

        if (Count > MaxSessions)
        {
            throw TooLarge(definition, Count);
        }

        _definition = definition;
    }

    private static InputException TooLarge(TournamentDefinition definition, long? count) =>
        new(
            "--repetitions",
            string.Empty,
            string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{Reports.Wording.Count(definition.Agents.Count, "agent")}, {Reports.Wording.Count(definition.Scenarios.Count, "scenario")} and {Reports.Wording.Count(definition.Repetitions, "repetition")} make {(count is { } c ? Reports.Wording.Number(c) : "too many")} sessions; a tournament holds at most {Reports.Wording.Number(MaxSessions)}"));

    private static (int[][][] Groups, long[] Starts, long[] Seatings, int Mediators) Layout(TournamentDefinition definition)
    {
        var groupsBySize = new Dictionary<int, int[][]>();
        var groupsByScenario = new int[definition.Scenarios.Count][][];
        var scenarioStart = new long[definition.Scenarios.Count + 1];
        var seatings = new long[definition.Scenarios.Count];
        var mediators = definition.IsMediated ? definition.Mediators!.Count : 1;
        for (var s = 0; s < definition.Scenarios.Count; s++)
        {
            var k = definition.Scenarios[s].PartyCount;
            if (definition.SelfPlay)
            {
                groupsByScenario[s] = [];
                seatings[s] = checked((long)Math.Round(Math.Pow(definition.Agents.Count, k)));
            }
            else
            {
                if (!groupsBySize.TryGetValue(k, out var groups))
                {
                    groups = Combinations(definition.Agents.Count, k);
                    groupsBySize[k] = groups;
                }

                groupsByScenario[s] = groups;
                seatings[s] = (long)groups.Length * k;
            }

            scenarioStart[s + 1] = checked(scenarioStart[s] + (seatings[s] * mediators * definition.Repetitions));
        }

        return (groupsByScenario, scenarioStart, seatings, mediators);
    }

    /// <summary>The definition the plan was built from.</summary>
    public TournamentDefinition Definition => _definition;

    /// <summary>The number of sessions.</summary>
    public long Count => _scenarioStart[^1];

    /// <summary>The session with id <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="id"/> is not in [0, <see cref="Count"/>).</exception>
    public SessionSpec this[long id]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(id);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(id, Count);
            var s = Array.BinarySearch(_scenarioStart, id);
            s = s >= 0 ? s : ~s - 1;
            while (_scenarioStart[s + 1] <= id)
            {
                s++;
            }

            var scenario = _definition.Scenarios[s];
            var k = scenario.PartyCount;
            var reps = _definition.Repetitions;
            var local = id - _scenarioStart[s];
            var repetition = (int)(local % reps);
            var seating = local / reps % _seatings[s];
            var mediator = _definition.IsMediated ? _definition.Mediators![(int)(local / reps / _seatings[s])] : null;
            var agents = new string[k];
            if (_definition.SelfPlay)
            {
                var n = _definition.Agents.Count;
                var rest = seating;
                for (var j = k - 1; j >= 0; j--)
                {
                    agents[j] = _definition.Agents[(int)(rest % n)];
                    rest /= n;
                }
            }
            else
            {
                var rotation = (int)(seating % k);
                var group = _groupsByScenario[s][(int)(seating / k)];
                for (var j = 0; j < k; j++)
                {
                    agents[j] = _definition.Agents[group[(j + rotation) % k]];
                }
            }

            var identity = SessionSeed.Identity(scenario.Name, scenario.Profiles, agents, repetition, mediator);
            return new SessionSpec(
                id,
                s,
                scenario.Name,
                agents,
                scenario.Profiles,
                repetition,
                SessionSeed.Derive(_definition.Seed, identity),
                _definition.Rounds,
                _definition.Time,
                mediator);
        }
    }

    /// <summary>The largest number of agents any session seats (the number of per-agent column groups in the CSV).</summary>
    public int MaxPartyCount
    {
        get
        {
            var max = 0;
            foreach (var s in _definition.Scenarios)
            {
                max = Math.Max(max, s.PartyCount);
            }

            return max;
        }
    }

    private static int[][] Combinations(int n, int k)
    {
        var result = new List<int[]>();
        var current = new int[k];
        for (var i = 0; i < k; i++)
        {
            current[i] = i;
        }

        while (true)
        {
            result.Add((int[])current.Clone());
            var i = k - 1;
            while (i >= 0 && current[i] == n - k + i)
            {
                i--;
            }

            if (i < 0)
            {
                return [.. result];
            }

            current[i]++;
            for (var j = i + 1; j < k; j++)
            {
                current[j] = current[j - 1] + 1;
            }
        }
    }
}
