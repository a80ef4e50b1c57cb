namespace Parley.Mediation;

/// <summary>Where one party stands on one open article.</summary>
/// <param name="Party">The party's name.</param>
/// <param name="Level">The clause it prefers (the best for it that crosses none of its red lines, given the agreed articles).</param>
/// <param name="Value">That clause's value to it, in [0, 1].</param>
/// <param name="Acceptable">Every clause it would agree to on this article alone.</param>
public sealed record PartyPosition(string Party, int Level, double Value, IReadOnlyList<int> Acceptable);
