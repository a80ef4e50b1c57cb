using Parley.Agents;
using Parley.Domains;

namespace Parley.Protocols;

/// <summary>One action in a session's trace. Every party's utility of <see cref="Offer"/> is kept in the <see cref="SessionTrace"/>.</summary>
/// <param name="Round">The round, from 0.</param>
/// <param name="Time">Normalised time t of the action.</param>
/// <param name="Actor">The index of the acting party.</param>
/// <param name="Kind">Offer, accept or walk away.</param>
/// <param name="Offer">The outcome offered or accepted; null for a walk-away.</param>
public readonly record struct SessionEvent(int Round, double Time, int Actor, ActionKind Kind, Outcome? Offer);
