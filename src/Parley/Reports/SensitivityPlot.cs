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

    /// <summary>Renders the chart; <paramref name="maxBars"/> limits the tornado to the largest swings.</summary>
    public static string Render(RobustnessResult result, string title, int maxBars = 15)
    {
        var bars = result.Sensitivity.Where(b => double.IsFinite(b.Low) && double.IsFinite(b.High)).Take(maxBars).ToList();
        var packages = result.Packages;
        var height = 104 + (bars.Count * Row) + 70 + (packages.Count * Row * 2) + 40;
        var svg = new SvgWriter(Width, height, SvgWriter.DefaultFontFamily, title);
        var inv = CultureInfo.InvariantCulture;
        svg.Text(20, 26, title, 16, weight: "bold");
        var overall = result.RealityCheck?.PShape ?? result.PZoneEmpty;
        var metric = result.SensitivityMetric == "pRound5Shape" ? "the model shows the real outcome's shape" : "no package is acceptable to every side";
        svg.Text(20, 46, string.Create(inv, $"Many of the model's numbers are estimates. In {Percent(overall)} of {result.Draws:N0} variations of them (seed {result.Seed}), {metric}."), 11, fill: "#555555");
        svg.Text(20, 60, "Each bar: that share when one estimate lies in the lower half of its range (light dot) or the upper half (dark dot).", 11, fill: "#555555");
        var plotW = Width - Left - Right;
        double X(double v) => Left + (Math.Clamp(v, 0, 1) * plotW);
        var top = 84.0;
        for (var t = 0; t <= 10; t += 2)
        {
            var x = X(t / 10.0);
            svg.Line(x, top - 6, x, top + (bars.Count * Row), "#dddddd");
            svg.Text(x, top - 10, Percent(t / 10.0), 10, "middle", "#777777");
        }

        svg.Line(X(overall), top - 6, X(overall), top + (bars.Count * Row), "#222222", 1.5, "4 3");
        for (var i = 0; i < bars.Count; i++)
        {
            var b = bars[i];
            var y = top + (i * Row);
            svg.Text(Left - 8, y + 15, Shorten(b.Range, 52), 11, "end");
            var lo = Math.Min(b.Low, b.High);
            var hi = Math.Max(b.Low, b.High);
            svg.Rect(X(lo), y + 4, Math.Max(1.5, X(hi) - X(lo)), Row - 8, "#9ecae1", title: $"{b.Range}: {Percent(b.Low)} in the lower half of its range, {Percent(b.High)} in the upper half. {b.Assumption}");
            svg.Circle(X(b.Low), y + (Row / 2), 4, "#c6dbef", "#3182bd");
            svg.Circle(X(b.High), y + (Row / 2), 4, "#08519c", "#08519c");
        }

        var py = top + (bars.Count * Row) + 40;
        svg.Text(20, py, "Candidate packages across the variations: every side accepts it (light bar); every side accepts it and every home front approves it (dark bar)", 12, weight: "bold");
        py += 14;
        for (var c = 0; c < packages.Count; c++)
        {
            var p = packages[c];
            var y = py + (c * Row * 2);
            svg.Text(Left - 8, y + 14, Shorten(PackageName(p.Package.Label), 52), 11, "end");
            svg.Text(Left - 8, y + 28, $"the best balance of gains in {Percent(p.PNash)}", 10, "end", "#555555");
            svg.Rect(X(0), y + 3, X(p.PAcceptable) - X(0), Row - 8, "#c7e9c0", title: $"Every side accepts it in {Percent(p.PAcceptable)} of the variations");
            svg.Rect(X(0), y + Row - 3, X(p.PRatified) - X(0), Row - 8, "#31a354", title: $"Every side accepts it and every home front approves it: {Percent(p.PRatified)} (mean chance over the variations)");
            svg.Text(X(p.PAcceptable) + 6, y + 14, $"accepted: {Percent(p.PAcceptable)}", 10, fill: "#555555");
            svg.Text(X(p.PRatified) + 6, y + Row + 8, $"also approved at home: {Percent(p.PRatified)}", 10, fill: "#555555");
        }

        return svg.ToString();
    }

    /// <summary>A candidate package's label (<see cref="PackageEvaluation.Label"/>) in plain words.</summary>
    public static string PackageName(string label) => label switch
    {
        "ratification-nash" => "Balanced, with approval at home in view",
        "nash" => "Balanced at the table",
        "early-harvest" => "Early harvest only",
        _ when label.StartsWith("ratifiable-best-for-", StringComparison.Ordinal) => $"Best for {label["ratifiable-best-for-".Length..]} that every home front would likely approve",
        _ when label.StartsWith("closing", StringComparison.Ordinal) => "Closing package" + label["closing".Length..],
        "" => label,
        _ => char.ToUpperInvariant(label[0]) + label[1..],   // labels in words ("this round's agreed articles") start a line: capitalised like the others
    };

    private static string Percent(double share) =>
        double.IsFinite(share) ? Math.Round(share * 100).ToString("0", CultureInfo.InvariantCulture) + " %" : "–";

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "\u2026";
}
