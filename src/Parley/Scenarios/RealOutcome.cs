namespace Parley.Scenarios;

/// <summary>
/// What the real negotiation produced, stated in a scenario so that the model can be checked against
/// it (<c>realityCheck</c>): the articles agreed and the issues that stayed open.
/// </summary>
/// <param name="Date">When the outcome was reported.</param>
/// <param name="Description">The outcome in words.</param>
/// <param name="Agreed">The articles agreed: issue index and option level.</param>
/// <param name="Open">The issues on which nothing was agreed (the core package that did not move).</param>
/// <param name="Sources">The reporting.</param>
public sealed record RealOutcome(string? Date, string Description, IReadOnlyList<(int Issue, int Level)> Agreed, IReadOnlyList<int> Open, IReadOnlyList<string> Sources);
