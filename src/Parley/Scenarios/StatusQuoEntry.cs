namespace Parley.Scenarios;

/// <summary>Today's situation on one issue: an option of it, or <see cref="StatusQuo.NoClause"/>, with a note and sources.</summary>
/// <param name="Issue">The issue's index.</param>
/// <param name="Level">The option that holds if nothing is agreed, or <see cref="StatusQuo.NoClause"/>.</param>
/// <param name="Note">What the situation is, in words (for example "Israeli forces hold the buffer zone").</param>
/// <param name="Sources">The reporting that establishes it.</param>
public sealed record StatusQuoEntry(int Issue, int Level, string? Note = null, IReadOnlyList<string>? Sources = null);
