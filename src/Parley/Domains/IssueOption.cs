namespace Parley.Domains;

/// <summary>One option of a categorical issue.</summary>
/// <param name="Name">The option's name, unique within its issue; outcomes address it by this name.</param>
/// <param name="Description">A short human description, if any.</param>
/// <param name="Clause">The clause a negotiating text uses when this option is chosen, if any.</param>
public sealed record IssueOption(string Name, string? Description = null, string? Clause = null);
