using Parley.Domains;
using Parley.Preferences;

namespace Parley.Scenarios;

/// <summary>
/// The scenario's public linkage rules: clauses that cannot stand together for anyone
/// (<see cref="CompatibilityRule"/>) and clauses that stand only with another
/// (<see cref="ContingentClause"/>). They bind every agreement, unlike a party's private red lines.
/// </summary>
public sealed class Linkage
{
    /// <summary>Creates the linkage rules of a scenario over <paramref name="domain"/>.</summary>
    /// <exception cref="ArgumentException">A rule refers to an issue or option outside the domain, or a contingent clause refers to its own issue.</exception>
    public Linkage(Domain domain, IEnumerable<CompatibilityRule> compatibility, IEnumerable<ContingentClause> contingencies)
    {
        Compatibility = compatibility.ToArray();
        Contingencies = contingencies.ToArray();
        var combos = new List<RedLine>();
        combos.AddRange(Compatibility.Select(c => c.Combination));
        combos.AddRange(Contingencies.Select(c => c.ToCombination(domain)));
        Rules = combos.ToArray();
        Constraints = new RedLineSet(domain, Rules);
    }

    /// <summary>No linkage rules.</summary>
    public static Linkage None(Domain domain) => new(domain, [], []);

    /// <summary>Clauses that cannot stand together.</summary>
    public IReadOnlyList<CompatibilityRule> Compatibility { get; }

    /// <summary>Clauses that stand only with another.</summary>
    public IReadOnlyList<ContingentClause> Contingencies { get; }

    /// <summary>Every rule as a forbidden combination: the compatibility rules first, then the contingent clauses.</summary>
    public IReadOnlyList<RedLine> Rules { get; }

    /// <summary>The rules compiled for fast checks.</summary>
    public RedLineSet Constraints { get; }

    /// <summary>Whether there is no rule.</summary>
    public bool IsEmpty => Rules.Count == 0;
}
