namespace Parley.Mediation;

/// <summary>A party that would have to move for a gap to close, and how far.</summary>
/// <param name="Party">The party's name.</param>
/// <param name="From">The clause it holds now (its position).</param>
/// <param name="To">The clause of the closing package.</param>
/// <param name="Concession">The value it gives up on this article, in [0, 1] of the value.</param>
public sealed record PartyMove(string Party, int From, int To, double Concession);
