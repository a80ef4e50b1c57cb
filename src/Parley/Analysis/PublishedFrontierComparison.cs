using System.Globalization;
using System.Text;
using System.Text.Json;
using Parley.Domains;

namespace Parley.Analysis;

/// <summary>
/// A published Pareto frontier (ANAC's <c>pareto.xml</c>) checked against Parley's frontier of the same
/// scenario: which published points are on it, which are dominated and by which outcome, which frontier
/// points are missing from the publication.
/// </summary>
/// <remarks>
/// Published utilities are single-precision numbers; two utilities within <see cref="Tolerance"/> count
/// as equal. A published point is dominated when a frontier point is at least as good for both parties and
/// better by more than the tolerance for one. The verdict is only as strong as Parley's frontier: it is a
/// proof when <see cref="FrontierProved"/> is true.
/// </remarks>
public sealed class PublishedFrontierComparison
{
    /// <summary>Utilities closer than this are the same (the published files print about 7 significant digits).</summary>
    public const double Tolerance = 1e-6;

    private PublishedFrontierComparison(string scenario, AnalysisResult analysis, IReadOnlyList<double[]> published, List<PublishedPointCheck> checks, List<FrontierPoint> missing)
    {
        Scenario = scenario;
        Analysis = analysis;
        Published = published;
        Checks = checks;
        Missing = missing;
    }

    /// <summary>The scenario's name.</summary>
    public string Scenario { get; }

    /// <summary>Parley's analysis of the scenario.</summary>
    public AnalysisResult Analysis { get; }

    /// <summary>The published points, in file order.</summary>
    public IReadOnlyList<double[]> Published { get; }

    /// <summary>One check per published point, in file order.</summary>
    public IReadOnlyList<PublishedPointCheck> Checks { get; }

    /// <summary>Frontier points no published point matches.</summary>
    public IReadOnlyList<FrontierPoint> Missing { get; }

    /// <summary>Whether Parley's frontier is proved exact (always for enumeration; for CP-SAT when the sweep finished).</summary>
    public bool FrontierProved => Analysis.Solver?.IsProved ?? true;

    /// <summary>How many published points lie on the frontier.</summary>
    public int OnFrontier => Checks.Count(c => c.Verdict == PublishedPointVerdict.OnFrontier);

    /// <summary>How many published points are dominated.</summary>
    public int Dominated => Checks.Count(c => c.Verdict == PublishedPointVerdict.Dominated);

    /// <summary>How many published points no outcome reaches (above the frontier: a different utility computation).</summary>
    public int Unreachable => Checks.Count(c => c.Verdict == PublishedPointVerdict.AboveFrontier);

    /// <summary>Whether the publication is exactly the frontier: every published point on it and none missing.</summary>
    public bool IsExact => OnFrontier == Checks.Count && Missing.Count == 0;

    /// <summary>Compares <paramref name="published"/> with the two-party frontier of <paramref name="analysis"/>.</summary>
    /// <exception cref="ArgumentException">The published points do not have one utility per party.</exception>
    public static PublishedFrontierComparison Compare(string scenario, AnalysisResult analysis, IReadOnlyList<double[]> published)
    {
        var k = analysis.PartyNames.Count;
        var checks = new List<PublishedPointCheck>();
        var matched = new bool[analysis.Pareto.Count];
        foreach (var p in published)
        {
            if (p.Length != k)
            {
                throw new ArgumentException($"A published point has {p.Length} utilities; the analysis has {k} parties.", nameof(published));
            }

            var verdict = PublishedPointVerdict.AboveFrontier;
            FrontierPoint? by = null;
            for (var f = 0; f < analysis.Pareto.Count; f++)
            {
                var q = analysis.Pareto[f].Utilities;
                if (Same(p, q))
                {
                    verdict = PublishedPointVerdict.OnFrontier;
                    by = analysis.Pareto[f];
                    matched[f] = true;
                    break;
                }
            }

            if (verdict != PublishedPointVerdict.OnFrontier)
            {
                // The dominating frontier point that gains most in total.
                var bestGain = double.NegativeInfinity;
                foreach (var f in analysis.Pareto)
                {
                    if (Dominates(f.Utilities, p))
                    {
                        var gain = f.Utilities.Zip(p, (a, b) => a - b).Sum();
                        if (gain > bestGain)
                        {
                            bestGain = gain;
                            by = f;
                            verdict = PublishedPointVerdict.Dominated;
                        }
                    }
                }
            }

            checks.Add(new PublishedPointCheck(p, verdict, by));
        }

        var missing = new List<FrontierPoint>();
        for (var f = 0; f < matched.Length; f++)
        {
            if (!matched[f])
            {
                missing.Add(analysis.Pareto[f]);
            }
        }

        return new PublishedFrontierComparison(scenario, analysis, published, checks, missing);
    }

    /// <summary>The comparison as JSON (the <c>--json</c> of <c>parley pareto-check</c>).</summary>
    public void WriteJson(Utf8JsonWriter w)
    {
        var domain = Analysis.Domain;
        w.WriteStartObject();
        w.WriteString("scenario", Scenario);
        w.WriteBoolean("frontierProved", FrontierProved);
        w.WriteNumber("frontierPoints", Analysis.Pareto.Count);
        w.WriteNumber("publishedPoints", Checks.Count);
        w.WriteNumber("onFrontier", OnFrontier);
        w.WriteNumber("dominated", Dominated);
        w.WriteNumber("aboveFrontier", Unreachable);
        w.WriteNumber("missing", Missing.Count);
        w.WriteBoolean("exact", IsExact);
        w.WriteStartArray("checks");
        foreach (var c in Checks)
        {
            w.WriteStartObject();
            WriteUtilities(w, "published", c.Published);
            w.WriteString("verdict", c.Verdict switch
            {
                PublishedPointVerdict.OnFrontier => "on-frontier",
                PublishedPointVerdict.Dominated => "dominated",
                _ => "above-frontier",
            });
            if (c.By is { } by && c.Verdict == PublishedPointVerdict.Dominated)
            {
                WriteUtilities(w, "dominatedBy", by.Utilities);
                WriteOutcome(w, domain, by.Outcome);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("missingPoints");
        foreach (var m in Missing)
        {
            w.WriteStartObject();
            WriteUtilities(w, "utilities", m.Utilities);
            WriteOutcome(w, domain, m.Outcome);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A one-line Markdown table row: scenario, frontier size and proof, published size, on frontier, dominated, above, missing, verdict.</summary>
    public string MarkdownRow()
    {
        var inv = CultureInfo.InvariantCulture;
        var verdict = IsExact ? "exact" : Dominated > 0 || Missing.Count > 0 ? "not exact" : "differs";
        var solver = Analysis.Solver;
        var proof = FrontierProved ? "proved" : "not proved";
        var time = solver is null ? string.Empty : string.Create(inv, $", {solver.Seconds:0.0} s");
        var nash = Analysis.Nash is { } n ? string.Create(inv, $"({n.Utilities[0]:0.0000}, {n.Utilities[1]:0.0000})") : "-";
        return string.Create(inv, $"| {Scenario} | {Analysis.Pareto.Count} ({proof}{time}) | {Checks.Count} | {OnFrontier} | {Dominated} | {Unreachable} | {Missing.Count} | {nash} | {verdict} |");
    }

    /// <summary>The header of the Markdown table <see cref="MarkdownRow"/> fills.</summary>
    public static string MarkdownHeader =>
        "| scenario | Parley frontier points | published points | on the frontier | dominated | above the frontier | frontier points not published | Nash (Parley) | published frontier |\n"
        + "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |";

    /// <summary>The dominated published points with the outcome that dominates each, as Markdown list lines.</summary>
    public IEnumerable<string> DominatedDetails()
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var c in Checks.Where(c => c.Verdict == PublishedPointVerdict.Dominated))
        {
            var by = c.By!;
            var outcome = new StringBuilder();
            foreach (var (issue, value) in Analysis.Domain.Describe(by.Outcome))
            {
                outcome.Append(outcome.Length == 0 ? string.Empty : ", ").Append(issue).Append('=').Append(value);
            }

            yield return string.Create(inv, $"- {Scenario}: published ({string.Join(", ", c.Published.Select(u => u.ToString("0.######", inv)))}) is dominated by ({string.Join(", ", by.Utilities.Select(u => u.ToString("0.######", inv)))}) at {outcome}");
        }
    }

    private static bool Same(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (Math.Abs(a[i] - b[i]) > Tolerance)
            {
                return false;
            }
        }

        return true;
    }

    private static bool Dominates(IReadOnlyList<double> q, IReadOnlyList<double> p)
    {
        var better = false;
        for (var i = 0; i < p.Count; i++)
        {
            if (q[i] < p[i] - Tolerance)
            {
                return false;
            }

            if (q[i] > p[i] + Tolerance)
            {
                better = true;
            }
        }

        return better;
    }

    private static void WriteUtilities(Utf8JsonWriter w, string name, IReadOnlyList<double> utilities)
    {
        w.WriteStartArray(name);
        foreach (var u in utilities)
        {
            w.WriteNumberValue(u);
        }

        w.WriteEndArray();
    }

    private static void WriteOutcome(Utf8JsonWriter w, Domain domain, Outcome outcome)
    {
        w.WriteStartObject("outcome");
        foreach (var (issue, value) in domain.Describe(outcome))
        {
            w.WriteString(issue, value);
        }

        w.WriteEndObject();
    }
}
