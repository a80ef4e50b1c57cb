using Parley.Domains;

namespace Parley.Analysis;

/// <summary>One point of the Pareto frontier: a non-dominated utility vector and the outcome(s) that give it.</summary>
/// <param name="Utilities">The parties' undiscounted utilities, in party order.</param>
/// <param name="Outcomes">At least one outcome with exactly these utilities, in outcome-index order.</param>
public sealed record FrontierPoint(IReadOnlyList<double> Utilities, IReadOnlyList<Outcome> Outcomes)
{
    /// <summary>The first (smallest-index) outcome of the point.</summary>
    public Outcome Outcome => Outcomes[0];

    /// <summary>Whether the point is proved Pareto-optimal: always, except for a CP-SAT solve the time budget cut short.</summary>
    public bool IsProved { get; init; } = true;
}
