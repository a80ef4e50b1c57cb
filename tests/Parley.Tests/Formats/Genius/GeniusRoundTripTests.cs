using CsCheck;
using Parley.Domains;
using System.Text;
using Parley.Formats.Genius;
using Parley.Formats.ParleyJson;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Tests.Generators;

namespace Parley.Tests.Formats.Genius;

/// <summary>GENIUS → GENIUS: writing then reading keeps every outcome's utility, the reservation value and the discount factor.</summary>
public sealed class GeniusRoundTripTests
{
    /// <summary>Issues GENIUS can hold: categorical, integer with step 1, real.</summary>
    private static Gen<Issue> GeniusIssue(string name) =>
        Gen.Int[0, 2].SelectMany(kind => kind switch
        {
            0 => Gen.Int[1, 6].Select(n => (Issue)new CategoricalIssue(name, Enumerable.Range(0, n).Select(i => new IssueOption($"{name} option {i}", i % 2 == 0 ? $"option {i}" : null)))),
            1 => Gen.Select(Gen.Int[-20, 20], Gen.Int[0, 10], (lo, span) => (Issue)new IntegerIssue(name, lo, lo + span)),
            _ => Gen.Select(Gen.Int[-10, 10], Gen.Int[1, 50], Gen.Int[2, 6], (lo, width, levels) => (Issue)new RealIssue(name, lo, lo + (width / 4.0), levels)),
        });

    private static Gen<Domain> GeniusDomain =>
        Gen.Int[1, 5].SelectMany(n => ModelGen.Sequence(Enumerable.Range(0, n).Select(i => GeniusIssue($"issue{i}")).ToArray())
            .Select(issues => new Domain("generated", issues)));

    /// <summary>A value function GENIUS can express: a table of values in [0, 1], a linear or a clamped linear function.</summary>
    private static Gen<ValueFunction> GeniusValueFunction(Issue issue) => issue switch
    {
        CategoricalIssue c => Gen.Double[0, 1].Array[c.Cardinality].Select(v => (ValueFunction)new TableValueFunction(v)),
        NumericIssue n => Gen.Bool.SelectMany(clamped => clamped
            ? Gen.Select(Gen.Double[-2, 2], Gen.Double[-1, 2], (a, b) => (ValueFunction)GeniusReader.ClampedLinear(a, b - (a * n.Min), n.Min, n.Max))
            : ModelGen.ValueFunction(issue)),
        _ => throw new InvalidOperationException(),
    };

    private static Gen<AdditiveProfile> GeniusProfile(Domain domain) =>
        Gen.Select(
            Gen.Double[0.01, 1].Array[domain.IssueCount],
            ModelGen.Sequence(domain.Issues.Select(GeniusValueFunction).ToArray()),
            Gen.Double[0, 0.6],
            Gen.Double[0.3, 1],
            (weights, functions, reservation, discount) => new AdditiveProfile(domain, weights, functions, reservation, discount));

    private static Gen<Scenario> GeniusScenario =>
        GeniusDomain.SelectMany(domain => Gen.Int[1, 3].SelectMany(parties =>
            ModelGen.Sequence(Enumerable.Range(0, parties).Select(_ => GeniusProfile(domain)).ToArray())
                .Select(profiles => new Scenario("generated", domain, profiles.Select((p, i) => new Party($"party{i + 1}", PartyRole.Party, p))))));

    [Fact]
    public void WriteScenario_ThenReadFolder_KeepsEveryUtilityReservationAndDiscount()
    {
        GeniusScenario.Sample(
            scenario =>
            {
                var folder = Path.Combine(Path.GetTempPath(), "parley-genius-prop-" + Guid.NewGuid().ToString("N"));
                try
                {
                    GeniusWriter.WriteScenario(scenario, folder);
                    var back = GeniusReader.ReadFolder(folder);

                    back.Domain.Issues.Select(i => (i.Name, i.Kind, i.Cardinality)).ShouldBe(scenario.Domain.Issues.Select(i => (i.Name, i.Kind, i.Cardinality)));
                    back.Negotiators.Select(p => p.Name).ShouldBe(scenario.Negotiators.Select(p => p.Name));
                    for (var k = 0; k < scenario.Profiles.Count; k++)
                    {
                        var a = scenario.Profiles[k];
                        var b = back.Profiles[k];
                        b.ReservationValue.ShouldBe(a.ReservationValue);
                        b.DiscountFactor.ShouldBe(a.IsDiscounted ? a.DiscountFactor : 1.0);
                        foreach (var outcome in scenario.Domain.EnumerateOutcomes())
                        {
                            b.Utility(outcome).ShouldBe(a.Utility(outcome), 1e-12);
                        }
                    }
                }
                finally
                {
                    if (Directory.Exists(folder))
                    {
                        Directory.Delete(folder, recursive: true);
                    }
                }
            },
            iter: 200);
    }

    [Fact]
    public void GeniusToParleyToGenius_GeneratedScenarios_KeepEveryUtilityReservationAndDiscount()
    {
        GeniusScenario.Sample(
            scenario =>
            {
                var first = Path.Combine(Path.GetTempPath(), "parley-gpg-a-" + Guid.NewGuid().ToString("N"));
                var second = Path.Combine(Path.GetTempPath(), "parley-gpg-b-" + Guid.NewGuid().ToString("N"));
                try
                {
                    // GENIUS files → model → Parley JSON → model → GENIUS files → model.
                    GeniusWriter.WriteScenario(scenario, first);
                    var fromGenius = GeniusReader.ReadFolder(first);
                    using var json = new MemoryStream(Encoding.UTF8.GetBytes(ParleyScenarioWriter.ToJson(fromGenius)));
                    var fromParley = ParleyScenarioReader.Read(json, "generated.json");
                    GeniusWriter.WriteScenario(fromParley, second);
                    var back = GeniusReader.ReadFolder(second);

                    back.Negotiators.Select(p => p.Name).ShouldBe(fromGenius.Negotiators.Select(p => p.Name));
                    for (var k = 0; k < fromGenius.Profiles.Count; k++)
                    {
                        var a = fromGenius.Profiles[k];
                        var b = back.Profiles[k];
                        b.ReservationValue.ShouldBe(a.ReservationValue);
                        b.DiscountFactor.ShouldBe(a.DiscountFactor);
                        foreach (var outcome in fromGenius.Domain.EnumerateOutcomes())
                        {
                            b.Utility(outcome).ShouldBe(a.Utility(outcome), 1e-12);
                        }
                    }
                }
                finally
                {
                    foreach (var folder in new[] { first, second })
                    {
                        if (Directory.Exists(folder))
                        {
                            Directory.Delete(folder, recursive: true);
                        }
                    }
                }
            },
            iter: 100);
    }

    [Fact]
    public void WriteScenario_RedLinesMediatorAndClauses_AreLeftOutWithNotes()
    {
        // Arrange
        var domain = new Domain("talks", [new CategoricalIssue("border", [new IssueOption("1967", Clause: "withdraw to 1967 lines"), new IssueOption("1974")])]);
        var table = new TableValueFunction([1.0, 0.2]);
        var party = new AdditiveProfile(domain, [1.0], [table], 0.1, 1, [new ForbiddenOption(0, 1, "never")]);
        var scenario = new Scenario("talks", domain, [new Party("a", PartyRole.Party, party), new Party("m", PartyRole.Mediator, null)], new ScenarioMetadata(Title: "Talks"));
        var folder = Path.Combine(Path.GetTempPath(), "parley-genius-notes-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Act
            var notes = GeniusWriter.WriteScenario(scenario, folder);

            // Assert
            notes.ShouldContain(n => n.Contains("red line"));
            notes.ShouldContain(n => n.Contains("mediator 'm'"));
            notes.ShouldContain(n => n.Contains("clause texts"));
            notes.ShouldContain(n => n.Contains("metadata"));
            File.Exists(Path.Combine(folder, "talks-domain.xml")).ShouldBeTrue();
            File.Exists(Path.Combine(folder, "a.xml")).ShouldBeTrue();
            GeniusReader.ReadFolder(folder).Profiles[0].Utility([1]).ShouldBe(0.2, 1e-15);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WriteProfile_NonlinearValueFunctionOnIntegerIssue_IsRefusedNamingTheIssue()
    {
        var domain = new Domain("d", [new IntegerIssue("price", 0, 4)]);
        var profile = new AdditiveProfile(domain, [1.0], [new TableValueFunction([0.0, 1.0, 0.0, 1.0, 0.5])]);
        var path = Path.Combine(Path.GetTempPath(), "parley-genius-bad-" + Guid.NewGuid().ToString("N") + ".xml");

        var ex = Should.Throw<InputException>(() => GeniusWriter.WriteProfile(profile, path));

        ex.Message.ShouldContain("issue 'price'");
        ex.Message.ShouldContain("not linear");
        File.Exists(path).ShouldBeFalse();
    }

    [Fact]
    public void WriteDomain_IntegerStepAboveOne_IsRefusedNamingTheIssue()
    {
        var domain = new Domain("d", [new IntegerIssue("year", 2000, 2010, 2)]);
        var path = Path.Combine(Path.GetTempPath(), "parley-genius-step-" + Guid.NewGuid().ToString("N") + ".xml");

        var ex = Should.Throw<InputException>(() => GeniusWriter.WriteDomain(domain, path));

        ex.Message.ShouldContain("issue 'year'");
        ex.Message.ShouldContain("steps by 2");
    }

    [Fact]
    public void WriteProfile_TableAboveOne_KeepsUtilitiesByRescalingTheWeight()
    {
        var domain = new Domain("d", [new CategoricalIssue("x", "a", "b"), new IntegerIssue("n", 1, 3)]);
        var profile = new AdditiveProfile(domain, [0.5, 0.25], [new TableValueFunction([2.0, 0.5]), new LinearValueFunction(1, 0)]);
        var folder = Path.Combine(Path.GetTempPath(), "parley-genius-scale-" + Guid.NewGuid().ToString("N"));
        try
        {
            GeniusWriter.WriteScenario(new Scenario("s", domain, [new Party("p", PartyRole.Party, profile)]), folder);
            var back = GeniusReader.ReadFolder(folder).Profiles[0];

            foreach (var outcome in domain.EnumerateOutcomes())
            {
                back.Utility(outcome).ShouldBe(profile.Utility(outcome), 1e-12);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WriteScenario_OnePointRealIssue_ReadsBackWithOneLevel()
    {
        // Arrange: lower = upper leaves one level; the reader refuses a written levels="1".
        var domain = new Domain("d", [new RealIssue("fee", 2.5, 2.5), new CategoricalIssue("x", "a", "b")]);
        var profile = new AdditiveProfile(domain, [0.4, 0.6], [new LinearValueFunction(0, 0.5), new TableValueFunction([1.0, 0.0])]);
        var folder = Path.Combine(Path.GetTempPath(), "parley-genius-point-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Act
            GeniusWriter.WriteScenario(new Scenario("s", domain, [new Party("p", PartyRole.Party, profile)]), folder);
            var back = GeniusReader.ReadFolder(folder);

            // Assert
            back.Domain.Issues[0].Cardinality.ShouldBe(1);
            ((RealIssue)back.Domain.Issues[0]).ValueAt(0).ShouldBe(2.5);
            back.Profiles[0].Utility([0, 0]).ShouldBe(profile.Utility([0, 0]), 1e-12);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void WriteScenario_UtilitiesAboveOne_NoteSaysGeniusCapsThem()
    {
        // Arrange: the best outcome sums to 0.8 + 0.7 = 1.5.
        var domain = new Domain("d", [new CategoricalIssue("x", "a", "b"), new CategoricalIssue("y", "c", "d")]);
        var profile = new AdditiveProfile(domain, [0.8, 0.7], [new TableValueFunction([1.0, 0.0]), new TableValueFunction([0.0, 1.0])]);
        var capped = new Scenario("s", domain, [new Party("p", PartyRole.Party, profile)]);
        var folder = Path.Combine(Path.GetTempPath(), "parley-genius-cap-" + Guid.NewGuid().ToString("N"));
        try
        {
            // Act
            var notes = GeniusWriter.WriteScenario(capped, folder);

            // Assert
            notes.ShouldContain(n => n.Contains("p: its utilities reach 1.5") && n.Contains("caps every utility at 1"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
