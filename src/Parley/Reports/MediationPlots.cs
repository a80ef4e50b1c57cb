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
    /// parties (faint: rejected), a line for the text on the table. Issue-by-issue sessions: a step
    /// line for the utility of the articles agreed so far, and dotted, each party's utility of the
    /// package that would close the gap. Dashed: each party's reservation value. A diamond at the
    /// end: the utility the result reports (of what was agreed). The lines that end at the right
    /// edge are labelled there with their values, pushed apart so that none overprints another.
    /// </summary>
    public static string UtilityOverRounds(MediationResult result, Scenario scenario, int width = 600, int height = 300)
    {
        var profiles = scenario.Negotiators.Select(p => p.Profile!).ToArray();
        var statusQuo = StatusQuoArticleAcceptance.ModelFor(scenario);
        const int left = 46, right = 136, top = 16, bottom = 38;
        var w = width - left - right;
        var h = height - top - bottom;
        var rounds = Math.Max(1, result.Rounds); // a long session's trace keeps a sample: the axis spans every round
        var byIssue = IsIssueByIssue(result);
        double X(double r) => left + (w * r / rounds);
        double Y(double u) => top + (h * (1 - Math.Clamp(u, 0, 1)));
        var svg = Canvas(width, height, byIssue ? "Value of the agreed articles to each side, round by round" : "Value of each text to each side, round by round");
        Axes(svg, left, top, w, h, "Round", byIssue ? "Value of the agreed articles (0–1)" : "Value to each side (0–1)", rounds);
        var target = result.Deal ?? result.Agreement.ClosingPackage;
        var showTarget = byIssue && target is not null && !result.Agreement.IsComplete;
        var labels = new List<(double Y, string Text, string Colour)>();
        for (var p = 0; p < profiles.Length; p++)
        {
            var c = Colour(p);
            var name = scenario.Negotiators[p].Name;
            var reservation = Y(profiles[p].ReservationValue);
            svg.Polyline([(left, reservation), (left + w, reservation)], c, 1, "5 3", 0.8);
            labels.Add((reservation, $"{name} {U(profiles[p].ReservationValue)} walk-away", c));
            if (showTarget)
            {
                var value = profiles[p].Utility(target!);
                var y = Y(value);
                svg.Line(left, y, left + w, y, c, 1.5, "1 3");
                labels.Add((y, $"{name} {U(value)} closing package", c));
            }

            // The text on the table (whole text) or the agreed articles (issue by issue), held until the next change.
            var line = new List<(double X, double Y)>();
            double? current = null;
            if (byIssue)
            {
                current = AgreedUtility(statusQuo, p, profiles[p], Domains.PartialOutcome.AllOpen(scenario.Domain.IssueCount));
                line.Add((X(0), Y(current.Value)));
            }

            foreach (var round in result.Trace)
            {
                double u;
                if (byIssue)
                {
                    u = AgreedUtility(statusQuo, p, profiles[p], VersionOf(result, round.Version).AgreedPart());
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
                line.Add((X(result.Trace[^1].Round), Y(last))); // the text stays on the table to the end
            }

            if (line.Count > 0)
            {
                svg.Polyline(line, c, 2);
            }

            // What the result reports: the deal, or the agreed articles (open ones at the status quo, or counting 0 without one).
            if (p < result.Utilities.Count)
            {
                var y = Y(result.Utilities[p]);
                svg.Diamond(left + w, y, 5, c, "#ffffff");
                labels.Add((y, $"{name} {U(result.Utilities[p])} {(result.Deal is null ? "agreed articles" : "agreement")}", c));
            }
        }

        RightLabels(svg, labels, left + w + 8, top, top + h);

        // Legends, each on a translucent white ground so that the lines under them stay visible.
        var longest = scenario.Negotiators.Max(p => p.Name.Length);
        svg.Shade(left + 4, top + 3, 24 + (longest * 6.5), (15 * profiles.Length) + 4, "#ffffff", 0.85);
        var keys = new List<(string? Dash, string Label)> { (null, byIssue ? "Agreed so far" : "Text on the table"), ("5 3", "Walk-away value") };
        if (showTarget)
        {
            keys.Add(("1 3", "Closing package"));
        }

        // The key goes at the top right unless a line ends there (then the first free band lower down).
        var keyHeight = (keys.Count * 15) + 19;
        var keyTop = top + 3.0;
        for (var candidate = top + 3.0; candidate + keyHeight <= top + h - 3; candidate += 4)
        {
            if (!labels.Any(l => l.Y >= candidate - 4 && l.Y <= candidate + keyHeight + 4))
            {
                keyTop = candidate;
                break;
            }
        }

        svg.Shade(left + w - 154, keyTop, 150, keyHeight, "#ffffff", 0.85);
        Legend(svg, scenario.Negotiators.Select(p => p.Name).ToArray(), left + 8, top + 6);
        for (var k = 0; k < keys.Count; k++)
        {
            var y = keyTop + 8 + (k * 15);
            var x = left + w - 150;
            svg.Line(x, y, x + 26, y, "#444444", keys[k].Dash is null ? 2 : 1.5, keys[k].Dash);
            svg.Text(x + 32, y + 4, keys[k].Label, 11);
        }

        var resultY = keyTop + 8 + (keys.Count * 15);
        svg.Diamond(left + w - 137, resultY, 5, "#444444", "#ffffff");
        svg.Text(left + w - 118, resultY + 4, "The result", 11);
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
        var statusQuo = StatusQuoArticleAcceptance.ModelFor(scenario);
        const int left = 46, right = 14, top = 16, bottom = 38;
        var w = width - left - right;
        var h = height - top - bottom;
        double X(double u) => left + (w * Math.Clamp(u, 0, 1));
        double Y(double u) => top + (h * (1 - Math.Clamp(u, 0, 1)));
        var svg = Canvas(width, height, $"Value of each text to {parties[0].Name} and to {parties[1].Name}");
        Axes(svg, left, top, w, h, $"Value to {parties[0].Name} (0–1)", $"Value to {parties[1].Name} (0–1)", 0);
        svg.Shade(X(a.ReservationValue), top, X(1) - X(a.ReservationValue), Y(b.ReservationValue) - top, "#2e8b57", 0.09);
        svg.Text(X(1) - 4, top + 12, "Better than walking away for both", 10, "end", "#2e8b57");
        if (IsIssueByIssue(result))
        {
            var path = new List<(double X, double Y)>(result.Versions.Count);
            foreach (var v in result.Versions)
            {
                var agreed = v.AgreedPart();
                path.Add((X(AgreedUtility(statusQuo, 0, a, agreed)), Y(AgreedUtility(statusQuo, 1, b, agreed))));
            }

            foreach (var (x, y) in path)
            {
                svg.Circle(x, y, 2.5, "#555555");
            }

            svg.Polyline(path, "#555555", 1.5);
            var final = result.Agreement.Agreed;
            if (!final.IsComplete)
            {
                // The label goes left of the point when the point is in the right half, so it never runs off the plot.
                var fx = X(AgreedUtility(statusQuo, 0, a, final));
                var fy = Y(AgreedUtility(statusQuo, 1, b, final)) + 4;
                if (fx > left + (w / 2))
                {
                    svg.Text(fx - 7, fy, "Agreed articles", 11, "end", "#333333");
                }
                else
                {
                    svg.Text(fx + 7, fy, "Agreed articles", 11, fill: "#333333");
                }
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
            markers.Add((deal, "#1f5fa8", "Agreement"));
        }
        else if (result.Agreement.ClosingPackage is { } closing)
        {
            markers.Add((closing, "#2e8b57", "Closing package"));
        }

        if (result.Agreement.NashPackage is { } nash)
        {
            markers.Add((nash, "#d68910", "Best balance of gains"));
        }

        var placed = new List<(double X0, double Y0, double X1, double Y1)>();
        for (var k = 0; k < markers.Count; k++)
        {
            var (package, colour, label) = markers[k];
            if (markers.Take(k).Any(m => m.Package.Equals(package)))
            {
                continue; // drawn with the earlier marker of the same package
            }

            var text = string.Join(" = ", markers.Skip(k + 1).Where(m => m.Package.Equals(package)).Select(m => m.Label).Prepend(label));
            var (x, y) = (X(a.Utility(package)), Y(b.Utility(package)));
            svg.Circle(x, y, 6, "none", colour, strokeWidth: 2.5);

            // The first of four places around the marker (above left, below left, above right, below
            // right) that neither overlaps an earlier label nor leaves the figure.
            var textWidth = TextWidth(text, 11);
            (double X, double Y, string Anchor)[] candidates =
            [
                (x - 8, y - 9, "end"), (x - 8, y + 17, "end"), (x + 8, y - 9, "start"), (x + 8, y + 17, "start"),
            ];
            var chosen = candidates[0];
            foreach (var candidate in candidates)
            {
                var box = Box(candidate.X, candidate.Y, candidate.Anchor, textWidth);
                if (box.X0 >= 0 && box.X1 <= width && box.Y0 >= 0 && !placed.Any(o => Overlap(o, box)))
                {
                    chosen = candidate;
                    break;
                }
            }

            placed.Add(Box(chosen.X, chosen.Y, chosen.Anchor, textWidth));
            svg.Text(chosen.X, chosen.Y, text, 11, chosen.Anchor, colour);
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
        var versions = Columns(result.Versions, (int)((width - labelW - 10.0) / 2));
        var height = top + (rowH * domain.IssueCount) + bottom;
        var cellW = Math.Max(2.0, (width - labelW - 10.0) / Math.Max(1, versions.Count));
        var svg = Canvas(width, height, "The negotiating text, version by version");
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var y = top + (i * rowH);
            svg.Text(labelW - 8, y + 12, string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {Wording.Words(domain.Issues[i].Name)}"), 11, "end");
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
        foreach (var (status, label) in new[] { (ArticleStatus.Agreed, "Agreed"), (ArticleStatus.Proposed, "Proposed (on the table)"), (ArticleStatus.Open, "Open") })
        {
            svg.Rect(lx, axisY + 8, 10, 10, StatusColour(status), "#bbbbbb", 0.5);
            svg.Text(lx + 14, axisY + 17, label, 11);
            lx += 30 + (label.Length * 6);
        }

        return svg.ToString();
    }

    // At most `columns` versions, evenly spaced by version number from the first to the last (each
    // column the last kept version at or before its number, which the axis labels), so that each
    // gets a column of at least 2 px and the axis reads evenly however the versions were kept.
    private static IReadOnlyList<NegotiatingText> Columns(IReadOnlyList<NegotiatingText> versions, int columns)
    {
        if (versions.Count <= columns || columns < 2)
        {
            return versions;
        }

        var first = versions[0].Version;
        var last = versions[^1].Version;
        var picked = new NegotiatingText[columns];
        var k = 0;
        for (var c = 0; c < columns; c++)
        {
            var target = first + ((long)(last - first) * c / (columns - 1));
            while (k + 1 < versions.Count && versions[k + 1].Version <= target)
            {
                k++;
            }

            picked[c] = versions[k];
        }

        return picked;
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

    // A partial agreement's value: with a status quo, the status quo with the agreed articles replaced; else the agreed articles alone (open ones count 0).
    private static double AgreedUtility(Analysis.TwoLevel.TwoLevelModel? statusQuo, int party, Preferences.Profile profile, Domains.PartialOutcome agreed) =>
        statusQuo is not null ? statusQuo.Value(party, agreed) : profile is Preferences.AdditiveProfile a ? a.SettledUtility(agreed) : 0;

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
            if (rounds <= 0)
            {
                svg.Text(left + (w * k / 4.0), top + h + 14, (k / 4.0).ToString("0.00", CultureInfo.InvariantCulture), 10, "middle", "#555555");
            }
        }

        if (rounds > 0)
        {
            foreach (var tick in RoundTicks(rounds))
            {
                var x = left + (w * (double)tick / rounds);
                svg.Line(x, top + h, x, top + h + 3, "#999999");
                svg.Text(x, top + h + 14, tick.ToString(CultureInfo.InvariantCulture), 10, "middle", "#555555");
            }
        }

        svg.Text(left + (w / 2.0), top + h + 30, xLabel, 11, "middle");
        svg.Text(12, top + (h / 2.0), yLabel, 11, "middle", rotate: -90);
    }

    /// <summary>
    /// Whole-number ticks for an axis of <paramref name="rounds"/> rounds: 0 and every multiple of
    /// a step of 1, 2 or 5 times a power of ten, at most six of them (23 rounds: 0, 5, 10, 15, 20).
    /// </summary>
    internal static IReadOnlyList<int> RoundTicks(int rounds)
    {
        var step = 1L;
        while (rounds / step > 5)
        {
            var next = step.ToString(CultureInfo.InvariantCulture)[0] switch { '1' => step * 2, '2' => step * 5 / 2, _ => step * 2 };
            step = next;
        }

        var ticks = new List<int>();
        for (var t = 0L; t <= rounds; t += step)
        {
            ticks.Add((int)t);
        }

        return ticks;
    }

    /// <summary>Labels at the right edge, in value order, each at its line's height unless that would overprint the one above: then just below it (with a leader line).</summary>
    private static void RightLabels(SvgWriter svg, List<(double Y, string Text, string Colour)> labels, double x, double top, double bottom)
    {
        const double gap = 12;
        var sorted = labels.OrderBy(l => l.Y).ToList();
        var ys = new double[sorted.Count];
        for (var i = 0; i < sorted.Count; i++)
        {
            ys[i] = Math.Max(sorted[i].Y, i == 0 ? top + 4 : ys[i - 1] + gap);
        }

        // Pushed below the plot: move the whole stack up, keeping the gaps.
        var overflow = ys.Length == 0 ? 0 : ys[^1] - (bottom + 4);
        for (var i = ys.Length - 1; i >= 0 && overflow > 0; i--)
        {
            var room = i == 0 ? ys[i] - (top - 6) : ys[i] - gap - ys[i - 1];
            ys[i] -= overflow;
            overflow = Math.Max(0, overflow - room);
        }

        for (var i = 0; i < sorted.Count; i++)
        {
            if (Math.Abs(ys[i] - sorted[i].Y) > 1)
            {
                svg.Line(x - 6, sorted[i].Y, x - 1, ys[i] - 3.5, sorted[i].Colour, 0.8);
            }

            svg.Text(x, ys[i], sorted[i].Text, 10, "start", sorted[i].Colour);
        }
    }

    private static string U(double u) => u.ToString("0.00", CultureInfo.InvariantCulture);

    // An estimate of the width of a text in the sans-serif font the figures use (0.56 em a character).
    private static double TextWidth(string text, double size) => text.Length * size * 0.56;

    private static (double X0, double Y0, double X1, double Y1) Box(double x, double y, string anchor, double width) =>
        anchor == "end" ? (x - width, y - 10, x, y + 2) : (x, y - 10, x + width, y + 2);

    private static bool Overlap((double X0, double Y0, double X1, double Y1) a, (double X0, double Y0, double X1, double Y1) b) =>
        a.X0 < b.X1 && b.X0 < a.X1 && a.Y0 < b.Y1 && b.Y0 < a.Y1;

    private static void Legend(SvgWriter svg, IReadOnlyList<string> names, int x, int y)
    {
        for (var i = 0; i < names.Count; i++)
        {
            svg.Rect(x, y + (i * 15), 10, 10, Colour(i));
            svg.Text(x + 14, y + 9 + (i * 15), names[i], 11);
        }
    }
}
