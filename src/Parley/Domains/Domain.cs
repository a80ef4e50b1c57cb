using System.Numerics;

namespace Parley.Domains;

/// <summary>
/// A negotiation domain: the issues on the table and the outcome space they span (the Cartesian
/// product of the issues' levels).
/// </summary>
/// <remarks>
/// Immutable. The outcome space is never materialised: its size is a <see cref="BigInteger"/>,
/// outcomes are addressed by a mixed-radix index (see <c>Domain.Indexing.cs</c>) and enumerated
/// only on request, so domains of 10^12 outcomes and far more are as cheap to hold as small ones.
/// </remarks>
public sealed partial class Domain
{
    private readonly Issue[] _issues;
    private readonly Dictionary<string, int> _byName;
    private readonly int[] _radix;

    /// <summary>Creates a domain.</summary>
    /// <exception cref="ArgumentException">No issues, or two issues share a name.</exception>
    public Domain(string name, IEnumerable<Issue> issues, string? description = null)
    {
        Name = string.IsNullOrWhiteSpace(name) ? "domain" : name;
        Description = description;
        _issues = issues.ToArray();
        if (_issues.Length == 0)
        {
            throw new ArgumentException($"Domain '{Name}' has no issues.", nameof(issues));
        }

        _byName = new Dictionary<string, int>(_issues.Length, StringComparer.Ordinal);
        _radix = new int[_issues.Length];
        BigInteger count = BigInteger.One;
        for (var i = 0; i < _issues.Length; i++)
        {
            if (!_byName.TryAdd(_issues[i].Name, i))
            {
                throw new ArgumentException($"Domain '{Name}' has the issue '{_issues[i].Name}' twice.", nameof(issues));
            }

            _radix[i] = _issues[i].Cardinality;
            count *= _radix[i];
        }

        OutcomeCount = count;
        LongOutcomeCount = count <= long.MaxValue ? (long)count : -1;
    }

    /// <summary>The domain's name.</summary>
    public string Name { get; }

    /// <summary>A human description, if any.</summary>
    public string? Description { get; }

    /// <summary>The issues, in the order outcomes list their levels.</summary>
    public IReadOnlyList<Issue> Issues => _issues;

    /// <summary>The number of issues.</summary>
    public int IssueCount => _issues.Length;

    /// <summary>The number of outcomes: the product of the issues' cardinalities.</summary>
    public BigInteger OutcomeCount { get; }

    /// <summary>The number of outcomes when it fits a <see cref="long"/>, otherwise −1.</summary>
    public long LongOutcomeCount { get; }

    /// <summary>The cardinality of each issue, in issue order.</summary>
    public ReadOnlySpan<int> Cardinalities => _radix;

    /// <summary>The issue named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such issue.</exception>
    public Issue this[string name] => _issues[IndexOf(name)];

    /// <summary>The position of the issue named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such issue.</exception>
    public int IndexOf(string name) =>
        _byName.TryGetValue(name, out var i) ? i : throw new KeyNotFoundException($"Domain '{Name}' has no issue '{name}'.");

    /// <summary>The position of the issue named <paramref name="name"/>, if there is one.</summary>
    public bool TryGetIssueIndex(string name, out int index) => _byName.TryGetValue(name, out index);

    /// <summary>Whether <paramref name="levels"/> is a valid complete outcome of this domain.</summary>
    public bool IsValid(ReadOnlySpan<int> levels)
    {
        if (levels.Length != _radix.Length)
        {
            return false;
        }

        for (var i = 0; i < levels.Length; i++)
        {
            if ((uint)levels[i] >= (uint)_radix[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Builds an outcome from issue names to level texts (option names or numbers).</summary>
    /// <exception cref="ArgumentException">An issue is missing or unknown, or a value is not one of its levels.</exception>
    public Outcome OutcomeOf(IReadOnlyDictionary<string, string> values)
    {
        var levels = new int[_issues.Length];
        Array.Fill(levels, -1);
        foreach (var (issueName, text) in values)
        {
            if (!_byName.TryGetValue(issueName, out var i))
            {
                throw new ArgumentException($"Domain '{Name}' has no issue '{issueName}'.");
            }

            if (!_issues[i].TryParseLevel(text, out levels[i]))
            {
                throw new ArgumentException($"'{text}' is not a value of issue '{issueName}'.");
            }
        }

        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] < 0)
            {
                throw new ArgumentException($"The outcome gives no value for issue '{_issues[i].Name}'.");
            }
        }

        return Outcome.Own(levels);
    }

    /// <summary>The outcome as issue name → level text, in issue order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe(Outcome outcome) => Describe(outcome.Levels);

    /// <summary>The levels as issue name → level text, in issue order; open issues are left out.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe(ReadOnlySpan<int> levels)
    {
        var list = new List<KeyValuePair<string, string>>(levels.Length);
        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] >= 0)
            {
                list.Add(new(_issues[i].Name, _issues[i].FormatLevel(levels[i])));
            }
        }

        return list;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({_issues.Length} issues, {OutcomeCount} outcomes)";
}
