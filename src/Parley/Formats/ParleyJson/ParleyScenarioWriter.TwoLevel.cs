using System.Text.Json;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Formats.ParleyJson;

/// <summary>The writer's sections for the status quo, ratification, linkage, uncertainty and the real outcome.</summary>
public static partial class ParleyScenarioWriter
{
    private static void WriteStatusQuo(Utf8JsonWriter w, Scenario scenario)
    {
        if (scenario.StatusQuo is not { } sq)
        {
            return;
        }

        var domain = scenario.Domain;
        w.WriteStartObject("statusQuo");
        WriteOptional(w, "date", sq.Date);
        w.WriteStartObject("issues");
        foreach (var e in sq.Entries)
        {
            w.WriteStartObject(domain.Issues[e.Issue].Name);
            if (e.Level == StatusQuo.NoClause)
            {
                w.WriteBoolean("noClause", true);
            }
            else
            {
                w.WriteString("option", domain.Issues[e.Issue].FormatLevel(e.Level));
            }

            WriteOptional(w, "note", e.Note);
            WriteStrings(w, "sources", e.Sources);
            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteLinkage(Utf8JsonWriter w, Scenario scenario)
    {
        if (scenario.Linkage is not { } linkage)
        {
            return;
        }

        var domain = scenario.Domain;
        w.WriteStartObject("linkage");
        if (linkage.Compatibility.Count > 0)
        {
            w.WriteStartArray("compatibility");
            foreach (var rule in linkage.Compatibility)
            {
                w.WriteStartObject();
                w.WriteStartArray("when");
                foreach (var c in rule.Combination.Conditions)
                {
                    w.WriteStartObject();
                    WriteCondition(w, domain, c.Issue, c.Levels);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                WriteOptional(w, "reason", rule.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (linkage.Contingencies.Count > 0)
        {
            w.WriteStartArray("contingencies");
            foreach (var c in linkage.Contingencies)
            {
                w.WriteStartObject();
                WriteCondition(w, domain, c.Issue, c.Levels);
                w.WriteStartObject("requires");
                WriteCondition(w, domain, c.RequiredIssue, c.RequiredLevels);
                w.WriteEndObject();
                WriteOptional(w, "reason", c.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteCondition(Utf8JsonWriter w, Domain domain, int issue, IReadOnlyList<int> levels)
    {
        w.WriteString("issue", domain.Issues[issue].Name);
        w.WriteStartArray("options");
        foreach (var l in levels)
        {
            w.WriteStringValue(domain.Issues[issue].FormatLevel(l));
        }

        w.WriteEndArray();
    }

    private static void WriteTwoLevelParty(Utf8JsonWriter w, Party party, AdditiveProfile profile, StatusQuo? statusQuo, Domain domain)
    {
        WriteStatusQuoValues(w, party.StatusQuoValues, profile.Weights, statusQuo, domain);
        if (party.Ratification is not { } ratification)
        {
            return;
        }

        w.WriteStartObject("ratification");
        w.WriteString("rule", ratification.Rule == RatificationRule.Unanimity ? "unanimity" : "qualified-majority");
        if (ratification.Rule == RatificationRule.QualifiedMajority)
        {
            WriteNumber(w, "quota", ratification.Quota);
        }

        w.WriteStartArray("ratifiers");
        foreach (var r in ratification.Ratifiers)
        {
            w.WriteStartObject();
            w.WriteString("name", r.Name);
            WriteOptional(w, "description", r.Description);
            if (r.Weight != 1)
            {
                WriteNumber(w, "weight", r.Weight);
            }

            if (r.Veto)
            {
                w.WriteBoolean("veto", true);
            }

            WriteNumber(w, "threshold", r.Threshold);
            if (r.ThresholdWidth != 0)
            {
                WriteNumber(w, "thresholdWidth", r.ThresholdWidth);
            }

            if (r.Profile is { } own)
            {
                w.WriteStartObject("weights");
                for (var i = 0; i < domain.IssueCount; i++)
                {
                    if (own.Weights[i] != 0)
                    {
                        WriteNumber(w, domain.Issues[i].Name, own.Weights[i]);
                    }
                }

                w.WriteEndObject();
                w.WriteStartObject("values");
                for (var i = 0; i < domain.IssueCount; i++)
                {
                    if (own.Weights[i] != 0)
                    {
                        w.WritePropertyName(domain.Issues[i].Name);
                        WriteValueFunction(w, own.ValueFunctions[i], domain.Issues[i]);
                    }
                }

                w.WriteEndObject();
                WriteStatusQuoValues(w, r.StatusQuoValues, own.Weights, statusQuo, domain);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteStatusQuoValues(Utf8JsonWriter w, IReadOnlyList<double>? values, IReadOnlyList<double> weights, StatusQuo? statusQuo, Domain domain)
    {
        if (values is null)
        {
            return;
        }

        // Only issues whose status quo is "no clause" carry a value; the reader leaves the others at 0.
        var shown = Enumerable.Range(0, domain.IssueCount).Where(i => statusQuo?.Levels[i] == StatusQuo.NoClause && (values[i] != 0 || weights[i] != 0)).ToList();
        if (shown.Count == 0)
        {
            return;
        }

        w.WriteStartObject("statusQuoValues");
        foreach (var i in shown)
        {
            WriteNumber(w, domain.Issues[i].Name, values[i]);
        }

        w.WriteEndObject();
    }

    private static void WriteUncertainty(Utf8JsonWriter w, Scenario scenario)
    {
        if (scenario.Uncertainty.Count == 0)
        {
            return;
        }

        var domain = scenario.Domain;
        w.WriteStartArray("uncertainty");
        foreach (var u in scenario.Uncertainty)
        {
            w.WriteStartObject();
            w.WriteString("target", u.Target switch
            {
                UncertaintyTarget.Weights => "weights",
                UncertaintyTarget.Weight => "weight",
                UncertaintyTarget.Values => "values",
                UncertaintyTarget.Value => "value",
                UncertaintyTarget.StatusQuoValues => "statusQuoValues",
                UncertaintyTarget.StatusQuoValue => "statusQuoValue",
                UncertaintyTarget.ReservationValue => "reservationValue",
                _ => "threshold",
            });
            w.WriteString("party", u.Party);
            if (u.Issue >= 0)
            {
                w.WriteString("issue", domain.Issues[u.Issue].Name);
            }

            if (u.Level >= 0)
            {
                w.WriteString("option", domain.Issues[u.Issue].FormatLevel(u.Level));
            }

            WriteOptional(w, "ratifier", u.Ratifier);
            if (u.Shape == UncertaintyShape.Triangular)
            {
                w.WriteString("distribution", "triangular");
            }

            if (u.Low is { } lo && u.High is { } hi)
            {
                WriteNumber(w, "low", lo);
                WriteNumber(w, "high", hi);
            }

            if (u.Absolute is { } a)
            {
                WriteNumber(w, "absolute", a);
            }

            if (u.Relative is { } r)
            {
                WriteNumber(w, "relative", r);
            }

            w.WriteString("assumption", u.Assumption);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void WriteRealOutcome(Utf8JsonWriter w, Scenario scenario)
    {
        if (scenario.RealOutcome is not { } real)
        {
            return;
        }

        var domain = scenario.Domain;
        w.WriteStartObject("realOutcome");
        WriteOptional(w, "date", real.Date);
        w.WriteString("description", real.Description);
        w.WriteStartObject("agreed");
        foreach (var (issue, level) in real.Agreed)
        {
            w.WriteString(domain.Issues[issue].Name, domain.Issues[issue].FormatLevel(level));
        }

        w.WriteEndObject();
        w.WriteStartArray("open");
        foreach (var i in real.Open)
        {
            w.WriteStringValue(domain.Issues[i].Name);
        }

        w.WriteEndArray();
        WriteStrings(w, "sources", real.Sources);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IReadOnlyList<string>? items)
    {
        if (items is null)
        {
            return;
        }

        w.WriteStartArray(name);
        foreach (var s in items)
        {
            w.WriteStringValue(s);
        }

        w.WriteEndArray();
    }
}
