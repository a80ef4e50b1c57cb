using Parley.Domains;

namespace Parley.Mediation;

/// <summary>
/// The result of a round of talks: the articles agreed, the articles still open with their gaps,
/// and the packages a mediator would look at next.
/// </summary>
/// <param name="Agreed">The agreed articles; open ones are <see cref="PartialOutcome.Open"/>.</param>
/// <param name="OpenIssues">Every open article with its gap, in issue order.</param>
/// <param name="ZonesOfAgreement">For every issue (agreed or open), the clauses every party would agree to on it alone, given the agreed articles.</param>
/// <param name="ClosingPackage">The package that keeps the agreed articles and that every party would sign (best Nash product), if one exists: the cross-issue trade that would close the gap.</param>
/// <param name="NashPackage">The package with the best Nash product over the whole text, agreed articles included, if any package is acceptable to all (for comparison).</param>
public sealed record PartialAgreement(
    PartialOutcome Agreed,
    IReadOnlyList<OpenIssueGap> OpenIssues,
    IReadOnlyList<IReadOnlyList<int>> ZonesOfAgreement,
    Outcome? ClosingPackage,
    Outcome? NashPackage)
{
    /// <summary>Whether every article is agreed.</summary>
    public bool IsComplete => Agreed.IsComplete;

    /// <summary>The indexes of the agreed articles.</summary>
    public IReadOnlyList<int> AgreedIssues => Enumerable.Range(0, Agreed.Count).Where(Agreed.IsSettled).ToArray();
}
