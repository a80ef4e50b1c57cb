using System.Globalization;
using Parley.Agents;
using Parley.Domains;
using Parley.Preferences;
using Parley.Protocols;

namespace Parley.Reports;

/// <summary>
/// An SVG picture of a two-party session: each side's offers in the utility plane over the
/// outcome space and its Pareto frontier, the agreement, and both utilities over time.
/// </summary>
/// <remarks>
/// Left panel: x = first party's utility, y = second party's; grey dots are outcomes (at most
/// <see cref="MaxBackgroundPoints"/>, evenly thinned), the dark line the Pareto frontier (computed
/// from the first profile's <see cref="OutcomeIndex"/>: exact for spaces up to
/// <see cref="OutcomeIndex.ExactLimit"/> outcomes, over the sample beyond), coloured dots each
/// side's distinct offers, the diamond the agreement. Right panel: normalised time against
/// utility; a solid line is each side's offers in its own utility, a dashed line the same offers
/// in the other side's utility. Utilities are undiscounted.
/// </remarks>
public static class SessionSvgPlot
{
    /// <summary>The most outcome dots drawn in the background.</summary>
    public const int MaxBackgroundPoints = 4000;

    private const string ColourA = "#1f5fbf";
    private const string ColourB = "#e0701a";
    private const string Agreement = "#2ca02c";
    private const double Width = 940;
    private const double Height = 520;
    private const double Top = 92;
    private const double Size = 380;
    private const double LeftX = 70;
    private const double RightX = 540;
    private const double RightW = 370;

    /// <summary>Renders the picture of <paramref name="result"/> (which must carry a trace) between <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <param name="result">The session.</param>
    /// <param name="first">The first party's profile.</param>
    /// <param name="second">The second party's profile.</param>
    /// <param name="title">The title; by default the agents (when given) and the parties they play, and the domain.</param>
    /// <param name="agents">The two agents that played, in role order, for the default title ("boulware (buyer) vs linear (seller) on CameraC").</param>
    /// <exception cref="ArgumentException">The result has no trace or not two parties.</exception>
    public static string Render(SessionResult result, Profile first, Profile second, string? title = null, IReadOnlyList<string>? agents = null)
    {
        var trace = result.Trace ?? throw new ArgumentException("The session was run without a trace (SessionOptions.RecordTrace).", nameof(result));
        if (trace.PartyNames.Count != 2)
        {
            throw new ArgumentException($"The picture shows two-party sessions; this one has {trace.PartyNames.Count} parties.", nameof(result));
        }

        var a = trace.PartyNames[0];
        var b = trace.PartyNames[1];
        var svg = new SvgWriter(Width, Height);
        var defaultTitle = agents is { Count: 2 }
            ? $"{agents[0]} ({a}) vs {agents[1]} ({b}) on {trace.Domain.Name}"
            : $"{a} vs {b} on {trace.Domain.Name}";
        svg.Text(Width / 2, 26, title ?? defaultTitle, 16, "middle", weight: "bold");
        svg.Text(Width / 2, 46, Summary(result), 12, "middle", "#444");
        Legend(svg, a, b);

        UtilityPlane(svg, trace, first, second, result, a, b);
        OverTime(svg, trace, result);
        return svg.ToString();
    }

    private static string Summary(SessionResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var u = string.Join(", ", result.PartyNames.Select((n, i) => $"{n} {result.DiscountedUtilities[i].ToString("0.###", c)}"));
        return result.EndReason switch
        {
            EndReason.Agreement => $"Agreement in round {result.Rounds} (t = {result.Time.ToString("0.###", c)}): {u}",
            EndReason.Failure => $"Failure of {result.Failure?.PartyName}: {result.Failure?.Reason}",
            _ => $"No agreement ({EndReasonNames.Name(result.EndReason)}, round {result.Rounds}): {u}",
        };
    }

    private static void Legend(SvgWriter svg, string a, string b)
    {
        var y = 68.0;
        var x = 40.0;
        svg.Circle(x, y - 4, 4, ColourA);
        svg.Text(x + 9, y, $"offers of {a}");
        x += 30 + (7 * (a.Length + 10));
        svg.Circle(x, y - 4, 4, ColourB);
        svg.Text(x + 9, y, $"offers of {b}");
        x += 30 + (7 * (b.Length + 10));
        svg.Diamond(x, y - 4, 6, Agreement, "#114411");
        svg.Text(x + 10, y, "agreement");
        x += 90;
        svg.Line(x - 6, y - 4, x + 14, y - 4, "#333", 2);
        svg.Text(x + 20, y, "Pareto frontier");
        x += 120;
        svg.Line(x - 6, y - 4, x + 14, y - 4, "#666", 1.5, "5,3");
        svg.Text(x + 20, y, "dashed: offers in the other's utility");
    }

    private static void Frame(SvgWriter svg, double x0, double y0, double w, double h, string xLabel, string yLabel)
    {
        svg.Rect(x0, y0, w, h, "#fbfbfb", "#999");
        for (var k = 0; k <= 5; k++)
        {
            var f = k / 5.0;
            var label = f.ToString("0.0", CultureInfo.InvariantCulture);
            svg.Line(x0 + (f * w), y0 + h, x0 + (f * w), y0 + h + 5, "#666");
            svg.Text(x0 + (f * w), y0 + h + 18, label, 11, "middle", "#444");
            svg.Line(x0 - 5, y0 + h - (f * h), x0, y0 + h - (f * h), "#666");
            svg.Text(x0 - 8, y0 + h - (f * h) + 4, label, 11, "end", "#444");
            if (k is > 0 and < 5)
            {
                svg.Line(x0 + (f * w), y0, x0 + (f * w), y0 + h, "#e6e6e6");
                svg.Line(x0, y0 + h - (f * h), x0 + w, y0 + h - (f * h), "#e6e6e6");
            }
        }

        svg.Text(x0 + (w / 2), y0 + h + 36, xLabel, 12, "middle", "#222");
        svg.Text(x0 - 42, y0 + (h / 2), yLabel, 12, "middle", "#222", rotate: -90);
    }

    private static void UtilityPlane(SvgWriter svg, SessionTrace trace, Profile first, Profile second, SessionResult result, string a, string b)
    {
        Frame(svg, LeftX, Top, Size, Size, $"utility of {a}", $"utility of {b}");
        double X(double u) => LeftX + (Math.Clamp(u, 0, 1) * Size);
        double Y(double u) => Top + Size - (Math.Clamp(u, 0, 1) * Size);

        var index = OutcomeIndex.For(first);
        var stride = Math.Max(1, index.Count / MaxBackgroundPoints);
        for (var r = 0; r < index.Count; r += stride)
        {
            svg.Circle(X(index.UtilityAt(r)), Y(second.Utility(index.LevelsAt(r))), 1.6, "#b8b8b8");
        }

        // Pareto frontier: the index is sorted by the first utility (best first); keep each outcome
        // that beats every better-for-the-first outcome on the second utility.
        var frontier = new List<(double X, double Y)>();
        var bestSecond = double.NegativeInfinity;
        for (var r = 0; r < index.Count; r++)
        {
            var u2 = second.Utility(index.LevelsAt(r));
            if (u2 > bestSecond)
            {
                bestSecond = u2;
                frontier.Add((X(index.UtilityAt(r)), Y(u2)));
            }
        }

        svg.Polyline(frontier, "#333", 2);

        var seen = new HashSet<Outcome>();
        for (var i = 0; i < trace.Events.Count; i++)
        {
            var e = trace.Events[i];
            if (e.Kind != ActionKind.Offer || e.Offer is null || !seen.Add(e.Offer))
            {
                continue;
            }

            var u = trace.UtilitiesOf(i);
            svg.Circle(X(u[0]), Y(u[1]), 4, e.Actor == 0 ? ColourA : ColourB, opacity: 0.75);
        }

        if (result.Agreement is { } agreement)
        {
            svg.Diamond(X(first.Utility(agreement)), Y(second.Utility(agreement)), 8, Agreement, "#114411");
        }
    }

    private static void OverTime(SvgWriter svg, SessionTrace trace, SessionResult result)
    {
        Frame(svg, RightX, Top, RightW, Size, "normalised time t", "utility");
        double X(double t) => RightX + (Math.Clamp(t, 0, 1) * RightW);
        double Y(double u) => Top + Size - (Math.Clamp(u, 0, 1) * Size);

        var own = new[] { new List<(double, double)>(), new List<(double, double)>() };
        var other = new[] { new List<(double, double)>(), new List<(double, double)>() };
        for (var i = 0; i < trace.Events.Count; i++)
        {
            var e = trace.Events[i];
            if (e.Kind != ActionKind.Offer || e.Actor > 1)
            {
                continue;
            }

            var u = trace.UtilitiesOf(i);
            own[e.Actor].Add((X(e.Time), Y(u[e.Actor])));
            other[e.Actor].Add((X(e.Time), Y(u[1 - e.Actor])));
        }

        svg.Polyline(other[0], ColourA, 1, "4,3", 0.55);
        svg.Polyline(other[1], ColourB, 1, "4,3", 0.55);
        svg.Polyline(own[0], ColourA, 2.2);
        svg.Polyline(own[1], ColourB, 2.2);
        if (result.Agreement is not null)
        {
            svg.Line(X(result.Time), Top, X(result.Time), Top + Size, Agreement, 1.5, "2,2");
            var u = result.Utilities;
            svg.Diamond(X(result.Time), Y(u[0]), 6, ColourA, "#114411");
            svg.Diamond(X(result.Time), Y(u[1]), 6, ColourB, "#114411");
        }
    }
}
