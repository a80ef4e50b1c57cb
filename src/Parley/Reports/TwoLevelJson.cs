using System.Text.Json.Nodes;
using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Scenarios;

namespace Parley.Reports;

/// <summary>
/// The status-quo, ratification and robustness analysis as JSON: the keys <c>parley analyze --json</c>
/// adds for scenarios with a status quo, constituencies or linkage rules, or with <c>--uncertainty</c>
/// (the contract is in docs/analysis.md), also carried by <c>parley demo --json</c>.
/// </summary>
public static class TwoLevelJson
{
    /// <summary>
    /// The keys <c>statusQuo</c>, <c>earlyHarvest</c>, <c>ratification</c>, <c>ratificationNash</c>,
    /// <c>candidatePackages</c>, and with a robustness result <c>uncertainty</c> and (when the scenario
    /// states a real outcome) <c>realityCheck</c>.
    /// </summary>
    public static JsonObject Properties(TwoLevelAnalysis analysis, RobustnessResult? robustness)
    {
        var model = analysis.Model;
        var domain = model.Domain;
        var json = new JsonObject();
        if (model.StatusQuo is { } sq)
        {
            var outcome = new JsonObject();
            for (var i = 0; i < domain.IssueCount; i++)
            {
                outcome[domain.Issues[i].Name] = sq.Levels[i] == StatusQuo.NoClause ? null : domain.Issues[i].FormatLevel(sq.Levels[i]);
            }

            json["statusQuo"] = new JsonObject
            {
                ["date"] = sq.Date,
                ["outcome"] = outcome,
                ["utilities"] = PerParty(model, p => model.StatusQuoUtility(p)),
                ["disagreement"] = PerParty(model, model.Disagreement),
            };
        }

        json["earlyHarvest"] = new JsonArray(analysis.EarlyHarvest.Select(h => (JsonNode?)new JsonObject
        {
            ["changes"] = Changes(domain, h.Agreement),
            ["gains"] = PerParty(model, p => h.Gains[p]),
            ["pRatified"] = PerParty(model, p => h.PRatified[p]),
        }).ToArray());
        var ratification = new JsonObject();
        foreach (var r in analysis.Ratification)
        {
            ratification[r.Party] = new JsonObject
            {
                ["ratifiers"] = new JsonArray(r.Ratifiers.Select(x => (JsonNode?)x).ToArray()),
                ["winSetCount"] = r.WinSetCount?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
        }

        json["ratification"] = ratification;
        if (analysis.Counts is { } counts)
        {
            json["zone"] = new JsonObject
            {
                ["feasible"] = counts.Feasible,
                ["acceptable"] = counts.Zone,
                ["ratifiable"] = counts.Ratifiable,
                ["ratificationLevel"] = analysis.Options.RatificationLevel,
            };
            json["ratifiableFrontier"] = new JsonArray(analysis.RatifiableFrontier.Select(f => (JsonNode?)Package(model, f)).ToArray());
        }

        json["ratificationNash"] = analysis.RatificationNash is { } rn ? Package(model, rn) : null;
        json["candidatePackages"] = CandidatePackages(analysis, robustness);
        if (robustness is not null)
        {
            var harvest = new JsonObject();
            for (var i = 0; i < domain.IssueCount; i++)
            {
                harvest[domain.Issues[i].Name] = robustness.EarlyHarvest[i];
            }

            var concessions = new JsonObject();
            for (var p = 0; p < model.PartyCount; p++)
            {
                concessions[model.PartyNames[p]] = new JsonArray(robustness.Concessions[p].Select(c => (JsonNode?)new JsonObject
                {
                    ["redLines"] = c.RedLines is null ? null : new JsonArray(c.RedLines.Select(x => (JsonNode?)x).ToArray()),
                    ["frequency"] = c.Frequency,
                }).ToArray());
            }

            json["uncertainty"] = new JsonObject
            {
                ["draws"] = robustness.Draws,
                ["seed"] = robustness.Seed,
                ["pZoneEmpty"] = robustness.PZoneEmpty,
                ["earlyHarvest"] = harvest,
                ["packages"] = new JsonArray(robustness.Packages.Select(p => (JsonNode?)new JsonObject
                {
                    ["label"] = p.Package.Label,
                    ["outcome"] = Changes(domain, p.Package.Agreement),
                    ["pAcceptable"] = p.PAcceptable,
                    ["pRatified"] = p.PRatified,
                    ["pNash"] = p.PNash,
                }).ToArray()),
                ["concessions"] = concessions,
                ["sensitivity"] = new JsonObject
                {
                    ["metric"] = robustness.SensitivityMetric,
                    ["bars"] = new JsonArray(robustness.Sensitivity.Select(b => (JsonNode?)new JsonObject
                    {
                        ["range"] = b.Range,
                        ["low"] = Number(b.Low),
                        ["high"] = Number(b.High),
                        ["assumption"] = b.Assumption,
                    }).ToArray()),
                },
            };
            if (robustness.RealityCheck is { } check)
            {
                json["realityCheck"] = RealityCheck(check);
            }
        }

        return json;
    }

    /// <summary>The <c>realityCheck</c> object.</summary>
    public static JsonObject RealityCheck(RealityCheck check) => new()
    {
        ["draws"] = check.Draws,
        ["pRound5Shape"] = check.PShape,
        ["pAgreedIsEarlyHarvest"] = check.PAgreedIsHarvest,
        ["pNoRatifiableCorePackage"] = check.PNoCorePackage,
        ["definition"] = check.Definition,
    };

    /// <summary>
    /// The candidate packages: each with <c>label</c>, <c>outcome</c> (the articles it settles), <c>utilities</c>,
    /// <c>gains</c>, <c>acceptable</c>, <c>pRatifiedBy</c>, <c>pRatified</c>, <c>blockedBy</c>, <c>movesMost</c>,
    /// the mediator's own interest when it has a profile, and with a robustness result <c>robustness</c>
    /// (<c>pAcceptable</c>, <c>pRatified</c>, <c>pNash</c>).
    /// </summary>
    public static JsonArray CandidatePackages(TwoLevelAnalysis analysis, RobustnessResult? robustness)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        return new JsonArray(analysis.Candidates.Select(c => (JsonNode?)Package(analysis.Model, c, robustness?.Packages.FirstOrDefault(p => p.Package.Agreement.Equals(c.Agreement)))).ToArray());
    }

    private static JsonNode? Number(double x) => double.IsNaN(x) ? null : x;

    private static JsonObject Package(TwoLevelModel model, PackageEvaluation e, PackageRobustness? robustness = null)
    {
        var blockers = new JsonObject();
        for (var p = 0; p < model.PartyCount; p++)
        {
            if (model.Ratifiers[p].Count > 0)
            {
                blockers[model.PartyNames[p]] = new JsonArray(e.Blockers[p].Select(b => (JsonNode?)b).ToArray());
            }
        }

        var json = new JsonObject
        {
            ["label"] = e.Label,
            ["outcome"] = Changes(model.Domain, e.Agreement),
            ["utilities"] = PerParty(model, p => e.Utilities[p]),
            ["gains"] = PerParty(model, p => e.Gains[p]),
            ["acceptable"] = e.Acceptable,
            ["pRatifiedBy"] = PerParty(model, p => e.PRatified[p]),
            ["pRatified"] = e.PRatifiedAll,
            ["blockedBy"] = blockers,
            ["movesMost"] = e.MovesMost,
        };
        if (e.MediatorUtility is { } mu && model.Scenario.Mediator is { } mediator)
        {
            json["mediatorInterest"] = new JsonObject { [mediator.Name] = mu };
        }

        if (robustness is not null)
        {
            json["robustness"] = new JsonObject
            {
                ["pAcceptable"] = robustness.PAcceptable,
                ["pRatified"] = robustness.PRatified,
                ["pNash"] = robustness.PNash,
            };
        }

        return json;
    }

    private static JsonObject Changes(Domain domain, PartialOutcome agreement)
    {
        var o = new JsonObject();
        for (var i = 0; i < domain.IssueCount; i++)
        {
            if (agreement.IsSettled(i))
            {
                o[domain.Issues[i].Name] = domain.Issues[i].FormatLevel(agreement[i]);
            }
        }

        return o;
    }

    private static JsonObject PerParty(TwoLevelModel model, Func<int, double> value)
    {
        var o = new JsonObject();
        for (var p = 0; p < model.PartyCount; p++)
        {
            o[model.PartyNames[p]] = value(p);
        }

        return o;
    }
}
