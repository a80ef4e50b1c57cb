using System.Text;
using System.Text.Json;

namespace Parley.Tournaments;

/// <summary>Writes a <see cref="TournamentSummary"/> as JSON (<c>summary.json</c> and <c>parley tournament --json</c>).</summary>
/// <remarks>
/// Shape: <c>{ sessions, agreements, failures, seed, repetitions, deadline, agents: [ { agent, sessions,
/// failures, utility, discountedUtility, agreementRate, distanceToPareto, distanceToNash, socialWelfare,
/// postSettlement, postSettlementGain } ], postSettlement: { judged, improvable } (null when no agreement was judged),
/// mediators: [ same, keyed "mediator" ] (mediated tournaments only), meanUtilityByScenario: { agent: { scenario: mean } } }</c>, where each statistic is
/// <c>{ n, mean, sd, ci95: [low, high] }</c> and a value not computed is null. No wall-time figure
/// appears, so the file is identical for identical tournaments.
/// </remarks>
public static class TournamentSummaryJson
{
    /// <summary>The summary as indented JSON.</summary>
    public static string ToJson(TournamentSummary summary, TournamentDefinition definition)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteNumber("sessions", summary.Sessions);
            w.WriteNumber("agreements", summary.Agreements);
            w.WriteNumber("failures", summary.Failures);
            w.WriteNumber("seed", definition.Seed);
            w.WriteNumber("repetitions", definition.Repetitions);
            w.WriteString("deadline", definition.DeadlineText);
            if (summary.PostSettlement is { } post)
            {
                w.WriteStartObject("postSettlement");
                w.WriteNumber("judged", post.Judged);
                w.WriteNumber("improvable", post.Improvable);
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("postSettlement");
            }

            WriteAgents(w, "agents", "agent", summary.Agents);
            if (summary.Mediators is { } mediators)
            {
                WriteAgents(w, "mediators", "mediator", mediators);
            }

            w.WriteStartObject("meanUtilityByScenario");
            for (var a = 0; a < summary.Agents.Count; a++)
            {
                w.WriteStartObject(summary.Agents[a].Agent);
                for (var s = 0; s < summary.Scenarios.Count; s++)
                {
                    WriteNumber(w, summary.Scenarios[s], summary.MeanUtilityByScenario[a][s]);
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteAgents(Utf8JsonWriter w, string name, string key, IReadOnlyList<AgentSummary> agents)
    {
        w.WriteStartArray(name);
        foreach (var a in agents)
        {
            w.WriteStartObject();
            w.WriteString(key, a.Agent);
            w.WriteNumber("sessions", a.Sessions);
            w.WriteNumber("failures", a.Failures);
            Write(w, "utility", a.Utility);
            Write(w, "discountedUtility", a.DiscountedUtility);
            Write(w, "agreementRate", a.Agreement);
            Write(w, "distanceToPareto", a.DistanceToPareto);
            Write(w, "distanceToNash", a.DistanceToNash);
            Write(w, "socialWelfare", a.SocialWelfare);
            Write(w, "postSettlement", a.PostSettlement);
            Write(w, "postSettlementGain", a.PostSettlementGain);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void Write(Utf8JsonWriter w, string name, Statistic? statistic)
    {
        if (statistic is not { } s)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteStartObject(name);
        w.WriteNumber("n", s.Count);
        WriteNumber(w, "mean", s.Mean);
        WriteNumber(w, "sd", s.StandardDeviation);
        w.WriteStartArray("ci95");
        WriteValue(w, s.Low);
        WriteValue(w, s.High);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        WriteValue(w, value);
    }

    private static void WriteValue(Utf8JsonWriter w, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumberValue(value);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
