using System.Globalization;
using System.Text.Json;
using CsCheck;
using Parley.Domains;
using Parley.Formats.GeniusWeb;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Tests.Generators;

namespace Parley.Tests.Formats.GeniusWeb;

public sealed class GeniusWebTests
{
    private static string Holiday => Path.Combine(TestPaths.Root, "tests", "Parley.Tests", "Formats", "GeniusWeb", "Data", "holiday");

    [Fact]
    public void IsGeniusWebProfile_ProfileDomainAndParleyFiles_OnlyProfilesTrue()
    {
        GeniusWebReader.IsGeniusWebProfile(Path.Combine(Holiday, "holiday1.json")).ShouldBeTrue();
        GeniusWebReader.IsGeniusWebProfile(Path.Combine(Holiday, "holiday.json")).ShouldBeFalse();
        GeniusWebReader.IsGeniusWebProfile(Path.Combine(TestPaths.Root, "scenarios", "israel-syria-2026.json")).ShouldBeFalse();
        GeniusWebReader.IsGeniusWebProfile(Path.Combine(Holiday, "missing.json")).ShouldBeFalse();
    }

    [Fact]
    public void ReadProfile_HandWrittenProfile_IssuesUtilitiesAndReservationBid()
    {
        var profile = GeniusWebReader.ReadProfile(Path.Combine(Holiday, "holiday1.json"), out var domain);

        domain.Name.ShouldBe("holiday");
        domain.Issues[0].ShouldBeOfType<CategoricalIssue>().Options.Select(o => o.Name).ShouldBe(["coast", "mountains", "city"]);
        var nights = domain.Issues[1].ShouldBeOfType<IntegerIssue>();
        (nights.LowerBound, nights.UpperBound, nights.Step, nights.Cardinality).ShouldBe((3L, 9L, 2L, 4));
        var distance = domain.Issues[2].ShouldBeOfType<RealIssue>();
        (distance.Min, distance.Max, distance.Cardinality).ShouldBe((0.5, 2.0, 4));

        // mountains, 7 nights, 1.0 distance: 0.5*0.4 + 0.3*(0.2 + 0.8*4/6) + 0.2*(1 - 0.5/1.5)
        profile.Utility([1, 2, 1]).ShouldBe(0.2 + (0.3 * (0.2 + (0.8 * 4 / 6))) + (0.2 * (1 - (0.5 / 1.5))), 1e-12);

        // The reservation bid city, 5 nights, 1.5 distance.
        profile.ReservationValue.ShouldBe((0.5 * 0.2) + (0.3 * (0.2 + (0.8 * 2 / 6))) + (0.2 * (1 - (1.0 / 1.5))), 1e-12);
        profile.DiscountFactor.ShouldBe(1);
        profile.RedLines.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void ReadFolder_HolidayFolder_PartiesByFileNameOneDomain()
    {
        var scenario = GeniusWebReader.ReadFolder(Holiday);

        scenario.Name.ShouldBe("holiday");
        scenario.Negotiators.Select(p => p.Name).ShouldBe(["holiday1", "holiday2"]);
        scenario.Profiles[1].ReservationValue.ShouldBe(0);
        scenario.Profiles[1].Utility([1, 0, 3]).ShouldBe((0.2 * 1) + (0.3 * 1) + (0.5 * 1), 1e-12);
    }

    [Fact]
    public void ReadFolder_ChosenProfiles_InGivenOrder()
    {
        var scenario = GeniusWebReader.ReadFolder(Holiday, ["holiday2", "holiday1"]);

        scenario.Negotiators.Select(p => p.Name).ShouldBe(["holiday2", "holiday1"]);
    }

    [Fact]
    public void ReadFolder_UnknownProfile_InputExceptionListsAvailable()
    {
        var e = Should.Throw<InputException>(() => GeniusWebReader.ReadFolder(Holiday, ["holiday3"]));

        e.Message.ShouldContain("holiday3");
        e.Message.ShouldContain("holiday1, holiday2");
    }

    [Fact]
    public void WriteScenarioThenReadFolder_HolidayFolder_SameUtilitiesAndBytesOnSecondWrite()
    {
        var original = GeniusWebReader.ReadFolder(Holiday);
        using var first = new TempFolder();
        using var second = new TempFolder();

        var notes = GeniusWebWriter.WriteScenario(original, first.Path);
        var back = GeniusWebReader.ReadFolder(first.Path);
        GeniusWebWriter.WriteScenario(back, second.Path);

        notes.ShouldAllBe(n => n.StartsWith("metadata", StringComparison.Ordinal));
        ScenarioAssert.SamePreferences(original, back, 1e-12);
        back.Domain.Issues[1].ShouldBeOfType<IntegerIssue>();
        back.Domain.Issues[2].ShouldBeOfType<RealIssue>();
        foreach (var file in new[] { "holiday1.json", "holiday2.json", "holiday.json" })
        {
            File.ReadAllBytes(Path.Combine(second.Path, file)).ShouldBe(File.ReadAllBytes(Path.Combine(first.Path, file)));
        }
    }

    [Fact]
    public void GeniusWebToParleyToGeniusWeb_RandomScenarios_UtilitiesIdenticalTo1e12()
    {
        ModelGen.Domain(maxIssues: 4).SelectMany(d => ModelGen.Sequence(Enumerable.Range(0, 2).Select(_ => ModelGen.Profile(d, withRedLines: true)).ToArray())
            .Select(ps => new Scenario("generated", d, ps.Select((p, i) => new Party($"party{i + 1}", PartyRole.Party, p)))))
            .Sample(parley =>
            {
                using var a = new TempFolder();
                using var b = new TempFolder();
                var notes = GeniusWebWriter.WriteScenario(parley, a.Path);
                var geniusWeb = GeniusWebReader.ReadFolder(a.Path);
                GeniusWebWriter.WriteScenario(geniusWeb, b.Path);
                var again = GeniusWebReader.ReadFolder(b.Path);

                ScenarioAssert.SamePreferences(parley, geniusWeb, 1e-12, compareReservation: false, compareRedLines: false);
                ScenarioAssert.SamePreferences(geniusWeb, again, 1e-12);
                if (parley.Profiles.Any(p => !p.RedLines.IsEmpty))
                {
                    notes.ShouldContain(n => n.Contains("red line", StringComparison.Ordinal));
                }
            }, iter: 150);
    }

    [Fact]
    public void WriteProfile_WeightsNotSummingToOneAndValuesOutOfRange_RescaledSamePreferences()
    {
        var domain = new Domain("d", [new CategoricalIssue("a", "x", "y", "z"), new IntegerIssue("n", 0, 10, 2)]);
        var profile = new AdditiveProfile(domain, [2, 3], [new TableValueFunction([-1, 0.5, 3]), new TriangularValueFunction(0, 4, 10)], reservationValue: 1.5, discountFactor: 0.9);
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "p.json");
        var notes = new List<string>();

        GeniusWebWriter.WriteProfile(profile, "p", path, notes);
        var back = GeniusWebReader.ReadProfile(path, out _);

        notes.ShouldContain(n => n.Contains("rescaled", StringComparison.Ordinal));
        notes.ShouldContain(n => n.Contains("discount", StringComparison.Ordinal));
        notes.ShouldContain(n => n.Contains("issue 'n' is written as discrete values", StringComparison.Ordinal));
        using (var json = JsonDocument.Parse(File.ReadAllText(path)))
        {
            json.RootElement.GetProperty("LinearAdditiveUtilitySpace").GetProperty("issueWeights").EnumerateObject()
                .Sum(w => decimal.Parse(w.Value.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture)).ShouldBe(1m);
        }

        // A positive affine map: u' = (u - shift) / scale, found from two outcomes and checked on all.
        var u0 = profile.Utility([0, 0]);
        var u1 = profile.Utility([2, 2]);
        var scale = (u1 - u0) / (back.Utility([2, 2]) - back.Utility([0, 0]));
        scale.ShouldBeGreaterThan(0);
        var levels = new int[2];
        do
        {
            ((back.Utility(levels) * scale) + u0 - (back.Utility([0, 0]) * scale)).ShouldBe(profile.Utility(levels), 1e-9);
        }
        while (domain.Advance(levels));

        // The reservation bid is the least outcome at or above the reservation value.
        back.ReservationValue.ShouldBeGreaterThanOrEqualTo(((1.5 - u0) / scale) + back.Utility([0, 0]) - 1e-12);
    }

    private sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "parley-gw-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
