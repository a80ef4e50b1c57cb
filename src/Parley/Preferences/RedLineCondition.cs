namespace Parley.Preferences;

/// <summary>One clause of a <see cref="ForbiddenCombination"/>: issue <see cref="Issue"/> takes one of <see cref="Levels"/>.</summary>
/// <param name="Issue">The issue's index in the domain.</param>
/// <param name="Levels">The levels that satisfy the clause.</param>
public sealed record RedLineCondition(int Issue, IReadOnlyList<int> Levels);
