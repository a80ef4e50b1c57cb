namespace Parley.Tournaments;

/// <summary>
/// What a tournament is: the agents, the scenarios, the repetitions, the deadline and the seed.
/// Everything that determines the results, and nothing that does not (parallelism, output folder).
/// </summary>
/// <param name="Agents">Agent ids (for example <c>boulware</c>), distinct, in the order the plan combines them.</param>
/// <param name="Scenarios">The scenarios, with distinct names.</param>
/// <param name="Repetitions">How many times each pairing is played (each with its own seed).</param>
/// <param name="Rounds">The deadline in rounds, if any.</param>
/// <param name="Time">The deadline in wall time, if any.</param>
/// <param name="Seed">The tournament seed every session seed is derived from.</param>
/// <param name="Mediators">For a mediated tournament, the mediator ids; every seating is played under each. Null for an unmediated one.</param>
/// <param name="SelfPlay">Whether an agent may take several seats of one session (every tuple of agents, not only distinct ones).</param>
/// <param name="Protocol">The protocol and its settings as one string (for example <c>saop</c> or <c>mediated:votes</c>), recorded in the manifest.</param>
/// <param name="PostSettlement">Whether each agreement is judged for a post-settlement improvement (<see cref="SessionOutcome.PostSettlement"/>); recorded in the manifest when off.</param>
public sealed record TournamentDefinition(
    IReadOnlyList<string> Agents,
    IReadOnlyList<TournamentScenario> Scenarios,
    int Repetitions,
    int? Rounds,
    TimeSpan? Time,
    int Seed,
    IReadOnlyList<string>? Mediators = null,
    bool SelfPlay = false,
    string Protocol = "saop",
    bool PostSettlement = true)
{
    /// <summary>Whether sessions have a mediator.</summary>
    public bool IsMediated => Mediators is { Count: > 0 };

    /// <summary>Checks the definition and throws an <see cref="InputException"/> naming the first problem.</summary>
    public void Validate()
    {
        if (Agents.Count == 0)
        {
            throw new InputException(IsMediated ? "--voters" : "--agents", string.Empty, "a tournament needs agents; none were given");
        }

        if (Mediators is { } mediators && mediators.Distinct(StringComparer.Ordinal).Count() != mediators.Count)
        {
            throw new InputException("--mediators", string.Empty, "a mediator is listed twice");
        }

        var agents = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in Agents)
        {
            if (string.IsNullOrWhiteSpace(a))
            {
                throw new InputException("--agents", string.Empty, "an agent id is empty");
            }

            if (!agents.Add(a))
            {
                throw new InputException("--agents", string.Empty, $"the agent '{a}' is listed twice");
            }
        }

        if (Scenarios.Count == 0)
        {
            throw new InputException("--scenarios", string.Empty, "a tournament needs at least one scenario");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in Scenarios)
        {
            if (!names.Add(s.Name))
            {
                throw new InputException("--scenarios", string.Empty, $"two scenarios are named '{s.Name}'");
            }

            if (s.PartyCount < 2)
            {
                throw new InputException("--scenarios", string.Empty, $"scenario '{s.Name}' has {Reports.Wording.Count(s.PartyCount, "profile")}; a session needs at least two");
            }

            if (!SelfPlay && s.PartyCount > Agents.Count)
            {
                throw new InputException("--agents", string.Empty, $"scenario '{s.Name}' seats {s.PartyCount} distinct agents but only {Reports.Wording.Count(Agents.Count, "agent")} {(Agents.Count == 1 ? "was" : "were")} given");
            }
        }

        if (Repetitions < 1)
        {
            throw new InputException("--repetitions", string.Empty, $"must be at least 1, not {Repetitions}");
        }

        if (Rounds is < 1)
        {
            throw new InputException("--rounds", string.Empty, $"must be at least 1, not {Rounds}");
        }

        if (Time is { } t && t <= TimeSpan.Zero)
        {
            throw new InputException("--time", string.Empty, "must be positive");
        }

        if (Rounds is null && Time is null)
        {
            throw new InputException("--rounds", string.Empty, "a tournament needs a deadline: --rounds, --time or both");
        }
    }

    /// <summary>The deadline as GENIUS's <c>deadline</c> column writes it, for example <c>1000 rounds</c> or <c>3 s</c>.</summary>
    public string DeadlineText
    {
        get
        {
            var parts = new List<string>(2);
            if (Rounds is { } r)
            {
                parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{r} {(r == 1 ? "round" : "rounds")}"));
            }

            if (Time is { } t)
            {
                parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.###} s"));
            }

            return string.Join(" or ", parts);
        }
    }
}
