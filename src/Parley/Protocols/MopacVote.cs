using Parley.Domains;

namespace Parley.Protocols;

/// <summary>One MOPAC vote: the party accepts <paramref name="Offer"/> if between <paramref name="MinPower"/> and <paramref name="MaxPower"/> parties (itself included) accept it too.</summary>
/// <param name="Offer">An outcome offered in this round.</param>
/// <param name="MinPower">The fewest voters (power) with which the party still wants the deal (at least 2).</param>
/// <param name="MaxPower">The most voters with which the party still wants the deal.</param>
public sealed record MopacVote(Outcome Offer, int MinPower, int MaxPower);
