using System.Text.Json;
using Parley.Analysis;
using Parley.Domains;

namespace Parley.Reports;

/// <summary>The JSON contract of <c>parley analyze --json</c> (docs/analysis.md), produced by the library for every host.</summary>
public static class AnalysisJson
{
    /// <summary>The document, exactly as the contract in docs/analysis.md gives it; <paramref name="extra"/> keys (the two-level analysis) are appended.</summary>
    public static string Write(AnalysisResult result, System.Text.Json.Nodes.JsonObject? extra = null)
    {
        var domain = result.Domain;
        return JsonText.Build(w =>
        {
            w.WriteStartObject();
            w.WriteCount("outcomeCount", result.OutcomeCount);
            w.WriteStartArray("parties");
            foreach (var p in result.PartyNames)
            {
                w.WriteStringValue(p);
            }

            w.WriteEndArray();
            w.WriteString("method", result.Method);
            if (result.Solver is { } solver)
            {
                w.WriteStartObject("solver");
                w.WriteBoolean("proved", solver.IsProved);
                w.WriteNumber("solves", solver.Solves);
                w.WriteNumber("seconds", Math.Round(solver.Seconds, 3));
                w.WriteNumber("deterministicSeconds", Math.Round(solver.DeterministicSeconds, 3));
                w.WriteNumber("timeBudgetSeconds", solver.TimeBudgetSeconds);
                w.WriteNumber("utilityGap", solver.UtilityGap);
                w.WriteEndObject();
            }

            w.WriteStartArray("pareto");
            foreach (var point in result.Pareto)
            {
                WritePoint(w, domain, point.Utilities, point.Outcome, point.IsProved ? null : false);
            }

            w.WriteEndArray();
            w.WritePropertyName("nash");
            WriteSolution(w, domain, result.Nash);
            w.WritePropertyName("kalaiSmorodinsky");
            WriteSolution(w, domain, result.KalaiSmorodinsky);
            w.WritePropertyName("kalaiSmorodinskyGenius");
            WriteSolution(w, domain, result.GeniusKalaiSmorodinsky);
            w.WritePropertyName("egalitarian");
            WriteSolution(w, domain, result.Egalitarian);
            w.WritePropertyName("maxWelfare");
            WriteSolution(w, domain, result.MaxWelfare);
            w.WriteStartObject("agreementZone");
            w.WriteBoolean("empty", result.AgreementZone.IsEmpty);
            w.WriteBoolean("proved", result.AgreementZone.IsProved);
            if (result.AgreementZone.OutcomeCount is { } count)
            {
                w.WriteCount("outcomeCount", count);
            }
            else
            {
                w.WriteNull("outcomeCount");
            }

            w.WriteEndObject();
            w.WriteStartArray("gaps");
            foreach (var gap in result.Gaps)
            {
                var issue = domain.Issues[gap.Issue];
                w.WriteStartObject();
                w.WriteString("issue", gap.IssueName);
                w.WriteBoolean("blocking", gap.IsBlocking);
                w.WriteStartObject("ideal");
                for (var i = 0; i < result.PartyNames.Count; i++)
                {
                    if (gap.IdealLevels[i] >= 0)
                    {
                        w.WriteString(result.PartyNames[i], issue.FormatLevel(gap.IdealLevels[i]));
                    }
                    else
                    {
                        w.WriteNull(result.PartyNames[i]);
                    }
                }

                w.WriteEndObject();
                w.WriteStartArray("acceptable");
                foreach (var l in gap.AcceptableLevels)
                {
                    w.WriteStringValue(issue.FormatLevel(l));
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (extra is not null)
            {
                foreach (var (key, node) in extra)
                {
                    w.WritePropertyName(key);
                    if (node is null)
                    {
                        w.WriteNullValue();
                    }
                    else
                    {
                        node.WriteTo(w);
                    }
                }
            }

            w.WriteEndObject();
        }) + "\n";
    }

    private static void WriteSolution(Utf8JsonWriter w, Domain domain, SolutionPoint? point)
    {
        if (point is null)
        {
            w.WriteNullValue();
        }
        else
        {
            WritePoint(w, domain, point.Utilities, point.Outcome);
        }
    }

    private static void WritePoint(Utf8JsonWriter w, Domain domain, IReadOnlyList<double> utilities, Outcome outcome, bool? proved = null)
    {
        w.WriteStartObject();
        if (proved is { } p)
        {
            w.WriteBoolean("proved", p);
        }

        w.WriteStartArray("utilities");
        foreach (var u in utilities)
        {
            w.WriteNumberValue(u);
        }

        w.WriteEndArray();
        w.WriteStartObject("outcome");
        foreach (var (issue, value) in domain.Describe(outcome))
        {
            w.WriteString(issue, value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }
}
