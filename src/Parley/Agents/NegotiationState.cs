using Parley.Domains;

namespace Parley.Agents;

/// <summary>What a party sees when it is its turn to act.</summary>
/// <param name="Round">The round in progress, from 0. A round is one turn of every party.</param>
/// <param name="Time">Normalised time t ∈ [0, 1): the share of the deadline (rounds or wall time, whichever is further) already used.</param>
/// <param name="Offer">The offer on the table, or null before the first offer.</param>
/// <param name="OfferedBy">The index of the party that made <paramref name="Offer"/>, or −1.</param>
/// <param name="Acceptances">How many parties have accepted <paramref name="Offer"/> since it was made.</param>
public readonly record struct NegotiationState(int Round, double Time, Outcome? Offer, int OfferedBy, int Acceptances);
