using Parley.Analysis.TwoLevel;
using Parley.Formats;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Tests.Mediation;

/// <summary>The trusted mediator aiming at the ratification-aware Nash package (issue 15: <c>--mediator ratification-nash</c>).</summary>
public sealed class RatificationMediatorTests
{
    private static MediationResult Run(Scenario scenario, MediatorStrategy mediator, MediationOptions? options = null) =>
        new MediationSession(scenario, mediator, [new TruthfulVoter()], options ?? new MediationOptions { Rounds = 50 }, seed: 7).Run();

    public static TheoryData<string> Scenarios => ["israel-syria-2026", "small"];

    private static Scenario Load(string name) => name == "small" ? TwoLevelScenarioFixtures.Small() : BuiltInScenarios.Load(name);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Run_RatificationNash_SignsTheRatificationAwareNashPackage(string name)
    {
        var scenario = Load(name);
        var model = TwoLevelModel.Create(scenario);
        var expected = model.RatificationNashPackage().ShouldNotBeNull();

        var result = Run(scenario, new TrustedMediator(ratificationAware: true));

        result.Mediator.ShouldBe("ratification-nash");
        result.EndReason.ShouldBe(EndReason.Agreement);
        var deal = result.Deal.ShouldNotBeNull();
        StatusQuoArticleAcceptance.RatificationAwareObjective(model, deal.Levels).ShouldBe(StatusQuoArticleAcceptance.RatificationAwareObjective(model, expected), 1e-12);
        model.RatificationAll(deal.Levels).ShouldBe(model.RatificationAll(expected), 1e-12);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Run_RatificationNash_ScoresAtLeastTheNashMediatorsDealOnItsObjective(string name)
    {
        var scenario = Load(name);
        var model = TwoLevelModel.Create(scenario);

        var aware = Run(scenario, new TrustedMediator(ratificationAware: true)).Deal.ShouldNotBeNull();
        var plain = Run(scenario, new TrustedMediator()).Deal.ShouldNotBeNull();

        StatusQuoArticleAcceptance.RatificationAwareObjective(model, aware.Levels).ShouldBeGreaterThanOrEqualTo(StatusQuoArticleAcceptance.RatificationAwareObjective(model, plain.Levels));
        model.RatificationAll(aware.Levels).ShouldBeGreaterThanOrEqualTo(model.RatificationAll(plain.Levels) - 1e-12);
    }

    [Fact]
    public void Run_GeneratedScenariosWhereRatificationChangesThePackage_SignsTheRatificationAwareOne()
    {
        var checkedCount = 0;
        for (var seed = 0; seed < 400 && checkedCount < 5; seed++)
        {
            var scenario = Parley.Tests.Analysis.TwoLevel.TwoLevelScenarios.Create(seed, withUncertainty: false);
            var model = TwoLevelModel.Create(scenario);
            if (scenario.StatusQuo is null || model.NashPackage() is not { } nash || model.RatificationNashPackage() is not { } best
                || StatusQuoArticleAcceptance.RatificationAwareObjective(model, best) <= StatusQuoArticleAcceptance.RatificationAwareObjective(model, nash) + 1e-9)
            {
                continue;
            }

            checkedCount++;
            var aware = Run(scenario, new TrustedMediator(ratificationAware: true));
            var plain = Run(scenario, new TrustedMediator());

            aware.EndReason.ShouldBe(EndReason.Agreement, $"seed {seed}");
            var deal = aware.Deal.ShouldNotBeNull();
            StatusQuoArticleAcceptance.RatificationAwareObjective(model, deal.Levels).ShouldBe(StatusQuoArticleAcceptance.RatificationAwareObjective(model, best), 1e-9, $"seed {seed}");
            StatusQuoArticleAcceptance.RatificationAwareObjective(model, deal.Levels).ShouldBeGreaterThan(StatusQuoArticleAcceptance.RatificationAwareObjective(model, plain.Deal.ShouldNotBeNull().Levels), $"seed {seed}");
        }

        checkedCount.ShouldBe(5, "too few generated scenarios where the ratification-aware package differs from the Nash package");
    }

    [Fact]
    public void Run_IssueByIssueThenPackage_KeepsTheAgreedArticlesAndAimsAtRatification()
    {
        var scenario = BuiltInScenarios.Load("israel-syria-2026");
        var model = TwoLevelModel.Create(scenario);
        var options = new MediationOptions { Rounds = 200, Agenda = [.. Enumerable.Range(0, scenario.Domain.IssueCount)] };

        var result = Run(scenario, new TrustedMediator(ratificationAware: true), options);

        result.EndReason.ShouldNotBe(EndReason.Failure, result.FailureMessage);
        if (result.Deal is { } deal)
        {
            // A package that every party signed: acceptable at the table, and no less likely ratified than any other package keeping what the agenda agreed.
            model.IsAcceptable(deal.Levels).ShouldBeTrue();
        }
    }

    [Fact]
    public void Run_WithoutAStatusQuo_IsTheNashMediator()
    {
        var scenario = MediationFixtures.BorderTalks(reservation: 0.4);

        var aware = Run(scenario, new TrustedMediator(ratificationAware: true));
        var plain = Run(scenario, new TrustedMediator());

        aware.Deal.ShouldBe(plain.Deal);
        aware.Versions.Select(v => v.Draft).ShouldBe(plain.Versions.Select(v => v.Draft));
    }

    [Fact]
    public void Registry_RatificationNash_IsATrustedMediator()
    {
        var mediator = MediationRegistry.CreateMediator("ratification-nash");

        mediator.IsTrusted.ShouldBeTrue();
        mediator.Name.ShouldBe("ratification-nash");
        MediationRegistry.MediatorIds.ShouldContain("ratification-nash");
    }
}
