using Parley.Preferences;

namespace Parley.Workbench;

/// <summary>
/// A built-in agent filling a delegation's seat, so that a person can negotiate against it (teaching,
/// human-agent exercises) or a mediator can rehearse. It answers each round's text from its seat's
/// profile: article by article, then with its vote.
/// </summary>
/// <remarks>
/// The agent is time-dependent (Faratin, Sierra and Jennings 1998): its aspiration after round r of
/// a horizon of <see cref="Horizon"/> rounds is 1 − (1 − reservation)·t^(1/e), with t = (r − 1)/horizon
/// capped at 1 and e the concession exponent of its kind (Boulware 0.2, linear 1, Conceder 2). It
/// accepts an article whose option is worth at least its aspiration on that issue's own scale, and
/// votes for a text worth at least its aspiration (and never one that crosses its red lines).
/// The seat is marked by its invitation's label, <c>agent: KIND</c> (<see cref="LabelOf"/>).
/// </remarks>
public sealed class SeatAgent
{
    /// <summary>The rounds over which the agent concedes down to its reservation value.</summary>
    public const int Horizon = 10;

    private const string LabelPrefix = "agent: ";

    private static readonly Dictionary<string, double> Exponents = new(StringComparer.Ordinal)
    {
        ["boulware"] = 0.2,
        ["linear"] = 1.0,
        ["conceder"] = 2.0,
    };

    private readonly double _exponent;

    /// <summary>Creates an agent of <paramref name="kind"/> for <paramref name="seat"/>.</summary>
    /// <exception cref="InputException">The kind is not one of <see cref="Kinds"/>.</exception>
    public SeatAgent(string kind, int seat)
    {
        if (kind is null || !Exponents.TryGetValue(kind, out _exponent))
        {
            throw new InputException("request", "$.agent", $"no built-in seat agent '{kind}' (built-in: {string.Join(", ", Kinds)})");
        }

        Kind = kind;
        Seat = seat;
    }

    /// <summary>The built-in kinds.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["boulware", "linear", "conceder"];

    /// <summary>The kind.</summary>
    public string Kind { get; }

    /// <summary>The seat it fills.</summary>
    public int Seat { get; }

    /// <summary>The invitation label that marks a seat filled by an agent of <paramref name="kind"/>.</summary>
    public static string LabelOf(string kind) => LabelPrefix + kind;

    /// <summary>The agents the case's live invitations put in seats (a revoked invitation removes its agent).</summary>
    public static IReadOnlyList<SeatAgent> In(MediationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var list = new List<SeatAgent>();
        foreach (var i in @case.Invitations.Values)
        {
            if (!i.Revoked && i.Role == AudienceRole.Delegation && i.Label.StartsWith(LabelPrefix, StringComparison.Ordinal)
                && Exponents.ContainsKey(i.Label[LabelPrefix.Length..]))
            {
                list.Add(new SeatAgent(i.Label[LabelPrefix.Length..], i.Seat));
            }
        }

        return list;
    }

    /// <summary>The aspiration (a value in [0, 1]) in round <paramref name="round"/> for a reservation value of <paramref name="reservation"/>.</summary>
    public double Aspiration(int round, double reservation)
    {
        var t = Math.Min(1.0, Math.Max(0, round - 1) / (double)Horizon);
        return 1 - ((1 - reservation) * Math.Pow(t, 1 / _exponent));
    }

    /// <summary>What the agent does now in <paramref name="case"/>: answer and vote on the open round if it has not voted yet, or nothing.</summary>
    public IReadOnlyList<CaseCommand> Respond(MediationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var state = @case.Protocol;
        if (state.Closed || !state.RoundOpen || state.Candidate is not { } text || state.Ballots[Seat] is not null
            || @case.ProfileOf(Seat) is not { } profile)
        {
            return [];
        }

        var aspiration = Aspiration(state.Round, profile.ReservationValue);
        var answers = new List<ArticleAnswer>();
        if (profile is AdditiveProfile additive)
        {
            for (var i = 0; i < @case.Domain.IssueCount; i++)
            {
                var issue = @case.Domain.Issues[i];
                var value = additive.ValueFunctions[i].EvaluateLevel(issue, text[i]);
                var accept = value >= aspiration - 1e-9 && profile.RedLines.IsLevelAllowed(i, text[i]);
                answers.Add(new ArticleAnswer(issue.Name, accept, accept ? "" : $"worth {value:0.00} to us; we look for {aspiration:0.00}"));
            }
        }

        var yes = profile.Accepts(text.Levels) && profile.Utility(text) >= aspiration - 1e-9;
        return answers.Count > 0 ? [new AnswerArticles(answers), new Vote(yes)] : [new Vote(yes)];
    }
}
