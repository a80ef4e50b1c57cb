namespace Parley.Workbench;

/// <summary>Today's situation on one article.</summary>
/// <param name="Issue">The article's issue.</param>
/// <param name="Option">The option that holds today, or null when no clause governs the article today.</param>
/// <param name="Clause">That option's clause, where it has one.</param>
/// <param name="Note">What holds today, in the scenario's words, where it says.</param>
/// <param name="Value">
/// The delegation's own value (0 to 1) of today's situation on this article: the value it gave when
/// it declared its profile, else its rating of the option that holds today; null for other audiences,
/// or when it has neither.
/// </param>
/// <param name="ValuedByDelegation">Whether <paramref name="Value"/> is a value the delegation gave for today's situation itself (not its rating of an option).</param>
public sealed record TodayArticleView(string Issue, string? Option, string? Clause, string? Note, double? Value, bool ValuedByDelegation);
