namespace Parley.Workbench;

/// <summary>
/// Today's situation (the scenario's status quo), article by article, as one audience sees it: what
/// holds on each article if nothing is agreed is public scenario data; a delegation's own value of
/// it is confidential and reaches that delegation alone.
/// </summary>
/// <param name="Date">When today's situation was stated (for example "2026-01"), if given.</param>
/// <param name="Articles">One entry per article, in article order.</param>
/// <param name="Value">
/// A delegation's value (0 to 1) of today's situation as a whole, by its own weights and its own
/// value of each article; null for other audiences, or when an article has no value yet.
/// </param>
public sealed record TodayView(string? Date, IReadOnlyList<TodayArticleView> Articles, double? Value);
