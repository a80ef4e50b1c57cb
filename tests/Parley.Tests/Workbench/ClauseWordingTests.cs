using Parley.Workbench;

using static Parley.Tests.Workbench.CaseFixtures;

namespace Parley.Tests.Workbench;

/// <summary>The mediator's free-text clause editing: a public, versioned rewording of one option's clause.</summary>
public sealed class ClauseWordingTests
{
    [Fact]
    public void WordClause_Mediator_EveryViewAndTheExportedTextShowTheNewWording()
    {
        var c = Open();
        var original = c.ClauseOf("monitoring", "us-led");
        original.ShouldNotBeNull();

        var e = Run(c, Audience.Mediator, new WordClause("monitoring", "us-led", "  A monitoring mission led by the United States verifies compliance monthly.  ")).Single().ShouldBeOfType<ClauseWorded>();

        e.Previous.ShouldBe(original);
        e.Text.ShouldBe("A monitoring mission led by the United States verifies compliance monthly.");
        c.ClauseOf("monitoring", "us-led").ShouldBe(e.Text);
        foreach (var audience in new[] { Audience.Mediator, Audience.Delegation(0), Audience.Delegation(1), Audience.Observer })
        {
            c.ViewFor(audience).Issues.Single(i => i.Name == "monitoring").Clauses["us-led"].ShouldBe(e.Text);
        }

        ViewJson(c, Audience.Delegation(1)).ShouldContain("\"type\":\"clause-worded\"");
        Run(c, Audience.Mediator, new OpenRound(Text(c, "us-led"), null));
        CaseDocuments.ToMarkdown(c, Audience.Delegation(0)).ShouldContain("verifies compliance monthly");
        c.ClauseOf("monitoring", "joint-under-us").ShouldNotBe(e.Text);   // the other options keep theirs
    }

    [Fact]
    public void WordClause_Twice_EachVersionKeptWithItsPredecessorAndReplayed()
    {
        var c = Open();
        var original = c.ClauseOf("next-steps", "framework-for-talks");

        var first = Run(c, Audience.Mediator, new WordClause("next-steps", "framework-for-talks", "First wording.")).Single().ShouldBeOfType<ClauseWorded>();
        var second = Run(c, Audience.Mediator, new WordClause("next-steps", "framework-for-talks", "Second wording.")).Single().ShouldBeOfType<ClauseWorded>();

        first.Previous.ShouldBe(original);
        second.Previous.ShouldBe("First wording.");
        var replayed = MediationCase.Replay(CaseJson.Import(CaseJson.Export(c.Records)));
        replayed.ClauseOf("next-steps", "framework-for-talks").ShouldBe("Second wording.");
        ViewJson(replayed, Audience.Mediator).ShouldBe(ViewJson(c, Audience.Mediator));
    }

    [Fact]
    public void WordClause_Refusals_ChangeNothing()
    {
        var c = Open();
        Run(c, Audience.Mediator, new RecordAgreement(new Dictionary<string, string> { ["monitoring"] = "us-led" }));
        var before = ViewJson(c, Audience.Mediator);

        c.Decide(Audience.Delegation(0), new WordClause("airspace", "no-fly-zone", "x"), T0).Refusal.ShouldBe(CaseRefusalKind.Forbidden);
        c.Decide(Audience.Observer, new WordClause("airspace", "no-fly-zone", "x"), T0).Refusal.ShouldBe(CaseRefusalKind.Forbidden);
        c.Decide(Audience.Mediator, new WordClause("moon", "no-fly-zone", "x"), T0).Refusal.ShouldBe(CaseRefusalKind.Invalid);
        c.Decide(Audience.Mediator, new WordClause("airspace", "moon", "x"), T0).Refusal.ShouldBe(CaseRefusalKind.Invalid);
        c.Decide(Audience.Mediator, new WordClause("airspace", "no-fly-zone", "   "), T0).Refusal.ShouldBe(CaseRefusalKind.Invalid);
        c.Decide(Audience.Mediator, new WordClause("airspace", "no-fly-zone", new string('x', MediationCase.MaxClauseLength + 1)), T0).Refusal.ShouldBe(CaseRefusalKind.Invalid);
        c.Decide(Audience.Mediator, new WordClause("airspace", "no-fly-zone", c.ClauseOf("airspace", "no-fly-zone")!), T0).Refusal.ShouldBe(CaseRefusalKind.Invalid);
        c.Decide(Audience.Mediator, new WordClause("monitoring", "us-led", "another wording"), T0).Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);
        ViewJson(c, Audience.Mediator).ShouldBe(before);

        Run(c, Audience.Mediator, new OpenRound(Text(c, "us-led"), null));
        c.Decide(Audience.Mediator, new WordClause("airspace", "no-fly-zone", "while they answer"), T0).Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);

        c.Decide(Audience.Mediator, new WordClause("monitoring", "joint-under-us", "allowed once the round closes"), T0).Refusal.ShouldBe(CaseRefusalKind.OutOfTurn);
        Run(c, Audience.Mediator, new CloseRound());
        c.Decide(Audience.Mediator, new WordClause("monitoring", "joint-under-us", "allowed once the round closes"), T0).Refusal.ShouldBe(CaseRefusalKind.None);
    }

    private static Dictionary<string, string> Text(MediationCase c, string monitoring) =>
        c.Domain.Issues.ToDictionary(i => i.Name, i => i.Name == "monitoring" ? monitoring : i.FormatLevel(0));

}
