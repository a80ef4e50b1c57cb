namespace Parley.Server.Storage;

/// <summary>The --db argument: <c>sqlite:path</c> or <c>postgres:connection-string</c>.</summary>
/// <param name="Kind">"sqlite" or "postgres".</param>
/// <param name="Value">The file path or the connection string.</param>
public sealed record DatabaseTarget(string Kind, string Value)
{
    /// <summary>The default: parley.db in the working folder.</summary>
    public static DatabaseTarget Default { get; } = new("sqlite", "parley.db");

    /// <summary>Parses --db.</summary>
    /// <exception cref="InputException">Neither form.</exception>
    public static DatabaseTarget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith("sqlite:", StringComparison.Ordinal) && text.Length > 7)
        {
            return new("sqlite", text[7..]);
        }

        if (text.StartsWith("postgres:", StringComparison.Ordinal) && text.Length > 9)
        {
            return new("postgres", text[9..]);
        }

        throw new InputException("--db", "", $"'{text}' is neither sqlite:PATH nor postgres:CONNECTION-STRING");
    }

    /// <summary>Opens the store (not yet migrated).</summary>
    internal IEventStore Open() => Kind == "postgres" ? new PostgresEventStore(Value) : new SqliteEventStore(Value);

    /// <summary>What logs may show: the path, or the connection string without its password.</summary>
    public string Describe() => Kind == "sqlite" ? "sqlite:" + Value
        : "postgres:" + string.Join(';', Value.Split(';').Where(p => !p.TrimStart().StartsWith("password", StringComparison.OrdinalIgnoreCase)));
}
