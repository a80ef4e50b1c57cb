namespace Parley.Workbench;

/// <summary>One issue's status quo in the mediator's two-level view.</summary>
/// <param name="Issue">The issue.</param>
/// <param name="StatusQuo">The option that holds today, or null when no clause governs the issue today.</param>
/// <param name="Note">What today's situation is, in the scenario's words (with its source in the scenario file).</param>
/// <param name="EarlyHarvestShare">The share of uncertainty draws in which a single change on this issue is an early harvest (null: no draws).</param>
public sealed record TwoLevelIssueView(string Issue, string? StatusQuo, string? Note, double? EarlyHarvestShare);
