using Parley.Domains;
using Parley.Formats.Genius;
using Parley.Preferences;

namespace Parley.Tests.Formats.Genius;

/// <summary>Utilities of specific outcomes of real ANAC files, computed by hand from the files with GENIUS's rule.</summary>
public sealed class GeniusSpotCheckTests
{
    private const double Tolerance = 1e-12;

    [SharedFact]
    public void ReadFolder_CameraC_GivesHandComputedUtilities()
    {
        // Arrange
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("anac", "y2012", "CameraC"));
        var d = scenario.Domain;
        var best1 = Outcome(d, ("Maker", "Canon"), ("Body", "Full size"), ("Lens", "High end model"), ("Tripod", "GITZO"), ("Bag", "Domke"), ("Accessory", "Battery Grip"));
        var mixed = Outcome(d, ("Maker", "Nikon"), ("Body", "APS-C"), ("Lens", "Middle range model"), ("Tripod", "Manfrotto"), ("Bag", "Lowepro"), ("Accessory", "Electronic Flash"));

        // Act
        var p1 = scenario.Profiles[0];
        var p2 = scenario.Profiles[1];

        // Assert
        scenario.Name.ShouldBe("CameraC");
        scenario.Negotiators.Select(p => p.Name).ShouldBe(["Camera-C-prof1", "Camera-C-prof2"]);
        d.Name.ShouldBe("Camera-C");
        d.OutcomeCount.ShouldBe(5 * 4 * 3 * 3 * 5 * 4);
        p1.Utility(best1).ShouldBe(0.34 + 0.06 + 0.13 + 0.09 + 0.11 + 0.27, Tolerance);
        p1.Utility(mixed).ShouldBe((0.34 * 300 / 320) + (0.06 * 50 / 150) + (0.13 * 100 / 350) + (0.09 * 250 / 525) + (0.11 * 55 / 340) + (0.27 * 40 / 220), Tolerance);
        p2.Utility(mixed).ShouldBe((0.08 * 70 / 500) + (0.09 * 315 / 315) + (0.34 * 125 / 250) + (0.26 * 160 / 160) + (0.16 * 100 / 100) + (0.07 * 35 / 35), Tolerance);
        p2.Utility(best1).ShouldBe((0.08 * 5 / 500) + (0.09 * 30 / 315) + (0.34 * 250 / 250) + (0.26 * 50 / 160) + (0.16 * 20 / 100) + (0.07 * 15 / 35), Tolerance);
        p1.ReservationValue.ShouldBe(0.25);
        p2.ReservationValue.ShouldBe(0.25);
        p1.IsDiscounted.ShouldBeFalse();
    }

    [SharedFact]
    public void ReadFolder_Energy2011_GivesHandComputedUtilities()
    {
        // Arrange
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("anac", "y2011", "Energy"));
        var d = scenario.Domain;
        int[] AllAt(string value) => d.Issues.Select(i => { i.TryParseLevel(value, out var l).ShouldBeTrue(); return l; }).ToArray();

        // Act
        var consumer = scenario.Profiles[0];
        var distributor = scenario.Profiles[1];

        // Assert
        scenario.Negotiators.Select(p => p.Name).ShouldBe(["energy_consumer", "energy_distributor"]);
        d.IssueCount.ShouldBe(8);
        d.OutcomeCount.ShouldBe(390625);
        consumer.Utility(AllAt("0 kW")).ShouldBe(1.0, Tolerance);
        distributor.Utility(AllAt("0 kW")).ShouldBe(0.0, Tolerance);
        consumer.Utility(AllAt("50 kW")).ShouldBe(((0.03 + 0.05 + 0.07 + 0.09) * 2 / 4) + ((0.14 + 0.19 + 0.24 + 0.19) * 5 / 8), Tolerance);
        distributor.Utility(AllAt("50 kW")).ShouldBe(((0.03 + 0.04 + 0.06) * 3 / 5) + ((0.19 + 0.28 + 0.23) * 5 / 7) + ((0.09 + 0.08) * 3 / 5), Tolerance);
        consumer.Utility(AllAt("100 kW")).ShouldBe((0.14 + 0.19 + 0.24 + 0.19) * 1 / 8, Tolerance);
        distributor.Utility(AllAt("100 kW")).ShouldBe(1.0, Tolerance);
        consumer.ReservationValue.ShouldBe(0);
    }

    [SharedFact]
    public void ReadFolder_AmpoVsCity_LoadsMessyFileWithAllOutcomes()
    {
        // Arrange / Act
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("other", "AMPOvsCity"));
        var ampo = (AdditiveProfile)scenario.FindParty("ampo_vs_city_ampo_space")!.Profile!;
        var salaries = scenario.Domain.IndexOf("Increase in starting salaries");
        scenario.Domain.Issues[salaries].TryParseLevel("0", out var zero).ShouldBeTrue();

        // Assert
        scenario.Domain.OutcomeCount.ShouldBe(1_944_000);
        scenario.Negotiators.Count.ShouldBe(2);
        // The item index 1 / value "0" appears twice (evaluations 0 and 8): as in GENIUS, the last one counts.
        ampo.LevelUtility(salaries, zero).ShouldBe(0.457 * 8 / 100, Tolerance);
    }

    [SharedFact]
    public void ReadFolder_IntegerDomain_UsesClampedLinearEvaluators()
    {
        // Arrange
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("other", "IntegerDomain"));
        var d = scenario.Domain;
        var p1 = scenario.Profiles[0];
        var p2 = scenario.Profiles[1];
        int[] At(int price, int other) => [price + 5, other + 5];

        // Act / Assert: prof1 price = clamp(0.08·(x + 5) + 0.3, 0, 1) weight 0.75, otherprice = 0.1·(x + 5) weight 0.25
        d.Issues.ShouldAllBe(i => i is IntegerIssue);
        d.OutcomeCount.ShouldBe(121);
        p1.Utility(At(-5, -5)).ShouldBe(0.75 * 0.3, Tolerance);
        p1.Utility(At(0, 0)).ShouldBe((0.75 * 0.7) + (0.25 * 0.5), Tolerance);
        p1.Utility(At(3, 5)).ShouldBe((0.75 * 0.94) + (0.25 * 1.0), Tolerance);
        p1.Utility(At(4, 0)).ShouldBe((0.75 * 1.0) + (0.25 * 0.5), Tolerance); // 1.02 clamped to 1
        p1.Utility(At(5, 0)).ShouldBe((0.75 * 1.0) + (0.25 * 0.5), Tolerance); // 1.10 clamped to 1
        p2.Utility(At(5, -5)).ShouldBe(0.25 * 1.0, Tolerance);
        p2.Utility(At(-3, 2)).ShouldBe((0.25 * 0.2) + (0.75 * 0.7), Tolerance);
        p1.IsDiscounted.ShouldBeFalse(); // discount_factor 0.0 means no discount in GENIUS
        p1.DiscountFactor.ShouldBe(1);
    }

    [SharedFact]
    public void ReadFolder_QoDomainSideB_NotesWhereGeniusWouldCapAtOne()
    {
        // Arrange / Act
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("other", "QODomain"), ["Side_BLongTerm", "Side_A_utility"]);

        // Assert
        scenario.Negotiators.Select(p => p.Name).ShouldBe(["Side_BLongTerm", "Side_A_utility"]);
        scenario.Metadata.Notes.ShouldNotBeNull();
        scenario.Metadata.Notes.ShouldContain("Side_BLongTerm");
        scenario.Metadata.Notes.ShouldContain("caps every utility at 1");
        ((AdditiveProfile)scenario.Profiles[0]).Weights.Sum().ShouldBe(1.9, 1e-12);
    }

    [SharedFact]
    public void ReadFolder_UnknownPartyName_ListsTheAvailableOnes()
    {
        var folder = TestPaths.Domain("anac", "y2012", "CameraC");

        var ex = Should.Throw<InputException>(() => GeniusReader.ReadFolder(folder, ["Camera-C-prof3"]));

        ex.Message.ShouldContain("Camera-C-prof3");
        ex.Message.ShouldContain("Camera-C-prof1, Camera-C-prof2");
        ex.File.ShouldBe(folder);
    }

    [SharedFact]
    public void ReadFolder_ChosenProfiles_KeepsTheGivenOrder()
    {
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("anac", "y2012", "CameraC"), ["Camera-C-prof2", "Camera-C-prof1"]);

        scenario.Negotiators.Select(p => p.Name).ShouldBe(["Camera-C-prof2", "Camera-C-prof1"]);
    }

    [SharedFact]
    public void Classify_AnacFiles_TellsDomainProfileAndOther()
    {
        GeniusReader.Classify(TestPaths.Domain("anac", "y2012", "CameraC", "Camera-C-domain.xml")).ShouldBe(GeniusFileKind.Domain);
        GeniusReader.Classify(TestPaths.Domain("anac", "y2012", "CameraC", "Camera-C-prof1.xml")).ShouldBe(GeniusFileKind.Profile);
        GeniusReader.Classify(TestPaths.Domain("anac", "y2014", "10issues", "pareto.xml")).ShouldBe(GeniusFileKind.NotGenius);
        GeniusReader.Classify(TestPaths.Domain("anac", "y2014", "10issues", "profile-1.xml")).ShouldBe(GeniusFileKind.Profile);
        GeniusReader.Classify(TestPaths.Domain("other", "IntegerDomain", "IntegerDomain.xml")).ShouldBe(GeniusFileKind.Domain);
        GeniusReader.Classify(TestPaths.Domain("other", "IntegerDomain", "IntegerDomain-prof1.xml")).ShouldBe(GeniusFileKind.Profile);
    }

    private static Outcome Outcome(Domain domain, params (string Issue, string Value)[] values) =>
        domain.OutcomeOf(values.ToDictionary(v => v.Issue, v => v.Value));
}
