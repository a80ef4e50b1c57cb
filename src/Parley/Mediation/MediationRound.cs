using Parley.Domains;

namespace Parley.Mediation;

/// <summary>One round of a mediated session: the text put to the parties, their answers, and whether it was adopted.</summary>
/// <param name="Round">The round number, from 1.</param>
/// <param name="Proposal">The complete text put to the parties (in issue-by-issue mode, the article on the table is <paramref name="Issue"/>).</param>
/// <param name="Issue">The article on the table in issue-by-issue mode; null when the whole text was.</param>
/// <param name="Ballots">Each party's answer, in party order.</param>
/// <param name="Adopted">Whether the text (or, in the veto protocol, its unvetoed part) became the current text.</param>
/// <param name="Version">The negotiating text's version after the round.</param>
/// <param name="Time">Normalised time of the round in [0, 1].</param>
public sealed record MediationRound(int Round, Outcome Proposal, int? Issue, IReadOnlyList<Ballot> Ballots, bool Adopted, int Version, double Time);
