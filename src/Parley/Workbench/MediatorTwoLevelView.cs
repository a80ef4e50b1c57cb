namespace Parley.Workbench;

/// <summary>
/// The mediator's status-quo, ratification and robustness view of a case (the two-level analysis of
/// <see cref="Analysis.TwoLevel.TwoLevelAnalyzer"/> and <see cref="Analysis.TwoLevel.RobustnessAnalyzer"/>
/// over the profiles the mediator may see), in issue and option names, for the mediator's console.
/// </summary>
/// <param name="StatusQuoDate">When the status quo was stated (for example "2026-01"), if the scenario says.</param>
/// <param name="Parties">The negotiating parties, in order.</param>
/// <param name="Issues">Per issue: today's situation and how often a single change to it is an early harvest.</param>
/// <param name="StatusQuoValue">Party → its utility of today's situation.</param>
/// <param name="WalkAwayValue">Party → its disagreement value (what no agreement is worth to it).</param>
/// <param name="Ratifiers">Each party's constituencies at home.</param>
/// <param name="Zone">How many packages cross no rule, every party accepts at the table, and every party would also ratify (null: the space is too large to count).</param>
/// <param name="EarlyHarvest">Changes to today's situation that every party gains from, largest smallest gain first.</param>
/// <param name="Packages">Distinct candidate packages, with their ratification chances and robustness.</param>
/// <param name="Robustness">What the uncertainty draws give overall, or null when none were asked for.</param>
public sealed record MediatorTwoLevelView(
    string? StatusQuoDate,
    IReadOnlyList<string> Parties,
    IReadOnlyList<TwoLevelIssueView> Issues,
    IReadOnlyDictionary<string, double> StatusQuoValue,
    IReadOnlyDictionary<string, double> WalkAwayValue,
    IReadOnlyList<TwoLevelRatifierView> Ratifiers,
    TwoLevelZoneView? Zone,
    IReadOnlyList<TwoLevelHarvestView> EarlyHarvest,
    IReadOnlyList<TwoLevelPackageView> Packages,
    TwoLevelRobustnessView? Robustness);
