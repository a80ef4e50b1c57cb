using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Formats;
using Parley.Mediation;
using Parley.Reports;

namespace Parley.Tests.Reports;

public sealed partial class MediationPlotsTests
{
    [Theory]
    [InlineData(1, new[] { 0, 1 })]
    [InlineData(23, new[] { 0, 5, 10, 15, 20 })]
    [InlineData(200, new[] { 0, 50, 100, 150, 200 })]
    [InlineData(7, new[] { 0, 2, 4, 6 })]
    public void RoundTicks_WholeNumbersAtARegularStep(int rounds, int[] expected) =>
        MediationPlots.RoundTicks(rounds).ShouldBe(expected);

    [Fact]
    public void UtilityOverRounds_WholeTextWithoutAgreement_EndsAtTheUtilitiesTheResultReports()
    {
        var scenario = ScenarioLoader.Load("israel-syria-2026");
        var result = new MediationSession(scenario, new AnnealingMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 200 }, seed: 7).Run();
        result.Deal.ShouldBeNull();

        var svg = MediationPlots.UtilityOverRounds(result, scenario);

        for (var p = 0; p < 2; p++)
        {
            svg.ShouldContain($"{scenario.Negotiators[p].Name} {result.Utilities[p].ToString("0.00", CultureInfo.InvariantCulture)} agreed articles");
        }
    }

    [Fact]
    public void UtilityOverRounds_LinesCloseTogether_RightLabelsDoNotOverprint()
    {
        var scenario = ScenarioLoader.Load("israel-syria-2026");
        var result = DemoMediation.Create(scenario, 7).Session.Run();

        var svg = MediationPlots.UtilityOverRounds(result, scenario);
        var ys = RightLabel().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Order().ToArray();

        ys.Length.ShouldBe(6); // two parties × reservation, closing package, result
        for (var i = 1; i < ys.Length; i++)
        {
            (ys[i] - ys[i - 1]).ShouldBeGreaterThanOrEqualTo(11.9);
        }
    }

    [GeneratedRegex("<text x=\"[0-9.]+\" y=\"([0-9.]+)\"[^>]*>(?:Israel|Syria) [0-9.]+ ")]
    private static partial Regex RightLabel();
}
