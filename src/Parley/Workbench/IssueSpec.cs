namespace Parley.Workbench;

/// <summary>An issue of a case made from scratch: its name and options.</summary>
/// <param name="Name">The issue's name.</param>
/// <param name="Options">Its options, in order.</param>
/// <param name="Description">What it is about, if anything needs saying.</param>
public sealed record IssueSpec(string Name, IReadOnlyList<string> Options, string? Description = null);
