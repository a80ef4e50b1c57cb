using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>
/// What a negotiation is set up with, besides its events: the domain, the parties (and their
/// declared profiles, where they declared one), the mediator, the deadline, the seed and the clock.
/// </summary>
/// <remarks>
/// The state of a negotiation is a pure function of its setup and its event log. A party without a
/// declared profile (a human delegation that keeps its preferences to itself) is null in
/// <see cref="Profiles"/>: protocols then check no red line of that party, and analysis and a
/// trusted mediator use only the declared profiles, and say so.
/// </remarks>
public sealed record NegotiationSetup
{
    /// <summary>Creates a setup.</summary>
    /// <exception cref="ArgumentException">No parties, names that repeat, or profiles that do not match the parties or the domain.</exception>
    public NegotiationSetup(Domain domain, IReadOnlyList<string> parties, IReadOnlyList<Profile?>? profiles, Deadline deadline, int seed = 0, string? mediator = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(deadline);
        if (parties.Count == 0)
        {
            throw new ArgumentException("A negotiation needs parties.", nameof(parties));
        }

        if (parties.Distinct(StringComparer.Ordinal).Count() != parties.Count)
        {
            throw new ArgumentException("Party names must be distinct.", nameof(parties));
        }

        if (profiles is not null)
        {
            if (profiles.Count != parties.Count)
            {
                throw new ArgumentException($"{parties.Count} parties but {profiles.Count} profiles.", nameof(profiles));
            }

            for (var i = 0; i < profiles.Count; i++)
            {
                if (profiles[i] is { } p && !ReferenceEquals(p.Domain, domain))
                {
                    throw new ArgumentException($"The profile of '{parties[i]}' is over another domain.", nameof(profiles));
                }
            }
        }

        Domain = domain;
        Parties = [.. parties];
        Profiles = profiles is null ? new Profile?[parties.Count] : [.. profiles];
        Deadline = deadline;
        Seed = seed;
        Mediator = mediator;
    }

    /// <summary>Creates the setup of a scenario's negotiators (with their profiles) under <paramref name="deadline"/>.</summary>
    public static NegotiationSetup For(Scenario scenario, Deadline deadline, int seed = 0, bool withMediator = false) =>
        new(scenario.Domain, [.. scenario.Negotiators.Select(p => p.Name)], [.. scenario.Negotiators.Select(p => p.Profile)], deadline, seed, withMediator ? scenario.Mediator?.Name ?? "mediator" : null);

    /// <summary>The outcome space.</summary>
    public Domain Domain { get; }

    /// <summary>The parties' names, in turn order.</summary>
    public IReadOnlyList<string> Parties { get; }

    /// <summary>Each party's declared profile, or null where the party declared none.</summary>
    public IReadOnlyList<Profile?> Profiles { get; }

    /// <summary>The deadline (rounds and/or wall time).</summary>
    public Deadline Deadline { get; }

    /// <summary>The seed every random source derives from.</summary>
    public int Seed { get; }

    /// <summary>The mediator's name, for mediated protocols (the mediator is actor <c>Parties.Count</c>); null otherwise.</summary>
    public string? Mediator { get; }

    /// <summary>The clock deadlines and elapsed times are read from.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Whether events record the wall time even when the deadline does not need it (a server's record does; a fast tournament does not).</summary>
    public bool RecordElapsed { get; init; }

    /// <summary>The number of parties.</summary>
    public int PartyCount => Parties.Count;

    /// <summary>The number of actors: the parties, plus the mediator if there is one.</summary>
    public int ActorCount => Parties.Count + (Mediator is null ? 0 : 1);

    /// <summary>The name of actor <paramref name="actor"/> (a party or the mediator).</summary>
    public string ActorName(int actor) => actor >= 0 && actor < Parties.Count ? Parties[actor] : actor == Parties.Count && Mediator is not null ? Mediator : "the protocol";
}
