using System.Globalization;
using System.Text;
using Parley.Mediation;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>Self-contained SVG figures of a mediated session (no script, no external file).</summary>
public static class MediationPlots
{
    private static readonly string[] Palette = ["#1f5fa8", "#c0392b", "#2e8b57", "#8e44ad", "#d68910", "#555555"];

    /// <summary>The colour used for party <paramref name="index"/>.</summary>
    public static string Colour(int index) => Palette[index % Palette.Length];

    /// <summary>
    /// Each party's utility round by round: dots for every text put to the parties, a line for the
    /// text in force, and each party's reservation value dashed.
    /// </summary>
    public static string UtilityOverRounds(MediationResult result, Scenario scenario, int width = 560, int height = 300)
    {
        var profiles = scenario.Negotiators.Select(p => p.Profile!).ToArray();
        const int left = 46, right = 14, top = 16, bottom = 38;
        var w = width - left - right;
        var h = height - top - bottom;
        var rounds = Math.Max(1, result.Trace.Count);
        double X(double r) => left + (w * r / rounds);
        double Y(double u) => top + (h * (1 - Math.Clamp(u, 0, 1)));
        var sb = Begin(width, height, "Utility of each text, round by round");
        Axes(sb, left, top, w, h, "round", "utility", rounds);
        for (var p = 0; p < profiles.Length; p++)
        {
            var c = Colour(p);
            sb.Append(F($"<line x1=\"{left}\" x2=\"{left + w}\" y1=\"{Y(profiles[p].ReservationValue):0.0}\" y2=\"{Y(profiles[p].ReservationValue):0.0}\" stroke=\"{c}\" stroke-dasharray=\"4 3\" stroke-width=\"1\" opacity=\"0.7\"/>\n"));
            var path = new StringBuilder();
            double? current = null;
            foreach (var round in result.Trace)
            {
                var u = round.Ballots[p].Utility;
                sb.Append(F($"<circle cx=\"{X(round.Round):0.0}\" cy=\"{Y(u):0.0}\" r=\"2\" fill=\"{c}\" opacity=\"{(round.Adopted ? 0.9 : 0.3)}\"/>"));
                if (round.Adopted)
                {
                    current = u;
                }

                if (current is { } cu)
                {
                    path.Append(F($"{(path.Length == 0 ? "M" : "L")}{X(round.Round):0.0},{Y(cu):0.0} "));
                }
            }

            if (path.Length > 0)
            {
                sb.Append(F($"<path d=\"{path}\" fill=\"none\" stroke=\"{c}\" stroke-width=\"2\"/>\n"));
            }
        }

        Legend(sb, scenario.Negotiators.Select(p => p.Name).ToArray(), left + 8, top + 6);
        return End(sb);
    }

    /// <summary>
    /// For two parties: every text put to them in the utility plane, the final text, the Nash
    /// package and the reservation values; null for more than two parties.
    /// </summary>
    public static string? UtilityPlane(MediationResult result, Scenario scenario, int width = 340, int height = 300)
    {
        var parties = scenario.Negotiators;
        if (parties.Count != 2)
        {
            return null;
        }

        var a = parties[0].Profile!;
        var b = parties[1].Profile!;
        const int left = 46, right = 14, top = 16, bottom = 38;
        var w = width - left - right;
        var h = height - top - bottom;
        double X(double u) => left + (w * Math.Clamp(u, 0, 1));
        double Y(double u) => top + (h * (1 - Math.Clamp(u, 0, 1)));
        var sb = Begin(width, height, $"Texts in the utility plane ({parties[0].Name} × {parties[1].Name})");
        Axes(sb, left, top, w, h, parties[0].Name, parties[1].Name, 0);
        sb.Append(F($"<rect x=\"{X(a.ReservationValue):0.0}\" y=\"{top}\" width=\"{X(1) - X(a.ReservationValue):0.0}\" height=\"{Y(b.ReservationValue) - top:0.0}\" fill=\"#2e8b57\" opacity=\"0.07\"/>\n"));
        foreach (var round in result.Trace)
        {
            sb.Append(F($"<circle cx=\"{X(round.Ballots[0].Utility):0.0}\" cy=\"{Y(round.Ballots[1].Utility):0.0}\" r=\"2.5\" fill=\"#777\" opacity=\"0.45\"/>"));
        }

        if (result.Agreement.NashPackage is { } nash)
        {
            Marker(sb, X(a.Utility(nash)), Y(b.Utility(nash)), "#d68910", "Nash package");
        }

        if (result.Deal is { } deal)
        {
            Marker(sb, X(a.Utility(deal)), Y(b.Utility(deal)), "#1f5fa8", "agreement");
        }
        else if (result.Agreement.ClosingPackage is { } closing)
        {
            Marker(sb, X(a.Utility(closing)), Y(b.Utility(closing)), "#2e8b57", "closing package");
        }

        return End(sb);
    }

    /// <summary>A bar per article: green where agreed, grey where open, with the zone of agreement's size.</summary>
    public static string ArticleStatusBar(MediationResult result, Scenario scenario, int width = 900)
    {
        var domain = scenario.Domain;
        const int rowH = 22;
        var height = 20 + (rowH * domain.IssueCount);
        var sb = Begin(width, height, "Articles: agreed or open");
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var y = 10 + (i * rowH);
            var agreed = result.Agreement.Agreed.IsSettled(i);
            var zone = result.Agreement.ZonesOfAgreement[i].Count;
            var colour = agreed ? "#2e8b57" : zone == 0 ? "#c0392b" : "#d68910";
            var label = agreed ? "agreed" : zone == 0 ? "open: no clause acceptable to all on its own" : "open";
            sb.Append(F($"<rect x=\"260\" y=\"{y}\" width=\"14\" height=\"14\" fill=\"{colour}\"/>"));
            sb.Append(F($"<text x=\"250\" y=\"{y + 11}\" text-anchor=\"end\" font-size=\"12\">{NegotiatingTextDocument.E(domain.Issues[i].Name)}</text>"));
            sb.Append(F($"<text x=\"282\" y=\"{y + 11}\" font-size=\"12\">{label}</text>\n"));
        }

        return End(sb);
    }

    private static StringBuilder Begin(int width, int height, string title)
    {
        var sb = new StringBuilder();
        sb.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" font-family=\"Helvetica, Arial, sans-serif\"><title>{NegotiatingTextDocument.E(title)}</title>\n"));
        return sb;
    }

    private static string End(StringBuilder sb) => sb.Append("</svg>\n").ToString();

    private static void Axes(StringBuilder sb, int left, int top, int w, int h, string xLabel, string yLabel, int rounds)
    {
        sb.Append(F($"<rect x=\"{left}\" y=\"{top}\" width=\"{w}\" height=\"{h}\" fill=\"none\" stroke=\"#999\"/>\n"));
        for (var k = 0; k <= 4; k++)
        {
            var y = top + (h * (1 - (k / 4.0)));
            sb.Append(F($"<line x1=\"{left}\" x2=\"{left + w}\" y1=\"{y:0.0}\" y2=\"{y:0.0}\" stroke=\"#eee\"/><text x=\"{left - 5}\" y=\"{y + 4:0.0}\" text-anchor=\"end\" font-size=\"10\" fill=\"#555\">{k / 4.0:0.00}</text>\n"));
            var x = left + (w * k / 4.0);
            var xl = rounds > 0 ? (rounds * k / 4.0).ToString("0", CultureInfo.InvariantCulture) : (k / 4.0).ToString("0.00", CultureInfo.InvariantCulture);
            sb.Append(F($"<text x=\"{x:0.0}\" y=\"{top + h + 14}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">{xl}</text>\n"));
        }

        sb.Append(F($"<text x=\"{left + (w / 2)}\" y=\"{top + h + 30}\" text-anchor=\"middle\" font-size=\"11\">{NegotiatingTextDocument.E(xLabel)}</text>"));
        sb.Append(F($"<text transform=\"translate(12,{top + (h / 2)}) rotate(-90)\" text-anchor=\"middle\" font-size=\"11\">{NegotiatingTextDocument.E(yLabel)}</text>\n"));
    }

    private static void Legend(StringBuilder sb, IReadOnlyList<string> names, int x, int y)
    {
        for (var i = 0; i < names.Count; i++)
        {
            sb.Append(F($"<rect x=\"{x}\" y=\"{y + (i * 15)}\" width=\"10\" height=\"10\" fill=\"{Colour(i)}\"/><text x=\"{x + 14}\" y=\"{y + 9 + (i * 15)}\" font-size=\"11\">{NegotiatingTextDocument.E(names[i])} (dashed: reservation value)</text>\n"));
        }
    }

    private static void Marker(StringBuilder sb, double x, double y, string colour, string label)
    {
        sb.Append(F($"<circle cx=\"{x:0.0}\" cy=\"{y:0.0}\" r=\"6\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"/><text x=\"{x - 8:0.0}\" y=\"{y - 9:0.0}\" font-size=\"11\" text-anchor=\"end\" fill=\"{colour}\">{label}</text>\n"));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
