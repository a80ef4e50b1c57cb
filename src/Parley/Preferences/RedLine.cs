using Parley.Domains;

namespace Parley.Preferences;

/// <summary>
/// A hard constraint of one party: an outcome that crosses it is unacceptable to that party
/// whatever its utility ("nonnegotiable").
/// </summary>
/// <remarks>Issues and levels are addressed by index in the profile's domain.</remarks>
public abstract record RedLine
{
    private protected RedLine(string? reason)
    {
        Reason = reason;
    }

    /// <summary>Why the party holds this line, in its own words (for documents and reports).</summary>
    public string? Reason { get; init; }

    /// <summary>Whether <paramref name="outcome"/> crosses this line.</summary>
    public abstract bool IsCrossedBy(Domain domain, ReadOnlySpan<int> outcome);

    /// <summary>The line in words, naming issues and options.</summary>
    public abstract string Describe(Domain domain);

    /// <summary>Throws <see cref="ArgumentException"/> when the line names an issue or level the domain lacks.</summary>
    public abstract void CheckCompatible(Domain domain);

    private protected static void CheckIssue(Domain domain, int issue)
    {
        if ((uint)issue >= (uint)domain.IssueCount)
        {
            throw new ArgumentException($"A red line names issue #{issue}, but domain '{domain.Name}' has {domain.IssueCount} issues.");
        }
    }

    private protected static void CheckLevel(Domain domain, int issue, int level)
    {
        CheckIssue(domain, issue);
        if ((uint)level >= (uint)domain.Issues[issue].Cardinality)
        {
            throw new ArgumentException($"A red line names level #{level} of issue '{domain.Issues[issue].Name}', which has {domain.Issues[issue].Cardinality} levels.");
        }
    }
}
