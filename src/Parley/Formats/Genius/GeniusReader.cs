using System.Globalization;
using System.Xml.Linq;
using Parley.Domains;
using static Parley.Formats.Genius.GeniusXml;

namespace Parley.Formats.Genius;

/// <summary>
/// Reads GENIUS XML: domain templates, linear additive utility spaces (profiles) and whole GENIUS
/// scenario folders, computing utilities exactly as GENIUS does.
/// </summary>
/// <remarks>
/// Every rule is listed in the "GENIUS XML" section of docs/formats.md. In short: a discrete value
/// is worth its evaluation divided by the issue's largest evaluation; integer and real issues use
/// GENIUS's linear evaluators clamped to [0, 1]; weights are used as written (GENIUS does not
/// normalise them); a discount factor outside (0, 1] or missing means no discount; a missing
/// reservation value is 0. Nonlinear (hyper-rectangle) utility spaces are read as GENIUS computes them
/// (see <see cref="ReadProfile"/>).
/// Every problem a file can have is reported as an <see cref="InputException"/> naming the file
/// and the line. Files are read with DTDs prohibited and no resolver, and files larger than
/// <see cref="MaxFileBytes"/> are refused before they are read.
/// </remarks>
public static partial class GeniusReader
{
    /// <summary>The largest GENIUS file read (64 MiB); larger files are refused unread.</summary>
    public const long MaxFileBytes = FormatLimits.MaxFileBytes;

    /// <summary>The most levels one integer or real issue may have (the profile keeps a table of them).</summary>
    public const int MaxIssueLevels = FormatLimits.MaxIssueLevels;

    /// <summary>Below this largest evaluation GENIUS values every option of a discrete issue at 0.</summary>
    internal const double GeniusZeroMax = 0.00001;

    private static readonly string[] NonlinearElements = ["hyperRectangle", "ufun", "utility", "INCLUDES", "EXCLUDES"];

    /// <summary>
    /// Tells a domain template from a utility space by content: a GENIUS file has root
    /// <c>negotiation_template</c> or <c>utility_space</c>; it is a profile when it holds weights,
    /// evaluations, evaluators or a nonlinear utility definition, and a domain otherwise.
    /// </summary>
    /// <returns>
    /// <see cref="GeniusFileKind.NotGenius"/> for an empty file, text that is not XML (it does not
    /// start with <c>&lt;</c>, like ANAC's <c>pareto.xml</c>) or XML with another root.
    /// </returns>
    /// <exception cref="InputException">The file is missing, too large, or starts as XML but is not well-formed (or has a DTD).</exception>
    public static GeniusFileKind Classify(string path)
    {
        CheckSize(path);
        if (FirstNonBlank(path) != '<')
        {
            return GeniusFileKind.NotGenius;
        }

        var root = Load(path).Root!;
        if (root.Name.LocalName is not ("negotiation_template" or "utility_space"))
        {
            return GeniusFileKind.NotGenius;
        }

        return HoldsPreferences(root) ? GeniusFileKind.Profile : GeniusFileKind.Domain;
    }

    /// <summary>Reads a GENIUS domain template.</summary>
    /// <remarks>
    /// The domain is named after the file, without <c>.xml</c> and without a trailing
    /// <c>-domain</c> or <c>_domain</c>. Issues are listed in GENIUS's order: a pre-order walk of
    /// the objective tree in which, at each objective, nested objectives come before its own issues.
    /// </remarks>
    /// <exception cref="InputException">The file is not a readable GENIUS domain template; the message says where and why.</exception>
    public static Domain ReadDomain(string path) => ReadDomain(Load(path), path);

    /// <summary>Reads a GENIUS domain template from <paramref name="stream"/> (an upload), <paramref name="name"/> naming it in messages.</summary>
    /// <exception cref="InputException">Not a domain template, too large, or malformed (with the place).</exception>
    public static Domain ReadDomain(Stream stream, string name) => ReadDomain(Load(ScenarioLoader.ReadBounded(stream, name, MaxFileBytes), name), name);

    private static Domain ReadDomain(System.Xml.Linq.XDocument document, string path)
    {
        var root = document.Root!;
        var space = UtilitySpaceOf(path, root);
        if (HoldsPreferences(root))
        {
            throw new InputException(path, Where(root), "this is a GENIUS utility space (a profile: it has weights or evaluations), not a domain template");
        }

        var objective = Child(space, "objective")
            ?? throw new InputException(path, Where(space), "the <utility_space> has no <objective> element holding the issues");

        var issueElements = new List<XElement>();
        CollectIssues(objective, issueElements);
        if (issueElements.Count == 0)
        {
            throw new InputException(path, Where(objective), "the domain has no issues (no <issue> elements)");
        }

        var issues = new List<Issue>(issueElements.Count);
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        var byNumber = new Dictionary<int, string>();
        foreach (var element in issueElements)
        {
            var issue = ReadDomainIssue(path, element, out var number);
            if (!numbers.TryAdd(issue.Name, number))
            {
                throw new InputException(path, Where(element), $"the domain has two issues named '{issue.Name}'");
            }

            if (!byNumber.TryAdd(number, issue.Name))
            {
                throw new InputException(path, Where(element), $"issues '{byNumber[number]}' and '{issue.Name}' have the same index {number.ToString(CultureInfo.InvariantCulture)}");
            }

            issues.Add(issue);
        }

        var domain = new Domain(DomainNameOf(path), issues);
        RememberIssueNumbers(domain, numbers);
        return domain;
    }

    private static Issue ReadDomainIssue(string path, XElement element, out int number)
    {
        var name = RequireAttribute(path, element, "name");
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InputException(path, Where(element), "an issue has an empty name");
        }

        number = ParseInt(path, element, "index", RequireAttribute(path, element, "index"));
        var description = NonEmpty((string?)element.Attribute("description"));
        switch (IssueTypeOf(path, element))
        {
            case IssueKind.Categorical:
                var options = new List<IssueOption>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in Children(element, "item"))
                {
                    var value = RequireAttribute(path, item, "value");
                    if (value.Length == 0)
                    {
                        throw new InputException(path, Where(item), $"issue '{name}' has a value with an empty name");
                    }

                    if (!seen.Add(value))
                    {
                        throw new InputException(path, Where(item), $"issue '{name}' lists the value '{value}' twice");
                    }

                    var itemDescription = NonEmpty((string?)item.Attribute("description"));
                    options.Add(new IssueOption(value, itemDescription == value ? null : itemDescription));
                }

                if (options.Count == 0)
                {
                    throw new InputException(path, Where(element), $"discrete issue '{name}' has no values (no <item> elements)");
                }

                return new CategoricalIssue(name, options, description);

            case IssueKind.Integer:
                var (lo, hi) = IntegerBounds(path, element, name);
                return new IntegerIssue(name, lo, hi, 1, description);

            default:
                var (min, max) = RealBounds(path, element, name);
                var levels = RealIssue.DefaultLevels;
                if ((string?)element.Attribute("levels") is { } levelsText)
                {
                    levels = ParseInt(path, element, "levels", levelsText);
                    if (levels < 2 || levels > MaxIssueLevels)
                    {
                        throw new InputException(path, Where(element), string.Create(CultureInfo.InvariantCulture, $"real issue '{name}' asks for {levels} levels; between 2 and {MaxIssueLevels} are supported"));
                    }
                }

                return new RealIssue(name, min, max, levels, description);
        }
    }

    /// <summary>GENIUS's issue type: the <c>type</c> attribute, discrete when absent (<c>vtype</c> and <c>etype</c> are not consulted).</summary>
    private static IssueKind IssueTypeOf(string path, XElement issue)
    {
        var type = (string?)issue.Attribute("type");
        if (type is null)
        {
            return IssueKind.Categorical;
        }

        return type.Trim().ToLowerInvariant() switch
        {
            "discrete" => IssueKind.Categorical,
            "integer" => IssueKind.Integer,
            "real" => IssueKind.Real,
            _ => throw new InputException(path, Where(issue), $"unknown issue type '{type}'; GENIUS issues are discrete, integer or real"),
        };
    }

    private static (int Lo, int Hi) IntegerBounds(string path, XElement issue, string name)
    {
        var holder = issue.Attribute("lowerbound") is null && Child(issue, "range") is { } range ? range : issue;
        var lo = ParseInt(path, holder, "lowerbound", RequireAttribute(path, holder, "lowerbound"));
        var hi = ParseInt(path, holder, "upperbound", RequireAttribute(path, holder, "upperbound"));
        if (lo > hi)
        {
            throw new InputException(path, Where(issue), string.Create(CultureInfo.InvariantCulture, $"integer issue '{name}' has lowerbound {lo} above upperbound {hi}"));
        }

        if ((long)hi - lo + 1 > MaxIssueLevels)
        {
            throw new InputException(path, Where(issue), string.Create(CultureInfo.InvariantCulture, $"integer issue '{name}' has {(long)hi - lo + 1} values; at most {MaxIssueLevels} per issue are supported"));
        }

        return (lo, hi);
    }

    private static (double Min, double Max) RealBounds(string path, XElement issue, string name)
    {
        var holder = Child(issue, "range") ?? issue;
        var min = ParseFinite(path, holder, "lowerbound", RequireAttribute(path, holder, "lowerbound"));
        var max = ParseFinite(path, holder, "upperbound", RequireAttribute(path, holder, "upperbound"));
        if (min > max)
        {
            throw new InputException(path, Where(issue), string.Create(CultureInfo.InvariantCulture, $"real issue '{name}' has lowerbound {min} above upperbound {max}"));
        }

        return (min, max);
    }

    /// <summary>Issues in GENIUS order: at each objective, the nested objectives (recursively) first, then its own issues.</summary>
    private static void CollectIssues(XElement objective, List<XElement> into)
    {
        foreach (var child in Children(objective, "objective"))
        {
            CollectIssues(child, into);
        }

        into.AddRange(Children(objective, "issue"));
    }

    /// <summary>The <c>utility_space</c> element: the root itself, or the root <c>negotiation_template</c>'s child.</summary>
    private static XElement UtilitySpaceOf(string path, XElement root) => root.Name.LocalName switch
    {
        "utility_space" => root,
        "negotiation_template" => Child(root, "utility_space")
            ?? throw new InputException(path, Where(root), "the <negotiation_template> has no <utility_space> element"),
        _ => throw new InputException(path, Where(root), $"the root element is <{root.Name.LocalName}>, not GENIUS's <negotiation_template> or <utility_space>"),
    };

    private static bool HoldsPreferences(XElement root)
    {
        foreach (var e in root.DescendantsAndSelf())
        {
            var name = e.Name.LocalName;
            if (name is "weight" or "evaluator" || Array.IndexOf(NonlinearElements, name) >= 0)
            {
                return true;
            }

            if (name == "item" && e.Attribute("evaluation") is not null)
            {
                return true;
            }

            if (name == "utility_space" && (string?)e.Attribute("type") is { Length: > 0 })
            {
                return true;
            }
        }

        return false;
    }

    private static string DomainNameOf(string path)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        foreach (var suffix in (string[])["-domain", "_domain"])
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^suffix.Length];
            }
        }

        return name;
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
