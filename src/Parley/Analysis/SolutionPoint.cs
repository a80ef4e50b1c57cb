using Parley.Domains;

namespace Parley.Analysis;

/// <summary>A bargaining solution (Nash, Kalai–Smorodinsky, egalitarian, maximum welfare): its outcome and utilities.</summary>
/// <param name="Utilities">The parties' undiscounted utilities, in party order.</param>
/// <param name="Outcome">The outcome.</param>
public sealed record SolutionPoint(IReadOnlyList<double> Utilities, Outcome Outcome);
