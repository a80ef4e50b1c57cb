using Parley.Agents;
using Parley.Domains;

namespace Parley.Mediation;

/// <summary>
/// The mediators, voters and mediated protocols Parley knows by name: one registry for every host
/// (the CLI, tournaments, the server), which a host extends with its own kinds.
/// </summary>
/// <remarks>
/// Built in: mediators <c>annealing</c>, <c>hill-climbing</c>, <c>random-flip</c>, <c>nash</c>,
/// <c>ratification-nash</c>, <c>maximin</c>; voters <c>truthful</c>, <c>strategic</c>, <c>annealing</c>; protocols
/// <c>votes</c>, <c>feedback</c>, <c>veto</c>. Agents have their own registry,
/// <see cref="AgentRegistry"/>. Factories create a fresh strategy per session.
/// </remarks>
public static class MediationRegistry
{
    private static readonly Lock Gate = new();

    private static readonly List<(AgentDescriptor Descriptor, Func<MediatorStrategy> Factory)> MediatorKinds =
    [
        (new("annealing", "Proposes random one- or two-article changes; adopts a text most parties reject with a probability that cools over time.", "Klein, Faratin, Sayama & Bar-Yam (2003)"), static () => new AnnealingMediator()),
        (new("hill-climbing", "Proposes one-article changes and adopts only texts every party accepts.", "Klein et al. (2003)"), static () => new HillClimbingMediator()),
        (new("random-flip", "Proposes random changes of one to three articles; adopts what every party accepts.", "a baseline"), static () => new RandomFlippingMediator()),
        (new("nash", "Trusted with the profiles: proposes the package maximising the Nash product of gains over the reservation values.", "Raiffa (1982); Nash (1950)"), static () => new TrustedMediator(PackageObjective.NashProduct)),
        (new("ratification-nash", "Trusted with the profiles and the constituencies at home: proposes the package maximising the Nash product of gains over the status quo times the probability that every side ratifies it (the Nash mediator without a status quo).", "Putnam (1988); Nash (1950)"), static () => new TrustedMediator(PackageObjective.NashProduct, ratificationAware: true)),
        (new("maximin", "Trusted with the profiles: proposes the package maximising the smallest gain over the reservation values.", "Rawls' maximin; Raiffa (1982)"), static () => new TrustedMediator(PackageObjective.Maximin)),
    ];

    private static readonly List<(AgentDescriptor Descriptor, Func<Voter> Factory)> VoterKinds =
    [
        (new("truthful", "Accepts a text at least as good as the current one for it, and never one across its red lines.", "Klein et al. (2003)"), static () => new TruthfulVoter()),
        (new("strategic", "Accepts only texts that gain it a margin that shrinks over time (it exaggerates early).", "Klein et al. (2003)"), static () => new StrategicVoter()),
        (new("annealing", "Accepts small losses with a probability that cools over time.", "Klein et al. (2003)"), static () => new AnnealingVoter()),
    ];

    /// <summary>The mediated protocols, by name.</summary>
    public static IReadOnlyList<string> Protocols { get; } = ["votes", "feedback", "veto"];

    /// <summary>Every mediator kind, built-in first.</summary>
    public static IReadOnlyList<AgentDescriptor> Mediators
    {
        get
        {
            lock (Gate)
            {
                return [.. MediatorKinds.Select(k => k.Descriptor)];
            }
        }
    }

    /// <summary>Every voter kind, built-in first.</summary>
    public static IReadOnlyList<AgentDescriptor> Voters
    {
        get
        {
            lock (Gate)
            {
                return [.. VoterKinds.Select(k => k.Descriptor)];
            }
        }
    }

    /// <summary>The mediator ids.</summary>
    public static IReadOnlyList<string> MediatorIds => [.. Mediators.Select(d => d.Id)];

    /// <summary>The voter ids.</summary>
    public static IReadOnlyList<string> VoterIds => [.. Voters.Select(d => d.Id)];

    /// <summary>A factory of fresh mediators of kind <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">An unknown id (the message lists the known ones).</exception>
    public static Func<MediatorStrategy> MediatorFactory(string id)
    {
        lock (Gate)
        {
            foreach (var (d, f) in MediatorKinds)
            {
                if (d.Id == id)
                {
                    return f;
                }
            }
        }

        throw new ArgumentException($"unknown mediator '{id}'; known: {string.Join(", ", MediatorIds)}");
    }

    /// <summary>A factory of fresh voters of kind <paramref name="id"/>.</summary>
    /// <exception cref="ArgumentException">An unknown id (the message lists the known ones).</exception>
    public static Func<Voter> VoterFactory(string id)
    {
        lock (Gate)
        {
            foreach (var (d, f) in VoterKinds)
            {
                if (d.Id == id)
                {
                    return f;
                }
            }
        }

        throw new ArgumentException($"unknown voter '{id}'; known: {string.Join(", ", VoterIds)}");
    }

    /// <summary>A fresh mediator of kind <paramref name="id"/>.</summary>
    public static MediatorStrategy CreateMediator(string id) => MediatorFactory(id)();

    /// <summary>A fresh voter of kind <paramref name="id"/>.</summary>
    public static Voter CreateVoter(string id) => VoterFactory(id)();

    /// <summary>The protocol named <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">An unknown name.</exception>
    public static MediatedProtocol Protocol(string name) => name switch
    {
        "votes" => MediatedProtocol.Votes,
        "feedback" => MediatedProtocol.Feedback,
        "veto" => MediatedProtocol.Veto,
        _ => throw new ArgumentException($"unknown mediated protocol '{name}'; known: {string.Join(", ", Protocols)}"),
    };

    /// <summary>Adds (or replaces) a mediator kind.</summary>
    public static void RegisterMediator(AgentDescriptor descriptor, Func<MediatorStrategy> factory)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(factory);
        lock (Gate)
        {
            MediatorKinds.RemoveAll(k => k.Descriptor.Id == descriptor.Id);
            MediatorKinds.Add((descriptor, factory));
        }
    }

    /// <summary>Adds (or replaces) a voter kind.</summary>
    public static void RegisterVoter(AgentDescriptor descriptor, Func<Voter> factory)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(factory);
        lock (Gate)
        {
            VoterKinds.RemoveAll(k => k.Descriptor.Id == descriptor.Id);
            VoterKinds.Add((descriptor, factory));
        }
    }

    /// <summary>The agenda (issue order) named by <paramref name="names"/>.</summary>
    /// <exception cref="InputException">An issue that does not exist or appears twice (reported against <c>--agenda</c>).</exception>
    public static IReadOnlyList<int> Agenda(Domain domain, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(names);
        var order = new List<int>();
        foreach (var name in names)
        {
            if (!domain.TryGetIssueIndex(name, out var index))
            {
                throw new InputException("--agenda", string.Empty, $"'{name}' is not an issue of '{domain.Name}' (issues: {string.Join(", ", domain.Issues.Select(x => x.Name))})");
            }

            if (order.Contains(index))
            {
                throw new InputException("--agenda", string.Empty, $"'{name}' appears twice");
            }

            order.Add(index);
        }

        return order;
    }
}
