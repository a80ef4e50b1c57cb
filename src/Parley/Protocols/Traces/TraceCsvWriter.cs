using System.Globalization;
using Parley.Agents;
using Parley.Domains;

namespace Parley.Protocols.Traces;

/// <summary>Writes a session's event stream as CSV: one row per action.</summary>
/// <remarks>
/// Columns: <c>index, round, time, actor, party, action</c>, then one column per issue (the level's
/// text; empty for a walk-away), then <c>u:&lt;party&gt;</c> per party (undiscounted utility of the
/// offer acted on; empty for a walk-away). Invariant culture, RFC 4180 quoting, LF line ends.
/// </remarks>
public static class TraceCsvWriter
{
    /// <summary>Writes <paramref name="trace"/> to <paramref name="writer"/>.</summary>
    public static void Write(SessionTrace trace, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(writer);
        WriteHeader(writer, trace.Domain, trace.PartyNames);
        for (var i = 0; i < trace.Events.Count; i++)
        {
            WriteRow(writer, trace.Domain, trace.PartyNames, i, trace.Events[i], trace.UtilitiesOf(i));
        }
    }

    /// <summary>The header line.</summary>
    internal static void WriteHeader(TextWriter writer, Domain domain, IReadOnlyList<string> partyNames)
    {
        writer.Write("index,round,time,actor,party,action");
        foreach (var issue in domain.Issues)
        {
            writer.Write(',');
            writer.Write(Quote(issue.Name));
        }

        foreach (var name in partyNames)
        {
            writer.Write(',');
            writer.Write(Quote("u:" + name));
        }

        writer.Write('\n');
    }

    /// <summary>The row of event number <paramref name="index"/>.</summary>
    internal static void WriteRow(TextWriter writer, Domain domain, IReadOnlyList<string> partyNames, long index, in SessionEvent e, ReadOnlySpan<double> utilities)
    {
        writer.Write(index.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(e.Round.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(e.Time.ToString("R", CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(e.Actor.ToString(CultureInfo.InvariantCulture));
        writer.Write(',');
        writer.Write(Quote(partyNames[e.Actor]));
        writer.Write(',');
        writer.Write(ActionName(e.Kind));
        for (var k = 0; k < domain.IssueCount; k++)
        {
            writer.Write(',');
            if (e.Offer is { } offer)
            {
                writer.Write(Quote(domain.Issues[k].FormatLevel(offer[k])));
            }
        }

        for (var p = 0; p < utilities.Length; p++)
        {
            writer.Write(',');
            if (!double.IsNaN(utilities[p]))
            {
                writer.Write(utilities[p].ToString("R", CultureInfo.InvariantCulture));
            }
        }

        writer.Write('\n');
    }

    /// <summary>The lower-case name of an action kind as written in traces: offer, accept, walkaway, reject.</summary>
    public static string ActionName(ActionKind kind) => kind switch
    {
        ActionKind.Offer => "offer",
        ActionKind.Accept => "accept",
        ActionKind.WalkAway => "walkaway",
        ActionKind.Reject => "reject",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
