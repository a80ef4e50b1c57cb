using Parley.Domains;
using Parley.Mediation;

namespace Parley.Cli;

/// <summary>The mediator, voter and protocol names the CLI accepts, and the strategies they stand for.</summary>
internal static class MediationChoices
{
    public static readonly string[] Mediators = ["annealing", "hill-climbing", "random-flip", "nash", "maximin"];

    public static readonly string[] Voters = ["truthful", "strategic", "annealing"];

    public static readonly string[] Protocols = ["votes", "feedback", "veto"];

    public static MediatorStrategy Mediator(string name) => name switch
    {
        "annealing" => new AnnealingMediator(),
        "hill-climbing" => new HillClimbingMediator(),
        "random-flip" => new RandomFlippingMediator(),
        "nash" => new TrustedMediator(PackageObjective.NashProduct),
        "maximin" => new TrustedMediator(PackageObjective.Maximin),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown mediator."),
    };

    public static Voter Voter(string name) => name switch
    {
        "truthful" => new TruthfulVoter(),
        "strategic" => new StrategicVoter(),
        "annealing" => new AnnealingVoter(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown voter."),
    };

    public static MediatedProtocol Protocol(string name) => name switch
    {
        "feedback" => MediatedProtocol.Feedback,
        "veto" => MediatedProtocol.Veto,
        _ => MediatedProtocol.Votes,
    };

    /// <summary>Issue names (in agenda order) to their indexes in <paramref name="domain"/>.</summary>
    /// <exception cref="InputException">A name is not an issue of the domain, or appears twice.</exception>
    public static IReadOnlyList<int> Agenda(Domain domain, IReadOnlyList<string> names)
    {
        var order = new List<int>();
        foreach (var name in names)
        {
            if (!domain.TryGetIssueIndex(name, out var index))
            {
                throw new InputException("--agenda", "", $"'{name}' is not an issue of '{domain.Name}' (issues: {string.Join(", ", domain.Issues.Select(x => x.Name))})");
            }

            if (order.Contains(index))
            {
                throw new InputException("--agenda", "", $"'{name}' appears twice");
            }

            order.Add(index);
        }

        return order;
    }
}
