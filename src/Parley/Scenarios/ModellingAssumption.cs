namespace Parley.Scenarios;

/// <summary>
/// A number in a scenario that no source states, labelled as the modeller's assumption: what it
/// is about, why it was chosen and which sources inform it.
/// </summary>
/// <param name="About">What the assumption concerns (for example "weights", "values.withdrawal", "reservationValue"); may be empty.</param>
/// <param name="Text">The assumption and its rationale, in words.</param>
/// <param name="Sources">References that inform it, if any.</param>
public sealed record ModellingAssumption(string About, string Text, IReadOnlyList<string>? Sources = null);
