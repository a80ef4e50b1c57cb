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
    /// Each party's utility round by round. Whole-text sessions: dots for every text put to the
    /// parties (faint: rejected), a line for the text in force. Issue-by-issue sessions: a step line
    /// for the utility of the articles agreed so far, and dotted, each party's utility of the
    /// package that would close the gap. Dashed: each party's reservation value.
    /// </summary>
    public static string UtilityOverRounds(MediationResult result, Scenario scenario, int width = 560, int height = 300)
    {
        var profiles = scenario.Negotiators.Select(p => p.Profile!).ToArray();
        const int left = 46, right = 14, top = 16, bottom = 38;
        var w = width - left - right;
        var h = height - top - bottom;
        var rounds = Math.Max(1, result.Trace.Count);
        var byIssue = IsIssueByIssue(result);
        double X(double r) => left + (w * r / rounds);
        double Y(double u) => top + (h * (1 - Math.Clamp(u, 0, 1)));
        var sb = Begin(width, height, byIssue ? "Utility of the agreed articles, round by round" : "Utility of each text, round by round");
        Axes(sb, left, top, w, h, "round", byIssue ? "utility of the agreed articles" : "utility", rounds);
        var target = result.Deal ?? result.Agreement.ClosingPackage;
        for (var p = 0; p < profiles.Length; p++)
        {
            var c = Colour(p);
            sb.Append(F($"<line x1=\"{left}\" x2=\"{left + w}\" y1=\"{Y(profiles[p].ReservationValue):0.0}\" y2=\"{Y(profiles[p].ReservationValue):0.0}\" stroke=\"{c}\" stroke-dasharray=\"5 3\" stroke-width=\"1\" opacity=\"0.8\"/>\n"));
            if (byIssue && target is not null && !result.Agreement.IsComplete)
            {
                sb.Append(F($"<line x1=\"{left}\" x2=\"{left + w}\" y1=\"{Y(profiles[p].Utility(target)):0.0}\" y2=\"{Y(profiles[p].Utility(target)):0.0}\" stroke=\"{c}\" stroke-dasharray=\"1 3\" stroke-width=\"1.5\"/>\n"));
            }

            var path = new StringBuilder();
            double? current = byIssue ? 0 : null;
            if (byIssue)
            {
                path.Append(F($"M{X(0):0.0},{Y(0):0.0} "));
            }

            foreach (var round in result.Trace)
            {
                double u;
                if (byIssue)
                {
                    u = AgreedUtility(profiles[p], VersionOf(result, round.Version));
                }
                else
                {
                    u = round.Ballots[p].Utility;
                    sb.Append(F($"<circle cx=\"{X(round.Round):0.0}\" cy=\"{Y(u):0.0}\" r=\"2\" fill=\"{c}\" opacity=\"{(round.Adopted ? 0.9 : 0.3)}\"/>"));
                    if (!round.Adopted)
                    {
                        continue;
                    }
                }

                if (current is { } previous && byIssue)
                {
                    path.Append(F($"L{X(round.Round):0.0},{Y(previous):0.0} "));
                }

                current = u;
                path.Append(F($"{(path.Length == 0 ? "M" : "L")}{X(round.Round):0.0},{Y(u):0.0} "));
            }

            if (current is { } last && result.Trace.Count > 0)
            {
                path.Append(F($"L{X(result.Trace[^1].Round):0.0},{Y(last):0.0} ")); // the text stays in force to the end
            }

            if (path.Length > 0)
            {
                sb.Append(F($"<path d=\"{path}\" fill=\"none\" stroke=\"{c}\" stroke-width=\"2\"/>\n"));
            }
        }

        var longest = scenario.Negotiators.Max(p => p.Name.Length);
        sb.Append(F($"<rect x=\"{left + 4}\" y=\"{top + 3}\" width=\"{24 + (longest * 6.5):0}\" height=\"{(15 * profiles.Length) + 4}\" fill=\"#fff\" opacity=\"0.85\"/>"));
        sb.Append(F($"<rect x=\"{left + w - 154}\" y=\"{top + 3}\" width=\"150\" height=\"{(byIssue && target is not null && !result.Agreement.IsComplete ? 3 : 2) * 15 + 4}\" fill=\"#fff\" opacity=\"0.85\"/>"));
        Legend(sb, scenario.Negotiators.Select(p => p.Name).ToArray(), left + 8, top + 6);
        var keys = new List<(string Dash, string Label)> { ("", byIssue ? "agreed so far" : "text in force"), ("5 3", "reservation value") };
        if (byIssue && target is not null && !result.Agreement.IsComplete)
        {
            keys.Add(("1 3", "closing package"));
        }

        for (var k = 0; k < keys.Count; k++)
        {
            var y = top + 11 + (k * 15);
            var x = left + w - 150;
            sb.Append(F($"<line x1=\"{x}\" x2=\"{x + 26}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#444\" stroke-width=\"{(keys[k].Dash.Length == 0 ? 2 : 1.5)}\"{(keys[k].Dash.Length == 0 ? "" : $" stroke-dasharray=\"{keys[k].Dash}\"")}/><text x=\"{x + 32}\" y=\"{y + 4}\" font-size=\"11\">{keys[k].Label}</text>\n"));
        }

        return End(sb);
    }

    /// <summary>
    /// For two parties: the texts in the utility plane (issue by issue: the path of the agreed
    /// articles' utility, version by version), the agreement or the package that would close the
    /// gap, the Nash package, and the region above both reservation values; null for more than two parties.
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
        sb.Append(F($"<rect x=\"{X(a.ReservationValue):0.0}\" y=\"{top}\" width=\"{X(1) - X(a.ReservationValue):0.0}\" height=\"{Y(b.ReservationValue) - top:0.0}\" fill=\"#2e8b57\" opacity=\"0.09\"/>\n"));
        sb.Append(F($"<text x=\"{X(1) - 4:0.0}\" y=\"{top + 12}\" text-anchor=\"end\" font-size=\"10\" fill=\"#2e8b57\">both above reservation</text>\n"));
        if (IsIssueByIssue(result))
        {
            var path = new StringBuilder();
            foreach (var v in result.Versions)
            {
                var (x, y) = (X(AgreedUtility(a, v)), Y(AgreedUtility(b, v)));
                path.Append(F($"{(path.Length == 0 ? "M" : "L")}{x:0.0},{y:0.0} "));
                sb.Append(F($"<circle cx=\"{x:0.0}\" cy=\"{y:0.0}\" r=\"2.5\" fill=\"#555\"/>"));
            }

            sb.Append(F($"<path d=\"{path}\" fill=\"none\" stroke=\"#555\" stroke-width=\"1.5\"/>\n"));
            var final = result.Agreement.Agreed;
            if (!final.IsComplete)
            {
                var fx = X(a is Preferences.AdditiveProfile fa ? fa.SettledUtility(final) : 0);
                var fy = Y(b is Preferences.AdditiveProfile fb ? fb.SettledUtility(final) : 0);
                sb.Append(F($"<text x=\"{fx + 7:0.0}\" y=\"{fy + 4:0.0}\" font-size=\"11\" fill=\"#333\">agreed articles</text>\n"));
            }
        }
        else
        {
            foreach (var round in result.Trace)
            {
                sb.Append(F($"<circle cx=\"{X(round.Ballots[0].Utility):0.0}\" cy=\"{Y(round.Ballots[1].Utility):0.0}\" r=\"2.5\" fill=\"#777\" opacity=\"0.45\"/>"));
            }
        }

        var markers = new List<(Domains.Outcome Package, string Colour, string Label)>();
        if (result.Deal is { } deal)
        {
            markers.Add((deal, "#1f5fa8", "agreement"));
        }
        else if (result.Agreement.ClosingPackage is { } closing)
        {
            markers.Add((closing, "#2e8b57", "closing package"));
        }

        if (result.Agreement.NashPackage is { } nash)
        {
            markers.Add((nash, "#d68910", "Nash package"));
        }

        for (var k = 0; k < markers.Count; k++)
        {
            var (package, colour, label) = markers[k];
            var same = markers.Take(k).Any(m => m.Package.Equals(package));
            var joined = markers.Skip(k + 1).Where(m => m.Package.Equals(package)).Select(m => m.Label).ToArray();
            if (same)
            {
                continue;
            }

            Marker(sb, X(a.Utility(package)), Y(b.Utility(package)), colour, joined.Length == 0 ? label : $"{label} = {string.Join(" = ", joined)}");
        }

        return End(sb);
    }

    /// <summary>
    /// How the text evolved: one column per version, one row per article, coloured by status
    /// (agreed, proposed, open), so a reader sees at a glance which articles were banked and when.
    /// </summary>
    public static string TextTimeline(MediationResult result, Scenario scenario, int width = 1000)
    {
        var domain = scenario.Domain;
        const int labelW = 190, rowH = 18, top = 8, bottom = 34;
        var versions = result.Versions;
        var height = top + (rowH * domain.IssueCount) + bottom;
        var cellW = Math.Max(2.0, (width - labelW - 10.0) / Math.Max(1, versions.Count));
        var sb = Begin(width, height, "The negotiating text, version by version");
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var y = top + (i * rowH);
            sb.Append(F($"<text x=\"{labelW - 8}\" y=\"{y + 12}\" text-anchor=\"end\" font-size=\"11\">{i + 1}. {NegotiatingTextDocument.E(domain.Issues[i].Name)}</text>"));
            for (var v = 0; v < versions.Count; v++)
            {
                var status = versions[v].Statuses[i];
                var colour = status switch { ArticleStatus.Agreed => "#2e8b57", ArticleStatus.Proposed => "#e3a33b", _ => "#e6e8ec" };
                sb.Append(F($"<rect x=\"{labelW + (v * cellW):0.0}\" y=\"{y + 1}\" width=\"{Math.Max(1, cellW - 1):0.0}\" height=\"{rowH - 3}\" fill=\"{colour}\"/>"));
            }

            sb.Append('\n');
        }

        var axisY = top + (rowH * domain.IssueCount) + 12;
        var step = Math.Max(1, (int)Math.Ceiling(versions.Count / 10.0));
        for (var v = 0; v < versions.Count; v += step)
        {
            sb.Append(F($"<text x=\"{labelW + ((v + 0.5) * cellW):0.0}\" y=\"{axisY}\" text-anchor=\"middle\" font-size=\"10\" fill=\"#555\">v{versions[v].Version}</text>"));
        }

        var lx = labelW;
        foreach (var (colour, label) in new[] { ("#2e8b57", "agreed"), ("#e3a33b", "proposed (on the table)"), ("#e6e8ec", "open") })
        {
            sb.Append(F($"<rect x=\"{lx}\" y=\"{axisY + 8}\" width=\"10\" height=\"10\" fill=\"{colour}\" stroke=\"#bbb\" stroke-width=\"0.5\"/><text x=\"{lx + 14}\" y=\"{axisY + 17}\" font-size=\"11\">{label}</text>"));
            lx += 30 + (label.Length * 6);
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

    private static bool IsIssueByIssue(MediationResult result)
    {
        foreach (var r in result.Trace)
        {
            if (r.Issue is not null)
            {
                return true;
            }
        }

        return false;
    }

    private static NegotiatingText VersionOf(MediationResult result, int version)
    {
        foreach (var v in result.Versions)
        {
            if (v.Version == version)
            {
                return v;
            }
        }

        return result.Versions[^1];
    }

    private static double AgreedUtility(Preferences.Profile profile, NegotiatingText text) =>
        profile is Preferences.AdditiveProfile a ? a.SettledUtility(text.AgreedPart()) : 0;

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
            sb.Append(F($"<rect x=\"{x}\" y=\"{y + (i * 15)}\" width=\"10\" height=\"10\" fill=\"{Colour(i)}\"/><text x=\"{x + 14}\" y=\"{y + 9 + (i * 15)}\" font-size=\"11\">{NegotiatingTextDocument.E(names[i])}</text>\n"));
        }
    }

    private static void Marker(StringBuilder sb, double x, double y, string colour, string label)
    {
        sb.Append(F($"<circle cx=\"{x:0.0}\" cy=\"{y:0.0}\" r=\"6\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\"/><text x=\"{x - 8:0.0}\" y=\"{y - 9:0.0}\" font-size=\"11\" text-anchor=\"end\" fill=\"{colour}\">{label}</text>\n"));
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
