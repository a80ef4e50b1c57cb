using Parley.Tournaments;

namespace Parley.Tests.Tournaments;

/// <summary>
/// A session runner for testing the tournament machinery without the protocol engine: its outcome
/// is a pure function of the session's seed and seating, like a real session's.
/// </summary>
internal static class SyntheticSessions
{
    public static SessionOutcome Run(SessionSpec spec, CancellationToken cancellationToken)
    {
        var random = new Random(spec.Seed);
        var n = spec.Agents.Count;
        var utilities = new double[n];
        var discounted = new double[n];
        var agreement = random.NextDouble() < 0.7;
        var welfare = 0.0;
        for (var i = 0; i < n; i++)
        {
            // A per-agent bias so that agents differ in the summary.
            var bias = (spec.Agents[i].Length % 5) / 10.0;
            utilities[i] = agreement ? Math.Min(1, (random.NextDouble() * 0.6) + bias) : 0.1;
            discounted[i] = utilities[i] * 0.95;
            welfare += utilities[i];
        }

        return new SessionOutcome(
            random.Next(1, spec.Rounds ?? 100),
            agreement,
            agreement ? n : 0,
            true,
            utilities,
            discounted,
            random.NextDouble() * 0.2,
            random.NextDouble() * 0.4,
            welfare,
            agreement ? EndReasons.Agreement : EndReasons.Deadline);
    }

    public static TournamentDefinition Definition(int repetitions = 3, int seed = 1, params string[] agents) => new(
        agents.Length > 0 ? agents : ["boulware", "conceder", "hardliner", "linear"],
        [
            new TournamentScenario("Alpha", ["buyer", "seller"], [0.2, 0.3]),
            new TournamentScenario("Beta", ["a", "b"]),
            new TournamentScenario("Gamma", ["p1", "p2", "p3"]),
        ],
        repetitions,
        100,
        null,
        seed);

    /// <summary>The CSV's lines without the wall-time column (the first), which no two runs share.</summary>
    public static string[] CsvWithoutRunTime(string folder) =>
        [.. File.ReadAllLines(Path.Combine(folder, TournamentResults.CsvFileName)).Select(l => l.Contains(';', StringComparison.Ordinal) ? l[(l.IndexOf(';', StringComparison.Ordinal) + 1)..] : l)];

    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "parley-tournament-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
