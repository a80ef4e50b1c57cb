using System.Globalization;
using System.Text.Json;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Formats.ParleyJson;

/// <summary>The reader's sections for the status quo, ratification, linkage, uncertainty and the real outcome.</summary>
public static partial class ParleyScenarioReader
{
    /// <summary>The most constituencies one party may have (a qualified majority is computed exactly over their subsets).</summary>
    public const int MaxRatifiers = 16;

    private sealed partial class ScenarioParser
    {
        private StatusQuo? _statusQuo;

        private StatusQuo StatusQuo(JsonElement e, string path, Domain domain)
        {
            var f = input.Fields(e, path, "the status quo", "date", "issues");
            var ip = path + ".issues";
            var given = new StatusQuoEntry?[domain.IssueCount];
            foreach (var (issueName, value) in input.Members(input.Required(f, path, "issues", "the status quo"), ip, "the status quo's issues"))
            {
                var ep = JsonInput.Prop(ip, issueName);
                var i = IssueIndex(domain, issueName, ep);
                var issue = domain.Issues[i];
                var ef = input.Fields(value, ep, "a status-quo entry", "option", "noClause", "note", "sources");
                var hasOption = JsonInput.TryGet(ef, "option", out var o);
                var noClause = JsonInput.TryGet(ef, "noClause", out var nc) && Boolean(nc, ep + ".noClause", "noClause");
                if (hasOption == noClause)
                {
                    throw input.Error(ep, $"the status quo of issue '{issue.Name}' needs either an option (\"option\": \"...\") or \"noClause\": true");
                }

                var level = hasOption ? LevelRef(o, ep + ".option", issue) : Scenarios.StatusQuo.NoClause;
                given[i] = new StatusQuoEntry(i, level, input.OptionalString(ef, ep, "note", "the note"), StringList(ef, ep, "sources", "a source"));
            }

            for (var i = 0; i < given.Length; i++)
            {
                if (given[i] is null)
                {
                    throw input.Error(ip, $"no status quo for issue '{domain.Issues[i].Name}' (give every issue an option or \"noClause\": true)");
                }
            }

            return new StatusQuo(domain, given!, input.OptionalString(f, path, "date", "the date"));
        }

        private Party WithTwoLevelFields(Party party, Dictionary<string, JsonElement> f, string path, Domain domain)
        {
            var hasRatification = JsonInput.TryGet(f, "ratification", out var r);
            var hasSqValues = JsonInput.TryGet(f, "statusQuoValues", out var sqv);
            if (party.Profile is not AdditiveProfile profile)
            {
                if (hasRatification || hasSqValues)
                {
                    throw input.Error(JsonInput.Prop(path, hasRatification ? "ratification" : "statusQuoValues"), $"'{(hasRatification ? "ratification" : "statusQuoValues")}' needs preferences: give '{party.Name}' weights and values too");
                }

                return party;
            }

            var sqValues = StatusQuoValues(hasSqValues ? sqv : default, path + ".statusQuoValues", domain, profile.Weights, $"party '{party.Name}'");
            var ratification = hasRatification ? Ratification(r, path + ".ratification", domain) : null;
            var explicitReservation = JsonInput.TryGet(f, "reservationValue", out _);
            if (_statusQuo is not null && explicitReservation && !party.Assumptions.Any(a => a.About == "reservationValue"))
            {
                throw input.Error(path + ".reservationValue", $"the scenario has a status quo, so '{party.Name}''s disagreement value is its utility of the status quo; an explicit reservation value must be justified by an assumption about \"reservationValue\"");
            }

            if (_statusQuo is not null && !explicitReservation)
            {
                var value = StatusQuoUtility(profile, sqValues, _statusQuo);
                party = party with { Profile = profile.WithReservationValue(value) };
            }

            return party with { Ratification = ratification, StatusQuoValues = sqValues, ExplicitReservationValue = explicitReservation };
        }

        /// <summary>The utility of the status quo under an additive profile and its "no clause" values.</summary>
        private static double StatusQuoUtility(AdditiveProfile profile, IReadOnlyList<double>? sqValues, StatusQuo statusQuo)
        {
            var sum = 0.0;
            for (var i = 0; i < statusQuo.Levels.Length; i++)
            {
                var level = statusQuo.Levels[i];
                sum += level == Scenarios.StatusQuo.NoClause ? profile.Weights[i] * (sqValues?[i] ?? 0) : profile.LevelUtility(i, level);
            }

            return sum;
        }

        private double[]? StatusQuoValues(JsonElement e, string path, Domain domain, IReadOnlyList<double> weights, string owner)
        {
            if (_statusQuo is null)
            {
                if (e.ValueKind != JsonValueKind.Undefined)
                {
                    throw input.Error(path, "status-quo values need a status quo: give the scenario a \"statusQuo\" section");
                }

                return null;
            }

            var values = new double[domain.IssueCount];
            var given = new bool[domain.IssueCount];
            if (e.ValueKind != JsonValueKind.Undefined)
            {
                foreach (var (issueName, value) in input.Members(e, path, "the status-quo values"))
                {
                    var vp = JsonInput.Prop(path, issueName);
                    var i = IssueIndex(domain, issueName, vp);
                    if (_statusQuo.Levels[i] != Scenarios.StatusQuo.NoClause)
                    {
                        throw input.Error(vp, $"the status quo of issue '{issueName}' is option '{_statusQuo.Describe(i)}', valued in the values table; a status-quo value is only for a \"noClause\" status quo");
                    }

                    values[i] = input.Number(value, vp, $"the status-quo value of issue '{issueName}'");
                    given[i] = true;
                }
            }

            for (var i = 0; i < given.Length; i++)
            {
                if (_statusQuo.Levels[i] == Scenarios.StatusQuo.NoClause && !given[i] && weights[i] != 0)
                {
                    throw input.Error(path, $"no status-quo value for issue '{domain.Issues[i].Name}' in {owner}: its status quo is \"noClause\" and its weight is not 0");
                }
            }

            return values;
        }

        private Ratification Ratification(JsonElement e, string path, Domain domain)
        {
            var f = input.Fields(e, path, "the ratification", "rule", "quota", "ratifiers");
            var rule = RatificationRule.Unanimity;
            if (JsonInput.TryGet(f, "rule", out var re))
            {
                rule = input.String(re, path + ".rule", "the rule") switch
                {
                    "unanimity" => RatificationRule.Unanimity,
                    "qualified-majority" => RatificationRule.QualifiedMajority,
                    var other => throw input.Error(path + ".rule", $"unknown ratification rule '{other}' (expected unanimity or qualified-majority)"),
                };
            }

            var quota = 1.0;
            if (JsonInput.TryGet(f, "quota", out var q))
            {
                if (rule != RatificationRule.QualifiedMajority)
                {
                    throw input.Error(path + ".quota", "a quota needs \"rule\": \"qualified-majority\"");
                }

                quota = input.Number(q, path + ".quota", "the quota");
                if (quota <= 0 || quota > 1)
                {
                    throw input.Error(path + ".quota", string.Create(CultureInfo.InvariantCulture, $"the quota is a share of the total weight in (0, 1], not {quota:R}"));
                }
            }
            else if (rule == RatificationRule.QualifiedMajority)
            {
                throw input.Error(path, "a qualified majority needs a \"quota\" (the share of the total weight that must approve)");
            }

            var rp = path + ".ratifiers";
            var ratifiers = NamedList(input.Required(f, path, "ratifiers", "the ratification"), rp, "the ratifiers", "ratifier", (item, itemPath) => Ratifier(item, itemPath, domain), x => x.Name);
            if (ratifiers.Count > MaxRatifiers)
            {
                throw input.Error(rp, string.Create(CultureInfo.InvariantCulture, $"{ratifiers.Count} ratifiers; at most {MaxRatifiers} are supported"));
            }

            return new Ratification(rule, quota, ratifiers);
        }

        private Ratifier Ratifier(JsonElement e, string path, Domain domain)
        {
            var f = input.Fields(e, path, "a ratifier", "name", "description", "weight", "veto", "threshold", "thresholdWidth", "weights", "values", "statusQuoValues");
            var name = input.String(input.Required(f, path, "name", "the ratifier"), path + ".name", "the ratifier's name");
            var weight = JsonInput.TryGet(f, "weight", out var w) ? input.Number(w, path + ".weight", "the weight") : 1;
            if (weight < 0)
            {
                throw input.Error(path + ".weight", string.Create(CultureInfo.InvariantCulture, $"a ratifier's weight must not be negative, not {weight:R}"));
            }

            var veto = JsonInput.TryGet(f, "veto", out var v) && Boolean(v, path + ".veto", "veto");
            var threshold = input.Number(input.Required(f, path, "threshold", "a ratifier"), path + ".threshold", "the threshold");
            var width = JsonInput.TryGet(f, "thresholdWidth", out var tw) ? input.Number(tw, path + ".thresholdWidth", "the threshold width") : 0;
            if (width < 0)
            {
                throw input.Error(path + ".thresholdWidth", string.Create(CultureInfo.InvariantCulture, $"the threshold's width must not be negative, not {width:R}"));
            }

            AdditiveProfile? profile = null;
            double[]? sqValues = null;
            var hasWeights = JsonInput.TryGet(f, "weights", out var we);
            if (hasWeights)
            {
                var weights = new double[domain.IssueCount];
                foreach (var (issueName, value) in input.Members(we, path + ".weights", "the ratifier's weights"))
                {
                    var wp = JsonInput.Prop(path + ".weights", issueName);
                    var i = IssueIndex(domain, issueName, wp);
                    weights[i] = input.Number(value, wp, $"the weight of issue '{issueName}'");
                    if (weights[i] < 0)
                    {
                        throw input.Error(wp, string.Create(CultureInfo.InvariantCulture, $"the weight of issue '{issueName}' is {weights[i]:R}; weights must not be negative"));
                    }
                }

                var functions = Values(JsonInput.TryGet(f, "values", out var ve) ? ve : default, path + ".values", domain, weights);
                try
                {
                    profile = new AdditiveProfile(domain, weights, functions);
                }
                catch (ArgumentException ex)
                {
                    throw input.Error(path, ex.Message.TrimEnd('.'));
                }

                sqValues = StatusQuoValues(JsonInput.TryGet(f, "statusQuoValues", out var sv) ? sv : default, path + ".statusQuoValues", domain, weights, $"ratifier '{name}'");
            }
            else
            {
                foreach (var key in new[] { "values", "statusQuoValues" })
                {
                    if (JsonInput.TryGet(f, key, out _))
                    {
                        throw input.Error(JsonInput.Prop(path, key), $"'{key}' needs the ratifier's own weights; without them it uses its party's profile");
                    }
                }
            }

            return new Ratifier(name, profile, threshold, width, weight, veto, input.OptionalString(f, path, "description", "the description")) { StatusQuoValues = sqValues };
        }

        private Scenario WithTwoLevelSections(Scenario scenario, Dictionary<string, JsonElement> fields)
        {
            var domain = scenario.Domain;
            Linkage? linkage = JsonInput.TryGet(fields, "linkage", out var l) ? Linkage(l, "$.linkage", domain) : null;
            var uncertainty = JsonInput.TryGet(fields, "uncertainty", out var u) ? Uncertainty(u, "$.uncertainty", scenario) : [];
            var real = JsonInput.TryGet(fields, "realOutcome", out var ro) ? RealOutcome(ro, "$.realOutcome", domain) : null;
            return new Scenario(scenario.Name, domain, scenario.Parties, scenario.Metadata, scenario.Deadline)
            {
                StatusQuo = _statusQuo,
                Linkage = linkage,
                Uncertainty = uncertainty,
                RealOutcome = real,
            };
        }

        private Linkage Linkage(JsonElement e, string path, Domain domain)
        {
            var f = input.Fields(e, path, "the linkage", "compatibility", "contingencies");
            var rules = new List<CompatibilityRule>();
            if (JsonInput.TryGet(f, "compatibility", out var c))
            {
                var cp = path + ".compatibility";
                var i = 0;
                foreach (var item in input.Array(c, cp, "the compatibility rules", allowEmpty: true).EnumerateArray())
                {
                    var rp = JsonInput.Item(cp, i++);
                    var rf = input.Fields(item, rp, "a compatibility rule", "when", "reason");
                    var conditions = Conditions(input.Required(rf, rp, "when", "a compatibility rule"), rp + ".when", domain);
                    if (conditions.Select(x => x.Issue).Distinct().Count() < 2)
                    {
                        throw input.Error(rp + ".when", "a compatibility rule names clauses of at least two different issues (a single forbidden option is a party's red line)");
                    }

                    var reason = input.OptionalString(rf, rp, "reason", "the reason");
                    rules.Add(new CompatibilityRule(new ForbiddenCombination(conditions, reason), reason));
                }
            }

            var contingencies = new List<ContingentClause>();
            if (JsonInput.TryGet(f, "contingencies", out var k))
            {
                var kp = path + ".contingencies";
                var i = 0;
                foreach (var item in input.Array(k, kp, "the contingent clauses", allowEmpty: true).EnumerateArray())
                {
                    var cp = JsonInput.Item(kp, i++);
                    var cf = input.Fields(item, cp, "a contingent clause", "issue", "options", "requires", "reason");
                    var (issue, levels) = Condition(cf, cp, domain, "a contingent clause");
                    var requires = input.Required(cf, cp, "requires", "a contingent clause");
                    var qf = input.Fields(requires, cp + ".requires", "the condition", "issue", "options");
                    var (required, requiredLevels) = Condition(qf, cp + ".requires", domain, "the condition");
                    if (required == issue)
                    {
                        throw input.Error(cp + ".requires.issue", $"the contingent clause on '{domain.Issues[issue].Name}' refers to itself: it must depend on another issue");
                    }

                    if (requiredLevels.Count == domain.Issues[required].Cardinality)
                    {
                        throw input.Error(cp + ".requires.options", $"the condition lists every option of '{domain.Issues[required].Name}', so the clause constrains nothing");
                    }

                    contingencies.Add(new ContingentClause(issue, levels, required, requiredLevels, input.OptionalString(cf, cp, "reason", "the reason")));
                }
            }

            return new Linkage(domain, rules, contingencies);
        }

        private (int Issue, List<int> Levels) Condition(Dictionary<string, JsonElement> f, string path, Domain domain, string what)
        {
            var (i, issue) = IssueRef(input.Required(f, path, "issue", what), path + ".issue", domain);
            var op = path + ".options";
            var levels = new List<int>();
            var n = 0;
            foreach (var o in input.Array(input.Required(f, path, "options", what), op, "the options").EnumerateArray())
            {
                var level = LevelRef(o, JsonInput.Item(op, n++), issue);
                if (!levels.Contains(level))
                {
                    levels.Add(level);
                }
            }

            return (i, levels);
        }

        private List<RedLineCondition> Conditions(JsonElement e, string path, Domain domain)
        {
            var conditions = new List<RedLineCondition>();
            var k = 0;
            foreach (var item in input.Array(e, path, "the conditions").EnumerateArray())
            {
                var cp = JsonInput.Item(path, k++);
                var cf = input.Fields(item, cp, "a condition", "issue", "options");
                var (i, levels) = Condition(cf, cp, domain, "a condition");
                conditions.Add(new RedLineCondition(i, levels));
            }

            return conditions;
        }

        private List<UncertainParameter> Uncertainty(JsonElement e, string path, Scenario scenario)
        {
            var domain = scenario.Domain;
            var list = new List<UncertainParameter>();
            var n = 0;
            foreach (var item in input.Array(e, path, "the uncertainty ranges", allowEmpty: true).EnumerateArray())
            {
                var up = JsonInput.Item(path, n++);
                var f = input.Fields(item, up, "an uncertainty range", "target", "party", "issue", "option", "ratifier", "distribution", "low", "high", "absolute", "relative", "assumption");
                var targetText = input.String(input.Required(f, up, "target", "an uncertainty range"), up + ".target", "the target");
                var target = targetText switch
                {
                    "weights" => UncertaintyTarget.Weights,
                    "weight" => UncertaintyTarget.Weight,
                    "values" => UncertaintyTarget.Values,
                    "value" => UncertaintyTarget.Value,
                    "statusQuoValues" => UncertaintyTarget.StatusQuoValues,
                    "statusQuoValue" => UncertaintyTarget.StatusQuoValue,
                    "reservationValue" => UncertaintyTarget.ReservationValue,
                    "threshold" => UncertaintyTarget.Threshold,
                    _ => throw input.Error(up + ".target", $"unknown target '{targetText}' (expected weights, weight, values, value, statusQuoValues, statusQuoValue, reservationValue or threshold)"),
                };
                var partyName = input.String(input.Required(f, up, "party", "an uncertainty range"), up + ".party", "the party");
                var party = scenario.Negotiators.FirstOrDefault(p => p.Name == partyName)
                    ?? throw input.Error(up + ".party", $"unknown negotiating party '{partyName}' (parties: {string.Join(", ", scenario.Negotiators.Select(p => p.Name))})");
                var needsIssue = target is UncertaintyTarget.Weight or UncertaintyTarget.Value or UncertaintyTarget.StatusQuoValue;
                var issue = -1;
                var level = -1;
                if (needsIssue)
                {
                    var (i, iss) = IssueRef(input.Required(f, up, "issue", $"a '{targetText}' range"), up + ".issue", domain);
                    issue = i;
                    if (target == UncertaintyTarget.Value)
                    {
                        level = LevelRef(input.Required(f, up, "option", "a 'value' range"), up + ".option", iss);
                    }

                    if (target == UncertaintyTarget.StatusQuoValue && (scenario.StatusQuo is null || scenario.StatusQuo.Levels[i] != Scenarios.StatusQuo.NoClause))
                    {
                        throw input.Error(up + ".issue", $"issue '{iss.Name}' has no \"noClause\" status quo to vary");
                    }
                }

                foreach (var key in new[] { "issue", "option", "ratifier" })
                {
                    var allowed = key switch
                    {
                        "issue" => needsIssue,
                        "option" => target == UncertaintyTarget.Value,
                        _ => target is not (UncertaintyTarget.ReservationValue),
                    };
                    if (!allowed && JsonInput.TryGet(f, key, out _))
                    {
                        throw input.Error(JsonInput.Prop(up, key), $"a '{targetText}' range takes no '{key}'");
                    }
                }

                string? ratifier = null;
                if (target == UncertaintyTarget.Threshold || JsonInput.TryGet(f, "ratifier", out _))
                {
                    ratifier = input.String(input.Required(f, up, "ratifier", "a 'threshold' range"), up + ".ratifier", "the ratifier");
                    var found = party.Ratification?.Ratifiers.FirstOrDefault(r => r.Name == ratifier)
                        ?? throw input.Error(up + ".ratifier", $"party '{partyName}' has no ratifier '{ratifier}'");
                    if (target != UncertaintyTarget.Threshold && found.Profile is null)
                    {
                        throw input.Error(up + ".ratifier", $"ratifier '{ratifier}' uses its party's profile, which the party's own ranges vary; give it its own weights to vary them separately");
                    }
                }

                if (target == UncertaintyTarget.ReservationValue && !party.ExplicitReservationValue && scenario.StatusQuo is not null)
                {
                    throw input.Error(up + ".target", $"'{partyName}''s reservation value is its utility of the status quo; vary the values instead");
                }

                var shape = UncertaintyShape.Uniform;
                if (JsonInput.TryGet(f, "distribution", out var d))
                {
                    shape = input.String(d, up + ".distribution", "the distribution") switch
                    {
                        "uniform" => UncertaintyShape.Uniform,
                        "triangular" => UncertaintyShape.Triangular,
                        var other => throw input.Error(up + ".distribution", $"unknown distribution '{other}' (expected uniform or triangular)"),
                    };
                }

                double? low = JsonInput.TryGet(f, "low", out var lo) ? input.Number(lo, up + ".low", "low") : null;
                double? high = JsonInput.TryGet(f, "high", out var hi) ? input.Number(hi, up + ".high", "high") : null;
                double? absolute = JsonInput.TryGet(f, "absolute", out var ab) ? input.Number(ab, up + ".absolute", "the absolute half-width") : null;
                double? relative = JsonInput.TryGet(f, "relative", out var rel) ? input.Number(rel, up + ".relative", "the relative half-width") : null;
                var forms = (low is not null || high is not null ? 1 : 0) + (absolute is not null ? 1 : 0) + (relative is not null ? 1 : 0);
                if (forms != 1 || (low is null) != (high is null))
                {
                    throw input.Error(up, "give the range as exactly one of: \"low\" and \"high\", \"absolute\" (± around the value) or \"relative\" (± a fraction of it)");
                }

                if (low > high)
                {
                    throw input.Error(up, string.Create(CultureInfo.InvariantCulture, $"the distribution has a negative width: low {low:R} is above high {high:R}"));
                }

                if (absolute < 0 || relative < 0)
                {
                    throw input.Error(up + (absolute is not null ? ".absolute" : ".relative"), string.Create(CultureInfo.InvariantCulture, $"the distribution has a negative width ({absolute ?? relative:R})"));
                }

                var assumption = input.String(input.Required(f, up, "assumption", "an uncertainty range"), up + ".assumption", "the assumption");
                list.Add(new UncertainParameter(target, partyName, issue, level, ratifier, shape, low, high, absolute, relative, assumption));
            }

            return list;
        }

        private RealOutcome RealOutcome(JsonElement e, string path, Domain domain)
        {
            var f = input.Fields(e, path, "the real outcome", "date", "description", "agreed", "open", "sources");
            var agreed = new List<(int, int)>();
            foreach (var (issueName, value) in input.Members(input.Required(f, path, "agreed", "the real outcome"), path + ".agreed", "the agreed articles"))
            {
                var ap = JsonInput.Prop(path + ".agreed", issueName);
                var i = IssueIndex(domain, issueName, ap);
                agreed.Add((i, LevelRef(value, ap, domain.Issues[i])));
            }

            var open = new List<int>();
            var op = path + ".open";
            var n = 0;
            foreach (var item in input.Array(input.Required(f, path, "open", "the real outcome"), op, "the open issues").EnumerateArray())
            {
                var (i, _) = IssueRef(item, JsonInput.Item(op, n++), domain);
                if (agreed.Any(a => a.Item1 == i))
                {
                    throw input.Error(JsonInput.Item(op, n - 1), $"issue '{domain.Issues[i].Name}' is listed as both agreed and open");
                }

                open.Add(i);
            }

            return new RealOutcome(
                input.OptionalString(f, path, "date", "the date"),
                input.String(input.Required(f, path, "description", "the real outcome"), path + ".description", "the description"),
                agreed,
                open,
                StringList(f, path, "sources", "a source") ?? []);
        }

        private List<string>? StringList(Dictionary<string, JsonElement> f, string path, string name, string what)
        {
            if (!JsonInput.TryGet(f, name, out var s))
            {
                return null;
            }

            var sp = JsonInput.Prop(path, name);
            var list = new List<string>();
            var i = 0;
            foreach (var item in input.Array(s, sp, "the " + name, allowEmpty: true).EnumerateArray())
            {
                list.Add(input.String(item, JsonInput.Item(sp, i++), what));
            }

            return list;
        }

        private bool Boolean(JsonElement e, string path, string what) => e.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw input.Error(path, $"{what} must be true or false, not {JsonInput.Describe(e)}"),
        };
    }
}
