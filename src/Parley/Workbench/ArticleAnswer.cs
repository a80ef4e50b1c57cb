namespace Parley.Workbench;

/// <summary>A delegation's answer to one article of the text put to it in a round.</summary>
/// <param name="Issue">The article (issue).</param>
/// <param name="Accept">Whether the delegation accepts the article as proposed.</param>
/// <param name="Comment">Why, in words (may be empty).</param>
public sealed record ArticleAnswer(string Issue, bool Accept, string Comment);
