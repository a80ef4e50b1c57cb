using Parley.Domains;
using Parley.Mediation;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Workbench;
using static Parley.Tests.Workbench.CaseFixtures;

namespace Parley.Tests.Workbench;

/// <summary>
/// The post-settlement step of a case: the proposal (Pareto-improving for the declared profiles, never
/// across a red line or a linkage rule, nothing when the agreement is already Pareto-optimal or a
/// profile is missing), the offer, the answers, and what each audience sees.
/// </summary>
public sealed class PostSettlementStepTests
{
    // Two articles of three options; P cares for "a" (prefers a0), Q for "b" (prefers b2).
    private static readonly Dictionary<string, double> PWeights = new() { ["a"] = 0.8, ["b"] = 0.2 };
    private static readonly Dictionary<string, double> QWeights = new() { ["a"] = 0.2, ["b"] = 0.8 };
    private static readonly Dictionary<string, IReadOnlyDictionary<string, double>> PValues = new()
    {
        ["a"] = new Dictionary<string, double> { ["a0"] = 1, ["a1"] = 0.5, ["a2"] = 0 },
        ["b"] = new Dictionary<string, double> { ["b0"] = 1, ["b1"] = 0.5, ["b2"] = 0 },
    };
    private static readonly Dictionary<string, IReadOnlyDictionary<string, double>> QValues = new()
    {
        ["a"] = new Dictionary<string, double> { ["a0"] = 0, ["a1"] = 0.5, ["a2"] = 1 },
        ["b"] = new Dictionary<string, double> { ["b0"] = 0, ["b1"] = 0.5, ["b2"] = 1 },
    };

    [Fact]
    public void Propose_RandomSmallCases_ParetoImprovingNeverCrossingAndExactAgainstBruteForce()
    {
        var random = new Random(15);
        var offered = 0;
        for (var trial = 0; trial < 300; trial++)
        {
            var domain = new Domain("d", Enumerable.Range(0, random.Next(1, 4)).Select(i => new CategoricalIssue($"i{i}", [.. Enumerable.Range(0, random.Next(2, 5)).Select(l => $"o{l}")])));
            var profiles = Enumerable.Range(0, random.Next(2, 4)).Select(_ => RandomProfile(domain, random)).ToArray();
            RedLine[] linkage = random.Next(3) == 0 && domain.IssueCount >= 2
                ? [new ForbiddenCombination([new RedLineCondition(0, [random.Next(domain.Issues[0].Cardinality)]), new RedLineCondition(1, [random.Next(domain.Issues[1].Cardinality)])])]
                : [];
            var complete = random.Next(2) == 0;
            var levels = domain.Issues.Select(i => random.Next(i.Cardinality)).ToArray();
            if (!complete)
            {
                levels[random.Next(levels.Length)] = PartialOutcome.Open;
                if (levels.All(l => l == PartialOutcome.Open))
                {
                    continue;
                }
            }

            var agreement = new PartialOutcome(levels);
            var seats = profiles.Select((_, k) => $"s{k}").ToArray();

            var result = PostSettlement.Propose(domain, seats, profiles, linkage, agreement);

            var best = BruteForceBestSumOfGains(domain, profiles, linkage, agreement);
            if (result.Improved is { } improved)
            {
                offered++;
                var guard = new RedLineGuard(domain, profiles.Select(p => p.WithRedLines(p.RedLines.Lines.Concat(linkage))));
                guard.IsCrossed(improved).ShouldBeFalse();
                Enumerable.Range(0, domain.IssueCount).All(i => improved.IsSettled(i) == agreement.IsSettled(i)).ShouldBeTrue("the same articles, no more");
                for (var p = 0; p < profiles.Length; p++)
                {
                    result.Gains[p].ShouldBeGreaterThanOrEqualTo(0);
                    result.Gains[p].ShouldBe(PostSettlement.Value(profiles[p], improved) - PostSettlement.Value(profiles[p], agreement), 1e-12);
                }

                result.Gains.Max().ShouldBeGreaterThan(1e-9);
                result.Gains.Sum().ShouldBe(best, 1e-9);
                result.Exact.ShouldBeTrue();
            }
            else
            {
                best.ShouldBeLessThanOrEqualTo(1e-9, $"trial {trial}: an improvement exists that was not found");
                result.Reason.ShouldNotBeNull();
            }
        }

        offered.ShouldBeGreaterThan(30, "the trials must exercise offers, not only refusals");
    }

    [Fact]
    public void Propose_AProfileMissing_NothingAndSaysWhose()
    {
        var domain = new Domain("d", [new CategoricalIssue("a", "x", "y")]);
        var profile = new AdditiveProfile(domain, [1.0], [new TableValueFunction([1.0, 0.0])]);

        var result = PostSettlement.Propose(domain, ["P", "Q"], [profile, null], [], new PartialOutcome([1]));

        result.Improved.ShouldBeNull();
        result.Reason!.ShouldStartWith("Q has not declared a profile");
    }

    [Fact]
    public void Offer_CaseSignedBelowTheFrontier_ImprovementOfferedAndAdoptedWhenBothAccept()
    {
        var c = SignedScratchCase(share: [true, false], signed: new() { ["a"] = "a1", ["b"] = "b1" });
        c.Improvement!.Improved.ShouldNotBeNull();

        var mediatorView = c.PostSettlementFor(Audience.Mediator)!;
        mediatorView.Status.ShouldBe("available");
        mediatorView.Proposal.ShouldBe(new Dictionary<string, string> { ["a"] = "a0", ["b"] = "b2" });
        mediatorView.Gains!.Keys.ShouldBe(["P"], "Q kept its declaration to itself");
        c.PostSettlementFor(Audience.Delegation(0)).ShouldBeNull("nothing is shown to a delegation before the mediator offers it");

        Run(c, Audience.Mediator, new OfferImprovement());
        var p = c.PostSettlementFor(Audience.Delegation(0))!;
        var q = c.PostSettlementFor(Audience.Delegation(1))!;
        p.Status.ShouldBe("offered");
        p.MyGain!.Value.ShouldBe(0.3, 1e-12);
        q.MyGain!.Value.ShouldBe(0.3, 1e-12);
        p.Gains.ShouldBeNull();
        p.Answers.ShouldBeNull();
        p.Changes.ShouldBe(["a", "b"]);

        Run(c, Audience.Delegation(0), new AnswerImprovement(true)).ShouldHaveSingleItem();
        var last = Run(c, Audience.Delegation(1), new AnswerImprovement(true));

        last.OfType<ImprovementConcluded>().Single().Adopted.ShouldBeTrue();
        c.SignedAgreement.ShouldBe(new PartialOutcome([0, 2]));
        c.ViewFor(Audience.Observer).PostSettlement.ShouldBeNull("observers see the public record only when the mediator allows it");
        c.ViewFor(Audience.Delegation(0)).PostSettlement!.Status.ShouldBe("adopted");
        c.ViewFor(Audience.Delegation(1)).PostSettlement!.Agreement.ShouldBe(new Dictionary<string, string> { ["a"] = "a0", ["b"] = "b2" });
        var replayed = MediationCase.Replay(CaseJson.Import(CaseJson.Export(c.Records)));
        ViewJson(replayed, Audience.Delegation(1)).ShouldBe(ViewJson(c, Audience.Delegation(1)));
        ViewJson(replayed, Audience.Mediator).ShouldBe(ViewJson(c, Audience.Mediator));
    }

    [Fact]
    public void Answer_OneDeclines_SignedAgreementStands()
    {
        var c = SignedScratchCase(share: [true, true], signed: new() { ["a"] = "a1", ["b"] = "b1" });
        Run(c, Audience.Mediator, new OfferImprovement());

        var declined = Run(c, Audience.Delegation(1), new AnswerImprovement(false));

        declined.OfType<ImprovementConcluded>().Single().Adopted.ShouldBeFalse();
        c.SignedAgreement.ShouldBe(new PartialOutcome([1, 1]));
        c.PostSettlementFor(Audience.Delegation(0))!.Status.ShouldBe("declined");
        c.Decide(Audience.Delegation(0), new AnswerImprovement(true), T0).Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);
        c.Decide(Audience.Mediator, new OfferImprovement(), T0).Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);
    }

    [Fact]
    public void Offer_AgreementAlreadyParetoOptimal_NothingOffered()
    {
        var c = SignedScratchCase(share: [true, true], signed: new() { ["a"] = "a0", ["b"] = "b2" });

        c.Improvement!.Improved.ShouldBeNull();
        c.PostSettlementFor(Audience.Mediator)!.Status.ShouldBe("none");
        var refused = c.Decide(Audience.Mediator, new OfferImprovement(), T0);
        refused.Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);
        refused.Message!.ShouldContain("already as good as it gets");
    }

    [Fact]
    public void Offer_ADelegationDeclaredNothing_NothingOfferedAndTheMediatorIsTold()
    {
        var c = SignedScratchCase(share: [true, true], signed: new() { ["a"] = "a1", ["b"] = "b1" }, declare: [true, false]);

        var view = c.PostSettlementFor(Audience.Mediator)!;

        view.Status.ShouldBe("none");
        view.Note!.ShouldStartWith("Q has not declared a profile");
        c.Decide(Audience.Mediator, new OfferImprovement(), T0).Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);
    }

    [Fact]
    public void Decide_WrongRoleOrTime_Refused()
    {
        var open = SignedScratchCase(share: [true, true], signed: null);
        open.Decide(Audience.Mediator, new OfferImprovement(), T0).Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);

        var c = SignedScratchCase(share: [true, true], signed: new() { ["a"] = "a1", ["b"] = "b1" });
        c.Decide(Audience.Delegation(0), new OfferImprovement(), T0).Refusal.ShouldBe(CaseRefusalKind.Forbidden);
        c.Decide(Audience.Observer, new OfferImprovement(), T0).Refusal.ShouldBe(CaseRefusalKind.Forbidden);
        c.Decide(Audience.Delegation(0), new AnswerImprovement(true), T0).Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);
        Run(c, Audience.Mediator, new OfferImprovement());
        c.Decide(Audience.Mediator, new AnswerImprovement(true), T0).Refusal.ShouldBe(CaseRefusalKind.Forbidden);
        Run(c, Audience.Delegation(0), new AnswerImprovement(true));
        c.Decide(Audience.Delegation(0), new AnswerImprovement(false), T0).Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);
    }

    [Fact]
    public void Views_Offered_NoDelegationSeesTheOthersGainOrAnswer()
    {
        var c = SignedScratchCase(share: [false, false], signed: new() { ["a"] = "a2", ["b"] = "b1" });
        var expected = c.Improvement!;
        expected.Improved.ShouldNotBeNull();
        Run(c, Audience.Mediator, new OfferImprovement());
        Run(c, Audience.Delegation(1), new AnswerImprovement(true));

        var p = ViewJson(c, Audience.Delegation(0));
        var mediator = c.PostSettlementFor(Audience.Mediator)!;

        var qGain = expected.Gains[1].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        p.ShouldNotContain(qGain);
        p.ShouldNotContain("\"type\":\"improvement-answered\"");
        c.PostSettlementFor(Audience.Delegation(0))!.Answered.ShouldBe(1);
        mediator.Gains.ShouldBeEmpty("neither side shared its declaration with the mediator");
        mediator.Answers!["Q"].ShouldBe(true);
        ViewJson(c, Audience.Observer).ShouldNotContain("improvement-answered");
    }

    [Fact]
    public void Offer_PartialAgreement_ImprovesOnlyTheSignedArticles()
    {
        // Three articles; Q declines the whole text, then both sign "a" and "b" one by one and Q declines "c".
        var c = ScratchCase(["a", "b", "c"]);
        Declare(c, 0, new() { ["a"] = 0.5, ["b"] = 0.3, ["c"] = 0.2 }, Values3(reverse: false), share: true);
        Declare(c, 1, new() { ["a"] = 0.3, ["b"] = 0.5, ["c"] = 0.2 }, Values3(reverse: true), share: true);
        var text = new Dictionary<string, string> { ["a"] = "a1", ["b"] = "b1", ["c"] = "c1" };
        Run(c, Audience.Mediator, new OpenRound(text, null));
        Run(c, Audience.Delegation(0), new Vote(true));
        Run(c, Audience.Delegation(1), new Vote(true));
        Run(c, Audience.Mediator, new OpenSigning());
        Run(c, Audience.Delegation(0), new Sign(true));
        Run(c, Audience.Delegation(1), new Sign(false));
        for (var article = 0; !c.IsClosed; article++)
        {
            Run(c, Audience.Delegation(0), new Sign(true));
            Run(c, Audience.Delegation(1), new Sign(article < 2));
        }

        c.Engine.Engine.EndReason.ShouldBe(EndReason.Partial);
        c.SignedAgreementBeforeImprovement.ShouldBe(new PartialOutcome([1, 1, PartialOutcome.Open]));

        var proposal = c.Improvement!;

        proposal.Improved.ShouldBe(new PartialOutcome([0, 2, PartialOutcome.Open]), "P takes its best on a, Q on b; c stays open (today's situation)");
        proposal.Gains[0].ShouldBe((0.5 * 0.5) - (0.3 * 0.5), 1e-12);
        proposal.Gains[1].ShouldBe((0.5 * 0.5) - (0.3 * 0.5), 1e-12);
        Run(c, Audience.Mediator, new OfferImprovement());
        Run(c, Audience.Delegation(0), new AnswerImprovement(true));
        Run(c, Audience.Delegation(1), new AnswerImprovement(true));
        c.PostSettlementFor(Audience.Mediator)!.Agreement.ShouldBe(new Dictionary<string, string> { ["a"] = "a0", ["b"] = "b2" });
    }

    [Fact]
    public void Agents_OfferedImprovement_AgentSeatAccepts()
    {
        var c = SignedScratchCase(share: [true, true], signed: new() { ["a"] = "a1", ["b"] = "b1" });
        Run(c, Audience.Mediator, new OfferImprovement());
        c.Apply(new CaseRecord(c.Version + 1, T0, new SeatFilledByAgent(1, "truthful")));

        SeatAgents.Next(c, 1).ShouldBe(new AnswerImprovement(true));
        SeatAgents.Next(c, 0).ShouldBeNull("no agent holds seat 0");
    }

    private static Dictionary<string, IReadOnlyDictionary<string, double>> Values3(bool reverse) =>
        new[] { "a", "b", "c" }.ToDictionary(n => n, n => (IReadOnlyDictionary<string, double>)new Dictionary<string, double>
        {
            [n + "0"] = reverse ? 0 : 1,
            [n + "1"] = 0.5,
            [n + "2"] = reverse ? 1 : 0,
        });

    private static MediationCase ScratchCase(string[] issues)
    {
        var events = MediationCase.Create("post-settlement", [.. issues.Select(i => new IssueSpec(i, [i + "0", i + "1", i + "2"], null))], ["P", "Q"], new Invite("m", AudienceRole.Mediator, null, "mediator", Hash));
        return MediationCase.Replay(events.Select((e, i) => new CaseRecord(i + 1, T0, e)));
    }

    private static void Declare(MediationCase c, int seat, Dictionary<string, double> weights, Dictionary<string, IReadOnlyDictionary<string, double>> values, bool share) =>
        Run(c, Audience.Delegation(seat), new DeclareProfile(weights, values, 0.1, [], share));

    private static MediationCase SignedScratchCase(bool[] share, Dictionary<string, string>? signed, bool[]? declare = null)
    {
        var c = ScratchCase(["a", "b"]);
        declare ??= [true, true];
        if (declare[0])
        {
            Declare(c, 0, PWeights, PValues, share[0]);
        }

        if (declare[1])
        {
            Declare(c, 1, QWeights, QValues, share[1]);
        }

        if (signed is null)
        {
            return c;
        }

        Run(c, Audience.Mediator, new OpenRound(signed, null));
        Run(c, Audience.Delegation(0), new Vote(true));
        Run(c, Audience.Delegation(1), new Vote(true));
        Run(c, Audience.Mediator, new OpenSigning());
        Run(c, Audience.Delegation(0), new Sign(true));
        Run(c, Audience.Delegation(1), new Sign(true)).OfType<CaseClosed>().Single().Agreement.ShouldBeTrue();
        return c;
    }

    private static AdditiveProfile RandomProfile(Domain domain, Random random)
    {
        var weights = domain.Issues.Select(_ => random.NextDouble() + 0.05).ToArray();
        var sum = weights.Sum();
        var functions = domain.Issues.Select(i => (ValueFunction)new TableValueFunction([.. Enumerable.Range(0, i.Cardinality).Select(_ => Math.Round(random.NextDouble(), 1))])).ToArray();
        var lines = new List<RedLine>();
        if (random.Next(3) == 0)
        {
            var issue = random.Next(domain.IssueCount);
            lines.Add(new ForbiddenOption(issue, random.Next(domain.Issues[issue].Cardinality)));
        }

        return new AdditiveProfile(domain, weights.Select(w => w / sum), functions, 0, 1, lines);
    }

    // The largest sum of gains over the agreement's articles (open ones stay open) of any text every profile weakly prefers, crossing nothing; 0 when none gains.
    private static double BruteForceBestSumOfGains(Domain domain, AdditiveProfile[] profiles, RedLine[] linkage, PartialOutcome agreement)
    {
        var sets = profiles.Select(p => p.WithRedLines(p.RedLines.Lines.Concat(linkage)).RedLines).ToArray();
        var free = Enumerable.Range(0, domain.IssueCount).Where(agreement.IsSettled).ToArray();
        var best = 0.0;
        var total = free.Aggregate(1, (n, i) => n * domain.Issues[i].Cardinality);
        for (var k = 0; k < total; k++)
        {
            var levels = agreement.Levels.ToArray();
            var rest = k;
            foreach (var i in free)
            {
                levels[i] = rest % domain.Issues[i].Cardinality;
                rest /= domain.Issues[i].Cardinality;
            }

            var text = new PartialOutcome(levels);
            if (sets.Any(s => s.IsCrossed(text)))
            {
                continue;
            }

            var gains = profiles.Select(p => p.SettledUtility(text) - p.SettledUtility(agreement)).ToArray();
            if (gains.All(g => g >= 0))
            {
                best = Math.Max(best, gains.Sum());
            }
        }

        return best;
    }
}
