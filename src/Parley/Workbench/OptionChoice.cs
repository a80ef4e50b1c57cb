namespace Parley.Workbench;

/// <summary>An option of an issue, by names (a red line forbids it; an amendment proposes it).</summary>
/// <param name="Issue">The issue's name.</param>
/// <param name="Option">The option's name (or level text).</param>
public sealed record OptionChoice(string Issue, string Option);
