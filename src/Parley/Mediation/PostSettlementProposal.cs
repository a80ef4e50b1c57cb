using Parley.Domains;

namespace Parley.Mediation;

/// <summary>
/// A post-settlement proposal (<see cref="PostSettlement.Propose"/>): the agreement, the improved text over
/// the same articles, and what it gains each party by its own declared profile; or, when there is none, why.
/// </summary>
/// <param name="Agreement">The signed agreement: every article (a complete agreement) or the articles signed one by one (a partial agreement).</param>
/// <param name="Improved">The improved text over the same articles, or null when none is offered.</param>
/// <param name="Gains">Party → what the improvement gains it by its own declared profile (≥ 0 for every party, &gt; 0 for at least one); empty when none is offered. Confidential: each party's own gain is its own.</param>
/// <param name="Exact">Whether the search was exhaustive (false: a local search on a space too large to enumerate).</param>
/// <param name="Reason">Why none is offered (a party has declared no profile, the agreement is already as good as it gets), or null.</param>
public sealed record PostSettlementProposal(PartialOutcome Agreement, PartialOutcome? Improved, IReadOnlyList<double> Gains, bool Exact, string? Reason);
