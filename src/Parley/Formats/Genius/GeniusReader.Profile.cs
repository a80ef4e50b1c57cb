using System.Globalization;
using System.Xml.Linq;
using Parley.Domains;
using Parley.Preferences;
using static Parley.Formats.Genius.GeniusXml;

namespace Parley.Formats.Genius;

/// <summary>Reading utility spaces (profiles).</summary>
public static partial class GeniusReader
{
    /// <summary>Reads a GENIUS utility space over <paramref name="domain"/>: linear additive, or nonlinear (hyper-rectangles, read as a <see cref="NonlinearProfile"/>).</summary>
    /// <remarks>
    /// Profile issues are matched to the domain's by name; when <paramref name="domain"/> was read by
    /// <see cref="ReadDomain(string)"/> the GENIUS <c>index</c> must agree too (GENIUS itself matches by
    /// index, so a disagreement means the file would be read differently there). Weights are taken
    /// from the <c>weight</c> elements beside the issue, by index, and kept as written.
    /// </remarks>
    /// <exception cref="InputException">The file is not a readable GENIUS utility space, or does not match the domain.</exception>
    public static Profile ReadProfile(string path, Domain domain)
    {
        var root = Load(path).Root!;
        var space = UtilitySpaceOf(path, root);
        if (IsNonlinear(space))
        {
            return ReadNonlinearProfile(path, space, domain);
        }

        RefuseNonlinear(path, space);

        var numbers = IssueNumbersOf(domain);
        var weights = new double[domain.IssueCount];
        var functions = new ValueFunction?[domain.IssueCount];
        foreach (var level in space.DescendantsAndSelf().Where(e => e == space || e.Name.LocalName == "objective"))
        {
            var levelWeights = ReadWeights(path, level);
            foreach (var issueElement in Children(level, "issue"))
            {
                var name = RequireAttribute(path, issueElement, "name");
                var number = ParseInt(path, issueElement, "index", RequireAttribute(path, issueElement, "index"));
                if (!domain.TryGetIssueIndex(name, out var i))
                {
                    throw new InputException(path, Where(issueElement), $"issue '{name}' is not in domain '{domain.Name}' (its issues: {string.Join(", ", domain.Issues.Select(x => x.Name))})");
                }

                if (numbers is not null && numbers[name] != number)
                {
                    throw new InputException(path, Where(issueElement), string.Create(CultureInfo.InvariantCulture, $"issue '{name}' has index {number} here but {numbers[name]} in the domain; GENIUS matches issues by index, so the profile does not fit the domain"));
                }

                if (functions[i] is not null)
                {
                    throw new InputException(path, Where(issueElement), $"issue '{name}' appears twice in the profile");
                }

                if (!levelWeights.TryGetValue(number, out var weight))
                {
                    throw new InputException(path, Where(issueElement), string.Create(CultureInfo.InvariantCulture, $"issue '{name}' has no weight (no <weight index=\"{number}\"> beside it)"));
                }

                weights[i] = weight;
                functions[i] = ReadValueFunction(path, issueElement, domain.Issues[i]);
            }
        }

        for (var i = 0; i < functions.Length; i++)
        {
            if (functions[i] is null)
            {
                throw new InputException(path, Where(space), $"the profile does not evaluate issue '{domain.Issues[i].Name}' of domain '{domain.Name}'");
            }
        }

        if (Array.TrueForAll(weights, w => w == 0))
        {
            throw new InputException(path, Where(space), "every weight is 0, so every outcome is worth the same; give at least one issue a positive weight");
        }

        var reservation = 0.0;
        if (Child(space, "reservation") is { } r)
        {
            reservation = ParseFinite(path, r, "value", RequireAttribute(path, r, "value"));
            if (reservation is < 0 or > 1)
            {
                throw new InputException(path, Where(r), string.Create(CultureInfo.InvariantCulture, $"the reservation value is {reservation:R}; it is a utility and must lie between 0 and 1"));
            }
        }

        var discount = 1.0;
        if (Child(space, "discount_factor") is { } d)
        {
            discount = ParseFinite(path, d, "value", RequireAttribute(path, d, "value"));
            if (discount <= 0 || discount > 1)
            {
                discount = 1; // GENIUS: a discount factor outside (0, 1] means no discount.
            }
        }

        return new AdditiveProfile(domain, weights, functions!, reservation, discount);
    }

    private static void RefuseNonlinear(string path, XElement space)
    {
        if ((string?)space.Attribute("type") is { Length: > 0 } type && !type.Equals("linear", StringComparison.OrdinalIgnoreCase) && !type.Equals("additive", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException(path, Where(space), $"<utility_space type=\"{type}\"> is not a GENIUS utility-space type Parley reads (linear or nonlinear)");
        }

        foreach (var e in space.Descendants())
        {
            var name = e.Name.LocalName;
            if (Array.IndexOf(NonlinearElements, name) >= 0 || name.Contains("constraint", StringComparison.OrdinalIgnoreCase))
            {
                throw new InputException(path, Where(e), $"<{name}> belongs to a nonlinear (constraint-based) GENIUS utility space, but this one has no <utility maxutility=...> definition; it mixes the two kinds");
            }
        }
    }

    private static Dictionary<int, double> ReadWeights(string path, XElement level)
    {
        var weights = new Dictionary<int, double>();
        foreach (var w in Children(level, "weight"))
        {
            var index = ParseInt(path, w, "index", RequireAttribute(path, w, "index"));
            var text = RequireAttribute(path, w, "value");
            if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new InputException(path, Where(w), $"weight {index.ToString(CultureInfo.InvariantCulture)} is '{text}', which is not a finite number");
            }

            if (value < 0)
            {
                throw new InputException(path, Where(w), $"weight {index.ToString(CultureInfo.InvariantCulture)} is negative ({text}); weights must be 0 or more");
            }

            if (value > 1 + 1e-9)
            {
                // GENIUS weights are shares of the utility, between 0 and 1 (a rounding error above 1 is
                // tolerated: the writer multiplies weights by a table's largest value); 1e308 is a broken file.
                throw new InputException(path, Where(w), $"weight {index.ToString(CultureInfo.InvariantCulture)} is {text}; GENIUS weights lie between 0 and 1");
            }

            if (!weights.TryAdd(index, value))
            {
                throw new InputException(path, Where(w), $"two <weight> elements have index {index.ToString(CultureInfo.InvariantCulture)}");
            }
        }

        return weights;
    }

    private static ValueFunction ReadValueFunction(string path, XElement element, Issue issue)
    {
        var kind = IssueTypeOf(path, element);
        if (kind != issue.Kind)
        {
            throw new InputException(path, Where(element), $"issue '{issue.Name}' is {GeniusTypeName(issue.Kind)} in the domain but {GeniusTypeName(kind)} in the profile");
        }

        return issue switch
        {
            CategoricalIssue c => ReadEvaluations(path, element, c),
            IntegerIssue n => ReadIntegerEvaluator(path, element, n),
            RealIssue r => ReadRealEvaluator(path, element, r),
            _ => throw new InvalidOperationException("Unknown issue kind."),
        };
    }

    /// <summary>GENIUS's EvaluatorDiscrete: value = evaluation / largest evaluation (0 when that is below 0.00001); a repeated value's last evaluation counts.</summary>
    private static TableValueFunction ReadEvaluations(string path, XElement element, CategoricalIssue issue)
    {
        var evaluations = new double[issue.Cardinality];
        var given = new bool[issue.Cardinality];
        var max = double.NegativeInfinity;
        foreach (var item in Children(element, "item"))
        {
            var value = RequireAttribute(path, item, "value");
            if (!issue.TryParseLevel(value, out var level))
            {
                throw new InputException(path, Where(item), $"'{value}' is not a value of issue '{issue.Name}' in the domain (its values: {string.Join(", ", issue.Options.Select(o => o.Name))})");
            }

            var text = (string?)item.Attribute("evaluation");
            if (text is null || text == "null")
            {
                continue; // GENIUS skips an item without evaluation; the value must then be evaluated by another item.
            }

            var e = ParseFinite(path, item, "evaluation", text);
            if (e < 0)
            {
                throw new InputException(path, Where(item), $"value '{value}' of issue '{issue.Name}' has a negative evaluation ({text}); GENIUS evaluations are 0 or more");
            }

            evaluations[level] = e;
            given[level] = true;
        }

        for (var l = 0; l < evaluations.Length; l++)
        {
            if (!given[l])
            {
                throw new InputException(path, Where(element), $"value '{issue.Options[l].Name}' of issue '{issue.Name}' has no evaluation");
            }

            max = Math.Max(max, evaluations[l]);
        }

        var values = new double[evaluations.Length];
        if (max >= GeniusZeroMax)
        {
            for (var l = 0; l < values.Length; l++)
            {
                values[l] = evaluations[l] / max;
            }
        }

        return new TableValueFunction(values);
    }

    /// <summary>GENIUS's EvaluatorInteger: <c>clamp(slope·(x − lowerbound) + offset, 0, 1)</c>; no evaluator means slope = offset = 0.</summary>
    private static NumericValueFunction ReadIntegerEvaluator(string path, XElement element, IntegerIssue issue)
    {
        var (lo, hi) = IntegerBounds(path, element, issue.Name);
        if (lo != issue.LowerBound || hi != issue.UpperBound)
        {
            throw new InputException(path, Where(element), string.Create(CultureInfo.InvariantCulture, $"integer issue '{issue.Name}' runs from {lo} to {hi} here but from {issue.LowerBound} to {issue.UpperBound} in the domain"));
        }

        double slope = 0, offset = 0;
        if (Child(element, "evaluator") is { } evaluator)
        {
            slope = ParseFinite(path, evaluator, "slope", RequireAttribute(path, evaluator, "slope"));
            offset = ParseFinite(path, evaluator, "offset", RequireAttribute(path, evaluator, "offset"));
        }

        return CheckedClampedLinear(path, element, issue, slope, offset - (slope * lo));
    }

    /// <summary>GENIUS's EvaluatorReal: linear <c>clamp(parameter1·x + parameter0, 0, 1)</c>, constant <c>parameter0</c>, or triangular.</summary>
    private static NumericValueFunction ReadRealEvaluator(string path, XElement element, RealIssue issue)
    {
        var evaluator = Child(element, "evaluator")
            ?? throw new InputException(path, Where(element), $"real issue '{issue.Name}' has no <evaluator>");
        var ftype = RequireAttribute(path, evaluator, "ftype");
        double P(int k) => ParseFinite(path, evaluator, "parameter" + k.ToString(CultureInfo.InvariantCulture), RequireAttribute(path, evaluator, "parameter" + k.ToString(CultureInfo.InvariantCulture)));
        switch (ftype.Trim().ToLowerInvariant())
        {
            case "linear":
                return CheckedClampedLinear(path, evaluator, issue, P(1), P(0));
            case "constant":
                var constant = P(0);
                if (constant is < 0 or > 1)
                {
                    throw new InputException(path, Where(evaluator), string.Create(CultureInfo.InvariantCulture, $"the constant evaluator of issue '{issue.Name}' is {constant:R}; an evaluation lies between 0 and 1"));
                }

                return new LinearValueFunction(0, constant);
            case "triangular":
                var (lower, upper, top) = (P(0), P(1), P(2));
                if (!(lower < top && top < upper))
                {
                    throw new InputException(path, Where(evaluator), $"the triangular evaluator of issue '{issue.Name}' needs parameter0 < parameter2 < parameter1 (lower < top < upper)");
                }

                return new TriangularValueFunction(lower, top, upper);
            default:
                throw new InputException(path, Where(evaluator), $"evaluator type '{ftype}' of issue '{issue.Name}' is not supported (linear, constant and triangular are)");
        }
    }

    private static NumericValueFunction CheckedClampedLinear(string path, XElement element, NumericIssue issue, double a, double b)
    {
        if (!double.IsFinite(b) || !double.IsFinite((a * issue.Min) + b) || !double.IsFinite((a * issue.Max) + b))
        {
            throw new InputException(path, Where(element), $"the linear evaluator of issue '{issue.Name}' overflows: its slope and offset are too large");
        }

        return ClampedLinear(a, b, issue.Min, issue.Max);
    }

    /// <summary><c>clamp(a·x + b, 0, 1)</c> on [lo, hi], exactly: linear when no clamping happens there, piecewise linear otherwise.</summary>
    internal static NumericValueFunction ClampedLinear(double a, double b, double lo, double hi)
    {
        var atLo = (a * lo) + b;
        var atHi = (a * hi) + b;
        if (a == 0 || lo == hi)
        {
            return new LinearValueFunction(0, Math.Clamp(atLo, 0, 1));
        }

        if (atLo >= 0 && atLo <= 1 && atHi >= 0 && atHi <= 1)
        {
            return new LinearValueFunction(a, b);
        }

        var points = new List<(double X, double Value)> { (lo, Math.Clamp(atLo, 0, 1)) };
        var crossings = new[] { (X: -b / a, Value: 0.0), (X: (1 - b) / a, Value: 1.0) };
        Array.Sort(crossings, (p, q) => p.X.CompareTo(q.X));
        foreach (var c in crossings)
        {
            if (c.X > lo && c.X < hi)
            {
                points.Add(c);
            }
        }

        points.Add((hi, Math.Clamp(atHi, 0, 1)));
        return new PiecewiseLinearValueFunction(points);
    }

    private static string GeniusTypeName(IssueKind kind) => kind switch
    {
        IssueKind.Categorical => "discrete",
        IssueKind.Integer => "integer",
        _ => "real",
    };
}
