using System.Globalization;
using System.Text.Json;
using System.Xml;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Formats.ParleyJson;

/// <summary>
/// Reads a scenario in Parley's own JSON format (<c>"format": "parley-scenario/1"</c>), written by
/// hand by a mediator's analyst: issues, options and parties are addressed by name everywhere.
/// </summary>
/// <remarks>
/// The format is described in docs/formats.md and by docs/schema/parley-scenario.schema.json.
/// Comments (<c>//</c>, <c>/* */</c>) and trailing commas are tolerated on input; the writer never
/// produces them. Every problem in a file is reported as an <see cref="InputException"/> naming the
/// file and the JSON path (<c>$.parties[1].weights.airspace</c>) or, for a syntax error, the line.
/// Unknown fields are errors, so that a misspelt field is never silently ignored. Files above
/// 64 MiB are refused before they are read.
/// </remarks>
public static class ParleyScenarioReader
{
    /// <summary>The format marker this version reads and writes.</summary>
    public const string FormatMarker = "parley-scenario/1";

    /// <summary>The largest file read, in bytes (64 MiB).</summary>
    public const long MaxFileBytes = JsonInput.MaxBytes;

    /// <summary>Reads the scenario file at <paramref name="path"/>.</summary>
    /// <exception cref="InputException">The file is missing, too large, not JSON, or not a valid scenario.</exception>
    public static Scenario Read(string path)
    {
        var bytes = JsonInput.ReadFile(path);
        return Parse(bytes, path);
    }

    /// <summary>Reads a scenario from <paramref name="stream"/>; <paramref name="sourceName"/> names it in error messages.</summary>
    /// <exception cref="InputException">The input is too large, not JSON, or not a valid scenario.</exception>
    public static Scenario Read(Stream stream, string sourceName)
    {
        var bytes = JsonInput.ReadStream(stream, sourceName);
        return Parse(bytes, sourceName);
    }

    private static Scenario Parse(byte[] bytes, string source)
    {
        var input = new JsonInput(source);
        using var document = input.Parse(bytes);
        return new ScenarioParser(input).Scenario(document.RootElement);
    }

    private sealed class ScenarioParser(JsonInput input)
    {
        private const string Root = "$";

        public Scenario Scenario(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw input.Error(Root, $"a Parley scenario must be a JSON object, not {JsonInput.Describe(root)}");
            }

            var fields = input.Fields(root, Root, "the scenario", "$schema", "format", "name", "domain", "metadata", "deadline", "issues", "parties");
            CheckFormat(fields);
            var name = input.String(input.Required(fields, Root, "name", "the scenario"), "$.name", "the scenario's name");
            var domainName = name;
            string? domainDescription = null;
            if (JsonInput.TryGet(fields, "domain", out var d))
            {
                var df = input.Fields(d, "$.domain", "the domain", "name", "description");
                domainName = JsonInput.TryGet(df, "name", out var dn) ? input.String(dn, "$.domain.name", "the domain's name") : name;
                domainDescription = input.OptionalString(df, "$.domain", "description", "the domain's description");
            }

            var metadata = JsonInput.TryGet(fields, "metadata", out var m) ? Metadata(m, "$.metadata") : null;
            var deadline = JsonInput.TryGet(fields, "deadline", out var dl) ? Deadline(dl, "$.deadline") : null;
            var issues = Issues(input.Required(fields, Root, "issues", "the scenario"), "$.issues");
            Domain domain;
            try
            {
                domain = new Domain(domainName, issues, domainDescription);
            }
            catch (ArgumentException e)
            {
                throw input.Error("$.issues", e.Message.TrimEnd('.'));
            }

            var parties = Parties(input.Required(fields, Root, "parties", "the scenario"), "$.parties", domain);
            try
            {
                return new Scenario(name, domain, parties, metadata, deadline);
            }
            catch (ArgumentException e)
            {
                throw input.Error("$.parties", e.Message.TrimEnd('.'));
            }
        }

        private void CheckFormat(Dictionary<string, JsonElement> fields)
        {
            if (!JsonInput.TryGet(fields, "format", out var f))
            {
                throw input.Error(Root, $"missing required field 'format': a Parley scenario starts with \"format\": \"{FormatMarker}\"");
            }

            var marker = f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (marker == FormatMarker)
            {
                return;
            }

            if (marker is not null && marker.StartsWith("parley-scenario/", StringComparison.Ordinal))
            {
                throw input.Error("$.format", $"format version '{marker}' is not supported; this Parley reads \"{FormatMarker}\"");
            }

            throw input.Error("$.format", $"wrong format marker {JsonInput.Describe(f)}; a Parley scenario has \"format\": \"{FormatMarker}\"");
        }

        private ScenarioMetadata Metadata(JsonElement e, string path)
        {
            var f = input.Fields(e, path, "the metadata", "title", "description", "date", "location", "sources", "notes");
            List<string>? sources = null;
            if (JsonInput.TryGet(f, "sources", out var s))
            {
                var sp = JsonInput.Prop(path, "sources");
                sources = [];
                var i = 0;
                foreach (var item in input.Array(s, sp, "the sources", allowEmpty: true).EnumerateArray())
                {
                    sources.Add(input.String(item, JsonInput.Item(sp, i++), "a source"));
                }
            }

            return new ScenarioMetadata(
                input.OptionalString(f, path, "title", "the title"),
                input.OptionalString(f, path, "description", "the description"),
                input.OptionalString(f, path, "date", "the date"),
                input.OptionalString(f, path, "location", "the location"),
                sources,
                input.OptionalString(f, path, "notes", "the notes"));
        }

        private Deadline Deadline(JsonElement e, string path)
        {
            var f = input.Fields(e, path, "the deadline", "rounds", "time");
            int? rounds = null;
            TimeSpan? time = null;
            if (JsonInput.TryGet(f, "rounds", out var r))
            {
                var n = input.Integer(r, path + ".rounds", "the number of rounds");
                if (n < 1 || n > int.MaxValue)
                {
                    throw input.Error(path + ".rounds", string.Create(CultureInfo.InvariantCulture, $"the number of rounds must be between 1 and {int.MaxValue}, not {n}"));
                }

                rounds = (int)n;
            }

            if (JsonInput.TryGet(f, "time", out var t))
            {
                var text = input.String(t, path + ".time", "the time limit");
                try
                {
                    time = XmlConvert.ToTimeSpan(text);
                }
                catch (FormatException)
                {
                    throw input.Error(path + ".time", $"the time limit '{text}' is not an ISO 8601 duration such as \"PT30M\" or \"P2D\"");
                }
                catch (OverflowException)
                {
                    throw input.Error(path + ".time", $"the time limit '{text}' is too long");
                }

                if (time <= TimeSpan.Zero)
                {
                    throw input.Error(path + ".time", $"the time limit '{text}' must be positive");
                }
            }

            return new Deadline(rounds, time);
        }

        private List<Issue> Issues(JsonElement e, string path) =>
            NamedList(e, path, "the issues", "issue", Issue, issue => issue.Name);

        /// <summary>Reads an array of named items, refusing a name used twice (the message points at both places).</summary>
        private List<T> NamedList<T>(JsonElement e, string path, string what, string noun, Func<JsonElement, string, T> read, Func<T, string> name)
        {
            var list = new List<T>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var i = 0;
            foreach (var element in input.Array(e, path, what).EnumerateArray())
            {
                var itemPath = JsonInput.Item(path, i);
                var item = read(element, itemPath);
                if (seen.TryGetValue(name(item), out var first))
                {
                    throw input.Error(itemPath + ".name", $"{noun} name '{name(item)}' is used twice (also at {JsonInput.Item(path, first)})");
                }

                seen[name(item)] = i;
                list.Add(item);
                i++;
            }

            return list;
        }

        private Issue Issue(JsonElement e, string path)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw input.Error(path, $"an issue must be a JSON object, not {JsonInput.Describe(e)}");
            }

            var probe = input.Members(e, path, "the issue");
            var typeElement = probe.FirstOrDefault(p => p.Key == "type").Value;
            var type = typeElement.ValueKind == JsonValueKind.Undefined
                ? throw input.Error(path, "missing required field 'type' in the issue (categorical, integer or real)")
                : input.String(typeElement, path + ".type", "the issue type");
            var f = type switch
            {
                "categorical" => input.Fields(e, path, "a categorical issue", "name", "type", "description", "options"),
                "integer" => input.Fields(e, path, "an integer issue", "name", "type", "description", "min", "max", "step", "clauseTemplate"),
                "real" => input.Fields(e, path, "a real issue", "name", "type", "description", "min", "max", "levels", "clauseTemplate"),
                _ => throw input.Error(path + ".type", $"unknown issue type '{type}' (expected categorical, integer or real)"),
            };
            var name = input.String(input.Required(f, path, "name", "the issue"), path + ".name", "the issue's name");
            var description = input.OptionalString(f, path, "description", "the description");
            switch (type)
            {
                case "categorical":
                    return new CategoricalIssue(name, Options(input.Required(f, path, "options", "a categorical issue"), path + ".options", name), description);
                case "integer":
                    {
                        var min = input.Integer(input.Required(f, path, "min", "an integer issue"), path + ".min", "min");
                        var max = input.Integer(input.Required(f, path, "max", "an integer issue"), path + ".max", "max");
                        var step = JsonInput.TryGet(f, "step", out var s) ? input.Integer(s, path + ".step", "step") : 1;
                        if (min > max)
                        {
                            throw input.Error(path, string.Create(CultureInfo.InvariantCulture, $"min {min} is above max {max}"));
                        }

                        if (step < 1)
                        {
                            throw input.Error(path + ".step", string.Create(CultureInfo.InvariantCulture, $"step must be at least 1, not {step}"));
                        }

                        var count = (((Int128)max - min) / step) + 1; // Int128: max − min can overflow a long
                        if (count > FormatLimits.MaxIssueLevels)
                        {
                            throw input.Error(path, string.Create(CultureInfo.InvariantCulture, $"the issue has {count} levels; at most {FormatLimits.MaxIssueLevels} are supported (a profile keeps a table of every level's value)"));
                        }

                        return new IntegerIssue(name, min, max, step, description, input.OptionalString(f, path, "clauseTemplate", "the clause template"));
                    }

                default:
                    {
                        var min = input.Number(input.Required(f, path, "min", "a real issue"), path + ".min", "min");
                        var max = input.Number(input.Required(f, path, "max", "a real issue"), path + ".max", "max");
                        var levels = JsonInput.TryGet(f, "levels", out var l) ? input.Integer(l, path + ".levels", "levels") : RealIssue.DefaultLevels;
                        if (min > max)
                        {
                            throw input.Error(path, string.Create(CultureInfo.InvariantCulture, $"min {min:R} is above max {max:R}"));
                        }

                        if (max > min && (levels < 2 || levels > FormatLimits.MaxIssueLevels))
                        {
                            throw input.Error(path + ".levels", string.Create(CultureInfo.InvariantCulture, $"levels must be between 2 and {FormatLimits.MaxIssueLevels}, not {levels}"));
                        }

                        if (max == min && levels != 1 && JsonInput.TryGet(f, "levels", out _))
                        {
                            throw input.Error(path + ".levels", "an issue whose min equals its max has exactly 1 level");
                        }

                        return new RealIssue(name, min, max, (int)Math.Max(levels, 1), description, input.OptionalString(f, path, "clauseTemplate", "the clause template"));
                    }
            }
        }

        private List<IssueOption> Options(JsonElement e, string path, string issue)
        {
            var list = new List<IssueOption>();
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var i = 0;
            foreach (var item in input.Array(e, path, $"the options of issue '{issue}'").EnumerateArray())
            {
                var op = JsonInput.Item(path, i);
                IssueOption option;
                if (item.ValueKind == JsonValueKind.String)
                {
                    option = new IssueOption(input.String(item, op, "an option's name"));
                }
                else
                {
                    var f = input.Fields(item, op, "an option", "name", "description", "clause");
                    option = new IssueOption(
                        input.String(input.Required(f, op, "name", "the option"), op + ".name", "the option's name"),
                        input.OptionalString(f, op, "description", "the description"),
                        input.OptionalString(f, op, "clause", "the clause"));
                }

                if (seen.TryGetValue(option.Name, out var first))
                {
                    throw input.Error(op, $"option '{option.Name}' of issue '{issue}' is given twice (also at {JsonInput.Item(path, first)})");
                }

                seen[option.Name] = i;
                list.Add(option);
                i++;
            }

            return list;
        }

        private List<Party> Parties(JsonElement e, string path, Domain domain) =>
            NamedList(e, path, "the parties", "party", (item, itemPath) => Party(item, itemPath, domain), party => party.Name);

        private Party Party(JsonElement e, string path, Domain domain)
        {
            var f = input.Fields(e, path, "a party", "name", "role", "description", "reservationValue", "discountFactor", "weights", "values", "redLines", "assumptions");
            var name = input.String(input.Required(f, path, "name", "the party"), path + ".name", "the party's name");
            var role = PartyRole.Party;
            if (JsonInput.TryGet(f, "role", out var r))
            {
                role = input.String(r, path + ".role", "the role") switch
                {
                    "party" => PartyRole.Party,
                    "mediator" => PartyRole.Mediator,
                    "observer" => PartyRole.Observer,
                    var other => throw input.Error(path + ".role", $"unknown role '{other}' (expected party, mediator or observer)"),
                };
            }

            var hasWeights = JsonInput.TryGet(f, "weights", out var weightsElement);
            var hasValues = JsonInput.TryGet(f, "values", out var valuesElement);
            Profile? profile = null;
            if (!hasWeights && !hasValues)
            {
                if (role == PartyRole.Party)
                {
                    throw input.Error(path, $"party '{name}' negotiates (role party) but has no preferences: give it weights and values");
                }

                foreach (var key in new[] { "reservationValue", "discountFactor", "redLines" })
                {
                    if (JsonInput.TryGet(f, key, out _))
                    {
                        throw input.Error(JsonInput.Prop(path, key), $"'{key}' needs preferences: give '{name}' weights and values too");
                    }
                }
            }
            else if (!hasWeights)
            {
                throw input.Error(path, $"missing required field 'weights' in party '{name}' (it has values)");
            }
            else
            {
                var weights = Weights(weightsElement, path + ".weights", domain);
                var functions = hasValues ? Values(valuesElement, path + ".values", domain, weights) : Values(default, path + ".values", domain, weights);
                var reservation = JsonInput.TryGet(f, "reservationValue", out var rv) ? Unit(input.Number(rv, path + ".reservationValue", "the reservation value"), path + ".reservationValue", "the reservation value") : 0;
                var discount = JsonInput.TryGet(f, "discountFactor", out var df) ? input.Number(df, path + ".discountFactor", "the discount factor") : 1;
                if (discount < 0)
                {
                    throw input.Error(path + ".discountFactor", string.Create(CultureInfo.InvariantCulture, $"the discount factor must not be negative, not {discount:R}"));
                }

                var lines = JsonInput.TryGet(f, "redLines", out var rl) ? RedLines(rl, path + ".redLines", domain) : [];
                try
                {
                    profile = new AdditiveProfile(domain, weights, functions, reservation, discount, lines);
                }
                catch (ArgumentException ex)
                {
                    throw input.Error(path, ex.Message.TrimEnd('.'));
                }
            }

            var assumptions = JsonInput.TryGet(f, "assumptions", out var a) ? Assumptions(a, path + ".assumptions") : [];
            return new Party(name, role, profile, input.OptionalString(f, path, "description", "the description")) { Assumptions = assumptions };
        }

        private double[] Weights(JsonElement e, string path, Domain domain)
        {
            var weights = new double[domain.IssueCount];
            var given = new bool[domain.IssueCount];
            foreach (var (issue, value) in input.Members(e, path, "the weights"))
            {
                var wp = JsonInput.Prop(path, issue);
                var i = IssueIndex(domain, issue, wp);
                var w = input.Number(value, wp, $"the weight of issue '{issue}'");
                if (w < 0)
                {
                    throw input.Error(wp, string.Create(CultureInfo.InvariantCulture, $"the weight of issue '{issue}' is {w:R}; weights must not be negative"));
                }

                if (w > 1 + 1e-9)
                {
                    throw input.Error(wp, string.Create(CultureInfo.InvariantCulture, $"the weight of issue '{issue}' is {w:R}; a weight lies between 0 and 1 (the share of the issue in the party's utility)"));
                }

                weights[i] = w;
                given[i] = true;
            }

            for (var i = 0; i < given.Length; i++)
            {
                if (!given[i])
                {
                    throw input.Error(path, $"no weight for issue '{domain.Issues[i].Name}' (give every issue a weight; 0 means it does not matter)");
                }
            }

            if (Array.TrueForAll(weights, w => w == 0))
            {
                throw input.Error(path, "every weight is 0, so every outcome is worth the same; give at least one issue a positive weight");
            }

            return weights;
        }

        private ValueFunction[] Values(JsonElement e, string path, Domain domain, double[] weights)
        {
            var functions = new ValueFunction?[domain.IssueCount];
            if (e.ValueKind != JsonValueKind.Undefined)
            {
                foreach (var (issue, value) in input.Members(e, path, "the values"))
                {
                    var vp = JsonInput.Prop(path, issue);
                    var i = IssueIndex(domain, issue, vp);
                    functions[i] = ValueFunction(value, vp, domain.Issues[i]);
                }
            }

            for (var i = 0; i < functions.Length; i++)
            {
                if (functions[i] is null)
                {
                    if (weights[i] != 0)
                    {
                        throw input.Error(path, $"no value function for issue '{domain.Issues[i].Name}', whose weight is not 0");
                    }

                    functions[i] = new TableValueFunction(new double[domain.Issues[i].Cardinality]);
                }
            }

            return functions!;
        }

        private ValueFunction ValueFunction(JsonElement e, string path, Issue issue)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw input.Error(path, $"the values of issue '{issue.Name}' must be an object (a table by option, or a typed function), not {JsonInput.Describe(e)}");
            }

            var members = input.Members(e, path, $"the values of issue '{issue.Name}'");
            var type = members.FirstOrDefault(m => m.Key == "type" && m.Value.ValueKind == JsonValueKind.String).Value;
            if (type.ValueKind == JsonValueKind.Undefined)
            {
                return Table(members, path, issue);
            }

            var kind = type.GetString()!;
            if (issue is not NumericIssue)
            {
                throw input.Error(path + ".type", $"issue '{issue.Name}' is categorical: give a table of values by option, not a '{kind}' function");
            }

            switch (kind)
            {
                case "linear":
                    {
                        var f = input.Fields(e, path, "a linear value function", "type", "slope", "offset");
                        var linear = new LinearValueFunction(
                            input.Number(input.Required(f, path, "slope", "a linear value function"), path + ".slope", "the slope"),
                            input.Number(input.Required(f, path, "offset", "a linear value function"), path + ".offset", "the offset"));
                        return InUnitRange(linear, (NumericIssue)issue, path);
                    }

                case "triangular":
                    {
                        var f = input.Fields(e, path, "a triangular value function", "type", "lower", "peak", "upper", "lowValue", "peakValue", "highValue");
                        var lower = input.Number(input.Required(f, path, "lower", "a triangular value function"), path + ".lower", "lower");
                        var peak = input.Number(input.Required(f, path, "peak", "a triangular value function"), path + ".peak", "peak");
                        var upper = input.Number(input.Required(f, path, "upper", "a triangular value function"), path + ".upper", "upper");
                        if (!(lower <= peak && peak <= upper))
                        {
                            throw input.Error(path, string.Create(CultureInfo.InvariantCulture, $"a triangular value function needs lower <= peak <= upper, not {lower:R}, {peak:R}, {upper:R}"));
                        }

                        return new TriangularValueFunction(
                            lower,
                            peak,
                            upper,
                            JsonInput.TryGet(f, "lowValue", out var lv) ? Unit(input.Number(lv, path + ".lowValue", "lowValue"), path + ".lowValue", "lowValue") : 0,
                            JsonInput.TryGet(f, "peakValue", out var pv) ? Unit(input.Number(pv, path + ".peakValue", "peakValue"), path + ".peakValue", "peakValue") : 1,
                            JsonInput.TryGet(f, "highValue", out var hv) ? Unit(input.Number(hv, path + ".highValue", "highValue"), path + ".highValue", "highValue") : 0);
                    }

                case "piecewise-linear":
                    {
                        var f = input.Fields(e, path, "a piecewise-linear value function", "type", "points");
                        var pp = path + ".points";
                        var points = new List<(double X, double Value)>();
                        var i = 0;
                        foreach (var item in input.Array(input.Required(f, path, "points", "a piecewise-linear value function"), pp, "the points").EnumerateArray())
                        {
                            var ip = JsonInput.Item(pp, i++);
                            var pf = input.Fields(item, ip, "a point", "x", "value");
                            var x = input.Number(input.Required(pf, ip, "x", "a point"), ip + ".x", "x");
                            var v = Unit(input.Number(input.Required(pf, ip, "value", "a point"), ip + ".value", "the value"), ip + ".value", "the value");
                            if (points.Count > 0 && x <= points[^1].X)
                            {
                                throw input.Error(ip + ".x", string.Create(CultureInfo.InvariantCulture, $"the points' x must be strictly ascending, but {x:R} follows {points[^1].X:R}"));
                            }

                            points.Add((x, v));
                        }

                        return new PiecewiseLinearValueFunction(points);
                    }

                default:
                    throw input.Error(path + ".type", $"unknown value function type '{kind}' (expected linear, triangular or piecewise-linear, or a table of values by option)");
            }
        }

        /// <summary><paramref name="value"/> when it lies in [0, 1], the range of values and reservation values; an error at <paramref name="path"/> otherwise.</summary>
        private double Unit(double value, string path, string what) =>
            value is >= 0 and <= 1
                ? value
                : throw input.Error(path, string.Create(CultureInfo.InvariantCulture, $"{what} is {value:R}; it must lie between 0 and 1"));

        /// <summary>A linear function whose value at every level of <paramref name="issue"/> lies in [0, 1]; an error naming the first level outside otherwise.</summary>
        private LinearValueFunction InUnitRange(LinearValueFunction function, NumericIssue issue, string path)
        {
            // A line is monotone: its extremes over the issue are at the first and last level.
            foreach (var level in new[] { 0, issue.Cardinality - 1 })
            {
                var x = issue.ValueAt(level);
                var v = function.Evaluate(x);
                // 1e-9 of slack: a line written through (min, 0) and (max, 1) may land a rounding error outside.
                if (!(v >= -1e-9 && v <= 1 + 1e-9))
                {
                    throw input.Error(path, string.Create(CultureInfo.InvariantCulture, $"the linear value function gives {v:R} at {issue.Name} = {issue.FormatLevel(level)}; values must lie between 0 and 1 over the issue's range ({issue.FormatLevel(0)} to {issue.FormatLevel(issue.Cardinality - 1)})"));
                }
            }

            return function;
        }

        private TableValueFunction Table(List<KeyValuePair<string, JsonElement>> members, string path, Issue issue)
        {
            var values = new double[issue.Cardinality];
            var given = new bool[issue.Cardinality];
            foreach (var (option, value) in members)
            {
                var op = JsonInput.Prop(path, option);
                if (!issue.TryParseLevel(option, out var level))
                {
                    throw input.Error(op, $"unknown option '{option}' of issue '{issue.Name}' (options: {Levels(issue)})");
                }

                if (given[level])
                {
                    throw input.Error(op, $"option '{issue.FormatLevel(level)}' of issue '{issue.Name}' is valued twice");
                }

                values[level] = Unit(input.Number(value, op, $"the value of option '{option}'"), op, $"the value of option '{option}'");
                given[level] = true;
            }

            for (var l = 0; l < given.Length; l++)
            {
                if (!given[l])
                {
                    throw input.Error(path, $"the value table of issue '{issue.Name}' has no value for option '{issue.FormatLevel(l)}'");
                }
            }

            return new TableValueFunction(values);
        }

        private List<RedLine> RedLines(JsonElement e, string path, Domain domain)
        {
            var list = new List<RedLine>();
            var i = 0;
            foreach (var item in input.Array(e, path, "the red lines", allowEmpty: true).EnumerateArray())
            {
                list.Add(RedLine(item, JsonInput.Item(path, i++), domain));
            }

            return list;
        }

        private RedLine RedLine(JsonElement e, string path, Domain domain)
        {
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw input.Error(path, $"a red line must be a JSON object, not {JsonInput.Describe(e)}");
            }

            var members = input.Members(e, path, "the red line");
            var typeElement = members.FirstOrDefault(m => m.Key == "type").Value;
            var type = typeElement.ValueKind == JsonValueKind.Undefined
                ? throw input.Error(path, "missing required field 'type' in the red line (forbidden-option, numeric-bound or forbidden-combination)")
                : input.String(typeElement, path + ".type", "the red line type");
            switch (type)
            {
                case "forbidden-option":
                    {
                        var f = input.Fields(e, path, "a forbidden option", "type", "issue", "option", "reason");
                        var (i, issue) = IssueRef(input.Required(f, path, "issue", "a forbidden option"), path + ".issue", domain);
                        var level = LevelRef(input.Required(f, path, "option", "a forbidden option"), path + ".option", issue);
                        return new ForbiddenOption(i, level, input.OptionalString(f, path, "reason", "the reason"));
                    }

                case "numeric-bound":
                    {
                        var f = input.Fields(e, path, "a numeric bound", "type", "issue", "min", "max", "reason");
                        var (i, issue) = IssueRef(input.Required(f, path, "issue", "a numeric bound"), path + ".issue", domain);
                        if (issue is not NumericIssue)
                        {
                            throw input.Error(path + ".issue", $"a numeric bound needs an integer or real issue; '{issue.Name}' is categorical");
                        }

                        double? min = JsonInput.TryGet(f, "min", out var mn) ? input.Number(mn, path + ".min", "min") : null;
                        double? max = JsonInput.TryGet(f, "max", out var mx) ? input.Number(mx, path + ".max", "max") : null;
                        if (min is null && max is null)
                        {
                            throw input.Error(path, "a numeric bound needs min, max or both");
                        }

                        if (min > max)
                        {
                            throw input.Error(path, string.Create(CultureInfo.InvariantCulture, $"min {min:R} is above max {max:R}"));
                        }

                        return new NumericBound(i, min, max, input.OptionalString(f, path, "reason", "the reason"));
                    }

                case "forbidden-combination":
                    {
                        var f = input.Fields(e, path, "a forbidden combination", "type", "when", "reason");
                        var wp = path + ".when";
                        var conditions = new List<RedLineCondition>();
                        var k = 0;
                        foreach (var item in input.Array(input.Required(f, path, "when", "a forbidden combination"), wp, "the conditions").EnumerateArray())
                        {
                            var cp = JsonInput.Item(wp, k++);
                            var cf = input.Fields(item, cp, "a condition", "issue", "options");
                            var (i, issue) = IssueRef(input.Required(cf, cp, "issue", "a condition"), cp + ".issue", domain);
                            var op = cp + ".options";
                            var levels = new List<int>();
                            var n = 0;
                            foreach (var o in input.Array(input.Required(cf, cp, "options", "a condition"), op, "the options").EnumerateArray())
                            {
                                var level = LevelRef(o, JsonInput.Item(op, n++), issue);
                                if (!levels.Contains(level))
                                {
                                    levels.Add(level);
                                }
                            }

                            conditions.Add(new RedLineCondition(i, levels));
                        }

                        return new ForbiddenCombination(conditions, input.OptionalString(f, path, "reason", "the reason"));
                    }

                default:
                    throw input.Error(path + ".type", $"unknown red line type '{type}' (expected forbidden-option, numeric-bound or forbidden-combination)");
            }
        }

        private List<ModellingAssumption> Assumptions(JsonElement e, string path)
        {
            var list = new List<ModellingAssumption>();
            var i = 0;
            foreach (var item in input.Array(e, path, "the assumptions", allowEmpty: true).EnumerateArray())
            {
                var ap = JsonInput.Item(path, i++);
                var f = input.Fields(item, ap, "an assumption", "about", "text", "sources");
                List<string>? sources = null;
                if (JsonInput.TryGet(f, "sources", out var s))
                {
                    sources = [];
                    var k = 0;
                    foreach (var src in input.Array(s, ap + ".sources", "the sources", allowEmpty: true).EnumerateArray())
                    {
                        sources.Add(input.String(src, JsonInput.Item(ap + ".sources", k++), "a source"));
                    }
                }

                list.Add(new ModellingAssumption(
                    input.OptionalString(f, ap, "about", "what the assumption is about") ?? string.Empty,
                    input.String(input.Required(f, ap, "text", "an assumption"), ap + ".text", "the assumption's text"),
                    sources));
            }

            return list;
        }

        private int IssueIndex(Domain domain, string name, string path) =>
            domain.TryGetIssueIndex(name, out var i)
                ? i
                : throw input.Error(path, $"unknown issue '{name}' (issues: {string.Join(", ", domain.Issues.Select(x => x.Name))})");

        private (int Index, Issue Issue) IssueRef(JsonElement e, string path, Domain domain)
        {
            var name = input.String(e, path, "the issue name");
            var i = IssueIndex(domain, name, path);
            return (i, domain.Issues[i]);
        }

        private int LevelRef(JsonElement e, string path, Issue issue)
        {
            string text;
            if (e.ValueKind == JsonValueKind.Number && issue is NumericIssue)
            {
                text = e.GetRawText();
            }
            else
            {
                text = input.String(e, path, "an option name");
            }

            return issue.TryParseLevel(text, out var level)
                ? level
                : throw input.Error(path, $"unknown option '{text}' of issue '{issue.Name}' (options: {Levels(issue)})");
        }

        private static string Levels(Issue issue)
        {
            const int Shown = 12;
            var names = Enumerable.Range(0, Math.Min(issue.Cardinality, Shown)).Select(issue.FormatLevel);
            var text = string.Join(", ", names);
            return issue.Cardinality > Shown ? text + ", ..." : text;
        }
    }
}
