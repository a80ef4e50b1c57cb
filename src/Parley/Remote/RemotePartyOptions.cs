namespace Parley.Remote;

/// <summary>How Parley plays a seat with a remote GeniusWeb party: its budgets and limits.</summary>
public sealed record RemotePartyOptions
{
    /// <summary>The largest message a party may send: 1 MiB (a bid over hundreds of issues, or MOPAC votes on every offer of a large table, fits many times over).</summary>
    public const int DefaultMaxMessageBytes = 1 << 20;

    /// <summary>How long to wait for the party's socket to open (and for an <c>http://</c> party reference to answer).</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the party may stay silent after being asked to act (YourTurn, Voting, OptIn) before its session fails with a timeout.</summary>
    public TimeSpan ActionTimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest message the party may send, in bytes; a longer one ends its session as its failure.</summary>
    public int MaxMessageBytes { get; init; } = DefaultMaxMessageBytes;

    /// <summary>Where the party's profile is published; null for <see cref="ProfileEndpoint.Shared"/>.</summary>
    public ProfileEndpoint? Profiles { get; init; }

    /// <summary>The <c>parameters</c> of the Settings inform.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Told of every message sent to the party (for audits and tests); null for none.</summary>
    public Action<ReadOnlyMemory<byte>>? OnSent { get; init; }
}
