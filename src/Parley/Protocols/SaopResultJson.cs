using System.Text;
using System.Text.Json;
using Parley.Analysis;
using Parley.Domains;
using Parley.Scenarios;

namespace Parley.Protocols;

/// <summary>The JSON contract of <c>parley negotiate --json</c> (and of <c>parley replay --json</c> on a SAOP log).</summary>
/// <remarks>
/// Shape: <c>{ "agreement": bool, "outcome": {issue: value} | null, "utilities": {party: discounted
/// payoff}, "rounds", "endReason", "failedAgent", "failedParty", "failure", "distanceToPareto",
/// "distanceToNash", "socialWelfare", "time", "seed", "agents": {party: agent id}, "postSettlement":
/// { "outcome": {issue: value}, "utilities": {party: undiscounted utility} } | null }</c>
/// (<c>postSettlement</c> for SAOP only: the package every party weakly prefers to the agreement, offered
/// after it; null without an agreement or when the agreement is Pareto-optimal). The same session
/// gives the same bytes, whether it was run or replayed from its log.
/// </remarks>
public static class SaopResultJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    /// <summary>
    /// The analysis the contract's distances are measured against: the frontier and the Nash point
    /// only (no zone count, no gaps), with a 10 s solver budget on nonlinear spaces too large to
    /// enumerate. The run and its replay use the same options, so they print the same figures
    /// (except where the solver's budget ran out before it proved the frontier: the result's
    /// analysis says so).
    /// </summary>
    public static AnalysisOptions MetricsOptions => new() { CountAgreementZone = false, AnalyzeGaps = false, SolverTimeBudget = TimeSpan.FromSeconds(10) };

    /// <summary>The JSON of a finished session.</summary>
    /// <param name="result">The session's result.</param>
    /// <param name="metrics">The agreement measured against the frontier and the Nash point.</param>
    /// <param name="scenario">The scenario (for issue and option names).</param>
    /// <param name="agentIds">The agent that played each party, in order.</param>
    /// <param name="agreements">MOPAC: each party's own agreement (written as <c>"agreements"</c>); null for SAOP.</param>
    /// <param name="postSettlement">SAOP: the post-settlement improvement of the agreement (Mediation's <c>PostSettlement.ForAgreement</c>), or null.</param>
    public static string Write(SessionResult result, OutcomeMetrics metrics, Scenario scenario, IReadOnlyList<string> agentIds, IReadOnlyList<Outcome?>? agreements = null, Outcome? postSettlement = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(agentIds);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
        {
            json.WriteStartObject();
            json.WriteBoolean("agreement", result.HasAgreement);
            json.WritePropertyName("outcome");
            if (result.Agreement is { } agreement)
            {
                json.WriteStartObject();
                foreach (var (issue, value) in scenario.Domain.Describe(agreement))
                {
                    json.WriteString(issue, value);
                }

                json.WriteEndObject();
            }
            else
            {
                json.WriteNullValue();
            }

            if (agreements is not null)
            {
                json.WriteStartObject("agreements");
                for (var i = 0; i < result.PartyNames.Count; i++)
                {
                    json.WritePropertyName(result.PartyNames[i]);
                    if (agreements[i] is { } own)
                    {
                        json.WriteStartObject();
                        foreach (var (issue, value) in scenario.Domain.Describe(own))
                        {
                            json.WriteString(issue, value);
                        }

                        json.WriteEndObject();
                    }
                    else
                    {
                        json.WriteNullValue();
                    }
                }

                json.WriteEndObject();
            }

            json.WriteStartObject("utilities");
            for (var i = 0; i < result.PartyNames.Count; i++)
            {
                json.WriteNumber(result.PartyNames[i], result.DiscountedUtilities[i]);
            }

            json.WriteEndObject();
            json.WriteNumber("rounds", result.Rounds);
            json.WriteString("endReason", EndReasonNames.Name(result.EndReason));
            if (result.Failure is { } failure)
            {
                json.WriteString("failedAgent", failure.Party >= 0 && failure.Party < agentIds.Count ? agentIds[failure.Party] : failure.PartyName);
                json.WriteString("failedParty", failure.PartyName);
                json.WriteString("failure", $"{failure.Kind.ToString().ToLowerInvariant()}: {failure.Reason}");
            }
            else
            {
                json.WriteNull("failedAgent");
                json.WriteNull("failedParty");
                json.WriteNull("failure");
            }

            json.WriteNumber("distanceToPareto", metrics.DistanceToPareto);
            if (metrics.DistanceToNash is { } toNash)
            {
                json.WriteNumber("distanceToNash", toNash);
            }
            else
            {
                json.WriteNull("distanceToNash");
            }

            json.WriteNumber("socialWelfare", result.SocialWelfare);
            json.WriteNumber("time", result.Time);
            json.WriteNumber("seed", result.Seed);
            json.WriteStartObject("agents");
            for (var i = 0; i < result.PartyNames.Count; i++)
            {
                json.WriteString(result.PartyNames[i], i < agentIds.Count ? agentIds[i] : string.Empty);
            }

            json.WriteEndObject();
            if (agreements is null)
            {
                WritePostSettlement(json, scenario, result.PartyNames, postSettlement);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WritePostSettlement(Utf8JsonWriter json, Scenario scenario, IReadOnlyList<string> parties, Outcome? improvement)
    {
        if (improvement is null)
        {
            json.WriteNull("postSettlement");
            return;
        }

        json.WriteStartObject("postSettlement");
        json.WriteStartObject("outcome");
        foreach (var (issue, value) in scenario.Domain.Describe(improvement))
        {
            json.WriteString(issue, value);
        }

        json.WriteEndObject();
        json.WriteStartObject("utilities");
        foreach (var name in parties)
        {
            json.WriteNumber(name, scenario.FindParty(name)!.Profile!.Utility(improvement));
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }
}
