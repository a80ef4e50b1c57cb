namespace Parley.Domains;

/// <summary>An issue whose levels are named options (GENIUS "discrete" issues).</summary>
public sealed class CategoricalIssue : Issue
{
    private readonly IssueOption[] _options;
    private readonly Dictionary<string, int> _byName;

    /// <summary>Creates a categorical issue.</summary>
    /// <exception cref="ArgumentException">No options, or two options share a name.</exception>
    public CategoricalIssue(string name, IEnumerable<IssueOption> options, string? description = null)
        : base(name, description)
    {
        _options = options.ToArray();
        if (_options.Length == 0)
        {
            throw new ArgumentException($"Issue '{name}' has no options.", nameof(options));
        }

        _byName = new Dictionary<string, int>(_options.Length, StringComparer.Ordinal);
        for (var i = 0; i < _options.Length; i++)
        {
            if (string.IsNullOrEmpty(_options[i].Name))
            {
                throw new ArgumentException($"Issue '{name}' has an option with an empty name.", nameof(options));
            }

            if (!_byName.TryAdd(_options[i].Name, i))
            {
                throw new ArgumentException($"Issue '{name}' has the option '{_options[i].Name}' twice.", nameof(options));
            }
        }
    }

    /// <summary>Creates a categorical issue from option names alone.</summary>
    public CategoricalIssue(string name, params string[] options)
        : this(name, options.Select(o => new IssueOption(o)))
    {
    }

    /// <summary>The options, in the order levels are numbered.</summary>
    public IReadOnlyList<IssueOption> Options => _options;

    /// <inheritdoc />
    public override int Cardinality => _options.Length;

    /// <inheritdoc />
    public override IssueKind Kind => IssueKind.Categorical;

    /// <inheritdoc />
    public override string FormatLevel(int level)
    {
        CheckLevel(level);
        return _options[level].Name;
    }

    /// <inheritdoc />
    public override bool TryParseLevel(string text, out int level) => _byName.TryGetValue(text, out level);
}
