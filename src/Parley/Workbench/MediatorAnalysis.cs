namespace Parley.Workbench;

/// <summary>The mediator's analysis of a case, from the profiles the mediator may see.</summary>
/// <param name="ProfilesUsed">The seats whose profile (the mediator's model, or a shared declaration) the analysis uses.</param>
/// <param name="ProfilesMissing">The seats the mediator has no profile for (left out of the analysis).</param>
/// <param name="Issues">Per issue: each seat's preferred option and the zone of agreement.</param>
/// <param name="SuggestedDraft">The package every known party would sign with the best Nash product (the next draft to propose), if one exists.</param>
/// <param name="NashPackage">The Nash point of the whole outcome space, if any package is acceptable to all.</param>
/// <param name="Candidates">Candidate packages the trusted mediators would propose (best Nash product, best worst-off gain, best sum of gains), each acceptable to every known party.</param>
/// <param name="Note">What limits the analysis, if anything.</param>
public sealed record MediatorAnalysis(
    IReadOnlyList<string> ProfilesUsed,
    IReadOnlyList<string> ProfilesMissing,
    IReadOnlyList<IssueAnalysis> Issues,
    IReadOnlyDictionary<string, string>? SuggestedDraft,
    IReadOnlyDictionary<string, string>? NashPackage,
    IReadOnlyList<CandidatePackage> Candidates,
    string? Note);

/// <summary>A candidate package and what it gives each known party.</summary>
/// <param name="Objective">The objective it is best for ("nash-product", "maximin", "sum-of-gains").</param>
/// <param name="Text">The package: issue → option.</param>
/// <param name="Utilities">Seat → its utility (by the profile the mediator knows).</param>
public sealed record CandidatePackage(string Objective, IReadOnlyDictionary<string, string> Text, IReadOnlyDictionary<string, double> Utilities);

/// <summary>One issue in the mediator's analysis.</summary>
/// <param name="Issue">The issue.</param>
/// <param name="Preferred">Seat → the option it prefers on this issue alone.</param>
/// <param name="ZoneOfAgreement">The options every known party would agree to on this issue alone.</param>
public sealed record IssueAnalysis(string Issue, IReadOnlyDictionary<string, string> Preferred, IReadOnlyList<string> ZoneOfAgreement);
