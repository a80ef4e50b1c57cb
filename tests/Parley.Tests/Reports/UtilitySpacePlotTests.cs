using System.Xml.Linq;
using Parley.Analysis;
using Parley.Domains;
using Parley.Preferences;
using Parley.Reports;

namespace Parley.Tests.Reports;

public sealed class UtilitySpacePlotTests
{
    private static AdditiveProfile[] Profiles(int parties, int options)
    {
        var random = new Random(7);
        var domain = new Domain("plot", Enumerable.Range(0, 3).Select(i => (Issue)new CategoricalIssue($"i{i}", Enumerable.Range(0, options).Select(o => $"o{o}").ToArray())).ToArray());
        return Enumerable.Range(0, parties).Select(_ => new AdditiveProfile(
            domain,
            [0.5, 0.3, 0.2],
            Enumerable.Range(0, 3).Select(_ => (ValueFunction)new TableValueFunction(Enumerable.Range(0, options).Select(_ => random.NextDouble()).ToArray())).ToArray(),
            0.3)).ToArray();
    }

    [Fact]
    public void Render_TwoParties_IsWellFormedSvgWithEveryOutcomeAndLegend()
    {
        var analysis = OutcomeSpaceAnalyzer.Analyze(Profiles(2, 4), ["alice", "bob"]);

        var svg = UtilitySpacePlot.Render(analysis);

        var doc = XDocument.Parse(svg);
        doc.Root!.Name.LocalName.ShouldBe("svg");
        svg.ShouldContain("utility of alice");
        svg.ShouldContain("utility of bob");
        svg.ShouldContain("all 64 outcomes");
        svg.ShouldContain("Nash (");
        svg.ShouldContain("<polyline");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void Render_PlainWords_NoAnalystTerms(int parties)
    {
        var analysis = OutcomeSpaceAnalyzer.Analyze(Profiles(parties, 4), new[] { "alice", "bob", "carol" }[..parties]);

        var svg = UtilitySpacePlot.Render(analysis, new UtilitySpacePlotOptions { PlainWords = true });

        XDocument.Parse(svg).Root!.Name.LocalName.ShouldBe("svg");
        svg.ShouldContain("value to alice");
        svg.ShouldContain("all 64 possible texts");
        svg.ShouldContain("best balance of gains (Nash) (");
        svg.ShouldContain("walk-away values");
        foreach (var term in new[] { "utility", "utilities", "reservation", "Pareto", "outcome" })
        {
            svg.ShouldNotContain(term, Case.Insensitive);
        }
    }

    [Fact]
    public void Render_LargeSpace_StatesTheSample()
    {
        var analysis = OutcomeSpaceAnalyzer.Analyze(Profiles(2, 30));

        var svg = UtilitySpacePlot.Render(analysis, new UtilitySpacePlotOptions { MaxOutcomes = 1000, SampleSize = 200 });

        svg.ShouldContain("sample of 200 of 27,000 outcomes");
    }

    [Fact]
    public void Render_ThreeParties_DrawsPairwiseMatrix()
    {
        var analysis = OutcomeSpaceAnalyzer.Analyze(Profiles(3, 3));

        var svg = UtilitySpacePlot.Render(analysis);

        XDocument.Parse(svg);
        svg.ShouldContain("pairwise");
        svg.ShouldContain("utility of party3");
    }

    [Fact]
    public void Render_Twice_GivesIdenticalBytes()
    {
        var analysis = OutcomeSpaceAnalyzer.Analyze(Profiles(2, 30));

        UtilitySpacePlot.Render(analysis).ShouldBe(UtilitySpacePlot.Render(analysis));
    }

    [Fact]
    public void Render_NegativeReservationValue_LabelsTheZeroTickWithoutSign()
    {
        // The axis starts at -0.4; adding 0.1 four times lands a hair below zero, which must still read "0.0".
        var profiles = Profiles(2, 3).Select(p => p.WithReservationValue(-0.4)).ToArray();
        var analysis = OutcomeSpaceAnalyzer.Analyze(profiles);

        var svg = UtilitySpacePlot.Render(analysis);

        svg.ShouldContain(">-0.1</text>");
        svg.ShouldContain(">0.0</text>");
        svg.ShouldNotContain(">-0.0</text>");
        svg.ShouldNotContain("\"-0\"");
    }

    [Fact]
    public void Render_AxisStartingAtZero_LabelsTheZeroTickWithoutSign()
    {
        // Ceiling(0 / step - ε) is -0.0, and -0.0 × step printed as "-0.0" under every ANAC plot's origin.
        var analysis = OutcomeSpaceAnalyzer.Analyze(Profiles(2, 3));

        var svg = UtilitySpacePlot.Render(analysis);

        svg.ShouldContain(">0.0</text>");
        svg.ShouldNotContain(">-0.0</text>");
    }

    [Fact]
    public void Render_OneParty_Throws()
    {
        var analysis = OutcomeSpaceAnalyzer.Analyze(Profiles(1, 3));

        Should.Throw<ArgumentException>(() => UtilitySpacePlot.Render(analysis));
    }
}
