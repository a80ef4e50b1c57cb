using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Parley.Mediation;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// A mediated session as JSON: the summary contract of <c>parley mediate --json</c> and the full
/// trace (every round's proposal and ballots, every version of the text).
/// </summary>
/// <remarks>Numbers are written by System.Text.Json, which is culture-invariant.</remarks>
public static class MediationJson
{
    private static readonly JsonSerializerOptions TextOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The summary as <c>parley mediate --json</c> prints it (indented, non-ASCII text kept as it is): a run and a replay of its log print the same bytes.</summary>
    /// <remarks>
    /// On a scenario with a status quo, constituencies or linkage rules, unless the round failed, it carries <c>candidatePackages</c>:
    /// <see cref="MediationCandidates.Compare"/> after the round, robustness over
    /// <see cref="MediationCandidates.Draws"/> scenarios seeded with the round's seed.
    /// </remarks>
    public static string SummaryText(MediationResult result, Scenario scenario) =>
        SummaryText(result, scenario, result.EndReason == EndReason.Failure ? null : MediationCandidates.Compare(scenario, result, MediationCandidates.Draws, result.Seed));

    /// <summary>As <see cref="SummaryText(MediationResult, Scenario)"/>, with candidates already compared (null: none).</summary>
    public static string SummaryText(MediationResult result, Scenario scenario, MediationCandidates? candidates) =>
        Summary(result, scenario, candidates).ToJsonString(TextOptions);

    /// <summary>
    /// The summary: <c>endReason</c>, <c>rounds</c>, <c>versions</c>, <c>agreedIssues</c>,
    /// <c>openIssues</c> (issue, positions per party), <c>text</c> (issue → option or null) and
    /// <c>utilities</c> (party → utility of what was agreed), plus the closing and Nash packages.
    /// </summary>
    /// <param name="result">The round.</param>
    /// <param name="scenario">Its scenario.</param>
    /// <param name="candidates">The candidate packages to compare (<c>candidatePackages</c>: <see cref="TwoLevelJson.CandidatePackages"/>), or null for none.</param>
    public static JsonObject Summary(MediationResult result, Scenario scenario, MediationCandidates? candidates = null)
    {
        var domain = scenario.Domain;
        var agreement = result.Agreement;
        var agreed = new JsonArray();
        var text = new JsonObject();
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var issue = domain.Issues[i];
            if (agreement.Agreed.IsSettled(i))
            {
                agreed.Add(issue.Name);
                text[issue.Name] = issue.FormatLevel(agreement.Agreed[i]);
            }
            else
            {
                text[issue.Name] = null;
            }
        }

        var open = new JsonArray();
        foreach (var gap in agreement.OpenIssues)
        {
            var issue = domain.Issues[gap.Issue];
            var positions = new JsonObject();
            foreach (var p in gap.Positions)
            {
                positions[p.Party] = issue.FormatLevel(p.Level);
            }

            open.Add(new JsonObject
            {
                ["issue"] = issue.Name,
                ["positions"] = positions,
                ["zoneOfAgreement"] = new JsonArray(gap.ZoneOfAgreement.Select(l => (JsonNode?)issue.FormatLevel(l)).ToArray()),
                ["closing"] = gap.ClosingLevel is { } c ? issue.FormatLevel(c) : null,
                ["movers"] = new JsonArray(gap.Moves.Select(m => (JsonNode?)m.Party).ToArray()),
            });
        }

        var utilities = new JsonObject();
        for (var p = 0; p < result.PartyNames.Count; p++)
        {
            utilities[result.PartyNames[p]] = Math.Round(result.Utilities[p], 6);
        }

        var summary = new JsonObject
        {
            ["endReason"] = EndReasonNames.Name(result.EndReason),
            ["rounds"] = result.Rounds,
            ["versions"] = result.VersionCount,
            ["agreedIssues"] = agreed,
            ["openIssues"] = open,
            ["text"] = text,
            ["utilities"] = utilities,
            ["mediator"] = result.Mediator,
            ["protocol"] = result.Protocol.ToString().ToLowerInvariant(),
            ["voters"] = new JsonArray(result.Voters.Select(v => (JsonNode?)v).ToArray()),
            ["closingPackage"] = Package(agreement.ClosingPackage, scenario),
            ["nashPackage"] = Package(agreement.NashPackage, scenario),
            ["failure"] = result.FailureMessage,
        };
        if (candidates is not null)
        {
            summary["candidatePackages"] = TwoLevelJson.CandidatePackages(candidates.Analysis, candidates.Robustness);
        }

        return summary;
    }

    /// <summary>
    /// The trace: the summary plus the rounds and the versions of the text the result kept (every
    /// one, or in a long session the first and last ones and an evenly spaced sample, each with its
    /// number; "kept" says which), and counts over all the rounds played.
    /// </summary>
    /// <param name="result">The round.</param>
    /// <param name="scenario">Its scenario.</param>
    /// <param name="candidates">The candidate packages to compare, or null for none.</param>
    public static JsonObject Trace(MediationResult result, Scenario scenario, MediationCandidates? candidates = null)
    {
        var domain = scenario.Domain;
        var summary = Summary(result, scenario, candidates);
        var rounds = new JsonArray();
        foreach (var r in result.Trace)
        {
            var ballots = new JsonArray();
            foreach (var b in r.Ballots)
            {
                ballots.Add(new JsonObject
                {
                    ["party"] = b.Party,
                    ["accepted"] = b.Accepted,
                    ["feedback"] = b.Feedback?.ToString().ToLowerInvariant(),
                    ["vetoed"] = new JsonArray(b.Vetoed.Select(i => (JsonNode?)domain.Issues[i].Name).ToArray()),
                    ["utility"] = Math.Round(b.Utility, 6),
                });
            }

            rounds.Add(new JsonObject
            {
                ["round"] = r.Round,
                ["issue"] = r.Issue is { } i ? domain.Issues[i].Name : null,
                ["proposal"] = Package(r.Proposal, scenario),
                ["ballots"] = ballots,
                ["adopted"] = r.Adopted,
                ["version"] = r.Version,
                ["time"] = Math.Round(r.Time, 6),
            });
        }

        var versions = new JsonArray();
        foreach (var v in result.Versions)
        {
            var articles = new JsonObject();
            for (var i = 0; i < domain.IssueCount; i++)
            {
                articles[domain.Issues[i].Name] = new JsonObject
                {
                    ["option"] = v.Draft[i] < 0 ? null : domain.Issues[i].FormatLevel(v.Draft[i]),
                    ["status"] = NegotiatingTextDocument.Mark(v.Statuses[i]),
                };
            }

            versions.Add(new JsonObject { ["version"] = v.Version, ["note"] = v.Note, ["articles"] = articles });
        }

        var acceptances = new JsonObject();
        for (var p = 0; p < result.PartyNames.Count && p < result.Acceptances.Count; p++)
        {
            acceptances[result.PartyNames[p]] = result.Acceptances[p];
        }

        summary["scenario"] = scenario.Name;
        summary["adoptedRounds"] = result.AdoptedRounds;
        summary["acceptances"] = acceptances;
        summary["kept"] = new JsonObject
        {
            ["complete"] = result.IsTraceComplete && result.Versions.Count == result.VersionCount,
            ["rounds"] = result.Trace.Count,
            ["versions"] = result.Versions.Count,
            ["atEachEnd"] = SingleTextNegotiation.KeptAtEachEnd,
        };
        summary["trace"] = rounds;
        summary["textVersions"] = versions;
        return summary;
    }

    private static JsonObject? Package(Domains.Outcome? outcome, Scenario scenario)
    {
        if (outcome is null)
        {
            return null;
        }

        var o = new JsonObject();
        foreach (var (k, v) in scenario.Domain.Describe(outcome))
        {
            o[k] = v;
        }

        return o;
    }
}
