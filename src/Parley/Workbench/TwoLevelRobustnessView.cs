namespace Parley.Workbench;

/// <summary>The uncertainty analysis behind the mediator's two-level view.</summary>
/// <param name="Draws">How many scenarios were drawn within the stated ranges.</param>
/// <param name="Seed">The seed (the same seed gives the same figures).</param>
/// <param name="PZoneEmpty">The share of draws in which no package is acceptable to every party.</param>
/// <param name="RealityCheck">When the scenario states a real outcome: the share of draws that show its shape.</param>
/// <param name="RealityDefinition">What the reality check counts, or null.</param>
public sealed record TwoLevelRobustnessView(int Draws, int Seed, double PZoneEmpty, double? RealityCheck, string? RealityDefinition);
