namespace Parley.Workbench;

// Article-by-article work on the text: a delegation answers each article of the round's text; the
// mediator records the articles the delegations agree on (a partial agreement).

/// <summary>Delegation: answer the open round's text article by article (confidential, like a ballot: the delegation and the mediator see it). Answering again replaces the earlier answers.</summary>
/// <param name="Answers">One answer per article answered (at least one; each article at most once).</param>
public sealed record AnswerArticles(IReadOnlyList<ArticleAnswer> Answers) : CaseCommand;

/// <summary>Mediator: record the articles agreed so far (a partial agreement), each with the option agreed; public.</summary>
/// <param name="Articles">Issue name → option name for each agreed article (at least one).</param>
public sealed record RecordAgreement(IReadOnlyDictionary<string, string> Articles) : CaseCommand;
