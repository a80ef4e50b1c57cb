using System.Globalization;
using System.Text.Json;
using Parley.Domains;
using Parley.Scenarios;

namespace Parley.Formats.NegMas;

/// <summary>
/// Reads NegMAS scenario folders: one outcome-space file and one file per utility function, in YAML
/// (<c>.yml</c>, <c>.yaml</c>, as NegMAS's <c>Scenario.dumpas</c> writes them) or JSON.
/// </summary>
/// <remarks>
/// <para>As NegMAS's <c>Scenario.load</c> finds them: files are taken in ordinal name order; hidden
/// files and NegMAS's sidecars (<c>_info.yaml</c>, <c>_stats.yaml</c>: a leading underscore) are
/// skipped; a file whose <c>type</c> names an outcome space is the domain, one whose <c>type</c> names
/// a utility function (contains <c>fun</c>) is a party, named after its file. A file that does not parse
/// is refused, naming it. Types may be short (<c>CategoricalIssue</c>) or full
/// (<c>negmas.outcomes.categorical_issue.CategoricalIssue</c>).</para>
/// <para>Issues: <c>CategoricalIssue</c> (values), <c>ContiguousIssue</c> (<c>[min, max]</c> or a count n for
/// 0..n−1), <c>DiscreteCardinalIssue</c> / <c>DiscreteOrdinalIssue</c> (a list of numbers: an integer
/// issue when the integers are evenly spaced, a real issue when <see cref="RealIssue"/>'s grid gives
/// exactly those numbers, otherwise a categorical issue named by the numbers, which keeps every value
/// function exact), <c>ContinuousIssue</c> (<c>[min, max]</c>, discretised into <c>n_levels</c> evenly
/// spaced values, both ends included: Parley's model of a real issue). Utility functions are described
/// on <see cref="ReadProfile(string, NegMasDomain)"/>.</para>
/// </remarks>
public static partial class NegMasReader
{
    /// <summary>Whether <paramref name="folder"/> holds a NegMAS file: YAML or JSON whose top-level <c>type</c> names a NegMAS outcome space or utility function (YAML that does not parse does not count here; <see cref="ReadFolder"/> names it).</summary>
    public static bool IsNegMasFolder(string folder) =>
        Directory.Exists(folder) && Candidates(folder).Any(f => IsYaml(f) ? LooksLikeNegMasYaml(f) : LooksLikeNegMasJson(f));

    private static bool LooksLikeNegMasYaml(string path)
    {
        try
        {
            var type = new YamlInput(path).Parse(ReadFile(path)) is YMap map
                ? map.Entries.Where(e => e.Key is YScalar { Text: "type" }).Select(e => e.Value).OfType<YScalar>().FirstOrDefault()?.Text ?? string.Empty
                : string.Empty;
            return type.Contains("OutcomeSpace", StringComparison.Ordinal) || type.Contains("fun", StringComparison.OrdinalIgnoreCase);
        }
        catch (InputException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="path"/> is a JSON file whose top-level object has a string <c>type</c> naming a NegMAS outcome space or utility function.</summary>
    public static bool LooksLikeNegMasJson(string path)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || !File.Exists(path) || new FileInfo(path).Length > FormatLimits.MaxFileBytes)
        {
            return false;
        }

        try
        {
            var bytes = File.ReadAllBytes(path);
            var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isType = reader.ValueTextEquals("type");
                if (!reader.Read())
                {
                    return false;
                }

                if (isType && reader.TokenType == JsonTokenType.String)
                {
                    var type = reader.GetString() ?? string.Empty;
                    return type.Contains("OutcomeSpace", StringComparison.Ordinal) || type.Contains("fun", StringComparison.OrdinalIgnoreCase);
                }

                reader.Skip();
            }

            return false;
        }
        catch (JsonException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Whether the file at <paramref name="path"/> parses as a NegMAS outcome space (its <c>type</c> names one).</summary>
    /// <exception cref="InputException">The file is missing, too large, or not YAML or JSON.</exception>
    public static bool IsOutcomeSpaceFile(string path)
    {
        var input = new YamlInput(path);
        return input.Parse(ReadFile(path)) is YMap map
            && map.Entries.Any(e => e.Key is YScalar { Text: "type" } && e.Value is YScalar t && t.Text.Contains("OutcomeSpace", StringComparison.Ordinal));
    }

    /// <summary>Reads a NegMAS scenario folder; <paramref name="profiles"/> picks utility functions by file name without extension, in the order given (null: all, by file name).</summary>
    /// <exception cref="InputException">No such folder, no outcome space or two of them, an unknown profile name, or a malformed file (named, with line and path).</exception>
    public static Scenario ReadFolder(string folder, IReadOnlyList<string>? profiles = null)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException(folder, string.Empty, "no such folder");
        }

        string? domainFile = null;
        YNode? domainNode = null;
        var ufuns = new List<(string File, YamlInput Input, YNode Node)>();
        foreach (var file in Candidates(folder))
        {
            if (!IsYaml(file) && !LooksLikeNegMasJson(file))
            {
                continue;
            }

            var input = new YamlInput(file);
            var root = input.Parse(ReadFile(file));
            if (root is not YMap map)
            {
                throw input.Error(root, $"a NegMAS file holds a mapping with a 'type', not {YamlInput.Describe(root)}");
            }

            var type = map.Entries.Where(e => e.Key is YScalar { Text: "type" }).Select(e => e.Value).OfType<YScalar>().FirstOrDefault()?.Text ?? string.Empty;
            if (type.Contains("OutcomeSpace", StringComparison.Ordinal))
            {
                if (domainFile is not null)
                {
                    throw new InputException(folder, string.Empty, $"two outcome spaces: {Path.GetFileName(domainFile)} and {Path.GetFileName(file)}; a NegMAS scenario has one");
                }

                domainFile = file;
                domainNode = root;
            }
            else if (type.Contains("fun", StringComparison.OrdinalIgnoreCase))
            {
                ufuns.Add((file, input, root));
            }
        }

        if (domainFile is null)
        {
            throw new InputException(folder, string.Empty, "no NegMAS outcome space: no .yml, .yaml or .json file whose 'type' names an outcome space (such as CartesianOutcomeSpace)");
        }

        var domain = ReadDomain(new YamlInput(domainFile), domainNode!, Path.GetFileNameWithoutExtension(domainFile));
        var byName = ufuns.ToDictionary(u => Path.GetFileNameWithoutExtension(u.File), StringComparer.Ordinal);
        var chosen = new List<(string File, YamlInput Input, YNode Node)>();
        if (profiles is null)
        {
            chosen.AddRange(ufuns);
        }
        else
        {
            foreach (var name in profiles)
            {
                if (!byName.TryGetValue(name, out var u))
                {
                    throw new InputException(folder, string.Empty, $"no utility function '{name}' in the folder; available: {(byName.Count == 0 ? "none" : string.Join(", ", byName.Keys))}");
                }

                if (chosen.Contains(u))
                {
                    throw new InputException(folder, string.Empty, $"utility function '{name}' is chosen twice");
                }

                chosen.Add(u);
            }
        }

        var parties = chosen.Select(u => new Party(Path.GetFileNameWithoutExtension(u.File), PartyRole.Party, ReadProfile(u.Input, u.Node, domain)));
        var folderName = new DirectoryInfo(folder).Name;
        return new Scenario(
            folderName,
            domain.Domain,
            parties,
            new ScenarioMetadata(Title: folderName, Description: $"NegMAS scenario over outcome space '{domain.Domain.Name}'"));
    }

    /// <summary>Reads a NegMAS outcome-space file.</summary>
    /// <exception cref="InputException">The file is missing, too large, not YAML or JSON, or not an outcome space Parley reads.</exception>
    public static NegMasDomain ReadDomain(string path)
    {
        var input = new YamlInput(path);
        return ReadDomain(input, input.Parse(ReadFile(path)), Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>Reads a NegMAS outcome space from <paramref name="stream"/>; <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="InputException">The input is too large, not YAML or JSON, or not an outcome space Parley reads.</exception>
    public static NegMasDomain ReadDomain(Stream stream, string sourceName)
    {
        var input = new YamlInput(sourceName);
        return ReadDomain(input, input.Parse(JsonInput.ReadStream(stream, sourceName)), Path.GetFileNameWithoutExtension(sourceName));
    }

    private static IEnumerable<string> Candidates(string folder) =>
        Directory.GetFiles(folder)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && !Path.GetFileName(f).StartsWith('_'))
            .Where(f => IsYaml(f) || f.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);

    private static bool IsYaml(string path) =>
        path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase);

    private static byte[] ReadFile(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new InputException(path, string.Empty, "no such file");
        }

        if (info.Length > FormatLimits.MaxFileBytes)
        {
            throw new InputException(path, string.Empty, string.Create(CultureInfo.InvariantCulture, $"the file is {info.Length:N0} bytes; Parley reads NegMAS files of at most {FormatLimits.MaxFileBytes:N0} bytes"));
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>The last part of a NegMAS type name (<c>negmas.outcomes.categorical_issue.CategoricalIssue</c> → <c>CategoricalIssue</c>).</summary>
    private static string ShortType(string type)
    {
        var dot = type.LastIndexOf('.');
        return dot >= 0 ? type[(dot + 1)..] : type;
    }

    private static NegMasDomain ReadDomain(YamlInput input, YNode root, string fallbackName)
    {
        var f = input.Fields(root, "the outcome space");
        var type = ShortType(input.String(input.Required(f, root, "type", "the outcome space"), "the outcome space's type"));
        if (type is not ("CartesianOutcomeSpace" or "DiscreteCartesianOutcomeSpace"))
        {
            throw input.Error(f["type"], $"outcome space type '{type}' is not supported; Parley reads CartesianOutcomeSpace and DiscreteCartesianOutcomeSpace");
        }

        var name = YamlInput.Present(f, "name", out var n) ? input.String(n, "the outcome space's name") : fallbackName;
        var issuesNode = input.Required(f, root, "issues", "the outcome space");
        var items = input.Sequence(issuesNode, "the issues");
        if (items.Count == 0)
        {
            throw input.Error(issuesNode, "the outcome space has no issues");
        }

        var issues = new List<Issue>();
        var numbers = new List<double[]?>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var (issue, values) = ReadIssue(input, item, issues.Count);
            if (!names.Add(issue.Name))
            {
                throw input.Error(item, $"issue '{issue.Name}' is given twice");
            }

            issues.Add(issue);
            numbers.Add(values);
        }

        return new NegMasDomain(new Domain(string.IsNullOrWhiteSpace(name) ? fallbackName : name, issues), numbers);
    }

    private static (Issue Issue, double[]? Numbers) ReadIssue(YamlInput input, YNode node, int index)
    {
        var f = input.Fields(node, $"issue {index + 1}");
        var type = ShortType(input.String(input.Required(f, node, "type", $"issue {index + 1}"), "an issue's type"));
        var name = YamlInput.Present(f, "name", out var n) ? input.String(n, "an issue's name") : index.ToString(CultureInfo.InvariantCulture);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw input.Error(node, "an issue needs a non-empty name");
        }

        var valuesNode = input.Required(f, node, "values", $"issue '{name}'");
        switch (type)
        {
            case "ContiguousIssue":
            {
                long min, max;
                if (valuesNode is YScalar count)
                {
                    var c = Whole(input, count, $"the value count of issue '{name}'");
                    if (c < 1)
                    {
                        throw input.Error(count, $"issue '{name}' has {c} values; it needs at least 1");
                    }

                    (min, max) = (0, c - 1);
                }
                else
                {
                    var pair = input.Sequence(valuesNode, $"the values of issue '{name}'");
                    if (pair.Count != 2)
                    {
                        throw input.Error(valuesNode, $"a ContiguousIssue's values are [min, max]; issue '{name}' gives {pair.Count}");
                    }

                    (min, max) = (Whole(input, pair[0], "min"), Whole(input, pair[1], "max"));
                    if (min > max)
                    {
                        throw input.Error(valuesNode, $"issue '{name}' has min {min} above max {max}");
                    }
                }

                if ((Int128)max - min + 1 > FormatLimits.MaxIssueLevels)
                {
                    throw input.Error(valuesNode, string.Create(CultureInfo.InvariantCulture, $"issue '{name}' has {(Int128)max - min + 1} values; Parley reads issues of at most {FormatLimits.MaxIssueLevels:N0}"));
                }

                return (new IntegerIssue(name, min, max), null);
            }

            case "ContinuousIssue":
            {
                var pair = input.Sequence(valuesNode, $"the range of issue '{name}'");
                if (pair.Count != 2)
                {
                    throw input.Error(valuesNode, $"a ContinuousIssue's values are [min, max]; issue '{name}' gives {pair.Count}");
                }

                var min = input.FiniteNumber(pair[0], "min");
                var max = input.FiniteNumber(pair[1], "max");
                if (min > max)
                {
                    throw input.Error(valuesNode, string.Create(CultureInfo.InvariantCulture, $"issue '{name}' has min {min:R} above max {max:R}"));
                }

                var levels = 10L;
                if (YamlInput.Present(f, "n_levels", out var nl))
                {
                    levels = Whole(input, nl, "n_levels");
                }

                if (levels < 2 || levels > FormatLimits.MaxIssueLevels)
                {
                    throw input.Error(f.TryGetValue("n_levels", out var at) ? at : node, string.Create(CultureInfo.InvariantCulture, $"issue '{name}' is discretised into {levels} levels; Parley needs 2 to {FormatLimits.MaxIssueLevels:N0}"));
                }

                var real = new RealIssue(name, min, max, (int)levels);
                return (real, Enumerable.Range(0, real.Cardinality).Select(real.ValueAt).ToArray());
            }

            case "CategoricalIssue" or "DiscreteCardinalIssue" or "DiscreteOrdinalIssue" or "CardinalIssue" or "OrdinalIssue":
            {
                var list = input.Sequence(valuesNode, $"the values of issue '{name}'");
                if (list.Count == 0)
                {
                    throw input.Error(valuesNode, $"issue '{name}' has no values");
                }

                if (list.Count > FormatLimits.MaxIssueLevels)
                {
                    throw input.Error(valuesNode, string.Create(CultureInfo.InvariantCulture, $"issue '{name}' has {list.Count:N0} values; Parley reads issues of at most {FormatLimits.MaxIssueLevels:N0}"));
                }

                var texts = new string[list.Count];
                var nums = new double[list.Count];
                var allNumbers = true;
                var allIntegers = true;
                var seen = new HashSet<string>(StringComparer.Ordinal);
                for (var k = 0; k < list.Count; k++)
                {
                    if (list[k] is not YScalar s || s.IsNull)
                    {
                        throw input.Error(list[k], $"a value of issue '{name}' must be a single value, not {YamlInput.Describe(list[k])}");
                    }

                    texts[k] = s.Text;
                    if (!seen.Add(s.Text))
                    {
                        throw input.Error(s, $"value '{s.Text}' of issue '{name}' is given twice");
                    }

                    allNumbers &= s.TryNumber(out nums[k]) && double.IsFinite(nums[k]);
                    allIntegers &= s.IsInteger;
                }

                if (type != "CategoricalIssue" && !allNumbers)
                {
                    throw input.Error(valuesNode, $"a {type}'s values are numbers; issue '{name}' has others");
                }

                if (!allNumbers)
                {
                    return (new CategoricalIssue(name, texts), null);
                }

                if (type != "CategoricalIssue" && allIntegers && EvenIntegers(list, out var lo, out var hi, out var step))
                {
                    return (new IntegerIssue(name, lo, hi, step), nums);
                }

                if (type != "CategoricalIssue" && list.Count >= 2 && nums[^1] > nums[0])
                {
                    var real = new RealIssue(name, nums[0], nums[^1], list.Count);
                    if (Enumerable.Range(0, list.Count).All(l => real.ValueAt(l) == nums[l]))
                    {
                        return (real, nums);
                    }
                }

                return (new CategoricalIssue(name, texts), nums);
            }

            default:
                throw input.Error(f["type"], $"issue type '{type}' is not supported; Parley reads CategoricalIssue, ContiguousIssue, DiscreteCardinalIssue, DiscreteOrdinalIssue and ContinuousIssue");
        }
    }

    private static bool EvenIntegers(IReadOnlyList<YNode> list, out long lo, out long hi, out long step)
    {
        lo = hi = step = 0;
        var values = new long[list.Count];
        for (var k = 0; k < list.Count; k++)
        {
            if (!long.TryParse(((YScalar)list[k]).Text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out values[k]))
            {
                return false;
            }
        }

        lo = values[0];
        hi = values[^1];
        if (values.Length == 1)
        {
            step = 1;
            return true;
        }

        step = values[1] - values[0];
        if (step < 1)
        {
            return false;
        }

        for (var k = 1; k < values.Length; k++)
        {
            if (values[k] - values[k - 1] != step)
            {
                return false;
            }
        }

        return true;
    }

    private static long Whole(YamlInput input, YNode node, string what)
    {
        if (node is YScalar s && s.IsInteger && long.TryParse(s.Text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        throw input.Error(node, $"{what} must be a whole number, not {YamlInput.Describe(node)}");
    }
}
