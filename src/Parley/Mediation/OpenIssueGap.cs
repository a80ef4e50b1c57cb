namespace Parley.Mediation;

/// <summary>An article that stayed open: each party's position, the zone where they overlap, and what would close it.</summary>
/// <param name="Issue">The issue's index in the domain.</param>
/// <param name="Name">The issue's name.</param>
/// <param name="Positions">Each party's position, in party order.</param>
/// <param name="ZoneOfAgreement">The clauses every party would agree to on this article alone (often empty: that is why it is open).</param>
/// <param name="ClosingLevel">The clause of the package that would close every remaining gap, if one exists.</param>
/// <param name="Moves">Who would have to move to that clause, and how far.</param>
public sealed record OpenIssueGap(int Issue, string Name, IReadOnlyList<PartyPosition> Positions, IReadOnlyList<int> ZoneOfAgreement, int? ClosingLevel, IReadOnlyList<PartyMove> Moves);
