using System.Globalization;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Formats.NegMas;

/// <summary>NegMAS utility functions, read into Parley's one profile model.</summary>
public static partial class NegMasReader
{
    /// <summary>The most boxes one NegMAS hyper-rectangle may become (a range that is a union of several runs of levels on several issues multiplies).</summary>
    public const int MaxBoxesPerRectangle = 10_000;

    /// <summary>The most entries a <c>MappingUtilityFunction</c> may list.</summary>
    public const int MaxMappingEntries = 1_000_000;

    /// <summary>
    /// Reads a NegMAS utility-function file over <paramref name="domain"/>.
    /// </summary>
    /// <remarks>
    /// <para>Types read, with the utility each gives (as NegMAS's Python code computes it):</para>
    /// <list type="bullet">
    /// <item><c>LinearAdditiveUtilityFunction</c>: <c>Σ w_i·f_i(x_i)</c> (+ <c>bias</c> when given); weights and
    /// value functions as lists in issue order or mappings by issue name; missing weights are 1. Value
    /// functions: <c>TableFun</c> (<c>mapping</c>, every value of the issue), <c>AffineFun</c> (slope·x + bias),
    /// <c>LinearFun</c>, <c>IdentityFun</c>, <c>ConstFun</c>, <c>TriangularFun</c>. An <see cref="AdditiveProfile"/>
    /// (each issue's weighted values as a table; a negative weight is folded into the table), or with a
    /// bias a <see cref="NonlinearProfile"/> whose constant is the bias.</item>
    /// <item><c>AffineUtilityFunction</c>, <c>LinearUtilityFunction</c>: <c>bias + Σ w_i·x_i</c> over numeric issues.</item>
    /// <item><c>HyperRectangleUtilityFunction</c>: <c>bias + Σ_k w_k·u_k</c> over the ranges that hold (constant
    /// utilities only). A range maps an issue (its index, or name) to a value (equality), a two-number
    /// list (the open interval between them, as NegMAS's <c>outcome_in_range</c> tests it), another list
    /// (a union of those), or null (never holds, as NegMAS's code has it). A <see cref="NonlinearProfile"/>:
    /// each range becomes boxes (<see cref="HyperRectangle"/>) over the levels it holds for.</item>
    /// <item><c>MappingUtilityFunction</c>: a mapping from outcomes (a value for a one-issue domain, a list
    /// of values otherwise) to utilities, with <c>default</c> for outcomes not listed (NegMAS's default,
    /// −∞, requires every outcome to be listed).</item>
    /// <item><c>ConstUtilityFunction</c>: <c>value</c> everywhere.</item>
    /// <item><c>ExpDiscountedUFun</c> over one of these, with <c>factor: relative_time</c>: the discount factor
    /// (NegMAS's <c>discount^t</c> with t the relative time is GENIUS's and Parley's).</item>
    /// </list>
    /// <para><c>reserved_value</c> is the reservation value. NegMAS's default, −∞ (or none given), means any
    /// agreement beats none: it becomes a number at or below every utility (the sum of the parts' minima).</para>
    /// </remarks>
    /// <exception cref="InputException">The file is missing, malformed, or of a type Parley does not read (with line and path).</exception>
    public static Profile ReadProfile(string path, NegMasDomain domain)
    {
        var input = new YamlInput(path);
        return ReadProfile(input, input.Parse(ReadFile(path)), domain);
    }

    /// <summary>Reads a NegMAS utility function from <paramref name="stream"/> over <paramref name="domain"/>; <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="InputException">The input is malformed or of a type Parley does not read.</exception>
    public static Profile ReadProfile(Stream stream, string sourceName, NegMasDomain domain)
    {
        var input = new YamlInput(sourceName);
        return ReadProfile(input, input.Parse(JsonInput.ReadStream(stream, sourceName)), domain);
    }

    private static Profile ReadProfile(YamlInput input, YNode root, NegMasDomain domain) => ReadUfun(input, root, domain, 1, 0);

    private static Profile ReadUfun(YamlInput input, YNode root, NegMasDomain d, double discount, int depth)
    {
        var f = input.Fields(root, "the utility function");
        var typeNode = input.Required(f, root, "type", "the utility function");
        var type = ShortType(input.String(typeNode, "the utility function's type"));
        double? reservation = null;
        if (f.TryGetValue("reserved_value", out var rv) && !(rv is YScalar { IsNull: true }))
        {
            var r = input.Number(rv, "the reserved value");
            if (double.IsPositiveInfinity(r))
            {
                throw input.Error(rv, "the reserved value is +inf (no agreement better than every outcome); Parley needs a finite reservation value");
            }

            reservation = double.IsNegativeInfinity(r) ? null : r;
        }

        if (type == "ExpDiscountedUFun")
        {
            if (depth > 0)
            {
                throw input.Error(typeNode, "a discounted utility function inside another one is not supported");
            }

            var factor = YamlInput.Present(f, "factor", out var fn) ? input.String(fn, "the discount factor's variable") : "step";
            if (factor != "relative_time")
            {
                throw input.Error(f.TryGetValue("factor", out var at) ? at : root, $"the discount runs on '{factor}'; Parley discounts by relative time only (factor: relative_time)");
            }

            var dn = input.Required(f, root, "discount", "the discounted utility function");
            var df = input.FiniteNumber(dn, "the discount");
            if (df is <= 0 or > 1)
            {
                throw input.Error(dn, string.Create(CultureInfo.InvariantCulture, $"the discount is {df:R}; it must lie in (0, 1]"));
            }

            var inner = ReadUfun(input, input.Required(f, root, "ufun", "the discounted utility function"), d, df, depth + 1);
            return reservation is { } outer ? inner.WithReservationValue(outer) : inner;
        }

        var profile = type switch
        {
            "LinearAdditiveUtilityFunction" => LinearAdditive(input, f, root, d, discount),
            "AffineUtilityFunction" or "LinearUtilityFunction" => Affine(input, f, root, d, discount, type),
            "HyperRectangleUtilityFunction" => Rectangles(input, f, root, d, discount),
            "MappingUtilityFunction" => Mapping(input, f, root, d, discount),
            "ConstUtilityFunction" => Constant(input, f, root, d, discount),
            _ => throw input.Error(typeNode, $"utility function type '{type}' is not supported; Parley reads LinearAdditiveUtilityFunction, AffineUtilityFunction, LinearUtilityFunction, HyperRectangleUtilityFunction, MappingUtilityFunction, ConstUtilityFunction and ExpDiscountedUFun"),
        };

        return profile.WithReservationValue(reservation ?? LowerBound(profile));
    }

    /// <summary>A number at or below every utility of the profile (NegMAS's −∞ reservation value: every agreement beats none).</summary>
    private static double LowerBound(Profile profile)
    {
        static double Additive(AdditiveProfile a)
        {
            var sum = 0.0;
            for (var i = 0; i < a.Domain.IssueCount; i++)
            {
                var min = double.PositiveInfinity;
                foreach (var u in a.LevelUtilities(i))
                {
                    min = Math.Min(min, u);
                }

                sum += min;
            }

            return sum;
        }

        return profile switch
        {
            AdditiveProfile a => Additive(a),
            NonlinearProfile n => ((n.Additive is { } a ? Additive(a) : 0) + n.Constraints.Sum(c => Math.Min(0, c.Value))) / n.Scale,
            _ => 0,
        };
    }

    private static Profile LinearAdditive(YamlInput input, Dictionary<string, YNode> f, YNode root, NegMasDomain d, double discount)
    {
        var domain = d.Domain;
        var n = domain.IssueCount;
        var weights = PerIssue(input, f, "weights", d, (node, i) => input.FiniteNumber(node, $"the weight of issue '{domain.Issues[i].Name}'"), 1.0);
        var valuesNode = input.Required(f, root, "values", "a linear additive utility function");
        var tables = PerIssue(input, f, "values", d, (node, i) => ValueFunction(input, node, d, i), null);
        for (var i = 0; i < n; i++)
        {
            if (tables[i] is null)
            {
                throw input.Error(valuesNode, $"no value function for issue '{domain.Issues[i].Name}'");
            }
        }

        var bias = YamlInput.Present(f, "bias", out var b) ? input.FiniteNumber(b, "the bias") : 0;
        return Additive(domain, weights, tables!, bias, discount);
    }

    private static Profile Affine(YamlInput input, Dictionary<string, YNode> f, YNode root, NegMasDomain d, double discount, string type)
    {
        var domain = d.Domain;
        var weights = PerIssue(input, f, "weights", d, (node, i) => input.FiniteNumber(node, $"the weight of issue '{domain.Issues[i].Name}'"), double.NaN);
        var tables = new double[domain.IssueCount][];
        for (var i = 0; i < domain.IssueCount; i++)
        {
            if (double.IsNaN(weights[i]))
            {
                throw input.Error(f.TryGetValue("weights", out var w) ? w : root, $"no weight for issue '{domain.Issues[i].Name}'");
            }

            var numbers = Numbers(d, i) ?? throw input.Error(root, $"an {type} multiplies issue values, but issue '{domain.Issues[i].Name}' has text values");
            tables[i] = numbers;
        }

        var bias = type == "AffineUtilityFunction" && YamlInput.Present(f, "bias", out var b) ? input.FiniteNumber(b, "the bias") : 0;
        return Additive(domain, weights, tables, bias, discount);
    }

    private static Profile Additive(Domain domain, double[] weights, double[][] tables, double bias, double discount)
    {
        var n = domain.IssueCount;
        var w = new double[n];
        var functions = new ValueFunction[n];
        for (var i = 0; i < n; i++)
        {
            // A negative weight is folded into the table: |w|·(−v) = w·v exactly.
            var sign = weights[i] < 0 ? -1.0 : 1.0;
            w[i] = Math.Abs(weights[i]);
            functions[i] = new TableValueFunction(tables[i].Select(v => sign * v));
        }

        var additive = new AdditiveProfile(domain, w, functions, 0, discount);
        return bias == 0 ? additive : new NonlinearProfile(domain, additive, [new HyperRectangle([], bias)], discountFactor: discount);
    }

    private static Profile Constant(YamlInput input, Dictionary<string, YNode> f, YNode root, NegMasDomain d, double discount)
    {
        var value = input.FiniteNumber(input.Required(f, root, "value", "a constant utility function"), "the constant utility");
        return new NonlinearProfile(d.Domain, null, value == 0 ? [] : [new HyperRectangle([], value)], discountFactor: discount);
    }

    /// <summary>A per-issue setting given as a list in issue order or a mapping by issue name; issues not given get <paramref name="missing"/>.</summary>
    private static T[] PerIssue<T>(YamlInput input, Dictionary<string, YNode> f, string field, NegMasDomain d, Func<YNode, int, T> read, T missing)
    {
        var domain = d.Domain;
        var result = Enumerable.Repeat(missing, domain.IssueCount).ToArray();
        if (!YamlInput.Present(f, field, out var node))
        {
            return result;
        }

        if (node is YSeq seq)
        {
            if (seq.Items.Count != domain.IssueCount)
            {
                throw input.Error(node, $"{seq.Items.Count} {field} given; the outcome space has {domain.IssueCount} issues");
            }

            for (var i = 0; i < domain.IssueCount; i++)
            {
                result[i] = read(seq.Items[i], i);
            }

            return result;
        }

        foreach (var (key, value) in input.Entries(node, field))
        {
            var i = IssueIndex(input, key, d);
            result[i] = read(value, i);
        }

        return result;
    }

    /// <summary>An issue named by its index (as NegMAS's ranges and outcomes do) or its name.</summary>
    private static int IssueIndex(YamlInput input, YScalar key, NegMasDomain d)
    {
        var domain = d.Domain;
        if (domain.TryGetIssueIndex(key.Text, out var byName))
        {
            return byName;
        }

        if (int.TryParse(key.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < domain.IssueCount)
        {
            return index;
        }

        throw input.Error(key, $"'{key.Text}' is not an issue (issues: {string.Join(", ", domain.Issues.Select((x, k) => $"{k} {x.Name}"))})");
    }

    /// <summary>The numbers of the levels of issue <paramref name="i"/>, or null when its values are text.</summary>
    private static double[]? Numbers(NegMasDomain d, int i) =>
        d.Numbers.Count > i && d.Numbers[i] is { } given ? given
        : d.Domain.Issues[i] is NumericIssue n ? Enumerable.Range(0, n.Cardinality).Select(n.ValueAt).ToArray()
        : null;

    /// <summary>The levels of issue <paramref name="i"/> equal to a scalar (none when no level is).</summary>
    private static int LevelEqualTo(YScalar value, NegMasDomain d, int i)
    {
        var issue = d.Domain.Issues[i];
        if (issue is CategoricalIssue c && c.TryParseLevel(value.Text, out var level))
        {
            return level;
        }

        if (Numbers(d, i) is { } numbers && double.TryParse(value.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var x))
        {
            return Array.IndexOf(numbers, x);
        }

        return -1;
    }

    private static double[] ValueFunction(YamlInput input, YNode node, NegMasDomain d, int i)
    {
        var issue = d.Domain.Issues[i];
        var f = input.Fields(node, $"the value function of issue '{issue.Name}'");
        var type = ShortType(input.String(input.Required(f, node, "type", $"the value function of issue '{issue.Name}'"), "a value function's type"));
        var table = new double[issue.Cardinality];
        if (type == "TableFun")
        {
            var mapNode = input.Required(f, node, "mapping", "a TableFun");
            var given = new bool[table.Length];
            foreach (var (key, value) in input.Entries(mapNode, "the mapping"))
            {
                var level = LevelEqualTo(key, d, i);
                if (level < 0)
                {
                    throw input.Error(key, $"'{key.Text}' is not a value of issue '{issue.Name}'");
                }

                if (given[level])
                {
                    throw input.Error(key, $"value '{issue.FormatLevel(level)}' of issue '{issue.Name}' is given twice");
                }

                table[level] = input.FiniteNumber(value, $"the utility of '{key.Text}'");
                given[level] = true;
            }

            var missing = Array.IndexOf(given, false);
            return missing < 0 ? table : throw input.Error(mapNode, $"no utility for value '{issue.FormatLevel(missing)}' of issue '{issue.Name}' (NegMAS fails on it)");
        }

        double Param(string name, double fallback) =>
            YamlInput.Present(f, name, out var p) ? input.FiniteNumber(p, $"the {name} of a {type}") : fallback;
        double Needed(string name) => input.FiniteNumber(input.Required(f, node, name, $"a {type}"), $"the {name} of a {type}");

        if (type == "ConstFun")
        {
            Array.Fill(table, Needed("bias"));
            return table;
        }

        Func<double, double> fun = type switch
        {
            "AffineFun" => Affine(Needed("slope"), Param("bias", 0)),
            "LinearFun" => Affine(Needed("slope"), 0),
            "IdentityFun" => x => x,
            "TriangularFun" => Triangular(Needed("start"), Needed("middle"), Needed("end"), Param("bias", 0), Param("scale", 1)),
            _ => throw input.Error(f["type"], $"value function '{type}' is not supported; Parley reads TableFun, AffineFun, LinearFun, IdentityFun, ConstFun and TriangularFun"),
        };

        var numbers = Numbers(d, i) ?? throw input.Error(node, $"a {type} computes with numbers, but issue '{issue.Name}' has text values");
        for (var l = 0; l < table.Length; l++)
        {
            table[l] = fun(numbers[l]);
            if (!double.IsFinite(table[l]))
            {
                throw input.Error(node, $"the {type} gives {table[l]} at value {issue.FormatLevel(l)} of issue '{issue.Name}'");
            }
        }

        return table;

        static Func<double, double> Affine(double slope, double bias) => x => (x * slope) + bias;
    }

    // NegMAS's TriangularFun, branch for branch.
    private static Func<double, double> Triangular(double start, double middle, double end, double bias, double scale) => x =>
        x <= start || x >= end ? bias
        : x <= middle ? (middle == start ? bias + scale : bias + (scale * (x - start) / (middle - start)))
        : end == middle ? bias + scale : bias + (scale * (end - x) / (end - middle));

    private static Profile Rectangles(YamlInput input, Dictionary<string, YNode> f, YNode root, NegMasDomain d, double discount)
    {
        var domain = d.Domain;
        var rangesNode = input.Required(f, root, "outcome_ranges", "a hyper-rectangle utility function");
        var ranges = input.Sequence(rangesNode, "the outcome ranges");
        var utilitiesNode = input.Required(f, root, "utilities", "a hyper-rectangle utility function");
        var utilities = input.Sequence(utilitiesNode, "the utilities");
        if (utilities.Count != ranges.Count)
        {
            throw input.Error(utilitiesNode, $"{utilities.Count} utilities for {ranges.Count} outcome ranges; NegMAS pairs them one to one");
        }

        IReadOnlyList<YNode>? weights = null;
        if (YamlInput.Present(f, "weights", out var wn))
        {
            weights = input.Sequence(wn, "the weights");
            if (weights.Count != ranges.Count)
            {
                throw input.Error(wn, $"{weights.Count} weights for {ranges.Count} outcome ranges");
            }
        }

        var rects = new List<HyperRectangle>();
        var bias = YamlInput.Present(f, "bias", out var b) ? input.FiniteNumber(b, "the bias") : 0;
        if (bias != 0)
        {
            rects.Add(new HyperRectangle([], bias));
        }

        for (var k = 0; k < ranges.Count; k++)
        {
            if (utilities[k] is not YScalar)
            {
                throw input.Error(utilities[k], "a utility must be a number (a Python function cannot be read)");
            }

            var value = input.FiniteNumber(utilities[k], "a utility") * (weights is null ? 1 : input.FiniteNumber(weights[k], "a weight"));
            if (!double.IsFinite(value))
            {
                throw input.Error(utilities[k], "the weighted utility is not a finite number");
            }

            if (value == 0)
            {
                continue;
            }

            if (ranges[k] is YScalar { IsNull: true })
            {
                rects.Add(new HyperRectangle([], value));
                continue;
            }

            // Per issue, the runs of consecutive levels the range holds for; no run: the range never holds.
            var runs = new List<(int Issue, List<(int Min, int Max)> Runs)>();
            var never = false;
            foreach (var (key, condition) in input.Entries(ranges[k], "an outcome range"))
            {
                var i = IssueIndex(input, key, d);
                if (runs.Any(r => r.Issue == i))
                {
                    throw input.Error(key, $"issue '{domain.Issues[i].Name}' is constrained twice in one outcome range");
                }

                var holds = Holds(input, condition, d, i, 0);
                var list = Runs(holds);
                never |= list.Count == 0;
                runs.Add((i, list));
            }

            if (never)
            {
                continue;
            }

            var boxes = runs.Aggregate(1L, (p, r) => p * r.Runs.Count);
            if (boxes > MaxBoxesPerRectangle)
            {
                throw input.Error(ranges[k], string.Create(CultureInfo.InvariantCulture, $"this range is a union of {boxes:N0} boxes of levels; Parley reads at most {MaxBoxesPerRectangle:N0} per range"));
            }

            var choice = new int[runs.Count];
            do
            {
                rects.Add(new HyperRectangle(runs.Select((r, j) => new IssueRange(r.Issue, r.Runs[choice[j]].Min, r.Runs[choice[j]].Max)), value));
            }
            while (Next(choice, runs));
        }

        return new NonlinearProfile(domain, null, rects, discountFactor: discount);

        static bool Next(int[] choice, List<(int Issue, List<(int Min, int Max)> Runs)> runs)
        {
            for (var j = choice.Length - 1; j >= 0; j--)
            {
                if (++choice[j] < runs[j].Runs.Count)
                {
                    return true;
                }

                choice[j] = 0;
            }

            return false;
        }
    }

    /// <summary>Which levels of issue <paramref name="i"/> satisfy a NegMAS range condition (see <see cref="ReadProfile(string, NegMasDomain)"/>).</summary>
    private static bool[] Holds(YamlInput input, YNode condition, NegMasDomain d, int i, int depth)
    {
        var issue = d.Domain.Issues[i];
        var holds = new bool[issue.Cardinality];
        switch (condition)
        {
            case YScalar { IsNull: true }:
                return holds;
            case YScalar s:
                var level = LevelEqualTo(s, d, i);
                if (level >= 0)
                {
                    holds[level] = true;
                }

                return holds;
            case YSeq { Items.Count: 2 } pair when pair.Items.All(x => x is YScalar v && v.TryNumber(out _)):
                var lo = input.Number(pair.Items[0], "the low end of a range");
                var hi = input.Number(pair.Items[1], "the high end of a range");
                var numbers = Numbers(d, i) ?? throw input.Error(condition, $"a numeric range on issue '{issue.Name}', whose values are text");
                for (var l = 0; l < holds.Length; l++)
                {
                    holds[l] = lo < numbers[l] && numbers[l] < hi;
                }

                return holds;
            case YSeq list when depth == 0:
                foreach (var item in list.Items)
                {
                    var part = Holds(input, item, d, i, 1);
                    for (var l = 0; l < holds.Length; l++)
                    {
                        holds[l] |= part[l];
                    }
                }

                return holds;
            case YSeq list when depth == 1:
                foreach (var item in list.Items)
                {
                    if (item is not YScalar v)
                    {
                        throw input.Error(item, "a range nested this deep is not supported");
                    }

                    var at = LevelEqualTo(v, d, i);
                    if (at >= 0)
                    {
                        holds[at] = true;
                    }
                }

                return holds;
            default:
                throw input.Error(condition, $"a range condition must be a value, a [low, high] pair, a list of those or null, not {YamlInput.Describe(condition)}");
        }
    }

    private static List<(int Min, int Max)> Runs(bool[] holds)
    {
        var runs = new List<(int, int)>();
        for (var l = 0; l < holds.Length; l++)
        {
            if (!holds[l])
            {
                continue;
            }

            var start = l;
            while (l + 1 < holds.Length && holds[l + 1])
            {
                l++;
            }

            runs.Add((start, l));
        }

        return runs;
    }

    private static Profile Mapping(YamlInput input, Dictionary<string, YNode> f, YNode root, NegMasDomain d, double discount)
    {
        var domain = d.Domain;
        var n = domain.IssueCount;
        double? fallback = null;
        if (YamlInput.Present(f, "default", out var dn))
        {
            var x = input.Number(dn, "the default utility");
            if (double.IsPositiveInfinity(x))
            {
                throw input.Error(dn, "the default utility is +inf; Parley needs finite utilities");
            }

            fallback = double.IsNegativeInfinity(x) ? null : x;
        }

        var mapNode = input.Required(f, root, "mapping", "a mapping utility function");
        if (domain.LongOutcomeCount < 0)
        {
            throw input.Error(mapNode, $"the outcome space has {domain.OutcomeCount} outcomes, too many to list in a mapping");
        }

        if (mapNode is not YMap map)
        {
            throw input.Error(mapNode, $"the mapping must map outcomes to utilities, not be {YamlInput.Describe(mapNode)}");
        }

        if (map.Entries.Count > MaxMappingEntries)
        {
            throw input.Error(mapNode, string.Create(CultureInfo.InvariantCulture, $"the mapping lists {map.Entries.Count:N0} outcomes; Parley reads at most {MaxMappingEntries:N0}"));
        }

        var rects = new List<HyperRectangle>();
        if (fallback is { } constant && constant != 0)
        {
            rects.Add(new HyperRectangle([], constant));
        }

        var seen = new HashSet<long>();
        var levels = new int[n];
        foreach (var (key, value) in map.Entries)
        {
            IReadOnlyList<YNode> parts = key is YSeq seq ? seq.Items : [key];
            if (parts.Count != n)
            {
                throw input.Error(key, $"an outcome has {parts.Count} value(s); the outcome space has {n} issue(s)");
            }

            for (var i = 0; i < n; i++)
            {
                levels[i] = parts[i] is YScalar s ? LevelEqualTo(s, d, i) : -1;
                if (levels[i] < 0)
                {
                    throw input.Error(parts[i], $"{YamlInput.Describe(parts[i])} is not a value of issue '{domain.Issues[i].Name}'");
                }
            }

            if (!seen.Add(domain.LongIndexOf(levels)))
            {
                throw input.Error(key, "this outcome is given twice");
            }

            var u = input.FiniteNumber(value, "a utility") - (fallback ?? 0);
            if (u != 0)
            {
                rects.Add(new HyperRectangle(levels.Select((l, i) => new IssueRange(i, l, l)).ToArray(), u));
            }
        }

        if (fallback is null && seen.Count != domain.OutcomeCount)
        {
            var missing = new int[n];
            do
            {
                if (!seen.Contains(domain.LongIndexOf(missing)))
                {
                    break;
                }
            }
            while (domain.Advance(missing));
            throw input.Error(mapNode, $"the mapping lists {seen.Count} of {domain.OutcomeCount} outcomes and has no default, so NegMAS gives -inf to ({string.Join(", ", domain.Describe(missing).Select(p => p.Value))}); list every outcome or give a default");
        }

        return new NonlinearProfile(domain, null, rects, discountFactor: discount);
    }
}
