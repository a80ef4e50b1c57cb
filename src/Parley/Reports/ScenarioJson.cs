using System.Globalization;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>The JSON contract of <c>parley inspect --json</c>, produced by the library for every host.</summary>
public static class ScenarioJson
{
    /// <summary>The document of <paramref name="scenario"/>, as docs/formats.md gives the contract of <c>parley inspect --json</c>.</summary>
    public static string Write(Scenario scenario) => JsonText.Build(w =>
    {
        var domain = scenario.Domain;
        w.WriteStartObject();
        w.WriteString("name", scenario.Name);
        if (scenario.Metadata.Title is { } title)
        {
            w.WriteString("title", title);
        }

        w.WriteCount("outcomeCount", domain.OutcomeCount);
        w.WriteStartArray("issues");
        foreach (var issue in domain.Issues)
        {
            w.WriteStartObject();
            w.WriteString("name", issue.Name);
            w.WriteString("type", issue.Kind.ToString().ToLowerInvariant());
            switch (issue)
            {
                case CategoricalIssue c:
                    w.WriteStartArray("values");
                    foreach (var o in c.Options)
                    {
                        w.WriteStringValue(o.Name);
                    }

                    w.WriteEndArray();
                    break;
                case IntegerIssue n:
                    w.WriteNumber("min", n.LowerBound);
                    w.WriteNumber("max", n.UpperBound);
                    if (n.Step != 1)
                    {
                        w.WriteNumber("step", n.Step);
                    }

                    break;
                case RealIssue r:
                    w.WriteNumber("min", r.Min);
                    w.WriteNumber("max", r.Max);
                    w.WriteNumber("levels", r.Cardinality);
                    break;
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("parties");
        foreach (var party in scenario.Parties)
        {
            w.WriteStartObject();
            w.WriteString("name", party.Name);
            w.WriteString("role", party.Role.ToString().ToLowerInvariant());
            if (party.Profile is { } profile)
            {
                w.WriteNumber("reservationValue", profile.ReservationValue);
                w.WriteNumber("discountFactor", profile.DiscountFactor);
                if (profile is AdditiveProfile additive)
                {
                    w.WriteStartObject("weights");
                    for (var i = 0; i < domain.IssueCount; i++)
                    {
                        w.WriteNumber(domain.Issues[i].Name, additive.Weights[i]);
                    }

                    w.WriteEndObject();
                }

                if (profile is NonlinearProfile nonlinear)
                {
                    w.WriteStartObject("constraints");
                    w.WriteNumber("count", nonlinear.Constraints.Count);
                    w.WriteNumber("exclusive", nonlinear.Constraints.Count(c => c.IsExclusive));
                    w.WriteNumber("scale", nonlinear.Scale);
                    w.WriteBoolean("capsAtOne", nonlinear.CapsAtOne);
                    w.WriteBoolean("hasAdditivePart", nonlinear.Additive is not null);
                    w.WriteStartObject("issuesPerConstraint");
                    foreach (var (issues, count) in nonlinear.IssuesPerConstraint())
                    {
                        w.WriteNumber(issues.ToString(CultureInfo.InvariantCulture), count);
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteStartArray("redLines");
                foreach (var line in profile.RedLines.Lines)
                {
                    w.WriteStringValue(line.Describe(domain));
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    });
}
