namespace Parley.Workbench;

/// <summary>Mediator: reword the clause of one option of an article (free text, at most <see cref="MediationCase.MaxClauseLength"/> characters); see <see cref="ClauseWorded"/>.</summary>
/// <param name="Issue">The article (issue name).</param>
/// <param name="Option">The option whose clause is reworded.</param>
/// <param name="Text">The new wording.</param>
public sealed record WordClause(string Issue, string Option, string Text) : CaseCommand;
