using System.Text.Json.Nodes;
using Parley.Analysis.TwoLevel;
using Parley.Mediation;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// <c>parley demo --json</c>: the mediated round's summary (<see cref="MediationJson.Summary"/>) under
/// <c>mediation</c>, beside the analyst's view (<see cref="TwoLevelJson.Properties"/>: status quo,
/// early harvest, ratification, candidate packages, uncertainty, <c>realityCheck</c>).
/// </summary>
public static class DemoJson
{
    /// <summary>The document.</summary>
    public static JsonObject Document(MediationResult result, Scenario scenario, TwoLevelAnalysis analysis, RobustnessResult robustness)
    {
        var json = new JsonObject
        {
            ["scenario"] = scenario.Name,
            ["mediation"] = MediationJson.Summary(result, scenario),
        };
        foreach (var (key, node) in TwoLevelJson.Properties(analysis, robustness))
        {
            json[key] = node?.DeepClone();
        }

        return json;
    }
}
