using System.Globalization;
using Parley.Agents;

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
        var domain = trace.Domain;
        writer.Write("index,round,time,actor,party,action");
        foreach (var issue in domain.Issues)
        {
            writer.Write(',');
            writer.Write(Quote(issue.Name));
        }

        foreach (var name in trace.PartyNames)
        {
            writer.Write(',');
            writer.Write(Quote("u:" + name));
        }

        writer.Write('\n');
        for (var i = 0; i < trace.Events.Count; i++)
        {
            var e = trace.Events[i];
            writer.Write(i.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(e.Round.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(e.Time.ToString("R", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(e.Actor.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(Quote(trace.PartyNames[e.Actor]));
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

            var utilities = trace.UtilitiesOf(i);
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
    }

    /// <summary>The lower-case name of an action kind as written in traces: offer, accept, walkaway.</summary>
    public static string ActionName(ActionKind kind) => kind switch
    {
        ActionKind.Offer => "offer",
        ActionKind.Accept => "accept",
        ActionKind.WalkAway => "walkaway",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
}
