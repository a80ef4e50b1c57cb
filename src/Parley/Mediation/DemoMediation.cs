using Parley.Scenarios;

namespace Parley.Mediation;

/// <summary>
/// The mediated round <c>parley demo</c> runs: an untrusted hill-climbing mediator takes the
/// issues one by one, in the scenario's order, with truthful parties.
/// </summary>
/// <remarks>
/// Why this protocol: a real envoy does not hold the parties' utilities, so the round is run by a
/// mediator that sees only the texts, the answers and the declared red lines; issue by issue
/// ("bite-size") is how such talks proceed, each article banked once both sides accept it. What a
/// trusted mediator would add (the cross-issue package that closes the remaining gap, and the Nash
/// package) comes from <see cref="GapAnalysis"/> in the result, not from the round itself. Nothing
/// here names an issue or a party: which articles are agreed follows from the profiles and red lines.
/// </remarks>
/// <param name="Session">The session, ready to run.</param>
/// <param name="Description">The protocol in words, for the console and the report.</param>
/// <param name="Agenda">The issues in the order they are taken up.</param>
/// <param name="Seed">The seed of every random choice.</param>
public sealed record DemoMediation(MediationSession Session, string Description, IReadOnlyList<int> Agenda, int Seed)
{
    /// <summary>The round limit: far more than the agenda needs (at most twice each issue's options).</summary>
    public const int Rounds = 200;

    /// <summary>
    /// The comparison the demo runs after the round: a trusted mediator aiming at the ratification-aware
    /// package (<c>ratification-nash</c>), the whole text at once, truthful parties, the same seed. It shows
    /// what confiding the profiles and the constituencies to the mediator would table, and whether the
    /// parties would sign it at the table; its probability of ratification is the analysis's.
    /// </summary>
    public static MediationSession Trusted(Scenario scenario, int seed) =>
        new(scenario, new TrustedMediator(PackageObjective.NashProduct, ratificationAware: true), [new TruthfulVoter()], new MediationOptions { Protocol = MediatedProtocol.Votes, Rounds = Rounds }, seed);

    /// <summary>The demo's session on <paramref name="scenario"/>.</summary>
    public static DemoMediation Create(Scenario scenario, int seed)
    {
        var agenda = Enumerable.Range(0, scenario.Domain.IssueCount).ToArray();
        var options = new MediationOptions { Protocol = MediatedProtocol.Votes, Rounds = Rounds, Agenda = agenda };
        // The session adds the scenario's linkage rules to every party's red lines.
        var session = new MediationSession(scenario, new HillClimbingMediator(), [new TruthfulVoter()], options, seed);
        return new DemoMediation(session, "hill-climbing over a single negotiating text, issue by issue, truthful parties (the mediator sees texts, answers and declared red lines, not how much each side values them)", agenda, seed);
    }
}
