using System.Globalization;
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
        var svg = Canvas(width, height, byIssue ? "Utility of the agreed articles, round by round" : "Utility of each text, round by round");
        Axes(svg, left, top, w, h, "round", byIssue ? "utility of the agreed articles" : "utility", rounds);
        var target = result.Deal ?? result.Agreement.ClosingPackage;
        var showTarget = byIssue && target is not null && !result.Agreement.IsComplete;
        for (var p = 0; p < profiles.Length; p++)
        {
            var c = Colour(p);
            var reservation = Y(profiles[p].ReservationValue);
            svg.Polyline([(left, reservation), (left + w, reservation)], c, 1, "5 3", 0.8);
            if (showTarget)
            {
                var y = Y(profiles[p].Utility(target!));
                svg.Line(left, y, left + w, y, c, 1.5, "1 3");
            }

            // The text in force (whole text) or the agreed articles (issue by issue), held until the next change.
            var line = new List<(double X, double Y)>();
            double? current = null;
            if (byIssue)
            {
                current = 0;
                line.Add((X(0), Y(0)));
            }

            foreach (var round in result.Trace)
            {
                double u;
                if (byIssue)
                {
                    u = AgreedUtility(profiles[p], VersionOf(result, round.Version).AgreedPart());
                    line.Add((X(round.Round), Y(current!.Value)));
                }
                else
                {
                    u = round.Ballots[p].Utility;
                    svg.Circle(X(round.Round), Y(u), 2, c, opacity: round.Adopted ? 0.9 : 0.3);
                    if (!round.Adopted)
                    {
                        continue;
                    }
                }

                current = u;
                line.Add((X(round.Round), Y(u)));
            }

            if (current is { } last && result.Trace.Count > 0)
            {
                line.Add((X(result.Trace[^1].Round), Y(last))); // the text stays in force to the end
            }

            if (line.Count > 0)
            {
                svg.Polyline(line, c, 2);
            }
        }

        // Legends, each on a translucent white ground so that the lines under them stay visible.
        var longest = scenario.Negotiators.Max(p => p.Name.Length);
        svg.Shade(left + 4, top + 3, 24 + (longest * 6.5), (15 * profiles.Length) + 4, "#ffffff", 0.85);
        var keys = new List<(string? Dash, string Label)> { (null, byIssue ? "agreed so far" : "text in force"), ("5 3", "reservation value") };
        if (showTarget)
        {
            keys.Add(("1 3", "closing package"));
        }

        svg.Shade(left + w - 154, top + 3, 150, (keys.Count * 15) + 4, "#ffffff", 0.85);
        Legend(svg, scenario.Negotiators.Select(p => p.Name).ToArray(), left + 8, top + 6);
        for (var k = 0; k < keys.Count; k++)
        {
            var y = top + 11 + (k * 15);
            var x = left + w - 150;
            svg.Line(x, y, x + 26, y, "#444444", keys[k].Dash is null ? 2 : 1.5, keys[k].Dash);
            svg.Text(x + 32, y + 4, keys[k].Label, 11);
        }

        return svg.ToString();
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
        var svg = Canvas(width, height, $"Texts in the utility plane ({parties[0].Name} × {parties[1].Name})");
        Axes(svg, left, top, w, h, parties[0].Name, parties[1].Name, 0);
        svg.Shade(X(a.ReservationValue), top, X(1) - X(a.ReservationValue), Y(b.ReservationValue) - top, "#2e8b57", 0.09);
        svg.Text(X(1) - 4, top + 12, "both above reservation", 10, "end", "#2e8b57");
        if (IsIssueByIssue(result))
        {
            var path = new List<(double X, double Y)>(result.Versions.Count);
            foreach (var v in result.Versions)
            {
                var agreed = v.AgreedPart();
                path.Add((X(AgreedUtility(a, agreed)), Y(AgreedUtility(b, agreed))));
            }

            foreach (var (x, y) in path)
            {
                svg.Circle(x, y, 2.5, "#555555");
            }

            svg.Polyline(path, "#555555", 1.5);
            var final = result.Agreement.Agreed;
            if (!final.IsComplete)
            {
                svg.Text(X(AgreedUtility(a, final)) + 7, Y(AgreedUtility(b, final)) + 4, "agreed articles", 11, fill: "#333333");
            }
        }
        else
        {
            foreach (var round in result.Trace)
            {
                svg.Circle(X(round.Ballots[0].Utility), Y(round.Ballots[1].Utility), 2.5, "#777777", opacity: 0.45);
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
            if (markers.Take(k).Any(m => m.Package.Equals(package)))
            {
                continue; // drawn with the earlier marker of the same package
            }

            var joined = markers.Skip(k + 1).Where(m => m.Package.Equals(package)).Select(m => m.Label).Prepend(label);
            var (x, y) = (X(a.Utility(package)), Y(b.Utility(package)));
            svg.Circle(x, y, 6, "none", colour, strokeWidth: 2.5);
            svg.Text(x - 8, y - 9, string.Join(" = ", joined), 11, "end", colour);
        }

        return svg.ToString();
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
        var svg = Canvas(width, height, "The negotiating text, version by version");
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var y = top + (i * rowH);
            svg.Text(labelW - 8, y + 12, string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {domain.Issues[i].Name}"), 11, "end");
            for (var v = 0; v < versions.Count; v++)
            {
                svg.Rect(labelW + (v * cellW), y + 1, Math.Max(1, cellW - 1), rowH - 3, StatusColour(versions[v].Statuses[i]));
            }
        }

        var axisY = top + (rowH * domain.IssueCount) + 12;
        var step = Math.Max(1, (int)Math.Ceiling(versions.Count / 10.0));
        for (var v = 0; v < versions.Count; v += step)
        {
            svg.Text(labelW + ((v + 0.5) * cellW), axisY, string.Create(CultureInfo.InvariantCulture, $"v{versions[v].Version}"), 10, "middle", "#555555");
        }

        var lx = labelW;
        foreach (var (status, label) in new[] { (ArticleStatus.Agreed, "agreed"), (ArticleStatus.Proposed, "proposed (on the table)"), (ArticleStatus.Open, "open") })
        {
            svg.Rect(lx, axisY + 8, 10, 10, StatusColour(status), "#bbbbbb", 0.5);
            svg.Text(lx + 14, axisY + 17, label, 11);
            lx += 30 + (label.Length * 6);
        }

        return svg.ToString();
    }

    private static string StatusColour(ArticleStatus status) => status switch
    {
        ArticleStatus.Agreed => "#2e8b57",
        ArticleStatus.Proposed => "#e3a33b",
        _ => "#e6e8ec",
    };

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

    private static double AgreedUtility(Preferences.Profile profile, Domains.PartialOutcome agreed) =>
        profile is Preferences.AdditiveProfile a ? a.SettledUtility(agreed) : 0;

    private static SvgWriter Canvas(int width, int height, string title) =>
        new(width, height, SvgWriter.DefaultFontFamily, title);

    private static void Axes(SvgWriter svg, int left, int top, int w, int h, string xLabel, string yLabel, int rounds)
    {
        svg.Rect(left, top, w, h, "none", "#999999");
        for (var k = 0; k <= 4; k++)
        {
            var y = top + (h * (1 - (k / 4.0)));
            svg.Line(left, y, left + w, y, "#eeeeee");
            svg.Text(left - 5, y + 4, (k / 4.0).ToString("0.00", CultureInfo.InvariantCulture), 10, "end", "#555555");
            var xl = rounds > 0 ? (rounds * k / 4.0).ToString("0", CultureInfo.InvariantCulture) : (k / 4.0).ToString("0.00", CultureInfo.InvariantCulture);
            svg.Text(left + (w * k / 4.0), top + h + 14, xl, 10, "middle", "#555555");
        }

        svg.Text(left + (w / 2.0), top + h + 30, xLabel, 11, "middle");
        svg.Text(12, top + (h / 2.0), yLabel, 11, "middle", rotate: -90);
    }

    private static void Legend(SvgWriter svg, IReadOnlyList<string> names, int x, int y)
    {
        for (var i = 0; i < names.Count; i++)
        {
            svg.Rect(x, y + (i * 15), 10, 10, Colour(i));
            svg.Text(x + 14, y + 9 + (i * 15), names[i], 11);
        }
    }
}
