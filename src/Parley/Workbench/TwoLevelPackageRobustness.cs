namespace Parley.Workbench;

/// <summary>How a candidate package fares across scenarios drawn within the scenario's stated uncertainty.</summary>
/// <param name="PAcceptable">The share of draws in which every party accepts it at the table.</param>
/// <param name="PRatified">The mean probability, over draws, that it is acceptable and every party ratifies it.</param>
/// <param name="PNash">The share of draws in which it is the Nash package (the best balance of gains).</param>
public sealed record TwoLevelPackageRobustness(double PAcceptable, double PRatified, double PNash);
