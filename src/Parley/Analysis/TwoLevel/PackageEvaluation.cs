using Parley.Domains;

namespace Parley.Analysis.TwoLevel;

/// <summary>
/// A candidate package (complete, or a partial agreement valued against the status quo) as a
/// mediator's analyst reads it: each party's utility and gain, its probability of ratifying, the
/// constituencies that block it, and who moves most to reach it.
/// </summary>
/// <param name="Label">Why it is a candidate (nash, ratification-nash, early-harvest, frontier-best-for-X).</param>
/// <param name="Agreement">The package; open issues stay at the status quo.</param>
/// <param name="Utilities">Each party's utility of it.</param>
/// <param name="Gains">Each party's utility minus its disagreement value (negative: it prefers no deal).</param>
/// <param name="Acceptable">Whether every party accepts it at the table (no red line or linkage rule crossed, no gain negative).</param>
/// <param name="PRatified">Each party's probability of ratifying it.</param>
/// <param name="PRatifiedAll">The probability that every party ratifies it.</param>
/// <param name="Blockers">Per party: its constituencies more likely to reject than approve it.</param>
/// <param name="MovesMost">The party furthest below its best feasible utility, or null with one party.</param>
public sealed record PackageEvaluation(
    string Label,
    PartialOutcome Agreement,
    IReadOnlyList<double> Utilities,
    IReadOnlyList<double> Gains,
    bool Acceptable,
    IReadOnlyList<double> PRatified,
    double PRatifiedAll,
    IReadOnlyList<IReadOnlyList<string>> Blockers,
    string? MovesMost)
{
    /// <summary>The mediator's own utility of the package (its interests, shown separately: never a party's acceptance); null when the mediator has no profile.</summary>
    public double? MediatorUtility { get; init; }
}
