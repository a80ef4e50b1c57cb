using System.Text;
using CsCheck;
using Parley.Domains;
using Parley.Formats.ParleyJson;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Tests.Generators;

namespace Parley.Tests.Formats.ParleyJson;

public sealed class ParleyScenarioRoundTripTests
{
    /// <summary>Random scenarios with everything the format holds: discounting, red lines of every kind, a mediator, metadata, a deadline, assumptions.</summary>
    private static readonly Gen<Scenario> Scenarios =
        ModelGen.Domain(maxIssues: 4).SelectMany(domain =>
            Gen.Select(
                ModelGen.Sequence(Enumerable.Range(0, 2).Select(_ => ModelGen.Profile(domain, withRedLines: true, discounted: true)).ToArray()),
                Gen.Int[0, 3],
                Gen.Bool,
                (profiles, extras, withBound) =>
                {
                    var parties = new List<Party>
                    {
                        new("United States", PartyRole.Mediator, null, "the mediator") { Assumptions = [new ModellingAssumption("preferences", "none modelled", ["a source"])] },
                    };
                    for (var i = 0; i < profiles.Length; i++)
                    {
                        Profile profile = profiles[i];
                        if (withBound && domain.Issues.Select((issue, k) => (issue, k)).FirstOrDefault(x => x.issue is NumericIssue) is { issue: NumericIssue n } hit)
                        {
                            profile = profile.WithRedLines(profile.RedLines.Lines.Append(new NumericBound(hit.k, n.Min, n.Max - ((n.Max - n.Min) / 3), "bound")));
                        }

                        parties.Add(new Party($"party {i + 1}", PartyRole.Party, profile, i == 0 ? "first" : null)
                        {
                            Assumptions = extras > i ? [new ModellingAssumption("weights", $"assumed {i}")] : [],
                        });
                    }

                    parties.Add(new Party("press", PartyRole.Observer, null));
                    return new Scenario(
                        "generated",
                        domain,
                        parties,
                        extras == 0 ? null : new ScenarioMetadata("Title", "Description “quoted” – ü", "2026-01-05", "Paris", ["s1", "s2"], "notes"),
                        extras switch { 1 => new Deadline(40, null), 2 => new Deadline(null, TimeSpan.FromMinutes(90)), 3 => new Deadline(7, TimeSpan.FromDays(2)), _ => null });
                }));

    [Fact]
    public void ToJsonThenRead_RandomScenarios_SameUtilitiesRedLinesAndMetadata()
    {
        Scenarios.Sample(scenario =>
        {
            var json = ParleyScenarioWriter.ToJson(scenario);
            var back = ParleyScenarioReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "generated.json");
            ScenarioAssert.SameScenario(scenario, back);
        }, iter: 300);
    }

    [Fact]
    public void ToJson_SecondWrite_ByteIdentical()
    {
        Scenarios.Sample(scenario =>
        {
            var first = ParleyScenarioWriter.ToJson(scenario);
            var second = ParleyScenarioWriter.ToJson(ParleyScenarioReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(first)), "first.json"));
            second.ShouldBe(first);
        }, iter: 200);
    }

    [Fact]
    public void ToJson_RandomScenarios_ValidUnderSchema()
    {
        Scenarios.Sample(scenario => ScenarioSchema.Errors(ParleyScenarioWriter.ToJson(scenario)).ShouldBeEmpty(), iter: 100);
    }

    [Fact]
    public void WriteThenRead_File_SameScenario()
    {
        Scenarios.Sample(scenario =>
        {
            var path = Path.Combine(Path.GetTempPath(), $"parley-{Guid.NewGuid():N}.json");
            try
            {
                ParleyScenarioWriter.Write(scenario, path);
                var bytes = File.ReadAllBytes(path);
                bytes.Take(3).ShouldNotBe(new byte[] { 0xEF, 0xBB, 0xBF });
                ScenarioAssert.SameScenario(scenario, ParleyScenarioReader.Read(path));
            }
            finally
            {
                File.Delete(path);
            }
        }, iter: 20);
    }

    [Fact]
    public void ToJson_ValueFunctionsOfEveryKind_ReadBackExactly()
    {
        var domain = new Domain("kinds", [
            new IntegerIssue("days", 0, 30, 5),
            new RealIssue("share", 0.1, 0.9, 9),
            new RealIssue("rate", -2.5, 7.25, 5),
            new CategoricalIssue("type", "type", "other")]);
        var profile = new AdditiveProfile(
            domain,
            [0.1, 0.2, 0.3, 0.4],
            [
                new TriangularValueFunction(0, 10, 30, 0.2, 1, 0.1),
                new PiecewiseLinearValueFunction([(0.1, 0), (0.5, 0.8), (0.9, 1)]),
                new TableValueFunction([0.3, 1e-5, 1.0 / 3, 0.75, 0]),
                new TableValueFunction([1, 0]),
            ],
            reservationValue: 1.0 / 7,
            discountFactor: 0.95,
            redLines: [new NumericBound(0, 5, null), new ForbiddenCombination([new RedLineCondition(2, [0, 4]), new RedLineCondition(3, [1])], null)]);
        var scenario = new Scenario("kinds", domain, [new Party("a", PartyRole.Party, profile), new Party("b", PartyRole.Party, profile)]);

        var json = ParleyScenarioWriter.ToJson(scenario);
        var back = ParleyScenarioReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), "kinds.json");

        ScenarioAssert.SameScenario(scenario, back);
        json.ShouldContain("\"type\": 1");
        json.ShouldContain("\"type\": \"triangular\"");
        json.ShouldContain("\"type\": \"piecewise-linear\"");
        ScenarioSchema.Errors(json).ShouldBeEmpty();
    }
}
