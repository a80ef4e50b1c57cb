using System.Globalization;
using System.Xml.Linq;
using Parley.Domains;
using Parley.Preferences;
using static Parley.Formats.Genius.GeniusXml;

namespace Parley.Formats.Genius;

/// <summary>Reading GENIUS nonlinear (hyper-rectangle) utility spaces.</summary>
public static partial class GeniusReader
{
    /// <summary>Whether a utility space is GENIUS's nonlinear kind (type="nonlinear" or a &lt;utility&gt; definition).</summary>
    private static bool IsNonlinear(XElement space) =>
        string.Equals((string?)space.Attribute("type"), "nonlinear", StringComparison.OrdinalIgnoreCase)
        || space.Elements().Any(e => e.Name.LocalName == "utility")
        || (Child(space, "objective") is { } o && o.Elements().Any(e => e.Name.LocalName == "utility"));

    /// <summary>
    /// Reads a GENIUS nonlinear utility space (ANAC 2014's kind) over <paramref name="domain"/>, computing
    /// utilities as GENIUS's NonlinearUtilitySpace does: the sum of the hyper-rectangles that hold, each
    /// worth <c>utility × weight</c> (times the weights of the <c>ufun</c>s around it), divided by
    /// <c>maxutility</c> and capped at 1.
    /// </summary>
    /// <remarks>
    /// Bounds name issues by their GENIUS <c>index</c> and give values, not levels; they must be integer
    /// issues (GENIUS reads them as integers). A bound reaching beyond the issue's range is cut to it.
    /// A rectangle holding both <c>INCLUDES</c> and <c>EXCLUDES</c> is refused: GENIUS would silently
    /// ignore the <c>INCLUDES</c>. Only the <c>sum</c> aggregation is read (the only one in the ANAC
    /// files); <c>min</c>, <c>max</c> and <c>multiply</c> are refused with the line.
    /// </remarks>
    private static NonlinearProfile ReadNonlinearProfile(string path, XElement space, Domain domain)
    {
        var numbers = NumbersForConstraints(path, space, domain);
        var holder = Child(space, "objective") is { } objective && Child(objective, "utility") is not null ? objective : space;
        var utility = Child(holder, "utility")
            ?? throw new InputException(path, Where(space), "a nonlinear utility space needs a <utility maxutility=\"...\"> element");
        var maxText = RequireAttribute(path, utility, "maxutility");
        var max = ParseFinite(path, utility, "maxutility", maxText);
        if (max <= 0)
        {
            throw new InputException(path, Where(utility), $"maxutility is {maxText}; it must be above 0 (GENIUS divides every utility by it)");
        }

        var ufuns = Children(utility, "ufun").ToList();
        if (ufuns.Count != 1)
        {
            throw new InputException(path, Where(utility), string.Create(CultureInfo.InvariantCulture, $"the <utility> holds {ufuns.Count} <ufun> elements; GENIUS reads exactly one"));
        }

        var constraints = new List<HyperRectangle>();
        ReadUfun(path, ufuns[0], domain, numbers, 1.0, constraints, 1);
        var (reservation, discount) = ReadReservationAndDiscount(path, space);
        return new NonlinearProfile(domain, null, constraints, max, capAtOne: true, reservation, discount);
    }

    private static void ReadUfun(string path, XElement ufun, Domain domain, Dictionary<int, int> numbers, double outerWeight, List<HyperRectangle> into, int depth)
    {
        if (depth > 64)
        {
            throw new InputException(path, Where(ufun), "<ufun> elements are nested more than 64 deep");
        }

        var aggregation = ((string?)ufun.Attribute("aggregation") ?? "sum").Trim();
        if (!aggregation.Equals("sum", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputException(path, Where(ufun), $"aggregation '{aggregation}' is not supported; Parley reads GENIUS's 'sum' aggregation (the only one in the ANAC files)");
        }

        var weight = outerWeight * OptionalWeight(path, ufun);
        foreach (var child in ufun.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "ufun":
                    ReadUfun(path, child, domain, numbers, weight, into, depth + 1);
                    break;
                case "hyperRectangle":
                    if (ReadRectangle(path, child, domain, numbers, weight) is { } rect)
                    {
                        into.Add(rect);
                    }

                    break;
                default:
                    throw new InputException(path, Where(child), $"<{child.Name.LocalName}> is not a constraint Parley knows; GENIUS nonlinear spaces hold <hyperRectangle> and nested <ufun> elements");
            }
        }
    }

    private static HyperRectangle? ReadRectangle(string path, XElement element, Domain domain, Dictionary<int, int> numbers, double weight)
    {
        var text = RequireAttribute(path, element, "utility");
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new InputException(path, Where(element), $"the hyper-rectangle's utility is '{text}', which is not a finite number");
        }

        value *= weight * OptionalWeight(path, element);
        var includes = Children(element, "INCLUDES").ToList();
        var excludes = Children(element, "EXCLUDES").ToList();
        foreach (var other in element.Elements())
        {
            if (other.Name.LocalName is not ("INCLUDES" or "EXCLUDES"))
            {
                throw new InputException(path, Where(other), $"<{other.Name.LocalName}> is not a bound; a <hyperRectangle> holds <INCLUDES> or <EXCLUDES> bounds");
            }
        }

        if (includes.Count > 0 && excludes.Count > 0)
        {
            throw new InputException(path, Where(element), "the hyper-rectangle mixes <INCLUDES> and <EXCLUDES>; GENIUS would silently ignore the INCLUDES, so the file is ambiguous");
        }

        var exclusive = excludes.Count > 0;
        var ranges = new List<IssueRange>();
        var neverInside = false;
        foreach (var bound in exclusive ? excludes : includes)
        {
            var number = ParseInt(path, bound, "index", RequireAttribute(path, bound, "index"));
            if (!numbers.TryGetValue(number, out var issueIndex))
            {
                throw new InputException(path, Where(bound), string.Create(CultureInfo.InvariantCulture, $"the bound names issue index {number}, which the domain does not have (its indices: {string.Join(", ", numbers.Keys.Order())})"));
            }

            if (domain.Issues[issueIndex] is not IntegerIssue issue || issue.Step != 1)
            {
                throw new InputException(path, Where(bound), $"the bound is on issue '{domain.Issues[issueIndex].Name}', which is not an integer issue; GENIUS hyper-rectangles bound integer issues");
            }

            var min = ParseInt(path, bound, "min", RequireAttribute(path, bound, "min"));
            var maxValue = ParseInt(path, bound, "max", RequireAttribute(path, bound, "max"));
            if (min > maxValue)
            {
                throw new InputException(path, Where(bound), string.Create(CultureInfo.InvariantCulture, $"the range {min}..{maxValue} of issue '{issue.Name}' is empty (min above max)"));
            }

            var lo = Math.Max(min, issue.LowerBound);
            var hi = Math.Min(maxValue, issue.UpperBound);
            if (lo > hi)
            {
                neverInside = true; // the range misses the issue entirely: no outcome is inside the box
                continue;
            }

            ranges.Add(new IssueRange(issueIndex, (int)(lo - issue.LowerBound), (int)(hi - issue.LowerBound)));
        }

        if (neverInside)
        {
            // Inside is impossible: an inclusive box never holds (worth nothing), an exclusive one always holds.
            return exclusive ? new HyperRectangle([], value) : null;
        }

        return new HyperRectangle(ranges, value, exclusive);
    }

    private static double OptionalWeight(string path, XElement element) =>
        (string?)element.Attribute("weight") is { } w ? ParseFinite(path, element, "weight", w) : 1.0;

    /// <summary>GENIUS issue number → domain issue index, from the profile's own issue list (checked against the domain) or the domain's numbering.</summary>
    private static Dictionary<int, int> NumbersForConstraints(string path, XElement space, Domain domain)
    {
        var result = new Dictionary<int, int>();
        var known = IssueNumbersOf(domain);
        var listed = space.Descendants().Where(e => e.Name.LocalName == "issue").ToList();
        foreach (var element in listed)
        {
            var name = RequireAttribute(path, element, "name");
            var number = ParseInt(path, element, "index", RequireAttribute(path, element, "index"));
            if (!domain.TryGetIssueIndex(name, out var i))
            {
                throw new InputException(path, Where(element), $"issue '{name}' is not in domain '{domain.Name}'");
            }

            if (known is not null && known[name] != number)
            {
                throw new InputException(path, Where(element), string.Create(CultureInfo.InvariantCulture, $"issue '{name}' has index {number} here but {known[name]} in the domain; GENIUS matches issues by index, so the profile does not fit the domain"));
            }

            if (!result.TryAdd(number, i))
            {
                throw new InputException(path, Where(element), string.Create(CultureInfo.InvariantCulture, $"two issues have index {number}"));
            }
        }

        if (listed.Count == 0)
        {
            if (known is not null)
            {
                foreach (var (name, number) in known)
                {
                    result[number] = domain.IndexOf(name);
                }
            }
            else
            {
                for (var i = 0; i < domain.IssueCount; i++)
                {
                    result[i + 1] = i;
                }
            }
        }

        return result;
    }

    private static (double Reservation, double Discount) ReadReservationAndDiscount(string path, XElement space)
    {
        var reservation = 0.0;
        if (Child(space, "reservation") is { } r)
        {
            reservation = ParseFinite(path, r, "value", RequireAttribute(path, r, "value"));
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

        return (reservation, discount);
    }
}
