namespace Parley.Analysis;

/// <summary>What the CP-SAT solver proved about a frontier it built (see <see cref="AnalysisResult.Solver"/>).</summary>
/// <param name="IsProved">Whether the whole frontier is proved exact: every point optimal and no point missing.</param>
/// <param name="Solves">How many CP-SAT solves the search made (dichotomic and epsilon steps together).</param>
/// <param name="Seconds">The search's elapsed wall time (its solves run on several threads).</param>
/// <param name="TimeBudgetSeconds">The budget the sweep was given.</param>
/// <param name="UtilityGap">
/// When not proved: the largest amount by which the first party's utility could still rise above a reported
/// point (or above the last point, in the part of the space the budget left unexplored), from the solver's
/// bounds; 0 when proved.
/// </param>
/// <param name="ScaleFactor">The power of ten by which raw utilities were multiplied to become the solver's integers.</param>
public sealed record SolverReport(bool IsProved, int Solves, double Seconds, double TimeBudgetSeconds, double UtilityGap, long ScaleFactor)
{
    /// <summary>CP-SAT's deterministic time summed over the solves: a measure of the work that does not depend on the machine's load (with one worker per solve, it is reproducible).</summary>
    public double DeterministicSeconds { get; init; }

    /// <summary>How many distinct supported points (extremes included) the dichotomic search proved; null when the search did not run it.</summary>
    public int? SupportedPoints { get; init; }
}
