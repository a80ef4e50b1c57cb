using System.Globalization;

namespace Parley.Agents;

/// <summary>
/// Parses agent ids (<c>boulware</c>, <c>time-dependent:e=0.5</c>, …) into agent factories and lists
/// the built-in agents.
/// </summary>
/// <remarks>
/// Ids are lower-case; parameters follow a colon as <c>name=value</c> pairs separated by commas or
/// semicolons (invariant culture numbers). <see cref="Factory"/> parses once and returns a delegate
/// that creates a fresh agent per session, so a tournament pays for parsing only once per agent.
/// A host (a test, a web server, a research harness) extends the registry with its own kinds
/// (<see cref="Register"/>, <see cref="RegisterResolver"/>); every command and runner that takes
/// an agent id then accepts them, so no host keeps a registry of its own.
/// </remarks>
public static class AgentRegistry
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, (AgentDescriptor Descriptor, Func<IAgent> Factory)> Extra = new(StringComparer.Ordinal);
    private static readonly List<Func<string, Func<IAgent>?>> Resolvers = [];

    private static readonly AgentDescriptor[] Descriptors =
    [
        new("boulware", "Time-dependent concession with e = 0.2: holds out, concedes near the deadline; accepts by AC_next.", "Faratin, Sierra & Jennings (1998)"),
        new("linear", "Time-dependent concession with e = 1: concedes at a constant rate; accepts by AC_next.", "Faratin, Sierra & Jennings (1998)"),
        new("conceder", "Time-dependent concession with e = 2: concedes early; accepts by AC_next.", "Faratin, Sierra & Jennings (1998)"),
        new("time-dependent:e=<e>", "Time-dependent concession with any exponent e ≥ 0 (e.g. time-dependent:e=0.5).", "Faratin, Sierra & Jennings (1998)"),
        new("hardliner", "Always offers its best outcome and accepts nothing worse.", "GENIUS HardlinerAgent (time-dependent, e = 0)"),
        new("random", "Offers random outcomes above its reservation value; accepts by AC_next.", "GENIUS RandomAgent (baseline)"),
        new("tit-for-tat", "Naive tit-for-tat: concedes as much as the others conceded, in its own utility.", "Baarslag, Hindriks & Jonker (2013)"),
        new("micro", "MiCRO: concedes one outcome at a time, only while the others make as many distinct offers.", "de Jonge (2022), IJCAI"),
        new("hardheaded", "Boulware target; among offers of the same own utility, the one a frequency opponent model likes most.", "van Krimpen, Looije & Hajizadeh (2013), HardHeaded"),
    ];

    /// <summary>Every agent kind, built-in first, then those registered, each with a one-line description and its source.</summary>
    public static IReadOnlyList<AgentDescriptor> All
    {
        get
        {
            lock (Gate)
            {
                return [.. Descriptors, .. Extra.Values.Select(e => e.Descriptor).OrderBy(d => d.Id, StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Adds (or replaces) an agent kind named <c>descriptor.Id</c> (lower case, no colon).</summary>
    /// <exception cref="ArgumentException">An id that is empty, not lower case, has a colon, or names a built-in agent.</exception>
    public static void Register(AgentDescriptor descriptor, Func<IAgent> factory)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(factory);
        var id = descriptor.Id;
        if (string.IsNullOrWhiteSpace(id) || id != id.Trim().ToLowerInvariant() || id.Contains(':', StringComparison.Ordinal) || Array.Exists(Descriptors, d => d.Id.Split(':')[0] == id))
        {
            throw new ArgumentException($"'{id}' cannot name a registered agent: use a new lower-case id without a colon.", nameof(descriptor));
        }

        lock (Gate)
        {
            Extra[id] = (descriptor, factory);
        }
    }

    /// <summary>
    /// Adds a resolver consulted for ids that name no built-in or registered agent (for example a
    /// URL of a remote party): it returns a factory for the ids it understands and null for others,
    /// and throws <see cref="ArgumentException"/> for ids it understands but finds invalid.
    /// </summary>
    public static void RegisterResolver(Func<string, Func<IAgent>?> resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        lock (Gate)
        {
            Resolvers.Add(resolver);
        }
    }

    /// <summary>Creates a fresh agent from <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">The id is unknown or its parameters are invalid; the message says which ids exist.</exception>
    public static IAgent Create(string id) => Factory(id)();

    /// <summary>Parses <paramref name="id"/> once and returns a factory of fresh agents.</summary>
    /// <exception cref="ArgumentException">The id is unknown or its parameters are invalid.</exception>
    public static Func<IAgent> Factory(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (Gate)
        {
            if (Extra.TryGetValue(id.Trim().ToLowerInvariant(), out var registered))
            {
                return registered.Factory;
            }

            foreach (var resolver in Resolvers)
            {
                if (resolver(id.Trim()) is { } resolved)
                {
                    return resolved;
                }
            }
        }

        var trimmed = id.Trim().ToLowerInvariant();
        var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? trimmed : trimmed[..colon];
        var parameters = colon < 0 ? new Dictionary<string, double>() : ParseParameters(id, trimmed[(colon + 1)..]);
        Func<IAgent> factory = name switch
        {
            "boulware" => BuiltInAgents.Boulware,
            "linear" => BuiltInAgents.Linear,
            "conceder" => BuiltInAgents.Conceder,
            "hardliner" => BuiltInAgents.Hardliner,
            "random" => BuiltInAgents.Random,
            "tit-for-tat" or "titfortat" => BuiltInAgents.TitForTat,
            "micro" => BuiltInAgents.Micro,
            "hardheaded" => BuiltInAgents.HardHeaded,
            "time-dependent" => TimeDependentFactory(id, parameters),
            _ => throw new ArgumentException($"Unknown agent '{id}'. Known agents: {string.Join(", ", KnownIds())}."),
        };

        if (name != "time-dependent" && parameters.Count > 0)
        {
            throw new ArgumentException($"Agent '{name}' takes no parameters (got '{id}').");
        }

        return factory;
    }

    private static Func<IAgent> TimeDependentFactory(string id, Dictionary<string, double> parameters)
    {
        if (!parameters.TryGetValue("e", out var e) || e < 0)
        {
            throw new ArgumentException($"Agent '{id}' needs an exponent e ≥ 0, e.g. time-dependent:e=0.5.");
        }

        var k = parameters.TryGetValue("k", out var kv) ? kv : 0;
        foreach (var key in parameters.Keys)
        {
            if (key is not ("e" or "k"))
            {
                throw new ArgumentException($"Agent '{id}': unknown parameter '{key}' (time-dependent takes e and k).");
            }
        }

        if (k is < 0 or > 1)
        {
            throw new ArgumentException($"Agent '{id}': k must lie in [0, 1].");
        }

        return () => new BoaAgent(new TimeDependentBidding(e, k), new AcNext());
    }

    private static Dictionary<string, double> ParseParameters(string id, string text)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var part in text.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !double.TryParse(part[(eq + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new ArgumentException($"Agent '{id}': '{part}' is not a parameter of the form name=number.");
            }

            result[part[..eq].Trim()] = value;
        }

        return result;
    }

    private static IEnumerable<string> KnownIds() => All.Select(d => d.Id);
}
