using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Formats.ParleyJson;

/// <summary>Writes a scenario in Parley's own JSON format, which <see cref="ParleyScenarioReader"/> reads back.</summary>
/// <remarks>
/// Deterministic: the same scenario always gives the same bytes (UTF-8 without a byte-order mark,
/// two-space indentation, "\n" line ends, fields in a fixed order). Numbers are written with the
/// invariant culture in round-trip form ("R"), so reading the file back gives the same doubles.
/// Options are written as plain names when they carry no description or clause. Value tables are
/// written as objects from option name (or level text, for a numeric issue) to value.
/// </remarks>
public static class ParleyScenarioWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="scenario"/> to the file at <paramref name="path"/> (created or replaced).</summary>
    /// <exception cref="NotSupportedException">A profile is not additive (Parley's format holds additive profiles).</exception>
    /// <exception cref="InputException">The file cannot be written.</exception>
    public static void Write(Scenario scenario, string path) =>
        OutputFiles.Write(path, ToUtf8(scenario));

    /// <summary>The scenario as JSON text (ending with a line feed).</summary>
    /// <exception cref="NotSupportedException">A profile is not additive.</exception>
    public static string ToJson(Scenario scenario) => Encoding.UTF8.GetString(ToUtf8(scenario));

    private static byte[] ToUtf8(Scenario scenario)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            WriteScenario(w, scenario);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteScenario(Utf8JsonWriter w, Scenario scenario)
    {
        var domain = scenario.Domain;
        w.WriteStartObject();
        w.WriteString("format", ParleyScenarioReader.FormatMarker);
        w.WriteString("name", scenario.Name);
        if (domain.Name != scenario.Name || domain.Description is not null)
        {
            w.WriteStartObject("domain");
            w.WriteString("name", domain.Name);
            WriteOptional(w, "description", domain.Description);
            w.WriteEndObject();
        }

        WriteMetadata(w, scenario.Metadata);
        if (scenario.Deadline is { IsUnlimited: false } deadline)
        {
            w.WriteStartObject("deadline");
            if (deadline.Rounds is { } rounds)
            {
                w.WriteNumber("rounds", rounds);
            }

            if (deadline.Time is { } time)
            {
                w.WriteString("time", XmlConvert.ToString(time));
            }

            w.WriteEndObject();
        }

        w.WriteStartArray("issues");
        foreach (var issue in domain.Issues)
        {
            WriteIssue(w, issue);
        }

        w.WriteEndArray();
        w.WriteStartArray("parties");
        foreach (var party in scenario.Parties)
        {
            WriteParty(w, party, domain);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteMetadata(Utf8JsonWriter w, ScenarioMetadata m)
    {
        if (m.Title is null && m.Description is null && m.Date is null && m.Location is null && m.Sources is null && m.Notes is null)
        {
            return;
        }

        w.WriteStartObject("metadata");
        WriteOptional(w, "title", m.Title);
        WriteOptional(w, "description", m.Description);
        WriteOptional(w, "date", m.Date);
        WriteOptional(w, "location", m.Location);
        if (m.Sources is not null)
        {
            w.WriteStartArray("sources");
            foreach (var s in m.Sources)
            {
                w.WriteStringValue(s);
            }

            w.WriteEndArray();
        }

        WriteOptional(w, "notes", m.Notes);
        w.WriteEndObject();
    }

    private static void WriteIssue(Utf8JsonWriter w, Issue issue)
    {
        w.WriteStartObject();
        w.WriteString("name", issue.Name);
        switch (issue)
        {
            case CategoricalIssue c:
                w.WriteString("type", "categorical");
                WriteOptional(w, "description", c.Description);
                w.WriteStartArray("options");
                foreach (var o in c.Options)
                {
                    if (o.Description is null && o.Clause is null)
                    {
                        w.WriteStringValue(o.Name);
                        continue;
                    }

                    w.WriteStartObject();
                    w.WriteString("name", o.Name);
                    WriteOptional(w, "description", o.Description);
                    WriteOptional(w, "clause", o.Clause);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            case IntegerIssue n:
                w.WriteString("type", "integer");
                WriteOptional(w, "description", n.Description);
                w.WriteNumber("min", n.LowerBound);
                w.WriteNumber("max", n.UpperBound);
                w.WriteNumber("step", n.Step);
                WriteOptional(w, "clauseTemplate", n.ClauseTemplate);
                break;
            case RealIssue r:
                w.WriteString("type", "real");
                WriteOptional(w, "description", r.Description);
                WriteNumber(w, "min", r.Min);
                WriteNumber(w, "max", r.Max);
                w.WriteNumber("levels", r.Cardinality);
                WriteOptional(w, "clauseTemplate", r.ClauseTemplate);
                break;
            default:
                throw new NotSupportedException($"Issue '{issue.Name}' is of a kind ({issue.GetType().Name}) the Parley format does not hold.");
        }

        w.WriteEndObject();
    }

    private static void WriteParty(Utf8JsonWriter w, Party party, Domain domain)
    {
        w.WriteStartObject();
        w.WriteString("name", party.Name);
        w.WriteString("role", party.Role switch
        {
            PartyRole.Party => "party",
            PartyRole.Mediator => "mediator",
            _ => "observer",
        });
        WriteOptional(w, "description", party.Description);
        if (party.Profile is not null)
        {
            if (party.Profile is not AdditiveProfile profile)
            {
                throw new InputException(party.Name, string.Empty, $"the profile is a {party.Profile.GetType().Name}; the Parley format holds additive profiles (write a nonlinear scenario as GENIUS XML: --to genius)");
            }

            WriteNumber(w, "reservationValue", profile.ReservationValue);
            WriteNumber(w, "discountFactor", profile.DiscountFactor);
            w.WriteStartObject("weights");
            for (var i = 0; i < domain.IssueCount; i++)
            {
                WriteNumber(w, domain.Issues[i].Name, profile.Weights[i]);
            }

            w.WriteEndObject();
            w.WriteStartObject("values");
            for (var i = 0; i < domain.IssueCount; i++)
            {
                w.WritePropertyName(domain.Issues[i].Name);
                WriteValueFunction(w, profile.ValueFunctions[i], domain.Issues[i]);
            }

            w.WriteEndObject();
            if (!profile.RedLines.IsEmpty)
            {
                w.WriteStartArray("redLines");
                foreach (var line in profile.RedLines.Lines)
                {
                    WriteRedLine(w, line, domain);
                }

                w.WriteEndArray();
            }
        }

        if (party.Assumptions.Count > 0)
        {
            w.WriteStartArray("assumptions");
            foreach (var a in party.Assumptions)
            {
                w.WriteStartObject();
                if (a.About.Length > 0)
                {
                    w.WriteString("about", a.About);
                }

                w.WriteString("text", a.Text);
                if (a.Sources is not null)
                {
                    w.WriteStartArray("sources");
                    foreach (var s in a.Sources)
                    {
                        w.WriteStringValue(s);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteValueFunction(Utf8JsonWriter w, ValueFunction function, Issue issue)
    {
        w.WriteStartObject();
        switch (function)
        {
            case LinearValueFunction lin:
                w.WriteString("type", "linear");
                WriteNumber(w, "slope", lin.Slope);
                WriteNumber(w, "offset", lin.Offset);
                break;
            case TriangularValueFunction t:
                w.WriteString("type", "triangular");
                WriteNumber(w, "lower", t.Lower);
                WriteNumber(w, "peak", t.Peak);
                WriteNumber(w, "upper", t.Upper);
                WriteNumber(w, "lowValue", t.LowValue);
                WriteNumber(w, "peakValue", t.PeakValue);
                WriteNumber(w, "highValue", t.HighValue);
                break;
            case PiecewiseLinearValueFunction p:
                w.WriteString("type", "piecewise-linear");
                w.WriteStartArray("points");
                foreach (var (x, v) in p.Points)
                {
                    w.WriteStartObject();
                    WriteNumber(w, "x", x);
                    WriteNumber(w, "value", v);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            default:
                // A table, or any other function, is written as its level values, which is exact for the domain.
                for (var l = 0; l < issue.Cardinality; l++)
                {
                    WriteNumber(w, issue.FormatLevel(l), function.EvaluateLevel(issue, l));
                }

                break;
        }

        w.WriteEndObject();
    }

    private static void WriteRedLine(Utf8JsonWriter w, RedLine line, Domain domain)
    {
        w.WriteStartObject();
        switch (line)
        {
            case ForbiddenOption f:
                w.WriteString("type", "forbidden-option");
                w.WriteString("issue", domain.Issues[f.Issue].Name);
                w.WriteString("option", domain.Issues[f.Issue].FormatLevel(f.Level));
                break;
            case NumericBound b:
                w.WriteString("type", "numeric-bound");
                w.WriteString("issue", domain.Issues[b.Issue].Name);
                if (b.Min is { } min)
                {
                    WriteNumber(w, "min", min);
                }

                if (b.Max is { } max)
                {
                    WriteNumber(w, "max", max);
                }

                break;
            case ForbiddenCombination c:
                w.WriteString("type", "forbidden-combination");
                w.WriteStartArray("when");
                foreach (var cond in c.Conditions)
                {
                    var issue = domain.Issues[cond.Issue];
                    w.WriteStartObject();
                    w.WriteString("issue", issue.Name);
                    w.WriteStartArray("options");
                    foreach (var l in cond.Levels)
                    {
                        w.WriteStringValue(issue.FormatLevel(l));
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                break;
            default:
                throw new NotSupportedException($"A red line of kind {line.GetType().Name} cannot be written in the Parley format.");
        }

        WriteOptional(w, "reason", line.Reason);
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
    }
}
