using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;
using static Parley.Formats.Genius.GeniusXml;

namespace Parley.Formats.Genius;

/// <summary>
/// Writes GENIUS XML that GENIUS (and <see cref="GeniusReader"/>) reads back to the same utility
/// for every outcome (GENIUS caps utilities at 1: a profile whose utilities exceed 1 gets a note).
/// </summary>
/// <remarks>
/// GENIUS divides a discrete issue's evaluations by the largest one, so a value table <c>v</c> with
/// weight <c>w</c> is written as evaluations <c>v / max v</c> with weight <c>w · max v</c>. A
/// numeric issue's value function must be GENIUS's clamped linear evaluator on the issue's levels
/// (after the same rescaling); anything GENIUS cannot express, and integer steps other than 1, is
/// refused with an <see cref="InputException"/> naming the issue, never approximated. Red lines,
/// clause texts, mediators and metadata have no place in GENIUS files:
/// <see cref="WriteScenario"/> leaves them out and says so in its notes.
/// </remarks>
public static partial class GeniusWriter
{
    private const double FitTolerance = 1e-12;

    /// <summary>Writes <paramref name="domain"/> as a GENIUS domain template (issues numbered 1, 2, … in domain order).</summary>
    /// <exception cref="InputException">An issue GENIUS cannot hold (an integer step other than 1, bounds beyond 32-bit integers), or the file cannot be written.</exception>
    public static void WriteDomain(Domain domain, string path) => Save(DomainDocument(domain, path), path);

    /// <summary>Writes <paramref name="profile"/> as a GENIUS utility space (linear additive, or nonlinear for a <see cref="NonlinearProfile"/>). Red lines are not written (GENIUS has none).</summary>
    /// <exception cref="InputException">A value function or constraint GENIUS cannot express, or the file cannot be written.</exception>
    public static void WriteProfile(Profile profile, string path) => Save(AnyProfileDocument(profile, path, path), path);

    /// <summary>
    /// Writes a GENIUS folder: <c>&lt;domain name&gt;-domain.xml</c> and one <c>&lt;party&gt;.xml</c>
    /// per negotiator. Nothing is written unless every file can be.
    /// </summary>
    /// <returns>Human-readable notes on what GENIUS cannot hold and was left out.</returns>
    /// <exception cref="InputException">A profile GENIUS cannot express, a party name that cannot be a file name, or a folder holding other XML files.</exception>
    public static IReadOnlyList<string> WriteScenario(Scenario scenario, string folder)
    {
        var notes = new List<string>();
        var domain = scenario.Domain;
        var domainFile = Path.Combine(folder, OutputFiles.SafeFileName(domain.Name, "domain") + "-domain.xml");
        var documents = new List<(string Path, XDocument Document)> { (domainFile, DomainDocument(domain, domainFile)) };
        var fileNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Path.GetFileName(domainFile) };

        foreach (var party in scenario.Parties)
        {
            if (party.Role != PartyRole.Party)
            {
                notes.Add($"{party.Role.ToString().ToLowerInvariant()} '{party.Name}' left out: GENIUS scenarios have negotiating parties only");
                continue;
            }

            if (party.Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || party.Name is "." or ".." || party.Name.Trim() != party.Name)
            {
                throw new InputException(folder, $"party '{party.Name}'", "the party's name cannot be a file name, which GENIUS folders use as the party's name");
            }

            var file = Path.Combine(folder, party.Name + ".xml");
            if (!fileNames.Add(Path.GetFileName(file)))
            {
                throw new InputException(folder, $"party '{party.Name}'", $"the party's file {Path.GetFileName(file)} would clash with another file of the scenario");
            }

            var profile = party.Profile!;
            documents.Add((file, AnyProfileDocument(profile, file, folder)));
            if (profile.RedLines.Lines.Count > 0)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{party.Name}: {profile.RedLines.Lines.Count} red line(s) left out: GENIUS profiles have none"));
            }

            if (party.Description is not null)
            {
                notes.Add($"{party.Name}: the party's description left out");
            }

            if (profile is AdditiveProfile additive && GeniusReader.MaxUtility(additive) is var best && best > 1 + GeniusReader.CapSlack)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{party.Name}: its utilities reach {best:R}; GENIUS caps every utility at 1, so outcomes above 1 will all be worth 1 there"));
            }
        }

        AddDomainNotes(domain, notes);
        var m = scenario.Metadata;
        if (m.Title is not null || m.Description is not null || m.Date is not null || m.Location is not null || m.Sources is { Count: > 0 } || m.Notes is not null)
        {
            notes.Add("scenario metadata (title, description, date, location, sources, notes) left out: GENIUS folders have none");
        }

        if (scenario.Deadline is not null)
        {
            notes.Add("the deadline left out: GENIUS sets deadlines per session, not in scenario files");
        }

        var names = scenario.Negotiators.Select(p => p.Name).ToArray();
        var sorted = names.Order(StringComparer.Ordinal).ToArray();
        if (!names.SequenceEqual(sorted))
        {
            notes.Add($"GENIUS folders order parties by file name: reading the folder back gives {string.Join(", ", sorted)}");
        }

        if (Directory.Exists(folder))
        {
            var strangers = Directory.GetFiles(folder, "*.xml").Where(f => !fileNames.Contains(Path.GetFileName(f))).Select(Path.GetFileName).ToArray();
            if (strangers.Length > 0)
            {
                throw new InputException(folder, string.Empty, $"the folder already holds other XML files ({string.Join(", ", strangers)}); a GENIUS folder holds one scenario, so write into an empty folder");
            }
        }

        foreach (var (path, document) in documents)
        {
            Save(document, path);
        }

        return notes;
    }

    private static void AddDomainNotes(Domain domain, List<string> notes)
    {
        if (domain.Description is not null)
        {
            notes.Add("the domain's description left out");
        }

        foreach (var issue in domain.Issues)
        {
            if (issue is CategoricalIssue c && c.Options.Any(o => o.Clause is not null))
            {
                notes.Add($"issue '{issue.Name}': clause texts of its options left out");
            }

            if (issue is NumericIssue { ClauseTemplate: not null })
            {
                notes.Add($"issue '{issue.Name}': its clause template left out");
            }
        }
    }

    private static XDocument DomainDocument(Domain domain, string file)
    {
        var objective = RootObjective();
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var issue = domain.Issues[i];
            var element = IssueElement(issue, i + 1, file);
            if (issue is CategoricalIssue c)
            {
                for (var l = 0; l < c.Cardinality; l++)
                {
                    var item = new XElement("item", new XAttribute("index", l + 1), new XAttribute("value", c.Options[l].Name));
                    if (c.Options[l].Description is { } d)
                    {
                        item.Add(new XAttribute("description", d));
                    }

                    element.Add(item);
                }
            }

            objective.Add(element);
        }

        return new XDocument(new XElement(
            "negotiation_template",
            new XElement("utility_space", new XAttribute("number_of_issues", domain.IssueCount), objective)));
    }

    private static XDocument ProfileDocument(AdditiveProfile profile, string file)
    {
        var domain = profile.Domain;
        var objective = RootObjective();
        var weights = new List<XElement>();
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var issue = domain.Issues[i];
            var element = IssueElement(issue, i + 1, file);
            var w = profile.Weights[i];
            var values = new double[issue.Cardinality];
            for (var l = 0; l < values.Length; l++)
            {
                values[l] = profile.ValueFunctions[i].EvaluateLevel(issue, l);
                if (values[l] < 0 && values[l] >= -FitTolerance)
                {
                    values[l] = 0; // rounding noise of a function that touches 0
                }
                else if (values[l] < 0)
                {
                    throw new InputException(file, $"issue '{issue.Name}'", string.Create(CultureInfo.InvariantCulture, $"level '{issue.FormatLevel(l)}' has the negative value {values[l]:R}; GENIUS values are 0 or more"));
                }
            }

            var max = values.Max();
            if (issue is CategoricalIssue c)
            {
                // GENIUS divides by the largest evaluation: write v / max with weight w · max.
                var scale = max > 0 ? max : 1;
                for (var l = 0; l < values.Length; l++)
                {
                    element.Add(new XElement(
                        "item",
                        new XAttribute("index", l + 1),
                        new XAttribute("value", c.Options[l].Name),
                        new XAttribute("evaluation", Format(values[l] / scale))));
                }

                w *= scale;
            }
            else
            {
                // GENIUS clamps numeric evaluations to [0, 1]: bring the values into it, then fit the clamped line.
                var scale = max > 1 ? max : 1;
                var numeric = (NumericIssue)issue;
                var xs = new double[values.Length];
                for (var l = 0; l < values.Length; l++)
                {
                    values[l] /= scale;
                    xs[l] = issue is IntegerIssue ? l : numeric.ValueAt(l); // GENIUS's integer evaluator works on x − lowerbound.
                }

                var (slope, offset) = FitClampedLine(xs, values)
                    ?? throw new InputException(file, $"issue '{issue.Name}'", $"its value function is not linear over the issue's values (clamped to [0, 1]), the only kind GENIUS's {(issue is IntegerIssue ? "integer" : "real")} evaluator has");
                element.Add(issue is IntegerIssue
                    ? new XElement("evaluator", new XAttribute("ftype", "linear"), new XAttribute("slope", Format(slope)), new XAttribute("offset", Format(offset)))
                    : new XElement("evaluator", new XAttribute("ftype", "linear"), new XAttribute("parameter0", Format(offset)), new XAttribute("parameter1", Format(slope))));
                w *= scale;
            }

            objective.Add(element);
            weights.Add(new XElement("weight", new XAttribute("index", i + 1), new XAttribute("value", Format(w))));
        }

        objective.Add(weights);
        return new XDocument(new XElement(
            "utility_space",
            objective,
            new XElement("discount_factor", new XAttribute("value", Format(profile.IsDiscounted ? profile.DiscountFactor : 1.0))),
            new XElement("reservation", new XAttribute("value", Format(profile.ReservationValue)))));
    }

    /// <summary>
    /// Finds slope and offset with <c>clamp(slope·x + offset, 0, 1) = v</c> at every point (values
    /// already in [0, 1]), or null when no such line exists.
    /// </summary>
    internal static (double Slope, double Offset)? FitClampedLine(double[] xs, double[] vs)
    {
        var n = xs.Length;
        if (n == 1)
        {
            return (0, vs[0]);
        }

        var candidates = new List<(int A, int B)>();
        int firstInner = -1, lastInner = -1;
        for (var k = 0; k < n; k++)
        {
            if (vs[k] > 0 && vs[k] < 1)
            {
                lastInner = k;
                if (firstInner < 0)
                {
                    firstInner = k;
                }
            }
        }

        if (firstInner >= 0 && lastInner > firstInner)
        {
            candidates.Add((firstInner, lastInner));
        }

        candidates.Add((0, n - 1));
        for (var k = 0; k + 1 < n; k++)
        {
            if (vs[k] != vs[k + 1])
            {
                candidates.Add((k, k + 1));
                break;
            }
        }

        for (var k = n - 2; k >= 0; k--)
        {
            if (vs[k] != vs[k + 1])
            {
                candidates.Add((k, k + 1));
                break;
            }
        }

        foreach (var (a, b) in candidates)
        {
            var slope = (vs[b] - vs[a]) / (xs[b] - xs[a]);
            var offset = vs[a] - (slope * xs[a]);
            if (!double.IsFinite(slope) || !double.IsFinite(offset))
            {
                continue;
            }

            var fits = true;
            for (var k = 0; k < n && fits; k++)
            {
                fits = Math.Abs(Math.Clamp((slope * xs[k]) + offset, 0, 1) - vs[k]) <= FitTolerance;
            }

            if (fits)
            {
                return (slope, offset);
            }
        }

        return null;
    }

    private static XElement RootObjective() => new(
        "objective",
        new XAttribute("index", 0),
        new XAttribute("description", string.Empty),
        new XAttribute("name", "root"),
        new XAttribute("type", "objective"),
        new XAttribute("etype", "objective"));

    private static XElement IssueElement(Issue issue, int index, string file)
    {
        var type = issue.Kind switch
        {
            IssueKind.Categorical => "discrete",
            IssueKind.Integer => "integer",
            _ => "real",
        };
        var element = new XElement(
            "issue",
            new XAttribute("index", index),
            new XAttribute("name", issue.Name),
            new XAttribute("type", type),
            new XAttribute("etype", type),
            new XAttribute("vtype", type));
        if (issue.Description is { } description)
        {
            element.Add(new XAttribute("description", description));
        }

        switch (issue)
        {
            case IntegerIssue n:
                if (n.Step != 1)
                {
                    throw new InputException(file, $"issue '{issue.Name}'", string.Create(CultureInfo.InvariantCulture, $"it steps by {n.Step}; GENIUS integer issues take every whole number between their bounds"));
                }

                if (n.LowerBound < int.MinValue || n.UpperBound > int.MaxValue)
                {
                    throw new InputException(file, $"issue '{issue.Name}'", "its bounds do not fit GENIUS's 32-bit integers");
                }

                element.Add(new XAttribute("lowerbound", Format(n.LowerBound)), new XAttribute("upperbound", Format(n.UpperBound)));
                break;
            case RealIssue r:
                if (r.Cardinality > 1)
                {
                    // A one-point issue (lower = upper) has one level whatever is written; the reader asks for 2 or more.
                    element.Add(new XAttribute("levels", r.Cardinality));
                }

                element.Add(new XElement("range", new XAttribute("lowerbound", Format(r.Min)), new XAttribute("upperbound", Format(r.Max))));
                break;
        }

        return element;
    }

    private static void Save(XDocument document, string path)
    {
        var settings = new XmlWriterSettings
        {
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            Encoding = new UTF8Encoding(false),
        };
        OutputFiles.Write(path, stream =>
        {
            using var writer = XmlWriter.Create(stream, settings);
            document.Save(writer);
        });
    }
}
