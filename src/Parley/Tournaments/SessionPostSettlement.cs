namespace Parley.Tournaments;

/// <summary>
/// Whether a post-settlement improvement exists for a session's agreement (Raiffa: a text every party
/// weakly prefers and one strictly prefers, crossing no red line or linkage rule), and what it gains
/// each party: <see cref="Mediation.PostSettlement.Propose"/> over the session's profiles.
/// </summary>
/// <param name="Improvable">Whether an improvement exists (false: the agreement is Pareto-optimal among the texts that cross no red line).</param>
/// <param name="Gains">Each party's undiscounted gain from the improvement, in role order (every one 0 when not improvable).</param>
public sealed record SessionPostSettlement(bool Improvable, IReadOnlyList<double> Gains);
