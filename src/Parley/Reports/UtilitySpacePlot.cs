using System.Globalization;
using Parley.Analysis;
using Parley.Preferences;

namespace Parley.Reports;

/// <summary>
/// Draws the utility space of an analysis as SVG: outcomes (all, or a stated seeded sample), the Pareto
/// frontier, the Nash, Kalai–Smorodinsky, egalitarian and maximum-welfare points and the reservation
/// lines. Two parties: one plot. More: a matrix of pairwise plots.
/// </summary>
/// <remarks>Deterministic: the same analysis and options give the same bytes.</remarks>
public static class UtilitySpacePlot
{
    private const string AcceptedColor = "#8fb3d9";
    private const string OtherColor = "#c9c9c9";
    private const string RedLineColor = "#f2c9c9";
    private const string FrontierColor = "#1f4e9c";
    private const string NashColor = "#d62728";
    private const string KsColor = "#2ca02c";
    private const string EgalitarianColor = "#ff7f0e";
    private const string WelfareColor = "#9467bd";
    private const string ReservationColor = "#7a7a7a";

    /// <summary>Renders the plot as an SVG document.</summary>
    public static string Render(AnalysisResult analysis, UtilitySpacePlotOptions? options = null)
    {
        options ??= UtilitySpacePlotOptions.Default;
        var k = analysis.PartyNames.Count;
        if (k == 1)
        {
            throw new ArgumentException("A utility-space plot needs at least two parties.", nameof(analysis));
        }

        var data = Sample(analysis, options);
        var title = options.Title ?? analysis.Domain.Name;

        if (k == 2)
        {
            var svg = new SvgWriter(options.PlainWords ? 1060 : 980, 700);   // plain words need a wider legend
            svg.Text(490, 28, title, 18, "middle", weight: "bold");
            svg.Text(490, 48, data.Caption, 12, "middle", "#555555");
            Panel(svg, analysis, data, 0, 1, 80, 70, 560, 560, compact: false, options.PlainWords);
            Legend(svg, analysis, 665, 80, options.PlainWords);
            return svg.ToString();
        }

        var cell = 240.0;
        var left = 40.0;
        var top = 70.0;
        var width = left + (k * cell) + 20;
        var height = top + (k * cell) + 200;
        var m = new SvgWriter(width, height);
        m.Text(width / 2, 28, title + (options.PlainWords ? " (each pair of sides)" : " (pairwise utilities)"), 18, "middle", weight: "bold");
        m.Text(width / 2, 48, data.Caption, 12, "middle", "#555555");
        for (var row = 0; row < k; row++)
        {
            for (var col = 0; col < k; col++)
            {
                var x = left + (col * cell);
                var y = top + (row * cell);
                if (row == col)
                {
                    m.Rect(x + 30, y + 10, cell - 40, cell - 45, "#f4f4f4", "#bbbbbb");
                    m.Text(x + 10 + (cell / 2), y + (cell / 2) - 10, analysis.PartyNames[row], 14, "middle", weight: "bold");
                    m.Text(x + 10 + (cell / 2), y + (cell / 2) + 12, (options.PlainWords ? "walk-away " : "reservation ") + F(analysis.ReservationValues[row]), 11, "middle", "#555555");
                }
                else
                {
                    Panel(m, analysis, data, col, row, x + 30, y + 10, cell - 40, cell - 45, compact: true, options.PlainWords);
                }
            }
        }

        m.Text(left, top + (k * cell) + 10, "Row: the vertical party; column: the horizontal party.", 12, fill: "#555555");
        Legend(m, analysis, left, top + (k * cell) + 25, options.PlainWords);
        return m.ToString();
    }

    /// <summary>The smallest step of 0.05, 0.1, 0.2, 0.25 or 0.5 times a power of ten that puts at most <paramref name="maxTicks"/> ticks on a span.</summary>
    internal static double TickStep(double span, int maxTicks)
    {
        double[] mantissas = [1, 2, 2.5, 5];
        for (var exponent = -2; exponent <= 12; exponent++)
        {
            foreach (var m in mantissas)
            {
                var step = m * Math.Pow(10, exponent);
                if ((Math.Floor(span / step) + 1) <= maxTicks)
                {
                    return step;
                }
            }
        }

        return span;
    }

    private static void Panel(SvgWriter svg, AnalysisResult analysis, PlotData data, int px, int py, double x0, double y0, double w, double h, bool compact, bool plain = false)
    {
        var k = analysis.PartyNames.Count;
        var (xMin, xMax) = Range(data, analysis, px);
        var (yMin, yMax) = Range(data, analysis, py);
        double X(double u) => x0 + ((u - xMin) / (xMax - xMin) * w);
        double Y(double u) => y0 + h - ((u - yMin) / (yMax - yMin) * h);

        svg.Rect(x0, y0, w, h, "#ffffff", "#444444");
        // Ticks are whole multiples of the step (i · step, not a running sum, so zero is exactly 0, never −0.0),
        // the step chosen per axis so that its labels never crowd into one another (utilities above 1 included).
        var maxTicks = compact ? 5 : 16;
        var ticks = TickStep(xMax - xMin, maxTicks);
        for (var i = Math.Ceiling((xMin / ticks) - 1e-9); i * ticks <= xMax + 1e-9; i++)
        {
            var t = i * ticks;
            svg.Line(X(t), y0, X(t), y0 + h, "#eeeeee");
            svg.Text(X(t), y0 + h + (compact ? 12 : 18), F2(t), compact ? 9 : 11, "middle", "#444444");
        }

        ticks = TickStep(yMax - yMin, maxTicks);
        for (var i = Math.Ceiling((yMin / ticks) - 1e-9); i * ticks <= yMax + 1e-9; i++)
        {
            var t = i * ticks;
            svg.Line(x0, Y(t), x0 + w, Y(t), "#eeeeee");
            svg.Text(x0 - 5, Y(t) + 4, F2(t), compact ? 9 : 11, "end", "#444444");
        }

        // Outcomes: those crossing a red line first, then the others, those every party accepts on top.
        var radius = compact ? 1.2 : data.Count > 5000 ? 1.3 : 2;
        for (var pass = Category.CrossesRedLine; pass <= Category.Accepted; pass++)
        {
            for (var o = 0; o < data.Count; o++)
            {
                if (data.Categories[o] == pass)
                {
                    var color = pass switch { Category.Accepted => AcceptedColor, Category.CrossesRedLine => RedLineColor, _ => OtherColor };
                    svg.Circle(X(data.U[(o * k) + px]), Y(data.U[(o * k) + py]), radius, color, opacity: 0.8);
                }
            }
        }

        // Reservation lines.
        svg.Line(X(analysis.ReservationValues[px]), y0, X(analysis.ReservationValues[px]), y0 + h, ReservationColor, 1.2, "6,4");
        svg.Line(x0, Y(analysis.ReservationValues[py]), x0 + w, Y(analysis.ReservationValues[py]), ReservationColor, 1.2, "6,4");

        // Frontier: a staircase-free polyline for two parties, projected points for more.
        var frontier = analysis.Pareto;
        if (k == 2)
        {
            var line = new List<(double, double)>(frontier.Count);
            foreach (var p in frontier)
            {
                line.Add((X(p.Utilities[px]), Y(p.Utilities[py])));
            }

            line.Sort((a, b) => a.Item1.CompareTo(b.Item1));
            svg.Polyline(line, FrontierColor, 1.8);
        }

        foreach (var p in frontier)
        {
            svg.Circle(X(p.Utilities[px]), Y(p.Utilities[py]), compact ? 1.8 : 2.8, FrontierColor);
        }

        Marker(svg, analysis.MaxWelfare, px, py, X, Y, "circle", WelfareColor, compact);
        Marker(svg, analysis.Egalitarian, px, py, X, Y, "square", EgalitarianColor, compact);
        Marker(svg, analysis.KalaiSmorodinsky, px, py, X, Y, "triangle", KsColor, compact);
        Marker(svg, analysis.Nash, px, py, X, Y, "diamond", NashColor, compact);

        var fontSize = compact ? 10 : 14;
        svg.Text(x0 + (w / 2), y0 + h + (compact ? 26 : 42), (plain ? "value to " : "utility of ") + analysis.PartyNames[px], fontSize, "middle", weight: "bold");
        svg.Text(x0 - (compact ? 24 : 45), y0 + (h / 2), (plain ? "value to " : "utility of ") + analysis.PartyNames[py], fontSize, "middle", weight: "bold", rotate: -90);
    }

    private static void Marker(SvgWriter svg, SolutionPoint? point, int px, int py, Func<double, double> x, Func<double, double> y, string shape, string color, bool compact)
    {
        if (point is null)
        {
            return;
        }

        Shape(svg, x(point.Utilities[px]), y(point.Utilities[py]), shape, color, compact ? 0.7 : 1);
    }

    private static void Shape(SvgWriter svg, double cx, double cy, string shape, string color, double scale)
    {
        switch (shape)
        {
            case "circle":
                svg.Circle(cx, cy, 11 * scale, "none", color, strokeWidth: 2.5);
                break;
            case "square":
                var s = 8 * scale;
                svg.Rect(cx - s, cy - s, 2 * s, 2 * s, "none", color, 2.5);
                break;
            case "triangle":
                var t = 7 * scale;
                svg.Polygon([(cx, cy - t), (cx + t, cy + (t * 0.8)), (cx - t, cy + (t * 0.8))], color, "#ffffff");
                break;
            default:
                var d = 5 * scale;
                svg.Diamond(cx, cy, d, color, "#ffffff", strokeWidth: 1);
                break;
        }
    }

    private static void Legend(SvgWriter svg, AnalysisResult analysis, double x, double y, bool plain)
    {
        var rows = plain ? PlainLegend(analysis) : new List<(string Shape, string Color, string Label)>
        {
            ("dot", AcceptedColor, "outcome every party accepts"),
            ("dot", OtherColor, analysis.Profiles.Any(p => !p.RedLines.IsEmpty) ? "other outcome (below a reservation value)" : "other outcome"),
            ("line", FrontierColor, $"Pareto frontier ({Wording.Count(analysis.Pareto.Count, "point")})"),
            ("diamond", NashColor, "Nash " + Point(analysis.Nash)),
            ("triangle", KsColor, "Kalai-Smorodinsky " + Point(analysis.KalaiSmorodinsky)),
            ("square", EgalitarianColor, "egalitarian " + Point(analysis.Egalitarian)),
            ("circle", WelfareColor, "max welfare " + Point(analysis.MaxWelfare)),
            ("dash", ReservationColor, "reservation values " + Vector(analysis.ReservationValues)),
        };
        if (analysis.Profiles.Any(p => !p.RedLines.IsEmpty))
        {
            rows.Insert(2, ("dot", RedLineColor, plain ? "text crossing a side's red line" : "outcome crossing a party's red line"));
        }

        var width = 215.0;
        foreach (var r in rows)
        {
            width = Math.Max(width, 44 + (r.Label.Length * 6.6));
        }

        svg.Rect(x, y, width, 18 + (rows.Count * 22), "#fafafa", "#cccccc");
        for (var i = 0; i < rows.Count; i++)
        {
            var cy = y + 20 + (i * 22);
            var (shape, color, label) = rows[i];
            switch (shape)
            {
                case "dot":
                    svg.Circle(x + 16, cy - 4, 3, color);
                    break;
                case "line":
                    svg.Line(x + 6, cy - 4, x + 26, cy - 4, color, 2);
                    svg.Circle(x + 16, cy - 4, 2.8, color);
                    break;
                case "dash":
                    svg.Line(x + 6, cy - 4, x + 26, cy - 4, color, 1.2, "6,4");
                    break;
                default:
                    Shape(svg, x + 16, cy - 4, shape, color, 0.8);
                    break;
            }

            svg.Text(x + 34, cy, label, 12);
        }
    }

    private static List<(string Shape, string Color, string Label)> PlainLegend(AnalysisResult analysis) =>
    [
        ("dot", AcceptedColor, "text every side prefers to walking away"),
        ("dot", OtherColor, "other text (worse than walking away for a side)"),
        ("line", FrontierColor, $"texts no other beats for both sides ({Wording.Count(analysis.Pareto.Count, "text")})"),
        ("diamond", NashColor, "best balance of gains (Nash) " + Point(analysis.Nash)),
        ("triangle", KsColor, "even share of each side's best " + Point(analysis.KalaiSmorodinsky)),
        ("square", EgalitarianColor, "best for the side worst off " + Point(analysis.Egalitarian)),
        ("circle", WelfareColor, "largest total value " + Point(analysis.MaxWelfare)),
        ("dash", ReservationColor, "walk-away values " + Vector(analysis.ReservationValues)),
    ];

    private static string Point(SolutionPoint? p) => p is null ? "(none: no agreement zone)" : Vector(p.Utilities);

    private static string Vector(IReadOnlyList<double> v)
    {
        var parts = new string[v.Count];
        for (var i = 0; i < v.Count; i++)
        {
            parts[i] = F(v[i]);
        }

        return "(" + string.Join(", ", parts) + ")";
    }

    private static string F(double v) => (Math.Round(v, 3) + 0.0).ToString("0.000", CultureInfo.InvariantCulture); // + 0.0 turns -0 into 0

    private static string F2(double v) => (Math.Round(v, 2) + 0.0).ToString("0.0#", CultureInfo.InvariantCulture); // + 0.0 turns -0 into 0

    private static (double Min, double Max) Range(PlotData data, AnalysisResult analysis, int party)
    {
        var k = analysis.PartyNames.Count;
        double min = 0, max = 1;
        for (var o = 0; o < data.Count; o++)
        {
            min = Math.Min(min, data.U[(o * k) + party]);
            max = Math.Max(max, data.U[(o * k) + party]);
        }

        foreach (var p in analysis.Pareto)
        {
            min = Math.Min(min, p.Utilities[party]);
            max = Math.Max(max, p.Utilities[party]);
        }

        min = Math.Min(min, analysis.ReservationValues[party]);
        max = Math.Max(max, analysis.ReservationValues[party]);
        return (Math.Floor((min * 10) + 1e-9) / 10, Math.Ceiling((max * 10) - 1e-9) / 10);
    }

    private static PlotData Sample(AnalysisResult analysis, UtilitySpacePlotOptions options)
    {
        var domain = analysis.Domain;
        var profiles = analysis.Profiles;
        var k = profiles.Count;
        var total = domain.OutcomeCount;
        var levels = new int[domain.IssueCount];
        double[] u;
        Category[] categories;
        string caption;
        int count;
        if (total <= options.MaxOutcomes)
        {
            count = (int)total;
            u = new double[count * k];
            categories = new Category[count];
            for (var o = 0; o < count; o++)
            {
                Fill(profiles, levels, u, categories, o);
                domain.Advance(levels);
            }

            caption = options.PlainWords ? string.Create(CultureInfo.InvariantCulture, $"all {count:N0} possible texts") : string.Create(CultureInfo.InvariantCulture, $"all {count:N0} outcomes");
        }
        else
        {
            count = options.SampleSize;
            u = new double[count * k];
            categories = new Category[count];
            var random = new Random(options.Seed);
            for (var o = 0; o < count; o++)
            {
                for (var i = 0; i < levels.Length; i++)
                {
                    levels[i] = random.Next(domain.Issues[i].Cardinality);
                }

                Fill(profiles, levels, u, categories, o);
            }

            var exact = analysis.Solver is { IsProved: false } ? "best found, not proved" : "exact";
            caption = options.PlainWords
                ? string.Create(CultureInfo.InvariantCulture, $"{count:N0} of the {total:N0} possible texts, drawn at random (seed {options.Seed}); the line and the marked points are {exact}")
                : string.Create(CultureInfo.InvariantCulture, $"a uniform random sample of {count:N0} of {total:N0} outcomes (seed {options.Seed}); frontier and solution points {exact}");
        }

        return new PlotData(u, categories, count, caption);
    }

    private static void Fill(IReadOnlyList<Profile> profiles, int[] levels, double[] u, Category[] categories, int o)
    {
        var k = profiles.Count;
        var category = Category.Accepted;
        for (var i = 0; i < k; i++)
        {
            var utility = profiles[i].Utility(levels);
            u[(o * k) + i] = utility;
            if (profiles[i].CrossesRedLine(levels))
            {
                category = Category.CrossesRedLine;
            }
            else if (utility < profiles[i].ReservationValue && category == Category.Accepted)
            {
                category = Category.BelowReservation;
            }
        }

        categories[o] = category;
    }

    private sealed record PlotData(double[] U, Category[] Categories, int Count, string Caption);

    /// <summary>How a plotted outcome stands with the parties, in drawing order.</summary>
    private enum Category : byte
    {
        CrossesRedLine,
        BelowReservation,
        Accepted,
    }
}
