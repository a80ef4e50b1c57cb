using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Formats;
using Parley.Mediation;

namespace Parley.Tests.Mediation;

public sealed class StatusQuoArticleAcceptanceTests
{
    private static readonly Lazy<TwoLevelModel> Model = new(() => TwoLevelModel.Create(BuiltInScenarios.Load("israel-syria-2026")));

    private static (int Issue, int Level) Clause(string issue, string option)
    {
        var domain = Model.Value.Domain;
        var i = domain.IndexOf(issue);
        domain.Issues[i].TryParseLevel(option, out var level).ShouldBeTrue();
        return (i, level);
    }

    [Fact]
    public void Accepts_JointCellOnAnEmptyText_BothPartiesGainOverTheStatusQuo()
    {
        var model = Model.Value;
        var (issue, level) = Clause("coordination-mechanism", "joint-cell-us");
        var empty = PartialOutcome.AllOpen(model.Domain.IssueCount);

        for (var p = 0; p < model.PartyCount; p++)
        {
            StatusQuoArticleAcceptance.Gain(model, p, empty, issue, level).ShouldBeGreaterThan(0);
        }

        // Whether each accepts also depends on a complete package keeping it staying acceptable to it.
        StatusQuoArticleAcceptance.Accepts(model, 1, empty, issue, level).ShouldBe(model.HasAcceptableCompletion(empty.Settle(issue, level), 1));
    }

    [Fact]
    public void Accepts_AClauseThatCostsTheParty_IsRefusedWhateverItsOwnValue()
    {
        var model = Model.Value;
        var israel = model.PartyNames.ToList().IndexOf("Israel");
        var (issue, level) = Clause("withdrawal", "phased-12-months");
        var empty = PartialOutcome.AllOpen(model.Domain.IssueCount);

        // Against the status quo (no withdrawal), a phased withdrawal alone costs Israel: refused.
        StatusQuoArticleAcceptance.Gain(model, israel, empty, issue, level).ShouldBeLessThan(0);
        StatusQuoArticleAcceptance.Accepts(model, israel, empty, issue, level).ShouldBeFalse();
    }

    [Fact]
    public void RatificationAwareObjective_RatificationNashPackage_IsTheLargest()
    {
        var model = TwoLevelModel.Create(TwoLevelScenarioFixtures.Small());
        var best = model.RatificationNashPackage().ShouldNotBeNull();
        var top = StatusQuoArticleAcceptance.RatificationAwareObjective(model, best);

        foreach (var outcome in model.Domain.EnumerateOutcomes())
        {
            StatusQuoArticleAcceptance.RatificationAwareObjective(model, outcome.Levels).ShouldBeLessThanOrEqualTo(top);
        }
    }
}
