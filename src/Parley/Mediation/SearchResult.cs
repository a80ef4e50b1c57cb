using Parley.Domains;

namespace Parley.Mediation;

/// <summary>A package found by <see cref="PackageSearch"/>.</summary>
/// <param name="Outcome">The package.</param>
/// <param name="Score">Its objective value.</param>
/// <param name="Exact">Whether the search was exhaustive (otherwise a local optimum of coordinate ascent).</param>
/// <param name="Visited">The number of outcomes evaluated.</param>
public sealed record SearchResult(Outcome Outcome, double Score, bool Exact, long Visited);
