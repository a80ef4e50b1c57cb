using System.Globalization;
using System.Text.Json;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Formats.GeniusWeb;

/// <summary>
/// Reads GeniusWeb profiles: JSON files holding a <c>LinearAdditiveUtilitySpace</c> with its domain,
/// per-issue utilities (<c>DiscreteValueSetUtilities</c> or <c>NumberValueSetUtilities</c>), issue
/// weights and an optional reservation bid.
/// </summary>
/// <remarks>
/// <para>Mapping (docs/formats.md, "GeniusWeb JSON"):</para>
/// <list type="bullet">
/// <item>Issue order is the order of <c>domain.issuesValues</c> in the file. A discrete value set
/// becomes a <see cref="CategoricalIssue"/> whose options are the values, in file order.</item>
/// <item>A number value set <c>{"range": {"low", "high", "step"}}</c> holds <c>low + k·step</c> up to
/// <c>high</c>. When low, high and step are all whole numbers it becomes an <see cref="IntegerIssue"/>;
/// otherwise a <see cref="RealIssue"/> from low to the last value on the grid, with
/// <c>⌊(high − low)/step⌋ + 1</c> levels (computed in decimal arithmetic).</item>
/// <item><c>NumberValueSetUtilities</c> (lowValue, lowUtility, highValue, highUtility) becomes a
/// two-point <see cref="PiecewiseLinearValueFunction"/>, exact at both ends and linear between; like
/// GeniusWeb, its low and high values must be the range's. Utilities must lie in [0, 1], as GeniusWeb requires.</item>
/// <item>Weights are kept as given (GeniusWeb requires them to sum to 1; Parley does not check), but each must lie in [0, 1] and not all may be 0.</item>
/// <item>The reservation bid becomes the reservation value: the bid's utility under the profile
/// (issues the bid leaves out contribute 0, as in GeniusWeb). GeniusWeb accepts only bids at least as
/// good as the reservation bid, which is <see cref="Profile.Accepts(ReadOnlySpan{int})"/> with that
/// value. No reservation bid means a reservation value of 0. There is no discount factor and there
/// are no red lines.</item>
/// </list>
/// Every problem is an <see cref="InputException"/> with the file and the JSON path.
/// </remarks>
public static partial class GeniusWebReader
{
    /// <summary>The profile type Parley reads.</summary>
    public const string LinearAdditiveType = "LinearAdditiveUtilitySpace";

    private static readonly string[] KnownProfileTypes = [LinearAdditiveType, "SumOfGroupsUtilitySpace", "DefaultPartialOrdering", "LinearAdditive"];

    /// <summary>
    /// Whether the file at <paramref name="path"/> is a GeniusWeb profile, judged by content: a JSON
    /// object whose single top-level field is a GeniusWeb profile type (such as
    /// <c>LinearAdditiveUtilitySpace</c>) holding an object. Reads at most the first 64 KiB.
    /// </summary>
    public static bool IsGeniusWebProfile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        byte[] head;
        bool complete;
        using (var stream = File.OpenRead(path))
        {
            head = new byte[(int)Math.Min(stream.Length, 64 * 1024)];
            var read = 0;
            int n;
            while (read < head.Length && (n = stream.Read(head, read, head.Length - read)) > 0)
            {
                read += n;
            }

            complete = read == stream.Length;
        }

        ReadOnlySpan<byte> span = head;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(span, complete, new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }));
            return reader.Read() && reader.TokenType == JsonTokenType.StartObject
                && reader.Read() && reader.TokenType == JsonTokenType.PropertyName
                && IsKnownProfileType(ref reader)
                && reader.Read() && reader.TokenType == JsonTokenType.StartObject;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The value table of <paramref name="issue"/> from utilities given per value name, in the
    /// order of <paramref name="values"/> (a profile's own value order may differ from the domain's).
    /// </summary>
    /// <exception cref="InvalidOperationException">A value is not an option of the issue, or an option is left without a utility: the caller matched profile and domain wrongly (a bug, never bad input).</exception>
    internal static double[] TableOver(CategoricalIssue issue, IReadOnlyList<string> values, IReadOnlyList<double> utilities)
    {
        var table = new double[issue.Cardinality];
        var given = new bool[issue.Cardinality];
        for (var v = 0; v < values.Count; v++)
        {
            if (!issue.TryParseLevel(values[v], out var level))
            {
                throw new InvalidOperationException($"Value '{values[v]}' is not an option of issue '{issue.Name}'.");
            }

            table[level] = utilities[v];
            given[level] = true;
        }

        var missing = Array.IndexOf(given, false);
        return missing < 0 ? table : throw new InvalidOperationException($"Option '{issue.FormatLevel(missing)}' of issue '{issue.Name}' has no utility.");
    }

    // Compares without transcoding: GetString throws on bytes that are not UTF-8, and a file that is
    // not UTF-8 is simply not a GeniusWeb profile here.
    private static bool IsKnownProfileType(ref Utf8JsonReader reader)
    {
        foreach (var type in KnownProfileTypes)
        {
            if (reader.ValueTextEquals(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads the GeniusWeb profile at <paramref name="path"/>; <paramref name="domain"/> receives its domain (also <see cref="Profile.Domain"/>).</summary>
    /// <exception cref="InputException">The file is missing, too large, not JSON, or not a valid linear additive profile.</exception>
    public static AdditiveProfile ReadProfile(string path, out Domain domain)
    {
        var parsed = Linear(Parse(JsonInput.ReadFile(path), path));
        domain = parsed.Domain.Build();
        return parsed.Build(domain);
    }

    /// <summary>Reads a GeniusWeb profile from <paramref name="stream"/>; <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="InputException">The input is too large, not JSON, or not a valid linear additive profile.</exception>
    public static AdditiveProfile ReadProfile(Stream stream, string sourceName, out Domain domain)
    {
        var parsed = Linear(Parse(JsonInput.ReadStream(stream, sourceName), sourceName));
        domain = parsed.Domain.Build();
        return parsed.Build(domain);
    }

    /// <summary>
    /// Reads a folder of GeniusWeb profiles over one domain as a scenario named after the folder.
    /// </summary>
    /// <param name="folder">The folder; its <c>*.json</c> files that are GeniusWeb profiles are read (others, such as the domain file, are skipped).</param>
    /// <param name="profiles">
    /// The profiles to use, by file name without ".json", in the order given; null for every profile,
    /// ordered by file name (ordinal).
    /// </param>
    /// <returns>A scenario whose negotiators are named after their files.</returns>
    /// <exception cref="InputException">No such folder, no profile in it, an unknown profile name (the message lists the available ones), profiles over different domains, or an invalid profile.</exception>
    public static Scenario ReadFolder(string folder, IReadOnlyList<string>? profiles = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException(folder, string.Empty, "no such folder");
        }

        var available = Directory.GetFiles(folder, "*.json", SearchOption.TopDirectoryOnly)
            .Where(IsGeniusWebProfile)
            .OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)
            .ToList();
        if (available.Count == 0)
        {
            throw new InputException(folder, string.Empty, $"no GeniusWeb profile (a .json file holding a {LinearAdditiveType}) in the folder");
        }

        var byName = available.ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
        var chosen = new List<string>();
        if (profiles is null)
        {
            chosen.AddRange(available);
        }
        else
        {
            if (profiles.Count == 0)
            {
                throw new InputException(folder, string.Empty, "no profile chosen; available: " + string.Join(", ", byName.Keys));
            }

            foreach (var name in profiles)
            {
                if (!byName.TryGetValue(name, out var file))
                {
                    throw new InputException(folder, string.Empty, $"no profile '{name}' in the folder; available: {string.Join(", ", byName.Keys)}");
                }

                if (chosen.Contains(file))
                {
                    throw new InputException(folder, string.Empty, $"profile '{name}' is chosen twice");
                }

                chosen.Add(file);
            }
        }

        var parsed = chosen.Select(f => Parse(JsonInput.ReadFile(f), f)).ToList();
        var first = parsed[0];
        var domain = first.Domain.Build();
        foreach (var p in parsed.Skip(1))
        {
            if (first.Domain.Difference(p.Domain) is { } difference)
            {
                throw new InputException(p.File, "$." + p.Type + ".domain", $"this profile is over another domain than {Path.GetFileName(first.File)}: {difference}");
            }
        }

        var parties = parsed.Select(p => new Party(Path.GetFileNameWithoutExtension(p.File), PartyRole.Party, p.BuildProfile(domain)));
        var folderName = new DirectoryInfo(folder).Name;
        return new Scenario(
            folderName,
            domain,
            parties,
            new ScenarioMetadata(Title: folderName, Description: $"GeniusWeb profiles over domain '{domain.Name}'"));
    }

    private static IParsedProfile Parse(byte[] bytes, string file)
    {
        var input = new JsonInput(file);
        using var document = input.Parse(bytes);
        var root = document.RootElement;
        var top = input.Members(root, "$", "a GeniusWeb profile");
        if (top.Count != 1)
        {
            throw input.Error("$", $"a GeniusWeb profile is an object with one field naming its type ({LinearAdditiveType}); this one has {top.Count} fields");
        }

        var (type, body) = top[0];
        if (type == SumOfGroupsType)
        {
            return ParseGroups(input, file, body);
        }

        if (type != LinearAdditiveType)
        {
            throw input.Error("$", $"profile type '{type}' is not supported; Parley reads {LinearAdditiveType} and {SumOfGroupsType} profiles");
        }

        var path = "$." + LinearAdditiveType;
        var f = input.Fields(body, path, "the profile", "domain", "name", "issueUtilities", "issueWeights", "reservationBid");
        var domain = ParseDomain(input, input.Required(f, path, "domain", "the profile"), path + ".domain");
        var name = JsonInput.TryGet(f, "name", out var n) ? input.String(n, path + ".name", "the profile's name") : Path.GetFileNameWithoutExtension(file);

        var utilities = new UtilityDef[domain.Issues.Count];
        var up = path + ".issueUtilities";
        foreach (var (issueName, value) in input.Members(input.Required(f, path, "issueUtilities", "the profile"), up, "the issue utilities"))
        {
            var ip = JsonInput.Prop(up, issueName);
            var i = domain.IndexOf(issueName);
            if (i < 0)
            {
                throw input.Error(ip, $"unknown issue '{issueName}' (the domain's issues: {string.Join(", ", domain.Issues.Select(x => x.Name))})");
            }

            utilities[i] = ParseUtilities(input, value, ip, domain.Issues[i]);
        }

        for (var i = 0; i < utilities.Length; i++)
        {
            if (utilities[i] is null)
            {
                throw input.Error(up, $"no utilities for issue '{domain.Issues[i].Name}'");
            }
        }

        var weights = new double[domain.Issues.Count];
        var given = new bool[weights.Length];
        var wp = path + ".issueWeights";
        foreach (var (issueName, value) in input.Members(input.Required(f, path, "issueWeights", "the profile"), wp, "the issue weights"))
        {
            var ip = JsonInput.Prop(wp, issueName);
            var i = domain.IndexOf(issueName);
            if (i < 0)
            {
                throw input.Error(ip, $"unknown issue '{issueName}' (the domain's issues: {string.Join(", ", domain.Issues.Select(x => x.Name))})");
            }

            var w = input.Number(value, ip, $"the weight of issue '{issueName}'");
            if (w < 0)
            {
                throw input.Error(ip, string.Create(CultureInfo.InvariantCulture, $"the weight of issue '{issueName}' is {w:R}; weights must not be negative"));
            }

            if (w > 1 + 1e-9)
            {
                throw input.Error(ip, string.Create(CultureInfo.InvariantCulture, $"the weight of issue '{issueName}' is {w:R}; GeniusWeb weights lie between 0 and 1 (and sum to 1)"));
            }

            weights[i] = w;
            given[i] = true;
        }

        for (var i = 0; i < given.Length; i++)
        {
            if (!given[i])
            {
                throw input.Error(wp, $"no weight for issue '{domain.Issues[i].Name}'");
            }
        }

        if (Array.TrueForAll(weights, w => w == 0))
        {
            throw input.Error(wp, "every weight is 0, so every outcome is worth the same; give at least one issue a positive weight");
        }

        var bid = ReadReservationBid(input, f, path, domain, nullMeansNone: false);

        return new ParsedProfile(input, file, name, domain, utilities, weights, bid);
    }

    /// <summary>A profile's <c>reservationBid</c> (issue → its JSON value and path), or null when it has none; an unknown issue is refused.</summary>
    private static Dictionary<string, (JsonElement Value, string Path)>? ReadReservationBid(JsonInput input, Dictionary<string, JsonElement> f, string path, GwDomain domain, bool nullMeansNone)
    {
        if (!JsonInput.TryGet(f, "reservationBid", out var rb) || (nullMeansNone && rb.ValueKind == JsonValueKind.Null))
        {
            return null;
        }

        var bp = path + ".reservationBid";
        var bf = input.Fields(rb, bp, "the reservation bid", "issuevalues");
        var bid = new Dictionary<string, (JsonElement Value, string Path)>();
        var vp = bp + ".issuevalues";
        foreach (var (issueName, value) in input.Members(input.Required(bf, bp, "issuevalues", "the reservation bid"), vp, "the reservation bid's values"))
        {
            if (domain.IndexOf(issueName) < 0)
            {
                throw input.Error(JsonInput.Prop(vp, issueName), $"unknown issue '{issueName}' in the reservation bid");
            }

            bid[issueName] = (value.Clone(), JsonInput.Prop(vp, issueName));
        }

        return bid;
    }

    private static GwDomain ParseDomain(JsonInput input, JsonElement e, string path)
    {
        var f = input.Fields(e, path, "the domain", "name", "issuesValues");
        var name = input.String(input.Required(f, path, "name", "the domain"), path + ".name", "the domain's name");
        var ip = path + ".issuesValues";
        var issues = new List<GwIssue>();
        foreach (var (issueName, value) in input.Members(input.Required(f, path, "issuesValues", "the domain"), ip, "the domain's issues"))
        {
            var vp = JsonInput.Prop(ip, issueName);
            if (string.IsNullOrWhiteSpace(issueName))
            {
                throw input.Error(vp, "an issue needs a non-empty name");
            }

            var vf = input.Fields(value, vp, $"the values of issue '{issueName}'", "values", "range");
            if (JsonInput.TryGet(vf, "values", out var values))
            {
                if (JsonInput.TryGet(vf, "range", out _))
                {
                    throw input.Error(vp, $"issue '{issueName}' has both discrete values and a range");
                }

                var list = new List<string>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                var k = 0;
                foreach (var v in input.Array(values, vp + ".values", $"the values of issue '{issueName}'").EnumerateArray())
                {
                    var text = input.String(v, JsonInput.Item(vp + ".values", k++), "a discrete value");
                    if (!seen.Add(text))
                    {
                        throw input.Error(JsonInput.Item(vp + ".values", k - 1), $"value '{text}' of issue '{issueName}' is given twice");
                    }

                    list.Add(text);
                }

                issues.Add(new GwIssue(issueName, list.ToArray(), 0, 0, 0, 0));
            }
            else if (JsonInput.TryGet(vf, "range", out var range))
            {
                var rp = vp + ".range";
                var rf = input.Fields(range, rp, "a range", "low", "high", "step");
                var low = input.Decimal(input.Required(rf, rp, "low", "a range"), rp + ".low", "low");
                var high = input.Decimal(input.Required(rf, rp, "high", "a range"), rp + ".high", "high");
                var step = input.Decimal(input.Required(rf, rp, "step", "a range"), rp + ".step", "step");
                if (low > high)
                {
                    throw input.Error(rp, string.Create(CultureInfo.InvariantCulture, $"low {low} is above high {high}"));
                }

                if (step <= 0)
                {
                    throw input.Error(rp + ".step", string.Create(CultureInfo.InvariantCulture, $"step must be positive, not {step}"));
                }

                var count = decimal.Floor((high - low) / step) + 1;
                if (count > FormatLimits.MaxIssueLevels)
                {
                    throw input.Error(rp, string.Create(CultureInfo.InvariantCulture, $"the range holds {count} values; Parley reads number issues of at most {FormatLimits.MaxIssueLevels} values"));
                }

                issues.Add(new GwIssue(issueName, null, low, high, step, (int)count));
            }
            else
            {
                throw input.Error(vp, $"issue '{issueName}' needs \"values\" (a list) or \"range\" ({{low, high, step}})");
            }
        }

        if (issues.Count == 0)
        {
            throw input.Error(ip, "the domain has no issues");
        }

        return new GwDomain(name, issues);
    }

    private static UtilityDef ParseUtilities(JsonInput input, JsonElement e, string path, GwIssue issue)
    {
        var members = input.Members(e, path, $"the utilities of issue '{issue.Name}'");
        if (members.Count != 1 || (members[0].Key != "DiscreteValueSetUtilities" && members[0].Key != "NumberValueSetUtilities"))
        {
            throw input.Error(path, $"the utilities of issue '{issue.Name}' must be {{\"DiscreteValueSetUtilities\": ...}} or {{\"NumberValueSetUtilities\": ...}}");
        }

        var (kind, body) = members[0];
        var bp = JsonInput.Prop(path, kind);
        if (kind == "DiscreteValueSetUtilities")
        {
            if (issue.Values is null)
            {
                throw input.Error(bp, $"issue '{issue.Name}' is a number range; it needs NumberValueSetUtilities");
            }

            var f = input.Fields(body, bp, "discrete utilities", "valueUtilities");
            var vp = bp + ".valueUtilities";
            var values = new double[issue.Values.Length];
            var given = new bool[values.Length];
            var positions = new Dictionary<string, int>(issue.Values.Length, StringComparer.Ordinal);
            for (var k = 0; k < issue.Values.Length; k++)
            {
                positions[issue.Values[k]] = k;
            }

            foreach (var (value, u) in input.Members(input.Required(f, bp, "valueUtilities", "discrete utilities"), vp, "the value utilities"))
            {
                var up = JsonInput.Prop(vp, value);
                if (!positions.TryGetValue(value, out var k))
                {
                    throw input.Error(up, $"unknown value '{value}' of issue '{issue.Name}' (values: {string.Join(", ", issue.Values)})");
                }

                values[k] = Utility(input, u, up);
                given[k] = true;
            }

            for (var k = 0; k < given.Length; k++)
            {
                if (!given[k])
                {
                    throw input.Error(vp, $"no utility for value '{issue.Values[k]}' of issue '{issue.Name}'");
                }
            }

            return new UtilityDef(values, 0, 0, 0, 0);
        }

        if (issue.Values is not null)
        {
            throw input.Error(bp, $"issue '{issue.Name}' has discrete values; it needs DiscreteValueSetUtilities");
        }

        var nf = input.Fields(body, bp, "number utilities", "lowValue", "lowUtility", "highValue", "highUtility");
        var lowValue = input.Decimal(input.Required(nf, bp, "lowValue", "number utilities"), bp + ".lowValue", "lowValue");
        var highValue = input.Decimal(input.Required(nf, bp, "highValue", "number utilities"), bp + ".highValue", "highValue");
        var lowUtility = Utility(input, input.Required(nf, bp, "lowUtility", "number utilities"), bp + ".lowUtility");
        var highUtility = Utility(input, input.Required(nf, bp, "highUtility", "number utilities"), bp + ".highUtility");
        if (highValue <= lowValue)
        {
            throw input.Error(bp, string.Create(CultureInfo.InvariantCulture, $"highValue {highValue} must be above lowValue {lowValue}"));
        }

        if (lowValue != issue.Low || highValue != issue.High)
        {
            throw input.Error(bp, string.Create(CultureInfo.InvariantCulture, $"the utilities run from {lowValue} to {highValue} but issue '{issue.Name}' ranges from {issue.Low} to {issue.High}; GeniusWeb requires them to match"));
        }

        return new UtilityDef(null, ToDouble(lowValue), lowUtility, ToDouble(highValue), highUtility);
    }

    private static double Utility(JsonInput input, JsonElement e, string path)
    {
        var u = input.Number(e, path, "a utility");
        return u is < 0 or > 1
            ? throw input.Error(path, string.Create(CultureInfo.InvariantCulture, $"the utility {u:R} is outside [0, 1], which GeniusWeb requires"))
            : u;
    }

    /// <summary>The double nearest to <paramref name="value"/>, exactly as parsing its text gives it.</summary>
    private static double ToDouble(decimal value) => double.Parse(value.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A GeniusWeb issue: discrete values, or a number range with its value count.</summary>
    private sealed record GwIssue(string Name, string[]? Values, decimal Low, decimal High, decimal Step, int Count)
    {
        public bool IsIntegral => Low == decimal.Truncate(Low) && High == decimal.Truncate(High) && Step == decimal.Truncate(Step);

        /// <summary>The number of values.</summary>
        public int Size => Values?.Length ?? Count;

        /// <summary>The level (position in this issue's values) of a bid value: a string for discrete values, a number on the range's grid otherwise.</summary>
        public int LevelOf(JsonInput input, JsonElement value, string path)
        {
            if (Values is not null)
            {
                var text = input.String(value, path, $"a value of issue '{Name}'");
                var k = Array.IndexOf(Values, text);
                return k >= 0 ? k : throw input.Error(path, $"'{text}' is not a value of issue '{Name}' (values: {string.Join(", ", Values)})");
            }

            if (value.ValueKind != JsonValueKind.Number)
            {
                throw input.Error(path, $"issue '{Name}' is a number range; its value must be a number, not {JsonInput.Describe(value)}");
            }

            var x = input.Decimal(value, path, $"a value of issue '{Name}'");
            var steps = (x - Low) / Step;
            return x >= Low && x <= High && steps == decimal.Truncate(steps) && steps < Count
                ? (int)steps
                : throw input.Error(path, string.Create(CultureInfo.InvariantCulture, $"{x} is not a value of issue '{Name}' (from {Low} to {High} in steps of {Step})"));
        }

        public Issue Build()
        {
            if (Values is not null)
            {
                return new CategoricalIssue(Name, Values);
            }

            if (IsIntegral && Math.Abs(Low) < 1e15m && Math.Abs(High) < 1e15m)
            {
                return new IntegerIssue(Name, (long)Low, (long)High, (long)Step);
            }

            var last = Low + ((Count - 1) * Step);
            return new RealIssue(Name, ToDouble(Low), ToDouble(last), Count);
        }

        public bool SameAs(GwIssue other) =>
            Name == other.Name
            && (Values is null ? other.Values is null && Low == other.Low && High == other.High && Step == other.Step
                : other.Values is not null && Values.Length == other.Values.Length && !Values.Except(other.Values, StringComparer.Ordinal).Any());
    }

    private sealed record GwDomain(string Name, List<GwIssue> Issues)
    {
        public int IndexOf(string name) => Issues.FindIndex(i => i.Name == name);

        public Domain Build() => new(Name, Issues.Select(i => i.Build()));

        public string? Difference(GwDomain other)
        {
            if (Name != other.Name)
            {
                return $"domain '{other.Name}', not '{Name}'";
            }

            foreach (var issue in Issues)
            {
                var o = other.Issues.Find(i => i.Name == issue.Name);
                if (o is null)
                {
                    return $"it has no issue '{issue.Name}'";
                }

                if (!issue.SameAs(o))
                {
                    return $"issue '{issue.Name}' has other values";
                }
            }

            return other.Issues.Find(o => IndexOf(o.Name) < 0) is { } extra ? $"it has an extra issue '{extra.Name}'" : null;
        }
    }

    /// <summary>One issue's utilities: a table (discrete) or the two points of a number range.</summary>
    private sealed record UtilityDef(double[]? Table, double LowValue, double LowUtility, double HighValue, double HighUtility);

    private sealed record ParsedProfile(
        JsonInput Input,
        string File,
        string Name,
        GwDomain Domain,
        UtilityDef[] Utilities,
        double[] Weights,
        Dictionary<string, (JsonElement Value, string Path)>? ReservationBid) : IParsedProfile
    {
        public string Type => LinearAdditiveType;

        public Profile BuildProfile(Domain domain) => Build(domain);

        /// <summary>The profile over <paramref name="domain"/>, which has the same issues, possibly in another order.</summary>
        public AdditiveProfile Build(Domain domain)
        {
            var weights = new double[domain.IssueCount];
            var functions = new ValueFunction[domain.IssueCount];
            for (var k = 0; k < Domain.Issues.Count; k++)
            {
                var i = domain.IndexOf(Domain.Issues[k].Name);
                weights[i] = Weights[k];
                var u = Utilities[k];
                if (u.Table is not null)
                {
                    functions[i] = new TableValueFunction(TableOver((CategoricalIssue)domain.Issues[i], Domain.Issues[k].Values!, u.Table));
                }
                else
                {
                    functions[i] = new PiecewiseLinearValueFunction([(u.LowValue, u.LowUtility), (u.HighValue, u.HighUtility)]);
                }
            }

            var profile = new AdditiveProfile(domain, weights, functions);
            if (ReservationBid is null)
            {
                return profile;
            }

            var reservation = 0.0;
            for (var i = 0; i < domain.IssueCount; i++)
            {
                var issue = domain.Issues[i];
                if (!ReservationBid.TryGetValue(issue.Name, out var entry))
                {
                    continue;
                }

                string text;
                if (issue is CategoricalIssue)
                {
                    text = Input.String(entry.Value, entry.Path, "a discrete value");
                }
                else if (entry.Value.ValueKind == JsonValueKind.Number)
                {
                    text = entry.Value.GetRawText();
                }
                else
                {
                    throw Input.Error(entry.Path, $"issue '{issue.Name}' is a number range; its value must be a number, not {JsonInput.Describe(entry.Value)}");
                }

                if (!issue.TryParseLevel(text, out var level))
                {
                    throw Input.Error(entry.Path, $"'{text}' is not a value of issue '{issue.Name}'");
                }

                reservation += profile.LevelUtility(i, level);
            }

            return new AdditiveProfile(domain, weights, functions, reservation);
        }
    }
}
