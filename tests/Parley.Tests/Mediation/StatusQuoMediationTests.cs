using Parley.Domains;
using Parley.Mediation;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Tests.Mediation;

/// <summary>
/// With a status quo (issue 15), voters and the protocol judge an article against today's situation and
/// against reaching a complete acceptable package (<see cref="StatusQuoArticleAcceptance"/>), not by the
/// clause's own value against the whole-deal reservation value; without one, nothing changes.
/// </summary>
public sealed class StatusQuoMediationTests
{
    // The border-talks fixture with today's situation: no channel, freedom of action, no withdrawal, no agreed zones.
    // B values the absence of agreed zones at 0.8, so the status quo is worth 0.78 to B (its disagreement value) and 0 to A.
    private static Scenario WithStatusQuo()
    {
        var plain = MediationFixtures.BorderTalks();
        var domain = plain.Domain;
        var sq = new StatusQuo(domain, [new StatusQuoEntry(0, 0), new StatusQuoEntry(1, 2), new StatusQuoEntry(2, 2), new StatusQuoEntry(3, StatusQuo.NoClause)], "today");
        var parties = new List<Party> { plain.Mediator! };
        double[][] sqValues = [[0, 0, 0, 0], [0, 0, 0, 0.8]];
        for (var p = 0; p < 2; p++)
        {
            var profile = (AdditiveProfile)plain.Negotiators[p].Profile!;
            var values = sqValues[p];
            var utility = Enumerable.Range(0, 4).Sum(i => sq.Levels[i] == StatusQuo.NoClause ? profile.Weights[i] * values[i] : profile.LevelUtility(i, sq.Levels[i]));
            parties.Add(plain.Negotiators[p] with { Profile = profile.WithReservationValue(utility), StatusQuoValues = values, ExplicitReservationValue = false });
        }

        return new Scenario("border-talks-sq", domain, parties) { StatusQuo = sq };
    }

    private static ArticleContext Context(Scenario scenario, int party, PartialOutcome settled, int issue, int level)
    {
        var model = StatusQuoArticleAcceptance.ModelFor(scenario).ShouldNotBeNull();
        return new ArticleContext(scenario.Negotiators[party].Profile!, settled, issue, level, 0, new Random(1)) { Home = StatusQuoArticleAcceptance.PartyView(model, party) };
    }

    [Fact]
    public void AcceptArticle_ClauseWorthMoreThanTheReservationButWorseThanToday_IsRefused()
    {
        var scenario = WithStatusQuo();
        var b = scenario.Negotiators[1].Profile!;
        var empty = PartialOutcome.AllOpen(4);

        // A phased withdrawal costs B against today's situation (no withdrawal): refused whatever the clause's own value.
        var context = Context(scenario, 1, empty, 2, 1);
        context.StatusQuoGain.ShouldNotBeNull().ShouldBeLessThan(0);
        new TruthfulVoter().AcceptArticle(context).ShouldBeFalse();
        new StrategicVoter().AcceptArticle(context).ShouldBeFalse();

        // A gains from it (and the old rule, clause value 0.45 against a reservation value of 0, accepted it too): accepted.
        var forA = Context(scenario, 0, empty, 2, 1);
        ArticleAcceptance.Accepts(scenario.Negotiators[0].Profile!, empty, 2, 1).ShouldBeTrue();
        new TruthfulVoter().AcceptArticle(forA).ShouldBeTrue();
        b.ReservationValue.ShouldBe(0.78, 1e-9);
    }

    [Fact]
    public void AcceptArticle_ClauseBelowTheReservationThatImprovesOnToday_IsAccepted()
    {
        var scenario = WithStatusQuo();
        var b = scenario.Negotiators[1].Profile!;
        var empty = PartialOutcome.AllOpen(4);

        // A hotline is worth 0.6 to B, below its whole-deal bar (0.78): the old rule refused it. Against today's (no channel) it gains B.
        ArticleAcceptance.Accepts(b, empty, 0, 1).ShouldBeFalse();
        var context = Context(scenario, 1, empty, 0, 1);
        context.StatusQuoGain.ShouldNotBeNull().ShouldBeGreaterThan(0);
        new TruthfulVoter().AcceptArticle(context).ShouldBeTrue();
        new AnnealingVoter().AcceptArticle(context).ShouldBeTrue();
    }

    [Fact]
    public void AcceptArticle_ClauseThatChangesNothing_IsRefused()
    {
        var scenario = WithStatusQuo();

        // Writing down today's situation (no channel) gains nobody anything: not worth a signature.
        for (var p = 0; p < 2; p++)
        {
            new TruthfulVoter().AcceptArticle(Context(scenario, p, PartialOutcome.AllOpen(4), 0, 0)).ShouldBeFalse();
        }
    }

    [Fact]
    public void AcceptArticle_GainThatLeavesNoAcceptableCompletePackage_IsRefused()
    {
        var scenario = WithStatusQuo();
        var model = StatusQuoArticleAcceptance.ModelFor(scenario).ShouldNotBeNull();
        var domain = scenario.Domain;
        var found = 0;

        // Every single article settled first, then every clause of another article: where the clause gains the
        // party and crosses nothing but no complete package keeping both is acceptable to it, the party refuses.
        for (var p = 0; p < 2; p++)
        {
            foreach (var settled in Settlements(domain))
            {
                for (var i = 0; i < domain.IssueCount; i++)
                {
                    for (var l = 0; l < domain.Issues[i].Cardinality && !settled.IsSettled(i); l++)
                    {
                        var context = Context(scenario, p, settled, i, l);
                        var with = settled.Settle(i, l);
                        var expected = context.StatusQuoGain > StatusQuoArticleAcceptance.MinimumGain
                            && !scenario.Negotiators[p].Profile!.RedLines.IsCrossed(with)
                            && StatusQuoArticleAcceptance.PartyView(model, p).HasAcceptableCompletion(with, 0);
                        new TruthfulVoter().AcceptArticle(context).ShouldBe(expected, $"party {p}, settled {settled}, issue {i} = {l}");
                        if (context.StatusQuoGain > StatusQuoArticleAcceptance.MinimumGain && !scenario.Negotiators[p].Profile!.RedLines.IsCrossed(with) && !expected)
                        {
                            found++;
                        }
                    }
                }
            }
        }

        found.ShouldBeGreaterThan(0, "the fixture has no article that gains a party but closes off every acceptable package");
    }

    [Theory]
    [InlineData("hill-climbing", 7)]
    [InlineData("hill-climbing", 8)]
    [InlineData("annealing", 7)]
    [InlineData("random-flip", 7)]
    [InlineData("nash", 7)]
    public void Run_IssueByIssueWithAStatusQuo_EveryAgreedArticleGainsEveryPartyOverToday(string mediator, int seed)
    {
        var scenario = WithStatusQuo();
        var model = StatusQuoArticleAcceptance.ModelFor(scenario).ShouldNotBeNull();
        var options = new MediationOptions { Agenda = [0, 1, 2, 3], Rounds = 100 };

        var result = new MediationSession(scenario, MediationSessionTests.Mediator(mediator), [new TruthfulVoter()], options, seed).Run();

        result.EndReason.ShouldNotBe(EndReason.Failure, result.FailureMessage);
        var agreed = result.Agreement.Agreed;
        for (var p = 0; p < 2; p++)
        {
            // A partial agreement is worth the status quo with the agreed articles replaced, and that is what the result reports.
            result.Utilities[p].ShouldBe(agreed.TryComplete(out var deal) ? scenario.Negotiators[p].Profile!.Utility(deal) : model.Value(p, agreed), 1e-9);
            if (agreed.SettledCount > 0)
            {
                model.Value(p, agreed).ShouldBeGreaterThan(model.StatusQuoUtility(p));
            }
        }

        // Article by article, in the order they were banked, each gained every party over what was settled before it.
        var settled = PartialOutcome.AllOpen(4);
        foreach (var version in result.Versions)
        {
            var part = version.AgreedPart();
            for (var i = 0; i < 4; i++)
            {
                if (part.IsSettled(i) && !settled.IsSettled(i) && !agreed.IsComplete)
                {
                    for (var p = 0; p < 2; p++)
                    {
                        StatusQuoArticleAcceptance.Gain(model, p, settled, i, part[i]).ShouldBeGreaterThan(0, $"article {i} in version {version.Version}");
                    }

                    settled = settled.Settle(i, part[i]);
                }
            }
        }
    }

    [Fact]
    public void Run_WithoutAStatusQuo_ArticlesAreJudgedAsBefore()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);
        var options = new MediationOptions { Agenda = [0, 1, 2, 3], Rounds = 100 };

        var result = new MediationSession(scenario, new HillClimbingMediator(), [new TruthfulVoter()], options, 7).Run();

        // Every agreed article meets the old bar for every party: its own value at least the reservation value.
        var agreed = result.Agreement.Agreed;
        for (var i = 0; i < 4; i++)
        {
            if (agreed.IsSettled(i) && !agreed.IsComplete)
            {
                foreach (var party in scenario.Negotiators)
                {
                    ArticleAcceptance.MeetsBar(party.Profile!, i, agreed[i]).ShouldBeTrue();
                }
            }
        }
    }

    private static IEnumerable<PartialOutcome> Settlements(Domain domain)
    {
        yield return PartialOutcome.AllOpen(domain.IssueCount);
        for (var i = 0; i < domain.IssueCount; i++)
        {
            for (var l = 0; l < domain.Issues[i].Cardinality; l++)
            {
                yield return PartialOutcome.AllOpen(domain.IssueCount).Settle(i, l);
            }
        }
    }
}
