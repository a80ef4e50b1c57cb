namespace Parley.Workbench;

/// <summary>A candidate package in the mediator's two-level view.</summary>
/// <param name="Label">Why it is a candidate: "ratification-nash", "nash", "ratifiable-best-for-PARTY" or "early-harvest".</param>
/// <param name="Text">Issue → option; an issue left open (null) stays as today.</param>
/// <param name="Utilities">Party → its utility of the package.</param>
/// <param name="Gains">Party → its utility minus its disagreement value (negative: it prefers no deal).</param>
/// <param name="Acceptable">Whether every party accepts it at the table (no red line or linkage rule crossed, no gain negative).</param>
/// <param name="PRatified">Party → the probability that its constituencies ratify it.</param>
/// <param name="Approval">Party → constituency → the probability that this constituency approves it.</param>
/// <param name="PRatifiedAll">The probability that every party ratifies it.</param>
/// <param name="Blockers">Party → its constituencies more likely to reject than approve it.</param>
/// <param name="MovesMost">The party furthest below its best feasible package, if named.</param>
/// <param name="MediatorUtility">The mediator's own interest in the package, shown apart (never a party's acceptance), or null.</param>
/// <param name="Robustness">How it fares across the uncertainty draws, or null without draws.</param>
public sealed record TwoLevelPackageView(
    string Label,
    IReadOnlyDictionary<string, string?> Text,
    IReadOnlyDictionary<string, double> Utilities,
    IReadOnlyDictionary<string, double> Gains,
    bool Acceptable,
    IReadOnlyDictionary<string, double> PRatified,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Approval,
    double PRatifiedAll,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Blockers,
    string? MovesMost,
    double? MediatorUtility,
    TwoLevelPackageRobustness? Robustness);
