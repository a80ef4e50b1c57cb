using System.Globalization;
using Parley.Reports;

namespace Parley.Tournaments.Plots;

/// <summary>The SVG plots of a tournament: per-agent scores with error bars, a per-scenario heat map, utility distributions.</summary>
/// <remarks>
/// Drawn only from the summary, so the plots of two identical tournaments are identical files. In
/// a mediated tournament the rows are the mediators compared (the parties' mean discounted utility
/// per session under each), not the voters seated under them. Sized to be read at 100%: text of 12
/// to 15 px, at least 760 px wide.
/// </remarks>
public static class TournamentPlots
{
    private const double Left = 170;
    private const double Top = 64;
    private const double FontSize = 13;
    private const double MinWidth = 760;
    private const string FontFamily = "sans-serif";

    /// <summary>Mean discounted utility per agent (per mediator in a mediated tournament) with its 95% confidence interval, best first.</summary>
    public static string Scores(TournamentSummary summary)
    {
        var rows = Rows(summary);
        var order = ByScore(rows.Summaries);
        const double barHeight = 30;
        const double plotWidth = 540;
        var height = Top + (order.Length * barHeight) + 56;
        var svg = new SvgWriter(Math.Max(MinWidth, Left + plotWidth + 50), height, FontFamily);
        Title(svg, $"Mean discounted utility per {rows.Noun}, with its 95% confidence interval", rows.Note);
        Axis(svg, Top + (order.Length * barHeight), plotWidth, "mean discounted utility");
        for (var i = 0; i < order.Length; i++)
        {
            var a = rows.Summaries[order[i]];
            var s = a.DiscountedUtility;
            var y = Top + (i * barHeight);
            svg.Text(Left - 10, y + 20, a.Agent, FontSize, "end");
            if (!double.IsFinite(s.Mean))
            {
                continue;
            }

            svg.Rect(Left, y + 5, X(s.Mean, plotWidth), barHeight - 10, "#4c78a8", title: string.Create(CultureInfo.InvariantCulture, $"{a.Agent}: {s.Mean:0.0000} [{s.Low:0.0000}, {s.High:0.0000}], n = {s.Count}"));
            var lo = Left + X(s.Low, plotWidth);
            var hi = Left + X(s.High, plotWidth);
            var mid = y + (barHeight / 2);
            svg.Line(lo, mid, hi, mid, "#222222", 1.5);
            svg.Line(lo, mid - 6, lo, mid + 6, "#222222", 1.5);
            svg.Line(hi, mid - 6, hi, mid + 6, "#222222", 1.5);
            svg.Text(Math.Max(hi, Left + X(s.Mean, plotWidth)) + 8, mid + 4, SvgWriter.Format(s.Mean, "0.000"), 12, "start", "#333333");
        }

        return svg.ToString();
    }

    /// <summary>Mean discounted utility of each agent (each mediator in a mediated tournament; rows) on each scenario (columns).</summary>
    public static string HeatMap(TournamentSummary summary)
    {
        const double cell = 46;
        var rows = Rows(summary);
        var order = ByScore(rows.Summaries);
        var columns = summary.Scenarios.Count;
        var longest = summary.Scenarios.Count == 0 ? 0 : summary.Scenarios.Max(n => n.Length);
        var top = Top + Math.Min(220, 20 + (longest * 6.5));
        var svg = new SvgWriter(Math.Max(Left + (columns * cell) + 120, MinWidth), Math.Max(top + (order.Length * cell) + 30, top + 170), FontFamily);
        Title(svg, $"Mean discounted utility per {rows.Noun} and scenario", rows.Note);
        for (var s = 0; s < columns; s++)
        {
            svg.Text(Left + (s * cell) + (cell / 2) + 4, top - 8, summary.Scenarios[s], 12, rotate: -60);
        }

        for (var i = 0; i < order.Length; i++)
        {
            var a = order[i];
            var y = top + (i * cell);
            svg.Text(Left - 10, y + (cell / 2) + 5, rows.Summaries[a].Agent, FontSize, "end");
            for (var s = 0; s < columns; s++)
            {
                var v = rows.ByScenario[a][s];
                var x = Left + (s * cell);
                svg.Rect(x, y, cell - 2, cell - 2, Colour(v), title: string.Create(CultureInfo.InvariantCulture, $"{rows.Summaries[a].Agent} on {summary.Scenarios[s]}: {SvgWriter.Format(v, "0.0000")}"));
                svg.Text(x + (cell / 2) - 1, y + (cell / 2) + 4, SvgWriter.Format(v, "0.00"), 12, "middle", double.IsFinite(v) && v > 0.6 ? "#ffffff" : "#222222");
            }
        }

        var legendX = Left + (columns * cell) + 24;
        for (var k = 0; k <= 10; k++)
        {
            svg.Rect(legendX, top + ((10 - k) * 14), 16, 14, Colour(k / 10.0));
        }

        svg.Text(legendX + 22, top + 12, "1.0", 12);
        svg.Text(legendX + 22, top + 152, "0.0", 12);
        return svg.ToString();
    }

    /// <summary>Each agent's (each mediator's) histogram of discounted utilities over [0, 1], with its count axis.</summary>
    public static string Distributions(TournamentSummary summary)
    {
        var rows = Rows(summary);
        var order = ByScore(rows.Summaries);
        const double rowHeight = 70;
        const double plotWidth = 500;
        var bins = TournamentSummary.HistogramBins;
        var svg = new SvgWriter(Math.Max(MinWidth, Left + plotWidth + 60), Top + (order.Length * rowHeight) + 56, FontFamily);
        Title(svg, $"Distribution of discounted utility per {rows.Noun}: sessions per bin of 0.05", rows.Note);
        for (var i = 0; i < order.Length; i++)
        {
            var a = order[i];
            var counts = rows.Histograms[a];
            long max = 1;
            foreach (var c in counts)
            {
                max = Math.Max(max, c);
            }

            var baseY = Top + ((i + 1) * rowHeight) - 10;
            var barTop = baseY - (rowHeight - 18);
            svg.Text(Left - 52, baseY - 20, rows.Summaries[a].Agent, FontSize, "end");

            // The count axis: 0 at the base, the largest bin's count at the top.
            svg.Line(Left - 4, barTop, Left - 4, baseY, "#888888");
            svg.Line(Left - 8, barTop, Left - 4, barTop, "#888888");
            svg.Line(Left - 8, baseY, Left - 4, baseY, "#888888");
            svg.Text(Left - 10, barTop + 4, Wording.Number(max), 11, "end", "#555555");
            svg.Text(Left - 10, baseY + 4, "0", 11, "end", "#555555");
            svg.Line(Left, baseY, Left + plotWidth, baseY, "#888888");
            var w = plotWidth / bins;
            for (var b = 0; b < bins; b++)
            {
                var h = (baseY - barTop) * counts[b] / max;
                svg.Rect(Left + (b * w) + 0.5, baseY - h, w - 1, h, "#59a14f", title: string.Create(CultureInfo.InvariantCulture, $"[{(double)b / bins:0.00}, {(double)(b + 1) / bins:0.00}): {counts[b]:N0} sessions"));
            }
        }

        Axis(svg, Top + (order.Length * rowHeight), plotWidth, "discounted utility");
        return svg.ToString();
    }

    private static void Axis(SvgWriter svg, double y, double plotWidth, string label)
    {
        svg.Line(Left, y, Left + plotWidth, y, "#444444");
        for (var k = 0; k <= 10; k++)
        {
            var x = Left + (plotWidth * k / 10);
            svg.Line(x, y, x, y + 5, "#444444");
            svg.Text(x, y + 19, (k / 10.0).ToString("0.0", CultureInfo.InvariantCulture), 12, "middle");
        }

        svg.Text(Left + (plotWidth / 2), y + 38, label, 13, "middle", "#333333");
    }

    /// <summary>The rows the plots compare: the mediators in a mediated tournament, the agents otherwise.</summary>
    private static (IReadOnlyList<AgentSummary> Summaries, IReadOnlyList<IReadOnlyList<double>> ByScenario, IReadOnlyList<IReadOnlyList<long>> Histograms, string Noun, string Note) Rows(TournamentSummary summary) =>
        summary.Mediators is { } mediators && summary.MediatorMeanUtilityByScenario is { } byScenario && summary.MediatorUtilityHistograms is { } histograms
            ? (mediators, byScenario, histograms, "mediator", "Each session scores its mediator with the parties' mean discounted utility.")
            : (summary.Agents, summary.MeanUtilityByScenario, summary.UtilityHistograms, "agent", string.Empty);

    private static void Title(SvgWriter svg, string title, string note)
    {
        svg.Text(20, 26, title, 15);
        if (note.Length > 0)
        {
            svg.Text(20, 45, note, 12, "start", "#555555");
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

    private static int[] ByScore(IReadOnlyList<AgentSummary> rows)
    {
        var order = new int[rows.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Stable: ties keep the definition's order, so the plot is deterministic.
        return [.. order.OrderByDescending(i => double.IsFinite(rows[i].DiscountedUtility.Mean) ? rows[i].DiscountedUtility.Mean : double.NegativeInfinity)];
    }
}
