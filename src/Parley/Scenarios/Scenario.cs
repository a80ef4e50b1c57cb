using Parley.Domains;
using Parley.Preferences;

namespace Parley.Scenarios;

/// <summary>A whole negotiation: the domain, the actors with their profiles, metadata and an optional deadline.</summary>
/// <remarks>Immutable. Party names are unique; every <see cref="PartyRole.Party"/> has a profile over <see cref="Domain"/>.</remarks>
public sealed class Scenario
{
    private readonly Party[] _parties;
    private readonly Party[] _negotiators;
    private readonly Profile[] _profiles;

    /// <summary>Creates a scenario.</summary>
    /// <exception cref="ArgumentException">Duplicate party names, a party without a profile, or a profile over another domain.</exception>
    public Scenario(string name, Domain domain, IEnumerable<Party> parties, ScenarioMetadata? metadata = null, Deadline? deadline = null)
    {
        Name = name;
        Domain = domain;
        _parties = parties.ToArray();
        Metadata = metadata ?? ScenarioMetadata.Empty;
        Deadline = deadline;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in _parties)
        {
            if (string.IsNullOrWhiteSpace(p.Name))
            {
                throw new ArgumentException("A party needs a non-empty name.");
            }

            if (!names.Add(p.Name))
            {
                throw new ArgumentException($"Two parties are named '{p.Name}'.");
            }

            if (p.Role == PartyRole.Party && p.Profile is null)
            {
                throw new ArgumentException($"Party '{p.Name}' negotiates but has no profile.");
            }

            if (p.Profile is not null && !ReferenceEquals(p.Profile.Domain, domain))
            {
                throw new ArgumentException($"The profile of '{p.Name}' is over another domain than the scenario's.");
            }
        }

        _negotiators = _parties.Where(p => p.Role == PartyRole.Party).ToArray();
        _profiles = _negotiators.Select(p => p.Profile!).ToArray();
    }

    /// <summary>The scenario's name (a built-in scenario's id, or the file or folder name).</summary>
    public string Name { get; }

    /// <summary>The issues and outcome space.</summary>
    public Domain Domain { get; }

    /// <summary>Every actor, in the scenario's order.</summary>
    public IReadOnlyList<Party> Parties => _parties;

    /// <summary>The actors whose role is <see cref="PartyRole.Party"/>, in order.</summary>
    public IReadOnlyList<Party> Negotiators => _negotiators;

    /// <summary>The mediator, if the scenario has one.</summary>
    public Party? Mediator => _parties.FirstOrDefault(p => p.Role == PartyRole.Mediator);

    /// <summary>The profiles of the negotiators, in order.</summary>
    public IReadOnlyList<Profile> Profiles => _profiles;

    /// <summary>Title, description, sources.</summary>
    public ScenarioMetadata Metadata { get; }

    /// <summary>The deadline, if the scenario sets one.</summary>
    public Deadline? Deadline { get; }

    /// <summary>What holds on each issue if nothing is agreed, if the scenario states it.</summary>
    public StatusQuo? StatusQuo { get; init; }

    /// <summary>The public linkage rules (compatibility, contingent clauses) that bind every agreement.</summary>
    public Linkage? Linkage { get; init; }

    /// <summary>The ranges of the numbers no source gives, each a labelled modelling assumption (empty: none stated).</summary>
    public IReadOnlyList<UncertainParameter> Uncertainty { get; init; } = [];

    /// <summary>What the real negotiation produced, for the reality check, if the scenario states it.</summary>
    public RealOutcome? RealOutcome { get; init; }

    /// <summary>
    /// The negotiators' profiles with the scenario's linkage rules added to each one's red lines: what
    /// the analysis treats as acceptable (a rule that binds everyone is a constraint of every party).
    /// </summary>
    public IReadOnlyList<Profile> ProfilesWithLinkage()
    {
        if (Linkage is null || Linkage.IsEmpty)
        {
            return _profiles;
        }

        return _profiles.Select(p => p.WithRedLines(p.RedLines.Lines.Concat(Linkage.Rules))).ToArray();
    }

    /// <summary>
    /// The same scenario with the linkage rules added to every negotiator's red lines, for engines that
    /// read only profiles (the rules still bind everyone; they are not any party's to drop).
    /// </summary>
    public Scenario WithLinkageAsRedLines()
    {
        if (Linkage is null || Linkage.IsEmpty)
        {
            return this;
        }

        var rules = Linkage.Rules;
        return WithParties(_parties.Select(p => p.Role == PartyRole.Party ? p with { Profile = p.Profile!.WithRedLines(p.Profile.RedLines.Lines.Concat(rules)) } : p));
    }

    /// <summary>The same scenario (domain, status quo, linkage, uncertainty, real outcome, metadata, deadline) with other actors, for example with a party's declared profile in place of the written one.</summary>
    public Scenario WithParties(IEnumerable<Party> parties) =>
        new(Name, Domain, parties, Metadata, Deadline)
        {
            StatusQuo = StatusQuo,
            Linkage = Linkage,
            Uncertainty = Uncertainty,
            RealOutcome = RealOutcome,
        };

    /// <summary>The actor named <paramref name="name"/>, if any.</summary>
    public Party? FindParty(string name) => _parties.FirstOrDefault(p => p.Name == name);

    /// <summary>
    /// The same scenario with only the named negotiators (in the order given); mediators and
    /// observers are kept.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not a negotiator of this scenario.</exception>
    public Scenario WithNegotiators(IReadOnlyList<string> names)
    {
        var chosen = new List<Party>();
        foreach (var n in names)
        {
            var p = _parties.FirstOrDefault(x => x.Name == n && x.Role == PartyRole.Party)
                ?? throw new ArgumentException($"Scenario '{Name}' has no negotiating party '{n}'. Its parties: {string.Join(", ", Negotiators.Select(x => x.Name))}.");
            chosen.Add(p);
        }

        return new Scenario(Name, Domain, _parties.Where(p => p.Role != PartyRole.Party).Concat(chosen), Metadata, Deadline)
        {
            StatusQuo = StatusQuo,
            Linkage = Linkage,
            Uncertainty = Uncertainty.Where(u => names.Contains(u.Party)).ToArray(),
            RealOutcome = RealOutcome,
        };
    }
}
