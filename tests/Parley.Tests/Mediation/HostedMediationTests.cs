using Parley.Mediation;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Drivers;
using Parley.Reports;
using Parley.Scenarios;

namespace Parley.Tests.Mediation;

/// <summary>A mediated negotiation hosted for outside submitters gives the in-process result, whatever the order in which ballots arrive.</summary>
public sealed class HostedMediationTests
{
    public static TheoryData<MediatedProtocol, bool, int> Cases() => new()
    {
        { MediatedProtocol.Votes, false, 1 },
        { MediatedProtocol.Votes, false, 2 },
        { MediatedProtocol.Feedback, false, 3 },
        { MediatedProtocol.Veto, false, 4 },
        { MediatedProtocol.Votes, true, 5 },
        { MediatedProtocol.Votes, true, 6 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Host_ThreePartiesSubmittingFromSeparateTasksInRandomOrder_SameResultAsTheInProcessRun(MediatedProtocol protocol, bool agenda, int delaySeed)
    {
        var scenario = ThreeParties();
        var options = new MediationOptions { Protocol = protocol, Rounds = 40, Agenda = agenda ? [0, 1, 2, 3] : null, PostSettlement = true };
        var session = new MediationSession(scenario, new HillClimbingMediator(), [new TruthfulVoter()], options, seed: 3);
        var inProcessLog = new Collect();
        session.Negotiation.Observe(inProcessLog);
        var expected = session.Run();
        var mediator = session.Negotiation.MediatorActor;
        var mediatorChoices = inProcessLog.Events
            .Where(e => e.Actor == mediator && e.Kind is EventKind.TextProposed or EventKind.Passed or EventKind.Decided)
            .Select(e => e.Kind switch
            {
                EventKind.TextProposed => NegotiationAction.ProposeText(e.Outcome!, e.Value),
                EventKind.Passed => NegotiationAction.Pass(),
                _ => NegotiationAction.Decide(e.Value == 1),
            })
            .ToArray();

        var hosted = new SingleTextNegotiation(session.Negotiation.Setup, session.Negotiation.Settings);
        var hostedLog = new Collect();
        hosted.Observe(hostedLog);
        using var host = new NegotiationHost(hosted);
        var voter = new TruthfulVoter();
        var tasks = new List<Task> { Task.Run(() => Mediator(host, mediator, mediatorChoices)) };
        for (var p = 0; p < 3; p++)
        {
            var party = p;
            tasks.Add(Task.Run(() => Party(host, party, voter, new Random((delaySeed * 10) + party))));
        }

        await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromMinutes(2));

        hosted.IsOver.ShouldBeTrue();
        var actual = MediationResult.From(hosted, scenario, expected.Mediator, expected.Voters);
        Json(actual, scenario).ShouldBe(Json(expected, scenario));
        actual.Versions.Select(v => v.Note).ShouldBe(expected.Versions.Select(v => v.Note));
        hostedLog.Events.Where(Structural).Select(e => (e.Kind, e.Value, e.Outcome)).ShouldBe(inProcessLog.Events.Where(Structural).Select(e => (e.Kind, e.Value, e.Outcome)));
    }

    // The events that do not depend on the order of the ballots (a signature round closed by a
    // refusal may count fewer answers when the refusal comes first).
    private static bool Structural(NegotiationEvent e) =>
        e.Kind is EventKind.PhaseBegan or EventKind.TextProposed or EventKind.TextAdopted or EventKind.Decided or EventKind.Passed or EventKind.Ended;

    private static async Task Mediator(NegotiationHost host, int mediator, NegotiationAction[] choices)
    {
        foreach (var choice in choices)
        {
            await host.WaitForTurnAsync(mediator);
            host.Submit(mediator, choice).Accepted.ShouldBeTrue();
        }
    }

    private static async Task Party(NegotiationHost host, int party, Voter voter, Random delays)
    {
        while (true)
        {
            await host.WaitForTurnAsync(party);
            if (host.Read(n => n.IsOver))
            {
                return;
            }

            // The party reads the ballot it is asked, thinks (a random delay), then answers it only
            // if that ballot is still open: an answer to a round that closed meanwhile is dropped,
            // never counted in the next round.
            var (seen, choice) = host.Read(n => n.MayAct(party) ? (((SingleTextNegotiation)n).PhaseStartedAt, Choose((SingleTextNegotiation)n, party, voter)) : (-1L, default(NegotiationAction)));
            if (seen < 0)
            {
                continue; // the ballot closed before the party read it
            }

            await Task.Delay(delays.Next(0, 3));
            var result = host.Read(n => ((SingleTextNegotiation)n).PhaseStartedAt == seen ? n.Submit(party, choice) : (SubmitResult?)null);
            if (result is { } r)
            {
                r.Accepted.ShouldBeTrue(r.Message);
            }
        }
    }

    // What the party's voter answers in the phase it sees (the in-process runner asks the same questions).
    private static NegotiationAction Choose(SingleTextNegotiation n, int p, Voter voter)
    {
        var profile = n.Setup.Profiles[p]!;
        var random = new Random(0);
        switch (n.Phase)
        {
            case SingleTextPhase.Voting:
                var context = new VoteContext(profile, n.Candidate!, n.Incumbent!, n.RoundStartTime, random);
                return n.Settings.Protocol switch
                {
                    MediatedProtocol.Feedback => NegotiationAction.Ballot((int)voter.Answer(context)),
                    MediatedProtocol.Veto => NegotiationAction.Veto(voter.Veto(context)),
                    _ => NegotiationAction.Vote(voter.Vote(context)),
                };
            case SingleTextPhase.ArticleVoting:
                return NegotiationAction.Vote(voter.AcceptArticle(new ArticleContext(profile, n.Settled, n.PhaseArticle, n.Candidate![n.PhaseArticle], n.RoundStartTime, random)));
            case SingleTextPhase.ArticleAgreement:
                return NegotiationAction.Vote(voter.AcceptArticle(new ArticleContext(profile, n.Settled, n.PhaseArticle, n.PhaseText![n.PhaseArticle], 1.0, random)));
            case SingleTextPhase.PostVoting:
                return NegotiationAction.Vote(voter.Vote(new VoteContext(profile, n.Candidate!, n.PhaseText!, 1.0, random)));
            case SingleTextPhase.PackageSigning:
                return NegotiationAction.Sign(voter.Sign(profile, n.Candidate!));
            default:
                return NegotiationAction.Sign(voter.Sign(profile, n.PhaseText!));
        }
    }

    private static string Json(MediationResult result, Scenario scenario) =>
        MediationJson.Summary(result, scenario).ToJsonString() + MediationJson.Trace(result, scenario).ToJsonString();

    private static Scenario ThreeParties()
    {
        var border = MediationFixtures.BorderTalks(0.4);
        var domain = border.Domain;
        var c = new AdditiveProfile(
            domain,
            [0.4, 0.3, 0.15, 0.15],
            [new TableValueFunction([0.2, 1.0, 0.6]), new TableValueFunction([0.5, 1.0, 0.0]), new TableValueFunction([0.3, 1.0, 0.5]), new TableValueFunction([0.4, 1.0, 0.6])],
            0.4);
        return new Scenario("border-talks-3", domain, [.. border.Parties, new Party("C", PartyRole.Party, c)]);
    }

    private sealed class Collect : INegotiationObserver
    {
        public List<NegotiationEvent> Events { get; } = [];

        public void OnEvent(Negotiation negotiation, in NegotiationEvent e) => Events.Add(e);
    }
}
