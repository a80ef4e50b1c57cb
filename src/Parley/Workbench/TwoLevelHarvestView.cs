namespace Parley.Workbench;

/// <summary>An early harvest: a change to today's situation on one or two issues that every party gains from.</summary>
/// <param name="Changes">Issue → the option it changes to (every other issue stays as today).</param>
/// <param name="Gains">Party → its utility gain over today's situation (all positive).</param>
/// <param name="PRatified">Party → the probability that its constituencies approve the change (1 without constituencies).</param>
public sealed record TwoLevelHarvestView(IReadOnlyDictionary<string, string> Changes, IReadOnlyDictionary<string, double> Gains, IReadOnlyDictionary<string, double> PRatified);
