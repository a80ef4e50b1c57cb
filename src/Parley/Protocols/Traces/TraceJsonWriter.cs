using System.Text.Json;
using Parley.Domains;

namespace Parley.Protocols.Traces;

/// <summary>Writes a session's result and event stream as JSON.</summary>
/// <remarks>
/// Shape: <c>{ "domain", "parties": [..], "endReason", "agreement": {issue: value} | null, "rounds",
/// "time", "seed", "utilities": {party: u}, "discountedUtilities": {party: u}, "failure": {party,
/// kind, reason} | null, "events": [ { "round", "time", "actor", "action", "offer": {issue: value} |
/// null, "utilities": {party: u | null} } ] }</c>. Utilities in events are undiscounted; numbers use
/// the shortest round-trip form.
/// </remarks>
public static class TraceJsonWriter
{
    /// <summary>Writes <paramref name="result"/> (and its trace, if recorded) to <paramref name="stream"/> as indented UTF-8 JSON.</summary>
    public static void Write(SessionResult result, Domain domain, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("domain", domain.Name);
        json.WriteStartArray("parties");
        foreach (var name in result.PartyNames)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteString("endReason", EndReasonName(result.EndReason));
        json.WritePropertyName("agreement");
        WriteOutcome(json, domain, result.Agreement);
        json.WriteNumber("rounds", result.Rounds);
        json.WriteNumber("time", result.Time);
        json.WriteNumber("seed", result.Seed);
        WriteByParty(json, "utilities", result.PartyNames, result.Utilities);
        WriteByParty(json, "discountedUtilities", result.PartyNames, result.DiscountedUtilities);
        json.WritePropertyName("failure");
        if (result.Failure is { } f)
        {
            json.WriteStartObject();
            json.WriteString("party", f.PartyName);
            json.WriteString("kind", f.Kind.ToString().ToLowerInvariant());
            json.WriteString("reason", f.Reason);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteStartArray("events");
        if (result.Trace is { } trace)
        {
            for (var i = 0; i < trace.Events.Count; i++)
            {
                var e = trace.Events[i];
                json.WriteStartObject();
                json.WriteNumber("round", e.Round);
                json.WriteNumber("time", e.Time);
                json.WriteString("actor", trace.PartyNames[e.Actor]);
                json.WriteString("action", TraceCsvWriter.ActionName(e.Kind));
                json.WritePropertyName("offer");
                WriteOutcome(json, domain, e.Offer);
                json.WriteStartObject("utilities");
                var utilities = trace.UtilitiesOf(i);
                for (var p = 0; p < utilities.Length; p++)
                {
                    if (double.IsNaN(utilities[p]))
                    {
                        json.WriteNull(trace.PartyNames[p]);
                    }
                    else
                    {
                        json.WriteNumber(trace.PartyNames[p], utilities[p]);
                    }
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The lower-case name of an end reason as written in JSON: agreement, deadline, walkaway, failure.</summary>
    public static string EndReasonName(EndReason reason) => EndReasonNames.Name(reason);

    private static void WriteOutcome(Utf8JsonWriter json, Domain domain, Outcome? outcome)
    {
        if (outcome is null)
        {
            json.WriteNullValue();
            return;
        }

        json.WriteStartObject();
        for (var i = 0; i < domain.IssueCount; i++)
        {
            json.WriteString(domain.Issues[i].Name, domain.Issues[i].FormatLevel(outcome[i]));
        }

        json.WriteEndObject();
    }

    private static void WriteByParty(Utf8JsonWriter json, string property, IReadOnlyList<string> names, IReadOnlyList<double> values)
    {
        json.WriteStartObject(property);
        for (var i = 0; i < names.Count; i++)
        {
            json.WriteNumber(names[i], values[i]);
        }

        json.WriteEndObject();
    }
}
