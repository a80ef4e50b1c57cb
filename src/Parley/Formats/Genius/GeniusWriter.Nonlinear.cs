using System.Xml.Linq;
using Parley.Domains;
using Parley.Preferences;
using static Parley.Formats.Genius.GeniusXml;

namespace Parley.Formats.Genius;

/// <summary>Writing GENIUS nonlinear (hyper-rectangle) utility spaces.</summary>
public static partial class GeniusWriter
{
    private static XDocument AnyProfileDocument(Profile profile, string file, string where) => profile switch
    {
        AdditiveProfile a => ProfileDocument(a, file),
        NonlinearProfile { Constraints.Count: 0, Additive: { } a, Scale: 1, CapsAtOne: false } n =>
            ProfileDocument(new AdditiveProfile(a.Domain, a.Weights, a.ValueFunctions, n.ReservationValue, n.DiscountFactor), file),
        NonlinearProfile n => NonlinearDocument(n, file),
        _ => throw new InputException(where, string.Empty, $"a {profile.GetType().Name} has no GENIUS form"),
    };

    /// <summary>
    /// A GENIUS nonlinear utility space: the constraints as hyper-rectangles in one summing <c>ufun</c>,
    /// <c>maxutility</c> = the profile's scale. GENIUS caps utilities at 1 (a profile that does not cap
    /// reads back capping, the same wherever its utilities stay at or below 1). Refused: an additive part
    /// beside the constraints (GENIUS's format has no place for both) and a constraint on an issue that is
    /// not an integer issue of step 1.
    /// </summary>
    private static XDocument NonlinearDocument(NonlinearProfile profile, string file)
    {
        var domain = profile.Domain;
        if (profile.Additive is not null)
        {
            throw new InputException(file, string.Empty, "the profile has an additive part beside its constraints; a GENIUS nonlinear utility space holds constraints only (write it as GeniusWeb SumOfGroups or NegMAS instead)");
        }

        var objective = RootObjective();
        for (var i = 0; i < domain.IssueCount; i++)
        {
            objective.Add(IssueElement(domain.Issues[i], i + 1, file));
        }

        var ufun = new XElement("ufun", new XAttribute("type", "PlainUfun"), new XAttribute("weight", "1"), new XAttribute("aggregation", "sum"));
        var index = 0;
        foreach (var c in profile.Constraints)
        {
            index++;
            var rect = new XElement("hyperRectangle", new XAttribute("utility", Format(c.Value)));
            foreach (var r in c.Ranges)
            {
                if (domain.Issues[r.Issue] is not IntegerIssue { Step: 1 } issue)
                {
                    throw new InputException(file, $"constraint {index}", $"it bounds issue '{domain.Issues[r.Issue].Name}', which is not an integer issue of step 1; GENIUS hyper-rectangles bound integer issues only");
                }

                rect.Add(new XElement(
                    c.IsExclusive ? "EXCLUDES" : "INCLUDES",
                    new XAttribute("index", r.Issue + 1),
                    new XAttribute("min", Format(issue.IntegerAt(r.MinLevel))),
                    new XAttribute("max", Format(issue.IntegerAt(r.MaxLevel)))));
            }

            ufun.Add(rect);
        }

        objective.Add(new XElement("utility", new XAttribute("maxutility", Format(profile.Scale)), ufun));
        return new XDocument(new XElement(
            "utility_space",
            new XAttribute("type", "nonlinear"),
            objective,
            new XElement("discount_factor", new XAttribute("value", Format(profile.IsDiscounted ? profile.DiscountFactor : 1.0))),
            new XElement("reservation", new XAttribute("value", Format(profile.ReservationValue)))));
    }
}
