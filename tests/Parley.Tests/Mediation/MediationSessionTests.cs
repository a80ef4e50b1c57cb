using Parley.Domains;
using Parley.Mediation;
using Parley.Protocols;

namespace Parley.Tests.Mediation;

public sealed class MediationSessionTests
{
    public static TheoryData<string> Mediators => ["hill-climbing", "annealing", "random-flip", "nash", "maximin"];

    public static TheoryData<string, string> MediatorsAndVoters
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var m in new[] { "hill-climbing", "annealing", "random-flip", "nash", "maximin" })
            {
                foreach (var v in new[] { "truthful", "strategic", "annealing" })
                {
                    data.Add(m, v);
                }
            }

            return data;
        }
    }

    internal static MediatorStrategy Mediator(string name) => name switch
    {
        "hill-climbing" => new HillClimbingMediator(),
        "annealing" => new AnnealingMediator(),
        "random-flip" => new RandomFlippingMediator(),
        "nash" => new TrustedMediator(PackageObjective.NashProduct),
        "maximin" => new TrustedMediator(PackageObjective.Maximin),
        "ratification-nash" => new TrustedMediator(PackageObjective.NashProduct, ratificationAware: true),
        _ => throw new ArgumentException(name),
    };

    internal static Voter VoterOf(string name) => name switch
    {
        "truthful" => new TruthfulVoter(),
        "strategic" => new StrategicVoter(),
        "annealing" => new AnnealingVoter(),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(MediatorsAndVoters))]
    public void Run_EveryMediatorAndVoter_EndsWithAValidTextThatCrossesNoRedLine(string mediator, string voter)
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);
        var session = new MediationSession(scenario, Mediator(mediator), [VoterOf(voter)], new MediationOptions { Rounds = 150 }, seed: 7);

        var result = session.Run();

        result.EndReason.ShouldNotBe(EndReason.Failure, result.FailureMessage);
        result.Versions.Count.ShouldBeGreaterThan(0);
        result.Versions.Select(v => v.Version).ShouldBe(Enumerable.Range(1, result.Versions.Count));
        var guard = new RedLineGuard(scenario.Domain, scenario.Profiles);
        foreach (var round in result.Trace)
        {
            guard.IsCrossed(round.Proposal.Levels).ShouldBeFalse();
        }

        if (result.EndReason == EndReason.Agreement)
        {
            foreach (var p in scenario.Profiles)
            {
                p.Accepts(result.Deal!.Levels).ShouldBeTrue();
            }
        }
    }

    [Theory]
    [MemberData(nameof(Mediators))]
    public void Run_WithFeedbackAndVeto_EndsWithoutFailure(string mediator)
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);
        foreach (var protocol in new[] { MediatedProtocol.Feedback, MediatedProtocol.Veto })
        {
            var result = new MediationSession(scenario, Mediator(mediator), [new TruthfulVoter()], new MediationOptions { Protocol = protocol, Rounds = 120 }, seed: 3).Run();

            result.EndReason.ShouldNotBe(EndReason.Failure, result.FailureMessage);
            result.Protocol.ShouldBe(protocol);
        }
    }

    [Fact]
    public void Run_VetoProtocol_NoAdoptedChangeLeavesATruthfulPartyWorseOff()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.3);
        var result = new MediationSession(scenario, new RandomFlippingMediator(), [new TruthfulVoter()], new MediationOptions { Protocol = MediatedProtocol.Veto, Rounds = 200 }, seed: 11).Run();

        var profiles = scenario.Profiles;
        var texts = result.Versions.Where(v => v.Draft.IsComplete && v.Statuses.All(s => s != ArticleStatus.Open)).Select(v => new Outcome(v.Draft.Levels)).ToList();
        texts.Count.ShouldBeGreaterThan(1);
        for (var k = 1; k < texts.Count - 1; k++)
        {
            foreach (var p in profiles)
            {
                p.Utility(texts[k]).ShouldBeGreaterThanOrEqualTo(p.Utility(texts[k - 1]) - 1e-9);
            }
        }
    }

    [Fact]
    public void Run_HillClimbingWithTruthfulVoters_EveryAdoptedTextIsWeaklyBetterForEveryParty()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.3);
        var result = new MediationSession(scenario, new HillClimbingMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 300 }, seed: 5).Run();

        var adopted = result.Trace.Where(r => r.Adopted).ToList();
        var profiles = scenario.Profiles;
        for (var k = 1; k < adopted.Count; k++)
        {
            for (var p = 0; p < profiles.Count; p++)
            {
                adopted[k].Ballots[p].Utility.ShouldBeGreaterThanOrEqualTo(adopted[k - 1].Ballots[p].Utility - 1e-9);
            }
        }

        // Hill-climbing stops at a local optimum before the round limit on this small domain.
        result.Rounds.ShouldBeLessThan(300);
    }

    [Fact]
    public void Run_TrustedNash_AgreesOnTheNashPackage()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);

        var result = new MediationSession(scenario, new TrustedMediator(), [new TruthfulVoter()], new MediationOptions(), seed: 1).Run();

        result.EndReason.ShouldBe(EndReason.Agreement);
        result.Deal.ShouldBe(BruteForce.Nash(scenario.Profiles, scenario.Domain));
    }

    [Fact]
    public void Run_Agenda_SettlesSharedIssuesAndLeavesOpposedOnesOpen()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.5);
        var options = new MediationOptions { Agenda = [0, 1, 2, 3], Rounds = 60 };

        var result = new MediationSession(scenario, new AnnealingMediator(), [new TruthfulVoter()], options, seed: 7).Run();

        result.EndReason.ShouldBe(EndReason.Partial);
        result.Agreement.AgreedIssues.ShouldBe([0, 1]);
        result.Agreement.OpenIssues.Select(g => g.Name).ShouldBe(["withdrawal", "zones"]);
        result.Agreement.OpenIssues.ShouldAllBe(g => g.ZoneOfAgreement.Count == 0);
        result.Agreement.ClosingPackage.ShouldNotBeNull();
        result.Trace[0].Issue.ShouldBe(0);
    }

    [Fact]
    public void Run_Agenda_AnAgreedArticleStaysAgreedInLaterVersions()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.5);
        var result = new MediationSession(scenario, new RandomFlippingMediator(), [new TruthfulVoter()], new MediationOptions { Agenda = [1, 0, 3, 2] }, seed: 2).Run();

        for (var v = 1; v < result.Versions.Count; v++)
        {
            for (var i = 0; i < scenario.Domain.IssueCount; i++)
            {
                if (result.Versions[v - 1].IsAgreed(i))
                {
                    result.Versions[v].IsAgreed(i).ShouldBeTrue();
                    result.Versions[v].Draft[i].ShouldBe(result.Versions[v - 1].Draft[i]);
                }
            }
        }
    }

    [Fact]
    public void Run_TrustedMediatorWithAgenda_ClosesTheGapWithACrossIssuePackage()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.5);

        var result = new MediationSession(scenario, new TrustedMediator(), [new TruthfulVoter()], new MediationOptions { Agenda = [0, 1, 2, 3] }, seed: 7).Run();

        result.EndReason.ShouldBe(EndReason.Agreement);
        result.Deal![0].ShouldBe(2);
    }

    [Fact]
    public void Run_StrategicVoter_RejectsSmallGainsEarly()
    {
        var scenario = MediationFixtures.BorderTalks();
        var profile = scenario.Profiles[0];
        var incumbent = new Outcome([1, 1, 1, 1]);
        var candidate = new Outcome([2, 1, 1, 1]); // +0.06 for A
        var voter = new StrategicVoter(initialMargin: 0.1);

        voter.Vote(new VoteContext(profile, candidate, incumbent, 0.0, new Random(1))).ShouldBeFalse();
        voter.Vote(new VoteContext(profile, candidate, incumbent, 0.9, new Random(1))).ShouldBeTrue();
        new TruthfulVoter().Vote(new VoteContext(profile, candidate, incumbent, 0.0, new Random(1))).ShouldBeTrue();
    }

    [Fact]
    public void Run_AnnealingVoter_SometimesAcceptsWorseEarlyButNeverAtTheDeadline()
    {
        var profile = MediationFixtures.BorderTalks().Profiles[0];
        var incumbent = new Outcome([2, 1, 1, 1]);
        var candidate = new Outcome([1, 1, 1, 1]); // −0.06 for A
        var voter = new AnnealingVoter(initialTemperature: 0.1);
        var random = new Random(3);

        var early = Enumerable.Range(0, 200).Count(_ => voter.Vote(new VoteContext(profile, candidate, incumbent, 0.0, random)));
        var late = Enumerable.Range(0, 200).Count(_ => voter.Vote(new VoteContext(profile, candidate, incumbent, 1.0, random)));

        early.ShouldBeInRange(60, 160); // exp(−0.6) ≈ 0.55
        late.ShouldBe(0);
    }

    [Fact]
    public void Run_FeedbackVoter_AnswersBetterSameWorse()
    {
        var profile = MediationFixtures.BorderTalks().Profiles[0];
        var voter = new TruthfulVoter();
        var incumbent = new Outcome([1, 1, 1, 1]);

        voter.Answer(new VoteContext(profile, new Outcome([2, 1, 1, 1]), incumbent, 0, new Random(1))).ShouldBe(Feedback.Better);
        voter.Answer(new VoteContext(profile, incumbent, incumbent, 0, new Random(1))).ShouldBe(Feedback.Same);
        voter.Answer(new VoteContext(profile, new Outcome([0, 1, 1, 1]), incumbent, 0, new Random(1))).ShouldBe(Feedback.Worse);
    }

    [Fact]
    public void Run_VoterThatThrows_EndsInFailureNamingTheParty()
    {
        var scenario = MediationFixtures.BorderTalks();

        var result = new MediationSession(scenario, new HillClimbingMediator(), [new TruthfulVoter(), new ThrowingVoter()], new MediationOptions(), seed: 1).Run();

        result.EndReason.ShouldBe(EndReason.Failure);
        result.FailureMessage!.ShouldContain("B");
    }

    [Fact]
    public void Run_SameSeed_ReplaysExactly()
    {
        var scenario = MediationFixtures.BorderTalks(0.3);
        MediationResult Once() => new MediationSession(scenario, new AnnealingMediator(), [new AnnealingVoter()], new MediationOptions { Rounds = 100 }, seed: 42).Run();

        var a = Once();
        var b = Once();

        a.Trace.Select(r => r.Proposal).ShouldBe(b.Trace.Select(r => r.Proposal));
        a.Agreement.Agreed.ShouldBe(b.Agreement.Agreed);
    }

    [Fact]
    public void Run_TimeLimitOnAFakeClock_StopsAtTheLimit()
    {
        var scenario = MediationFixtures.BorderTalks(0.3);
        var clock = new SteppingClock(TimeSpan.FromSeconds(1));
        var options = new MediationOptions { Rounds = 10_000, TimeLimit = TimeSpan.FromSeconds(20) };

        var result = new MediationSession(scenario, new RandomFlippingMediator(), [new TruthfulVoter()], options, seed: 1, time: clock).Run();

        result.Rounds.ShouldBeLessThan(25);
    }

    private sealed class ThrowingVoter : Voter
    {
        public override string Name => "throwing";

        public override bool Vote(VoteContext context) => throw new InvalidOperationException("boom");

        public override bool AcceptArticle(ArticleContext context) => throw new InvalidOperationException("boom");
    }

    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks += step.Ticks;
    }
}
