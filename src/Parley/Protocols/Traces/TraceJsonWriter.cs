using System.Text.Json;
using Parley.Domains;

namespace Parley.Protocols.Traces;

/// <summary>Writes a session's event stream and result as JSON.</summary>
/// <remarks>
/// Shape: <c>{ "domain", "parties": [..], "events": [ { "round", "time", "actor", "action", "offer":
/// {issue: value} | null, "utilities": {party: u | null} } ], "endReason", "agreement": {issue: value}
/// | null, "rounds", "time", "seed", "utilities": {party: u}, "discountedUtilities": {party: u},
/// "failure": {party, kind, reason} | null }</c>. The events come before the result so that a trace
/// can be streamed to its file while the session runs (<see cref="TraceFile"/>). Utilities in events
/// are undiscounted; numbers use the shortest round-trip form.
/// </remarks>
public static class TraceJsonWriter
{
    /// <summary>Writes <paramref name="result"/> and its trace (<see cref="SessionResult.Trace"/>; no events without one) to <paramref name="stream"/>.</summary>
    public static void Write(SessionResult result, Domain domain, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(domain);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        WriteHead(json, domain, result.PartyNames);
        if (result.Trace is { } trace)
        {
            for (var i = 0; i < trace.Events.Count; i++)
            {
                WriteEvent(json, domain, trace.PartyNames, trace.Events[i], trace.UtilitiesOf(i));
            }
        }

        WriteResult(json, domain, result);
    }

    /// <summary>The name of an end reason in traces and reports.</summary>
    public static string EndReasonName(EndReason reason) => EndReasonNames.Name(reason);

    /// <summary>Opens the object and the events array.</summary>
    internal static void WriteHead(Utf8JsonWriter json, Domain domain, IReadOnlyList<string> partyNames)
    {
        json.WriteStartObject();
        json.WriteString("domain", domain.Name);
        json.WriteStartArray("parties");
        foreach (var name in partyNames)
        {
            json.WriteStringValue(name);
        }

        json.WriteEndArray();
        json.WriteStartArray("events");
    }

    /// <summary>One element of the events array.</summary>
    internal static void WriteEvent(Utf8JsonWriter json, Domain domain, IReadOnlyList<string> partyNames, in SessionEvent e, ReadOnlySpan<double> utilities)
    {
        json.WriteStartObject();
        json.WriteNumber("round", e.Round);
        json.WriteNumber("time", e.Time);
        json.WriteString("actor", partyNames[e.Actor]);
        json.WriteString("action", TraceCsvWriter.ActionName(e.Kind));
        json.WritePropertyName("offer");
        WriteOutcome(json, domain, e.Offer);
        json.WriteStartObject("utilities");
        for (var p = 0; p < utilities.Length; p++)
        {
            if (double.IsNaN(utilities[p]))
            {
                json.WriteNull(partyNames[p]);
            }
            else
            {
                json.WriteNumber(partyNames[p], utilities[p]);
            }
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>Closes the events array, writes the result and closes the object.</summary>
    internal static void WriteResult(Utf8JsonWriter json, Domain domain, SessionResult result)
    {
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

        json.WriteEndObject();
    }

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
