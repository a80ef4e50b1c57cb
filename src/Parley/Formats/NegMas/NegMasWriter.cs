using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Domains;
using Parley.Formats.GeniusWeb;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Formats.NegMas;

/// <summary>
/// Writes a scenario as a NegMAS scenario folder in YAML, the layout <c>Scenario.dumpas(folder, "yml")</c>
/// gives: <c>&lt;outcome space&gt;.yml</c> and one <c>&lt;party&gt;.yml</c> per utility function, which
/// <see cref="NegMasReader"/> and NegMAS's <c>Scenario.load</c> read back.
/// </summary>
/// <remarks>
/// <para>Issues: an integer issue with step 1 is a <c>ContiguousIssue</c>; other integer and real issues are
/// <c>DiscreteCardinalIssue</c>s listing their values; a categorical issue is a <c>CategoricalIssue</c>.</para>
/// <para>An additive profile is a <c>LinearAdditiveUtilityFunction</c> with its weights and each issue's
/// values as a <c>TableFun</c> (every value function tabulated over the issue's levels, so every utility is
/// kept). Any other profile is a <c>HyperRectangleUtilityFunction</c> with constant utilities:</para>
/// <list type="bullet">
/// <item>a constraint is one outcome range worth its value ÷ the profile's scale; an exclusive one adds its
/// value to the bias and subtracts it inside its box; one over no issue is part of the bias;</item>
/// <item>the additive part is one range per level of each issue, worth that level's weighted value;</item>
/// <item>a range of levels is written the way NegMAS's <c>outcome_in_range</c> tests it: one level as its
/// value; several levels of a categorical issue as the list of their names; several levels of a
/// numeric issue as the open interval <c>[low, high]</c> whose ends lie between the range's end values and
/// their neighbours (NegMAS tests <c>low &lt; x &lt; high</c>);</item>
/// <item>GENIUS's cap at 1 has no NegMAS form: a profile whose cap can bind is refused (the raw sum's
/// maximum is found group by group, see <see cref="GeniusWebWriter.Groups"/>, where a group is small
/// enough to enumerate).</item>
/// </list>
/// <para>A discounted profile is wrapped in an <c>ExpDiscountedUFun</c> over relative time. Red lines,
/// descriptions and metadata have no place in these files: a note says what was left out.</para>
/// </remarks>
public static class NegMasWriter
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes <paramref name="scenario"/> to <paramref name="folder"/> (created if needed).</summary>
    /// <returns>Notes, one a line, of what NegMAS's files cannot hold.</returns>
    /// <exception cref="InputException">Two parties would share a file, or a profile cannot be written exactly (its cap at 1 can bind).</exception>
    public static IReadOnlyList<string> WriteScenario(Scenario scenario, string folder)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var notes = new List<string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = new List<(string Path, string Text)>();
        foreach (var party in scenario.Parties)
        {
            if (party.Role != PartyRole.Party || party.Profile is null)
            {
                notes.Add($"{party.Role.ToString().ToLowerInvariant()} '{party.Name}' is not written: NegMAS utility functions are for negotiating parties only.");
                continue;
            }

            var fileName = OutputFiles.SafeFileName(party.Name, "party");
            if (fileName != party.Name)
            {
                notes.Add($"party '{party.Name}' is written as '{fileName}.yml' (a file name cannot hold every character).");
            }

            if (!used.Add(fileName))
            {
                throw new InputException(folder, $"party '{party.Name}'", $"two parties would be written to the same file '{fileName}.yml'");
            }

            var partyNotes = new List<string>();
            files.Add((Path.Combine(folder, fileName + ".yml"), ProfileYaml(party.Profile, fileName, partyNotes)));
            notes.AddRange(partyNotes.Select(n => $"party '{party.Name}': {n}"));
        }

        var domainFile = OutputFiles.SafeFileName(scenario.Domain.Name, "domain");
        if (used.Contains(domainFile))
        {
            domainFile += "-domain";
            notes.Add($"the outcome space is written as '{domainFile}.yml': a party has the domain's name.");
        }

        files.Add((Path.Combine(folder, domainFile + ".yml"), DomainYaml(scenario.Domain)));
        foreach (var (path, text) in files)
        {
            OutputFiles.Write(path, Encoding.UTF8.GetBytes(text));
        }

        if (scenario.Metadata != ScenarioMetadata.Empty || scenario.Deadline is not null || scenario.Parties.Any(p => p.Description is not null || p.Assumptions.Count > 0))
        {
            notes.Add("metadata, deadline, descriptions and modelling assumptions are not written: NegMAS scenario files have no place for them.");
        }

        TwoLevelNotes.Add(scenario, notes, "NegMAS");
        return notes;
    }

    /// <summary>The outcome space of <paramref name="domain"/> as NegMAS YAML.</summary>
    public static string DomainYaml(Domain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var y = new StringBuilder();
        y.Append("name: ").Append(Quote(domain.Name)).Append('\n');
        y.Append("type: CartesianOutcomeSpace\n");
        y.Append("issues:\n");
        foreach (var issue in domain.Issues)
        {
            y.Append("- name: ").Append(Quote(issue.Name)).Append('\n');
            switch (issue)
            {
                case IntegerIssue { Step: 1 } n:
                    y.Append("  type: ContiguousIssue\n");
                    y.Append(CultureInfo.InvariantCulture, $"  values: [{n.LowerBound}, {n.IntegerAt(n.Cardinality - 1)}]\n");
                    break;
                case NumericIssue n:
                    y.Append("  type: DiscreteCardinalIssue\n");
                    y.Append("  values: [").AppendJoin(", ", Enumerable.Range(0, n.Cardinality).Select(l => Value(n, l))).Append("]\n");
                    break;
                default:
                    y.Append("  type: CategoricalIssue\n");
                    y.Append("  values: [").AppendJoin(", ", Enumerable.Range(0, issue.Cardinality).Select(l => Quote(issue.FormatLevel(l)))).Append("]\n");
                    break;
            }
        }

        return y.ToString();
    }

    /// <summary>
    /// <paramref name="profile"/> as a NegMAS utility function named <paramref name="name"/>, adding to
    /// <paramref name="notes"/> a line for what it cannot hold.
    /// </summary>
    /// <exception cref="InputException">The profile's cap at 1 can bind (no NegMAS form keeps it).</exception>
    public static string ProfileYaml(Profile profile, string name, ICollection<string> notes)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(notes);
        if (!profile.RedLines.IsEmpty)
        {
            notes.Add($"{profile.RedLines.Lines.Count} red line(s) not written: NegMAS utility functions cannot hold red lines ({string.Join("; ", profile.RedLines.Lines.Select(l => l.Describe(profile.Domain)))}).");
        }

        var y = new StringBuilder();
        var indent = string.Empty;
        if (profile.IsDiscounted)
        {
            y.Append("type: ExpDiscountedUFun\n");
            y.Append("name: ").Append(Quote(name)).Append('\n');
            y.Append("discount: ").Append(Float(profile.DiscountFactor)).Append('\n');
            y.Append("factor: relative_time\n");
            y.Append("reserved_value: ").Append(Float(profile.ReservationValue)).Append('\n');
            y.Append("ufun:\n");
            indent = "  ";
        }

        switch (profile)
        {
            case AdditiveProfile a:
                LinearAdditive(y, indent, a, name, profile.ReservationValue);
                break;
            case NonlinearProfile { Constraints.Count: 0, Additive: { } a, Scale: 1, CapsAtOne: false }:
                LinearAdditive(y, indent, a, name, profile.ReservationValue);
                break;
            case NonlinearProfile n:
                Rectangles(y, indent, n, name, notes);
                break;
            default:
                throw new NotSupportedException($"A {profile.GetType().Name} has no NegMAS form.");
        }

        return y.ToString();
    }

    private static void LinearAdditive(StringBuilder y, string indent, AdditiveProfile a, string name, double reservation)
    {
        var domain = a.Domain;
        y.Append(indent).Append("type: LinearAdditiveUtilityFunction\n");
        y.Append(indent).Append("name: ").Append(Quote(name)).Append('\n');
        y.Append(indent).Append("reserved_value: ").Append(Float(reservation)).Append('\n');
        y.Append(indent).Append("weights: [").AppendJoin(", ", a.Weights.Select(Float)).Append("]\n");
        y.Append(indent).Append("values:\n");
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var issue = domain.Issues[i];
            y.Append(indent).Append("- type: TableFun\n");
            y.Append(indent).Append("  mapping:\n");
            for (var l = 0; l < issue.Cardinality; l++)
            {
                y.Append(indent).Append("    ").Append(Value(issue, l)).Append(": ").Append(Float(a.ValueFunctions[i].EvaluateLevel(issue, l))).Append('\n');
            }
        }
    }

    private static void Rectangles(StringBuilder y, string indent, NonlinearProfile n, string name, ICollection<string> notes)
    {
        var domain = n.Domain;
        if (n.CapsAtOne)
        {
            var (max, exact, witness) = RawUtilityBound.Of(n);
            var reached = n.RawUtility(witness);
            if (reached > n.Scale * (1 + 1e-12))
            {
                // Shown by an outcome: the cap binds.
                throw new InputException(string.Empty, $"party '{name}'", string.Create(CultureInfo.InvariantCulture,
                    $"utilities are capped at 1 (GENIUS's maxutility {n.Scale:R}) and the raw sum reaches {reached:R} at outcome ({Describe(domain, witness)}), so the cap binds; NegMAS's HyperRectangleUtilityFunction has no cap, so it cannot be written exactly"));
            }

            if (max > n.Scale * (1 + 1e-12) && !exact)
            {
                var (byGroups, groupsExact) = MaxRaw(n);
                (max, exact) = byGroups < max || groupsExact ? (byGroups, groupsExact) : (max, exact);
            }

            if (max > n.Scale * (1 + 1e-12))
            {
                throw new InputException(string.Empty, $"party '{name}'", string.Create(CultureInfo.InvariantCulture,
                    $"utilities are capped at 1 (GENIUS's maxutility {n.Scale:R}) and the raw sum {(exact ? "reaches" : "may reach")} {max:R}, so the cap {(exact ? "binds" : "may bind")}; NegMAS's HyperRectangleUtilityFunction has no cap, so it cannot be written exactly"));
            }

            notes.Add("utilities are capped at 1 in GENIUS, but the cap never binds here, so it is left out.");
        }

        var inverse = 1 / n.Scale;
        var bias = 0.0;
        var ranges = new List<string>();
        var utilities = new List<double>();
        if (n.Additive is { } a)
        {
            for (var i = 0; i < domain.IssueCount; i++)
            {
                for (var l = 0; l < domain.Issues[i].Cardinality; l++)
                {
                    var u = a.LevelUtility(i, l) * inverse;
                    if (u != 0)
                    {
                        ranges.Add(Range([(i, l, l)], domain));
                        utilities.Add(u);
                    }
                }
            }
        }

        foreach (var c in n.Constraints)
        {
            var value = c.Value * inverse;
            var box = Intersect(c, domain);
            if (box is null)
            {
                // An empty box: an inclusive constraint never holds, an exclusive one always does.
                bias += c.IsExclusive ? value : 0;
                continue;
            }

            if (box.Count == 0)
            {
                // The whole space: an inclusive constraint always holds, an exclusive one never does.
                bias += c.IsExclusive ? 0 : value;
                continue;
            }

            if (c.IsExclusive)
            {
                bias += value;
                value = -value;
            }

            if (value != 0)
            {
                ranges.Add(Range(box, domain));
                utilities.Add(value);
            }
        }

        y.Append(indent).Append("type: HyperRectangleUtilityFunction\n");
        y.Append(indent).Append("name: ").Append(Quote(name)).Append('\n');
        y.Append(indent).Append("reserved_value: ").Append(Float(n.ReservationValue)).Append('\n');
        y.Append(indent).Append("bias: ").Append(Float(bias)).Append('\n');
        if (ranges.Count == 0)
        {
            y.Append(indent).Append("outcome_ranges: []\n");
            y.Append(indent).Append("utilities: []\n");
            return;
        }

        y.Append(indent).Append("outcome_ranges:\n");
        foreach (var r in ranges)
        {
            y.Append(indent).Append("- ").Append(r).Append('\n');
        }

        y.Append(indent).Append("utilities:\n");
        foreach (var u in utilities)
        {
            y.Append(indent).Append("- ").Append(Float(u)).Append('\n');
        }
    }

    /// <summary>The box of a constraint with its ranges on each issue intersected: null when empty, no sides when it is the whole space.</summary>
    private static List<(int Issue, int Min, int Max)>? Intersect(HyperRectangle c, Domain domain)
    {
        var sides = new SortedDictionary<int, (int Min, int Max)>();
        foreach (var r in c.Ranges)
        {
            sides[r.Issue] = sides.TryGetValue(r.Issue, out var s) ? (Math.Max(s.Min, r.MinLevel), Math.Min(s.Max, r.MaxLevel)) : (r.MinLevel, r.MaxLevel);
        }

        var box = new List<(int, int, int)>();
        foreach (var (issue, (min, max)) in sides)
        {
            if (min > max)
            {
                return null;
            }

            if (min > 0 || max < domain.Issues[issue].Cardinality - 1)
            {
                box.Add((issue, min, max));
            }
        }

        return box;
    }

    /// <summary>One outcome range as a YAML flow mapping from issue index to condition.</summary>
    private static string Range(IEnumerable<(int Issue, int Min, int Max)> box, Domain domain)
    {
        var parts = new List<string>();
        foreach (var (i, min, max) in box)
        {
            var issue = domain.Issues[i];
            string condition;
            if (min == max)
            {
                condition = Value(issue, min);
            }
            else if (issue is NumericIssue numeric)
            {
                var lo = min == 0 ? numeric.ValueAt(0) - 1 : Between(numeric.ValueAt(min - 1), numeric.ValueAt(min));
                var hi = max == issue.Cardinality - 1 ? numeric.ValueAt(max) + 1 : Between(numeric.ValueAt(max), numeric.ValueAt(max + 1));
                condition = $"[{Float(lo)}, {Float(hi)}]";
            }
            else
            {
                condition = "[" + string.Join(", ", Enumerable.Range(min, max - min + 1).Select(l => Quote(issue.FormatLevel(l)))) + "]";
            }

            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{i}: {condition}"));
        }

        return "{" + string.Join(", ", parts) + "}";
    }

    private static string Describe(Domain domain, int[] levels)
    {
        var pairs = domain.Describe(levels).Select(p => $"{p.Key}={p.Value}").ToList();
        return pairs.Count <= 10 ? string.Join(", ", pairs) : string.Join(", ", pairs.Take(10)) + $", … {pairs.Count - 10} more";
    }

    /// <summary>A number strictly between two increasing values (their midpoint, or the larger when they are adjacent doubles).</summary>
    private static double Between(double a, double b)
    {
        var m = a + ((b - a) / 2);
        return m > a && m < b ? m : b;
    }

    /// <summary>The largest raw sum of a nonlinear profile, exact when every group of issues under its constraints can be enumerated, otherwise an upper bound.</summary>
    private static (double Max, bool Exact) MaxRaw(NonlinearProfile n)
    {
        var domain = n.Domain;
        var groups = GeniusWebWriter.Groups(n);
        var max = 0.0;
        var exact = true;
        var constraintsOf = groups.Select(_ => new List<HyperRectangle>()).ToArray();
        var groupOf = new int[domain.IssueCount];
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var i in groups[g])
            {
                groupOf[i] = g;
            }
        }

        foreach (var c in n.Constraints)
        {
            if (c.Ranges.Count == 0)
            {
                max += c.Value;
            }
            else
            {
                constraintsOf[groupOf[c.Ranges[0].Issue]].Add(c);
            }
        }

        for (var g = 0; g < groups.Count; g++)
        {
            var issues = groups[g];
            var size = issues.Aggregate(1.0, (p, i) => p * domain.Issues[i].Cardinality);
            if (size > GeniusWebWriter.MaxGroupEntries)
            {
                exact = false;
                max += issues.Sum(i => n.Additive is { } a ? MaxOf(a.LevelUtilities(i)) : 0) + constraintsOf[g].Sum(c => Math.Max(0, c.Value));
                continue;
            }

            var levels = new int[domain.IssueCount];
            var best = double.NegativeInfinity;
            do
            {
                var sum = 0.0;
                if (n.Additive is { } a)
                {
                    foreach (var i in issues)
                    {
                        sum += a.LevelUtility(i, levels[i]);
                    }
                }

                foreach (var c in constraintsOf[g])
                {
                    sum += c.Evaluate(levels);
                }

                best = Math.Max(best, sum);
            }
            while (domain.Advance(levels, issues));
            max += best;
        }

        return (max, exact);

        static double MaxOf(ReadOnlySpan<double> values)
        {
            var m = double.NegativeInfinity;
            foreach (var v in values)
            {
                m = Math.Max(m, v);
            }

            return m;
        }
    }

    /// <summary>A level's value as NegMAS holds it: an integer, a float, or quoted text.</summary>
    private static string Value(Issue issue, int level) => issue switch
    {
        IntegerIssue n => n.IntegerAt(level).ToString(CultureInfo.InvariantCulture),
        NumericIssue n => Float(n.ValueAt(level)),
        _ => Quote(issue.FormatLevel(level)),
    };

    /// <summary>A double-quoted YAML string (JSON's escapes are YAML's).</summary>
    private static string Quote(string text) => JsonSerializer.Serialize(text, Quoting);

    /// <summary>A finite double as a YAML 1.1 float that PyYAML reads back exactly: always a point in the mantissa, a signed exponent.</summary>
    private static string Float(double x)
    {
        if (!double.IsFinite(x))
        {
            return double.IsNaN(x) ? ".nan" : x > 0 ? ".inf" : "-.inf";
        }

        var r = x.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? r : r[..e];
        var exponent = e < 0 ? string.Empty : r[(e + 1)..];
        if (!mantissa.Contains('.', StringComparison.Ordinal))
        {
            mantissa += ".0";
        }

        if (exponent.Length == 0)
        {
            return mantissa;
        }

        return mantissa + "e" + (exponent[0] is '+' or '-' ? exponent : "+" + exponent);
    }
}
