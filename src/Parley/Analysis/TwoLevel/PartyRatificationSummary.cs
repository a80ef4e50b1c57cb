namespace Parley.Analysis.TwoLevel;

/// <summary>One party's level II: its constituencies and the size of its win-set.</summary>
/// <param name="Party">The party.</param>
/// <param name="Ratifiers">Its constituencies' names.</param>
/// <param name="WinSetCount">Feasible outcomes it accepts and ratifies at the analysis's level (null when the space is too large to count).</param>
public sealed record PartyRatificationSummary(string Party, IReadOnlyList<string> Ratifiers, long? WinSetCount);
