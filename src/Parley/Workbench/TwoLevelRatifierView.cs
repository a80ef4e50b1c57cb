namespace Parley.Workbench;

/// <summary>A constituency that must approve a party's deal at home (Putnam's level II).</summary>
/// <param name="Party">The party it belongs to.</param>
/// <param name="Name">Its name (for example "Knesset").</param>
/// <param name="Description">Who it is and why it matters, in the scenario's words.</param>
/// <param name="Veto">Whether it can block the deal alone.</param>
public sealed record TwoLevelRatifierView(string Party, string Name, string? Description, bool Veto);
