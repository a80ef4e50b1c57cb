namespace Parley.Analysis;

/// <summary>What the CP-SAT solver proved about a frontier it built (see <see cref="AnalysisResult.Solver"/>).</summary>
/// <param name="IsProved">Whether the whole frontier is proved exact: every point optimal and no point missing.</param>
/// <param name="Solves">How many solver calls the epsilon-constraint sweep made.</param>
/// <param name="Seconds">The solver's wall time, summed over the calls.</param>
/// <param name="TimeBudgetSeconds">The budget the sweep was given.</param>
/// <param name="UtilityGap">
/// When not proved: the largest amount by which the first party's utility could still rise above a reported
/// point (or above the last point, in the part of the space the budget left unexplored), from the solver's
/// bounds; 0 when proved.
/// </param>
/// <param name="ScaleFactor">The power of ten by which raw utilities were multiplied to become the solver's integers.</param>
public sealed record SolverReport(bool IsProved, int Solves, double Seconds, double TimeBudgetSeconds, double UtilityGap, long ScaleFactor);
