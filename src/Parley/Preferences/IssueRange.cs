namespace Parley.Preferences;

/// <summary>An inclusive range of levels of one issue: one side of a <see cref="HyperRectangle"/>.</summary>
/// <param name="Issue">The issue's index in the domain.</param>
/// <param name="MinLevel">The lowest level in the range.</param>
/// <param name="MaxLevel">The highest level in the range (at least <paramref name="MinLevel"/>).</param>
public readonly record struct IssueRange(int Issue, int MinLevel, int MaxLevel)
{
    /// <summary>Whether <paramref name="level"/> lies in the range.</summary>
    public bool Contains(int level) => level >= MinLevel && level <= MaxLevel;
}
