namespace Parley.Domains;

/// <summary>
/// One issue on the table: a question the negotiation must answer, with a finite list of levels
/// (options, integers or discretised reals) that an outcome chooses among.
/// </summary>
/// <remarks>
/// Every issue, whatever its type, is addressed in outcomes by a level index in
/// <c>[0, <see cref="Cardinality"/>)</c>. That single representation keeps evaluation, indexing and
/// analysis free of type switches on hot paths.
/// </remarks>
public abstract class Issue
{
    private protected Issue(string name, string? description)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("An issue needs a non-empty name.", nameof(name));
        }

        Name = name;
        Description = description;
    }

    /// <summary>The issue's unique name within its domain.</summary>
    public string Name { get; }

    /// <summary>A human description (for documents and reports), if any.</summary>
    public string? Description { get; }

    /// <summary>The number of levels an outcome can choose for this issue (at least 1).</summary>
    public abstract int Cardinality { get; }

    /// <summary>The kind of issue, as written in files: categorical, integer or real.</summary>
    public abstract IssueKind Kind { get; }

    /// <summary>The text of level <paramref name="level"/> as written in files and shown to people.</summary>
    public abstract string FormatLevel(int level);

    /// <summary>Finds the level named by <paramref name="text"/> (an option name or a number).</summary>
    public abstract bool TryParseLevel(string text, out int level);

    /// <summary>Throws when <paramref name="level"/> is out of range.</summary>
    protected void CheckLevel(int level)
    {
        if ((uint)level >= (uint)Cardinality)
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, $"Issue '{Name}' has levels 0..{Cardinality - 1}.");
        }
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
