using Parley.Reports;

namespace Parley.Tests.Reports;

public sealed class SvgWriterTests
{
    [Fact]
    public void Rect_WithTitle_EscapesTheTooltipAndClampsNegativeSize()
    {
        var svg = new SvgWriter(100, 50);

        svg.Rect(1, 2, -3, 4, "#abcdef", title: "a < b & \"c\"");

        svg.ToString().ShouldContain("<rect x=\"1\" y=\"2\" width=\"0\" height=\"4\" fill=\"#abcdef\" stroke=\"none\" stroke-width=\"1\"><title>a &lt; b &amp; &quot;c&quot;</title></rect>\n");
    }

    [Fact]
    public void Polyline_WithDashAndOpacity_WritesBoth()
    {
        var svg = new SvgWriter(100, 50);

        svg.Polyline([(0, 0), (1.005, 2.5)], "#123456", 1, "4,3", 0.55);

        svg.ToString().ShouldContain("<polyline fill=\"none\" stroke=\"#123456\" stroke-width=\"1\" stroke-dasharray=\"4,3\" stroke-opacity=\"0.55\" points=\"0,0 1,2.5\"/>\n");
    }

    [Fact]
    public void Diamond_Always_IsAPolygonThroughTheFourCorners()
    {
        var svg = new SvgWriter(100, 50);

        svg.Diamond(10, 20, 5, "#00ff00", "#114411");

        svg.ToString().ShouldContain("<polygon fill=\"#00ff00\" stroke=\"#114411\" stroke-width=\"1.5\" points=\"10,15 15,20 10,25 5,20\"/>\n");
    }

    [Fact]
    public void Constructor_WithFontFamily_WritesItOnTheRoot()
    {
        var svg = new SvgWriter(10, 10, "sans-serif").ToString();

        svg.ShouldStartWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" font-family=\"sans-serif\">\n");
    }

    [Fact]
    public void Constructor_WithTitle_NamesTheRootAsAnImage()
    {
        var svg = new SvgWriter(10, 10, SvgWriter.DefaultFontFamily, "a < b").ToString();

        svg.ShouldStartWith("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" viewBox=\"0 0 10 10\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n<title>a &lt; b</title>\n<rect x=\"0\" y=\"0\"");
    }

    [Fact]
    public void Constructor_WithoutTitle_WritesNoRoleAndNoTitle()
    {
        var svg = new SvgWriter(10, 10).ToString();

        svg.ShouldNotContain("role=");
        svg.ShouldNotContain("<title>");
    }

    [Fact]
    public void Shade_Always_IsATranslucentRectWithoutOutline()
    {
        var svg = new SvgWriter(100, 50);

        svg.Shade(1, 2, 3, -4, "#2e8b57", 0.09);

        svg.ToString().ShouldContain("<rect x=\"1\" y=\"2\" width=\"3\" height=\"0\" fill=\"#2e8b57\" fill-opacity=\"0.09\"/>\n");
    }

    [Theory]
    [InlineData(-0.0, "0")]
    [InlineData(-0.004, "0")]
    [InlineData(-0.006, "-0.01")]
    [InlineData(2.345, "2.35")]
    public void N_RoundsToTwoDecimalsWithoutNegativeZero(double value, string expected) =>
        SvgWriter.N(value).ShouldBe(expected);

    [Theory]
    [InlineData(0.12345, "0.00", "0.12")]
    [InlineData(double.NaN, "0.00", "\u2013")]
    [InlineData(double.PositiveInfinity, "0.0000", "\u2013")]
    public void Format_FiniteOrNot_GivesInvariantNumberOrDash(double value, string format, string expected) =>
        SvgWriter.Format(value, format).ShouldBe(expected);
}
