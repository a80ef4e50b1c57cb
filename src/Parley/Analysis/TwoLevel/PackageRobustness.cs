namespace Parley.Analysis.TwoLevel;

/// <summary>How one candidate package fares across the drawn scenarios.</summary>
/// <param name="Package">The candidate, as evaluated on the scenario's own numbers.</param>
/// <param name="PAcceptable">The share of draws in which every party accepts it at the table.</param>
/// <param name="PRatified">The mean, over draws, of the probability that it is acceptable and every party ratifies it.</param>
/// <param name="PNash">The share of draws in which it is the Nash package.</param>
public sealed record PackageRobustness(PackageEvaluation Package, double PAcceptable, double PRatified, double PNash);
