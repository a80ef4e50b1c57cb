using System.Xml.Linq;
using Parley.Mediation;
using Parley.Reports;
using Parley.Tests.Mediation;

namespace Parley.Tests.Reports;

public sealed class MediationPlotsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static TheoryData<bool> Sessions => [true, false];

    [Theory]
    [MemberData(nameof(Sessions))]
    public void EveryFigure_WholeTextOrIssueByIssue_IsWellFormedSvgNamedByItsTitle(bool issueByIssue)
    {
        var scenario = MediationFixtures.BorderTalks(0.5);
        var options = issueByIssue ? new MediationOptions { Agenda = [0, 1, 2, 3] } : new MediationOptions { Rounds = 60 };
        var result = new MediationSession(scenario, new AnnealingMediator(), [new TruthfulVoter()], options, seed: 7).Run();

        string[] figures = [MediationPlots.UtilityOverRounds(result, scenario), MediationPlots.UtilityPlane(result, scenario)!, MediationPlots.TextTimeline(result, scenario)];

        foreach (var figure in figures)
        {
            var root = XDocument.Parse(figure).Root!;
            root.Name.ShouldBe(Svg + "svg");
            root.Attribute("role")!.Value.ShouldBe("img");
            root.Element(Svg + "title")!.Value.ShouldNotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void UtilityOverRounds_IssueByIssue_DrawsOneStepLinePerPartyFromZero()
    {
        var scenario = MediationFixtures.BorderTalks(0.5);
        var result = new MediationSession(scenario, new AnnealingMediator(), [new TruthfulVoter()], new MediationOptions { Agenda = [0, 1, 2, 3] }, seed: 7).Run();

        var root = XDocument.Parse(MediationPlots.UtilityOverRounds(result, scenario)).Root!;

        var lines = root.Elements(Svg + "polyline").Where(p => p.Attribute("stroke-width")!.Value == "2").ToArray();
        lines.Length.ShouldBe(scenario.Negotiators.Count);
        foreach (var line in lines)
        {
            // From (round 0, utility 0), two points per round (the step), and the text in force to the last round.
            line.Attribute("points")!.Value.Split(' ').Length.ShouldBe(1 + (2 * result.Trace.Count) + 1);
        }
    }
}
