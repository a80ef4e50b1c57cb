using System.Globalization;
using Parley.Analysis.TwoLevel;

namespace Parley.Reports;

/// <summary>
/// The robustness analysis as SVG: a tornado chart of the headline frequency (the reality check's
/// share, or the share of empty zones) when each uncertainty range falls in its lower or upper half,
/// above the candidate packages' acceptability and ratification frequencies.
/// </summary>
public static class SensitivityPlot
{
    private const double Width = 900;
    private const double Left = 330;
    private const double Right = 190;
    private const double Row = 22;
    private const double PackageRow = 60; // two bars and the line of figures under them

    /// <summary>Renders the chart; <paramref name="maxBars"/> limits the tornado to the largest swings.</summary>
    public static string Render(RobustnessResult result, string title, int maxBars = 15)
    {
        var bars = result.Sensitivity.Where(b => double.IsFinite(b.Low) && double.IsFinite(b.High)).Take(maxBars).ToList();
        var packages = result.Packages;
        var height = 90 + (bars.Count * Row) + 70 + (packages.Count * PackageRow) + 40;
        var svg = new SvgWriter(Width, height, SvgWriter.DefaultFontFamily, title);
        var inv = CultureInfo.InvariantCulture;
        svg.Text(20, 26, title, 16, weight: "bold");
        var overall = result.RealityCheck?.PShape ?? result.PZoneEmpty;
        var metric = result.SensitivityMetric == "pRound5Shape" ? "share of draws showing the real outcome's shape" : "share of draws with an empty zone of agreement";
        svg.Text(20, 46, string.Create(inv, $"{result.Draws:N0} draws (seed {result.Seed}); {metric}: {overall:0.###} overall; bar = range in its lower half (light) to its upper half (dark)"), 11, fill: "#555555");
        var plotW = Width - Left - Right;
        double X(double v) => Left + (Math.Clamp(v, 0, 1) * plotW);
        var top = 70.0;
        for (var t = 0; t <= 10; t += 2)
        {
            var x = X(t / 10.0);
            svg.Line(x, top - 6, x, top + (bars.Count * Row), "#dddddd");
            svg.Text(x, top - 10, (t / 10.0).ToString("0.0", inv), 10, "middle", "#777777");
        }

        svg.Line(X(overall), top - 6, X(overall), top + (bars.Count * Row), "#222222", 1.5, "4 3");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + (i * Row);
            svg.Text(Left - 8, y + 15, Shorten(b.Range, 52), 11, "end");
            var lo = Math.Min(b.Low, b.High);
            var hi = Math.Max(b.Low, b.High);
            svg.Rect(X(lo), y + 4, Math.Max(1.5, X(hi) - X(lo)), Row - 8, "#9ecae1", title: string.Create(inv, $"{b.Range}: lower half {b.Low:0.###}, upper half {b.High:0.###}. {b.Assumption}"));
            svg.Circle(X(b.Low), y + (Row / 2), 4, "#c6dbef", "#3182bd");
            svg.Circle(X(b.High), y + (Row / 2), 4, "#08519c", "#08519c");
        }

        var py = top + (bars.Count * Row) + 40;
        svg.Text(20, py, "Candidate packages across the draws: acceptable at the table (light), and acceptable and ratified (dark)", 12, weight: "bold");
        py += 14;
        for (var c = 0; c < packages.Count; c++)
        {
            var p = packages[c];
            var y = py + (c * PackageRow);
            svg.Text(Left - 8, y + 14, Shorten(p.Package.Label, 52), 11, "end");
            svg.Rect(X(0), y + 3, X(p.PAcceptable) - X(0), Row - 8, "#c7e9c0", title: string.Create(inv, $"P(acceptable) = {p.PAcceptable:0.###}"));
            svg.Rect(X(0), y + Row - 3, X(p.PRatified) - X(0), Row - 8, "#31a354", title: string.Create(inv, $"P(acceptable and ratified) = {p.PRatified:0.###}"));
            svg.Text(X(0), y + (2 * Row) + 9, string.Create(inv, $"acceptable in {p.PAcceptable:P0} of the draws · acceptable and ratified in {p.PRatified:P0} · the Nash package in {p.PNash:P0}"), 10, fill: "#555555");
        }

        return svg.ToString();
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "\u2026";
}
