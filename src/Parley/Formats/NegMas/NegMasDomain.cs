using Parley.Domains;

namespace Parley.Formats.NegMas;

/// <summary>A NegMAS outcome space as Parley reads it: the domain, and for each issue the number each level stands for (null for an issue of text values).</summary>
/// <param name="Domain">The domain.</param>
/// <param name="Numbers">Per issue, the NegMAS value of each level when the values are numbers, or null.</param>
public sealed record NegMasDomain(Domain Domain, IReadOnlyList<double[]?> Numbers);
