using Parley.Domains;

namespace Parley.Agents;

/// <summary>One public action in a session: who did what, when. Carries no party's utility (preferences stay private).</summary>
/// <param name="Round">The round, from 0.</param>
/// <param name="Time">Normalised time t of the action.</param>
/// <param name="Actor">The index of the acting party.</param>
/// <param name="Kind">Offer, accept or walk away.</param>
/// <param name="Offer">The outcome offered (for an offer) or accepted (for an accept); null for a walk-away.</param>
public readonly record struct HistoryEntry(int Round, double Time, int Actor, ActionKind Kind, Outcome? Offer);
