using System.Globalization;
using System.Text.RegularExpressions;
using Parley.Tournaments;
using Parley.Tournaments.Plots;

namespace Parley.Tests.Tournaments;

public sealed partial class TournamentPlotsTests
{
    public static TheoryData<string> Plots() => ["scores", "heatmap", "distributions"];

    [Theory]
    [MemberData(nameof(Plots))]
    public void Plot_ReadableAtFullSize_AtLeast760WideNoTextBelow11Px(string plot)
    {
        var svg = Render(plot, Summary(mediated: false));

        double.Parse(Width().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(760);
        FontSizes().Matches(svg).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Min().ShouldBeGreaterThanOrEqualTo(11);
    }

    [Theory]
    [MemberData(nameof(Plots))]
    public void Plot_MediatedTournament_ComparesTheMediatorsNotTheVoters(string plot)
    {
        var svg = Render(plot, Summary(mediated: true));

        svg.ShouldContain(">nash<");
        svg.ShouldContain(">annealing<");
        svg.ShouldNotContain(">truthful<");
        svg.ShouldContain("per mediator");
    }

    [Fact]
    public void Distributions_EachHistogram_HasACountAxisFromZeroToItsLargestBin()
    {
        var svg = TournamentPlots.Distributions(Summary(mediated: false));

        svg.ShouldContain(">1,200<"); // boulware's largest bin
        svg.ShouldContain(">30<");    // conceder's
        svg.ShouldContain("sessions per bin");
    }

    private static string Render(string plot, TournamentSummary summary) => plot switch
    {
        "scores" => TournamentPlots.Scores(summary),
        "heatmap" => TournamentPlots.HeatMap(summary),
        _ => TournamentPlots.Distributions(summary),
    };

    private static TournamentSummary Summary(bool mediated)
    {
        static Statistic S(double mean) => new(10, mean, 0.1, mean - 0.05, mean + 0.05);
        static AgentSummary A(string name, double mean) => new(name, 10, 0, S(mean), S(mean), S(0.5), S(0.1), S(0.1), S(1));
        static long[] Histogram(int bin, long count)
        {
            var h = new long[TournamentSummary.HistogramBins];
            h[bin] = count;
            h[0] = 1;
            return h;
        }

        var summary = new TournamentSummary(
            40, 20, 0,
            mediated ? [A("truthful", 0.6)] : [A("boulware", 0.7), A("conceder", 0.5)],
            ["Laptop", "Travel"],
            mediated ? [[0.6, 0.6]] : [[0.7, 0.7], [0.5, 0.5]],
            mediated ? [Histogram(12, 40)] : [Histogram(14, 1200), Histogram(10, 30)],
            mediated ? [A("nash", 0.75), A("annealing", 0.52)] : null);
        return mediated
            ? summary with { MediatorMeanUtilityByScenario = [[0.7, 0.8], [0.5, 0.54]], MediatorUtilityHistograms = [Histogram(15, 20), Histogram(10, 20)] }
            : summary;
    }

    [GeneratedRegex("<svg[^>]* width=\"([0-9.]+)\"")]
    private static partial Regex Width();

    [GeneratedRegex("font-size=\"([0-9.]+)\"")]
    private static partial Regex FontSizes();
}
