using Parley.Agents;

namespace Parley.Remote;

/// <summary>Who plays a seat: a built-in agent (in process) or a remote GeniusWeb party (by URL).</summary>
public sealed record SessionSeat
{
    private SessionSeat(string id, Func<IAgent>? agent, Uri? remote)
    {
        Id = id;
        Agent = agent;
        Remote = remote;
    }

    /// <summary>The id as given (an agent id or a URL).</summary>
    public string Id { get; }

    /// <summary>Makes a fresh built-in agent; null for a remote seat.</summary>
    public Func<IAgent>? Agent { get; }

    /// <summary>The remote party's URL; null for a built-in seat.</summary>
    public Uri? Remote { get; }

    /// <summary>A built-in seat named <paramref name="id"/>, played by agents from <paramref name="agent"/>.</summary>
    public static SessionSeat Of(string id, Func<IAgent> agent) => new(id, agent ?? throw new ArgumentNullException(nameof(agent)), null);

    /// <summary>The seat an agent id or URL names: a URL (<see cref="RemoteParty.IsRemote"/>) is a remote party, anything else a built-in agent resolved by <paramref name="resolve"/> (the registry when null).</summary>
    /// <exception cref="ArgumentException">An unknown agent id, or a URL that is not absolute.</exception>
    public static SessionSeat Parse(string id, Func<string, Func<IAgent>>? resolve = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (RemoteParty.IsRemote(id))
        {
            if (!Uri.TryCreate(id, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
            {
                throw new ArgumentException($"'{id}' is not a valid party URL (expected ws://host:port/path).", nameof(id));
            }

            return new SessionSeat(id, null, uri);
        }

        return new SessionSeat(id, (resolve ?? AgentRegistry.Factory)(id), null);
    }
}
