using Parley.Server.Storage;

namespace Parley.Server;

/// <summary>How <c>parley serve</c> runs.</summary>
public sealed record ServerOptions
{
    /// <summary>The address to listen on (the first one is used in printed links).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>The database.</summary>
    public DatabaseTarget Database { get; init; } = DatabaseTarget.Default;

    /// <summary>The largest upload accepted (a scenario file, an imported record): 1 MiB.</summary>
    public long UploadLimit { get; init; } = 1 << 20;

    /// <summary>Failed token checks allowed per client address per <see cref="GuessWindow"/>.</summary>
    public int MaxFailedTokens { get; init; } = 20;

    /// <summary>The window of <see cref="MaxFailedTokens"/>.</summary>
    public TimeSpan GuessWindow { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Whether an empty database gets the Israel–Syria negotiation, ready to open.</summary>
    public bool SeedIsraelSyria { get; init; } = true;

    /// <summary>
    /// The operator token (who may create negotiations), when the deployment sets it
    /// (<c>$PARLEY_OPERATOR_TOKEN</c>): its hash is stored at start. Null: on the first start with no
    /// operator token, the server draws one, stores its hash and prints it once.
    /// </summary>
    public string? OperatorToken { get; init; } = Environment.GetEnvironmentVariable("PARLEY_OPERATOR_TOKEN") is { Length: > 0 } t ? t : null;

    /// <summary>
    /// How many events a negotiation's snapshot is taken after the previous one (see
    /// docs/performance.md: restoring costs about as much as folding a few hundred events, and each
    /// snapshot costs a few milliseconds to take and a few hundred KiB to write).
    /// </summary>
    public int SnapshotInterval { get; init; } = 500;

    /// <summary>How often round deadlines are checked.</summary>
    public TimeSpan TickInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Where printed links point (defaults to the first of <see cref="Urls"/>).</summary>
    public string PublicUrl => Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0].TrimEnd('/');
}
