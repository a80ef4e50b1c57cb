using System.Globalization;
using Parley.Reports;

namespace Parley.Tournaments.Plots;

/// <summary>The SVG plots of a tournament: per-agent scores with error bars, a per-scenario heat map, utility distributions.</summary>
/// <remarks>Drawn only from the summary, so the plots of two identical tournaments are identical files.</remarks>
public static class TournamentPlots
{
    private const double Left = 150;
    private const double Top = 40;
    private const double FontSize = 11;
    private const string FontFamily = "sans-serif";

    /// <summary>Mean discounted utility per agent with its 95% confidence interval, best first.</summary>
    public static string Scores(TournamentSummary summary)
    {
        var order = ByScore(summary);
        const double barHeight = 22;
        const double plotWidth = 420;
        var height = Top + (order.Length * barHeight) + 50;
        var svg = new SvgWriter(Left + plotWidth + 40, height, FontFamily);
        svg.Text(Left, 22, "Mean discounted utility per agent (95% confidence interval)", 13);
        Axis(svg, Top + (order.Length * barHeight), plotWidth);
        for (var i = 0; i < order.Length; i++)
        {
            var a = summary.Agents[order[i]];
            var s = a.DiscountedUtility;
            var y = Top + (i * barHeight);
            svg.Text(Left - 8, y + 15, a.Agent, FontSize, "end");
            if (!double.IsFinite(s.Mean))
            {
                continue;
            }

            svg.Rect(Left, y + 4, X(s.Mean, plotWidth), barHeight - 8, "#4c78a8", title: string.Create(CultureInfo.InvariantCulture, $"{a.Agent}: {s.Mean:0.0000} [{s.Low:0.0000}, {s.High:0.0000}], n = {s.Count}"));
            var lo = Left + X(s.Low, plotWidth);
            var hi = Left + X(s.High, plotWidth);
            var mid = y + (barHeight / 2);
            svg.Line(lo, mid, hi, mid, "#222222", 1.5);
            svg.Line(lo, mid - 5, lo, mid + 5, "#222222", 1.5);
            svg.Line(hi, mid - 5, hi, mid + 5, "#222222", 1.5);
        }

        return svg.ToString();
    }

    /// <summary>Mean discounted utility of each agent (rows) on each scenario (columns).</summary>
    public static string HeatMap(TournamentSummary summary)
    {
        const double cell = 28;
        var order = ByScore(summary);
        var columns = summary.Scenarios.Count;
        var top = Top + 110;
        // Wide enough for the title even with one or two scenario columns.
        var svg = new SvgWriter(Math.Max(Left + (columns * cell) + 120, Left + 330), Math.Max(top + (order.Length * cell) + 30, top + 145), FontFamily);
        svg.Text(Left, 22, "Mean discounted utility per agent and scenario", 13);
        for (var s = 0; s < columns; s++)
        {
            svg.Text(Left + (s * cell) + (cell / 2), top - 6, summary.Scenarios[s], 10, rotate: -60);
        }

        for (var i = 0; i < order.Length; i++)
        {
            var a = order[i];
            var y = top + (i * cell);
            svg.Text(Left - 8, y + (cell / 2) + 4, summary.Agents[a].Agent, FontSize, "end");
            for (var s = 0; s < columns; s++)
            {
                var v = summary.MeanUtilityByScenario[a][s];
                var x = Left + (s * cell);
                svg.Rect(x, y, cell - 1, cell - 1, Colour(v), title: string.Create(CultureInfo.InvariantCulture, $"{summary.Agents[a].Agent} on {summary.Scenarios[s]}: {SvgWriter.Format(v, "0.0000")}"));
                svg.Text(x + (cell / 2), y + (cell / 2) + 3, SvgWriter.Format(v, "0.00"), 8, "middle", double.IsFinite(v) && v > 0.6 ? "#ffffff" : "#222222");
            }
        }

        var legendX = Left + (columns * cell) + 20;
        for (var k = 0; k <= 10; k++)
        {
            svg.Rect(legendX, top + ((10 - k) * 12), 14, 12, Colour(k / 10.0));
        }

        svg.Text(legendX + 18, top + 10, "1", FontSize);
        svg.Text(legendX + 18, top + 130, "0", FontSize);
        return svg.ToString();
    }

    /// <summary>Each agent's histogram of discounted utilities over [0, 1].</summary>
    public static string Distributions(TournamentSummary summary)
    {
        var order = ByScore(summary);
        const double rowHeight = 46;
        const double plotWidth = 400;
        var bins = TournamentSummary.HistogramBins;
        var svg = new SvgWriter(Left + plotWidth + 40, Top + (order.Length * rowHeight) + 40, FontFamily);
        svg.Text(Left, 22, "Distribution of discounted utility per agent", 13);
        for (var i = 0; i < order.Length; i++)
        {
            var a = order[i];
            var counts = summary.UtilityHistograms[a];
            long max = 1;
            foreach (var c in counts)
            {
                max = Math.Max(max, c);
            }

            var baseY = Top + ((i + 1) * rowHeight) - 6;
            svg.Text(Left - 8, baseY - 12, summary.Agents[a].Agent, FontSize, "end");
            svg.Line(Left, baseY, Left + plotWidth, baseY, "#888888");
            var w = plotWidth / bins;
            for (var b = 0; b < bins; b++)
            {
                var h = (rowHeight - 10) * counts[b] / max;
                svg.Rect(Left + (b * w) + 0.5, baseY - h, w - 1, h, "#59a14f", title: string.Create(CultureInfo.InvariantCulture, $"[{(double)b / bins:0.00}, {(double)(b + 1) / bins:0.00}): {counts[b]}"));
            }
        }

        Axis(svg, Top + (order.Length * rowHeight), plotWidth);
        return svg.ToString();
    }

    private static void Axis(SvgWriter svg, double y, double plotWidth)
    {
        svg.Line(Left, y, Left + plotWidth, y, "#444444");
        for (var k = 0; k <= 10; k++)
        {
            var x = Left + (plotWidth * k / 10);
            svg.Line(x, y, x, y + 4, "#444444");
            svg.Text(x, y + 16, (k / 10.0).ToString("0.0", CultureInfo.InvariantCulture), 10, "middle");
        }
    }

    private static double X(double value, double plotWidth) => Math.Clamp(value, 0, 1) * plotWidth;

    private static string Colour(double v)
    {
        if (!double.IsFinite(v))
        {
            return "#eeeeee";
        }

        var t = Math.Clamp(v, 0, 1);
        var r = (int)Math.Round(247 + ((8 - 247) * t));
        var g = (int)Math.Round(251 + ((48 - 251) * t));
        var b = (int)Math.Round(255 + ((107 - 255) * t));
        return string.Create(CultureInfo.InvariantCulture, $"#{r:x2}{g:x2}{b:x2}");
    }

    private static int[] ByScore(TournamentSummary summary)
    {
        var order = new int[summary.Agents.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Stable: ties keep the definition's order, so the plot is deterministic.
        return [.. order.OrderByDescending(i => double.IsFinite(summary.Agents[i].DiscountedUtility.Mean) ? summary.Agents[i].DiscountedUtility.Mean : double.NegativeInfinity)];
    }
}
