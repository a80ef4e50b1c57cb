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
    /// <param name="result">The demo's round.</param>
    /// <param name="scenario">Its scenario.</param>
    /// <param name="analysis">The analysis, its candidates compared after the round (<see cref="MediationCandidates"/>).</param>
    /// <param name="robustness">The uncertainty analysis with the reality check.</param>
    /// <param name="trusted">The trusted ratification-aware mediator's session (<see cref="DemoMediation.Trusted"/>), under <c>trustedMediation</c> with its <c>pRatified</c>; null to leave it out.</param>
    public static JsonObject Document(MediationResult result, Scenario scenario, TwoLevelAnalysis analysis, RobustnessResult robustness, MediationResult? trusted = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var json = new JsonObject
        {
            ["scenario"] = scenario.Name,
            ["mediation"] = MediationJson.Summary(result, scenario),
        };
        if (trusted is not null)
        {
            var summary = MediationJson.Summary(trusted, scenario);
            summary["pRatified"] = trusted.Deal is { } deal ? analysis.Model.RatificationAll(deal.Levels) : null;
            json["trustedMediation"] = summary;
        }

        foreach (var (key, node) in TwoLevelJson.Properties(analysis, robustness))
        {
            json[key] = node?.DeepClone();
        }

        return json;
    }
}
