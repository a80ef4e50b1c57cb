using Parley.Domains;
using Parley.Formats.ParleyJson;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Formats.ParleyJson;

/// <summary>
/// The built-in scenario, read from scenarios/israel-syria-2026.json, and the shape of its zone of
/// agreement found by brute force (every one of its outcomes), as docs/scenarios.md designs it.
/// </summary>
public sealed class IsraelSyriaScenarioTests
{
    private static readonly Lazy<Zopa> Analysis = new(() => new Zopa(Load()));

    private static readonly string[] ContestedIssues = ["withdrawal", "demilitarisation", "airspace"];

    private static readonly string[] TerritorialSecurityIssues = ["withdrawal", "mount-hermon", "legal-basis", "demilitarisation", "airspace", "reciprocity"];

    private static string FilePath => Path.Combine(TestPaths.Root, "scenarios", "israel-syria-2026.json");

    private static Scenario Load() => ParleyScenarioReader.Read(FilePath);

    [Fact]
    public void Read_BuiltInFile_ThreeActorsElevenIssues()
    {
        var scenario = Load();

        scenario.Name.ShouldBe("israel-syria-2026");
        scenario.Parties.Select(p => (p.Name, p.Role)).ShouldBe([("United States", PartyRole.Mediator), ("Israel", PartyRole.Party), ("Syria", PartyRole.Party)]);
        scenario.Domain.Issues.Select(i => i.Name).ShouldBe(["withdrawal", "mount-hermon", "legal-basis", "demilitarisation", "airspace", "reciprocity", "military-activity", "monitoring", "coordination-mechanism", "druze-suwayda", "next-steps"]);
        scenario.Domain.LongOutcomeCount.ShouldBe(559_872);
        scenario.Metadata.Location.ShouldBe("Paris");
        scenario.Deadline.ShouldBe(new Deadline(null, TimeSpan.FromDays(2)));
        foreach (var issue in scenario.Domain.Issues.Cast<CategoricalIssue>())
        {
            issue.Options.ShouldAllBe(o => !string.IsNullOrWhiteSpace(o.Clause));
        }

        foreach (var party in scenario.Negotiators)
        {
            party.Assumptions.Select(a => a.About).ShouldContain("weights");
            party.Assumptions.Select(a => a.About).ShouldContain("disagreement");
            party.Assumptions.Select(a => a.About).ShouldContain("statusQuoValues");
            party.Assumptions.Select(a => a.About).ShouldContain("ratification");
            party.ExplicitReservationValue.ShouldBeFalse();
            party.Ratification.ShouldNotBeNull();
            ((AdditiveProfile)party.Profile!).Weights.Sum().ShouldBe(1, 1e-12);
        }
    }

    [Fact]
    public void StatusQuo_EveryIssue_HasANoteAndASource()
    {
        var scenario = Load();

        scenario.StatusQuo.ShouldNotBeNull();
        scenario.StatusQuo.Date.ShouldBe("2026-01");
        scenario.StatusQuo.Entries.ShouldAllBe(e => !string.IsNullOrWhiteSpace(e.Note) && e.Sources != null && e.Sources.Count > 0);
    }

    [Fact]
    public void Uncertainty_EveryUnsourcedNumber_HasALabelledRange()
    {
        var scenario = Load();

        foreach (var party in scenario.Negotiators)
        {
            foreach (var target in new[] { UncertaintyTarget.Weights, UncertaintyTarget.Values, UncertaintyTarget.StatusQuoValues })
            {
                scenario.Uncertainty.ShouldContain(u => u.Party == party.Name && u.Target == target && u.Ratifier == null, $"{party.Name} {target}");
            }

            foreach (var ratifier in party.Ratification!.Ratifiers)
            {
                scenario.Uncertainty.ShouldContain(u => u.Party == party.Name && u.Target == UncertaintyTarget.Threshold && u.Ratifier == ratifier.Name);
                if (ratifier.Profile is not null)
                {
                    scenario.Uncertainty.ShouldContain(u => u.Party == party.Name && u.Target == UncertaintyTarget.Weights && u.Ratifier == ratifier.Name);
                }
            }
        }

        scenario.Uncertainty.ShouldAllBe(u => u.Assumption.Length > 20);
    }

    [Fact]
    public void Linkage_ReportedConditions_AreContingentClausesNotPrivateRedLines()
    {
        var scenario = Load();
        var domain = scenario.Domain;

        scenario.Linkage.ShouldNotBeNull();
        scenario.Linkage.Contingencies.Select(c => (domain.Issues[c.Issue].Name, domain.Issues[c.RequiredIssue].Name))
            .ShouldBe([("withdrawal", "demilitarisation"), ("demilitarisation", "withdrawal"), ("airspace", "withdrawal")]);
        scenario.Linkage.Compatibility.Count.ShouldBe(3);
        scenario.Profiles.ShouldAllBe(p => !p.RedLines.HasCombinations);
        scenario.RealOutcome.ShouldNotBeNull();
    }

    [Fact]
    public void Read_BuiltInFile_ValidUnderSchemaAndCanonical()
    {
        var text = File.ReadAllText(FilePath);

        ScenarioSchema.Errors(text).ShouldBeEmpty();
        ParleyScenarioWriter.ToJson(Load()).ShouldBe(text);
    }

    [Fact]
    public void BruteForce_ZoneOfAgreement_NonEmptyAndSmall()
    {
        var zopa = Analysis.Value;

        zopa.Outcomes.Count.ShouldBeGreaterThan(0);
        ((long)zopa.Outcomes.Count).ShouldBeLessThan(zopa.Total / 100);
    }

    [Fact]
    public void BruteForce_JointCellAlone_EveryPartyPrefersItToTheStatusQuo()
    {
        // What the scenario's own numbers give (not a target): the cell alone, the rest at today's situation.
        var scenario = Load();
        var model = Parley.Analysis.TwoLevel.TwoLevelModel.Create(scenario);
        var cell = PartialOutcome.AllOpen(scenario.Domain.IssueCount)
            .Settle(scenario.Domain.IndexOf("coordination-mechanism"), Level(scenario.Domain, "coordination-mechanism", "joint-cell-us"));

        for (var p = 0; p < model.PartyCount; p++)
        {
            model.Gain(p, cell).ShouldBeGreaterThan(0);
        }
    }

    [Fact]
    public void Values_CoordinationAndDeEscalation_OptionBothValueHighly()
    {
        var scenario = Load();

        BestSharedValue(scenario, "coordination-mechanism").ShouldBe(1);
        BestSharedValue(scenario, "military-activity").ShouldBeGreaterThanOrEqualTo(0.5);
        BestSharedValue(scenario, "monitoring").ShouldBeGreaterThanOrEqualTo(0.5);
    }

    [Fact]
    public void Values_WithdrawalDemilitarisationAirspace_NoOptionBothValueAtHalf()
    {
        var scenario = Load();

        foreach (var issue in ContestedIssues)
        {
            BestSharedValue(scenario, issue).ShouldBeLessThan(0.5, issue);
        }
    }

    [Fact]
    public void RedLines_JointCellAlone_CrossesNoRedLine()
    {
        var scenario = Load();
        var draft = PartialOutcome.AllOpen(scenario.Domain.IssueCount)
            .Settle(scenario.Domain.IndexOf("coordination-mechanism"), Level(scenario.Domain, "coordination-mechanism", "joint-cell-us"));

        foreach (var profile in scenario.Profiles)
        {
            profile.RedLines.IsCrossed(draft).ShouldBeFalse();
        }
    }

    [Fact]
    public void BruteForce_EachSidesIdealWithdrawal_UnacceptableToTheOther()
    {
        var zopa = Analysis.Value;
        var withdrawal = zopa.Domain.IndexOf("withdrawal");
        var syrianIdeal = Level(zopa.Domain, "withdrawal", "full-90-days");
        var israeliIdeal = Level(zopa.Domain, "withdrawal", "none");

        zopa.IsraelAcceptedLevels[withdrawal].ShouldNotContain(syrianIdeal);
        zopa.SyriaAcceptedLevels[withdrawal].ShouldNotContain(israeliIdeal);
        zopa.SyriaAcceptedLevels[withdrawal].ShouldContain(syrianIdeal);

        // Measured, not designed: a complete deal without withdrawal must, by the linkage rules, keep the
        // 1974 zones and Syrian airspace as they are in law, which costs Israel more against today's
        // situation than the rest of the deal can give it.
        zopa.IsraelAcceptedLevels[withdrawal].ShouldNotContain(israeliIdeal);
    }

    [Fact]
    public void BruteForce_EveryDeal_TradesAcrossTerritorialSecurityIssues()
    {
        var zopa = Analysis.Value;
        var scenario = zopa.Scenario;
        var israel = (AdditiveProfile)scenario.FindParty("Israel")!.Profile!;
        var syria = (AdditiveProfile)scenario.FindParty("Syria")!.Profile!;
        var issues = TerritorialSecurityIssues.Select(scenario.Domain.IndexOf).ToArray();

        foreach (var outcome in zopa.Outcomes)
        {
            var israelGains = issues.Any(i => Value(israel, i, outcome[i]) > Value(syria, i, outcome[i]));
            var syriaGains = issues.Any(i => Value(syria, i, outcome[i]) > Value(israel, i, outcome[i]));
            (israelGains && syriaGains).ShouldBeTrue($"a deal without a trade: {string.Join(", ", scenario.Domain.Describe(outcome).Select(kv => kv.Value))}");
        }
    }

    private static double Value(AdditiveProfile profile, int issue, int level) =>
        profile.ValueFunctions[issue].EvaluateLevel(profile.Domain.Issues[issue], level);

    /// <summary>The highest value that both negotiators give one option of <paramref name="issueName"/> (the max over options of the min over parties).</summary>
    private static double BestSharedValue(Scenario scenario, string issueName)
    {
        var i = scenario.Domain.IndexOf(issueName);
        var issue = scenario.Domain.Issues[i];
        var best = double.NegativeInfinity;
        for (var l = 0; l < issue.Cardinality; l++)
        {
            best = Math.Max(best, scenario.Profiles.Min(p => Value((AdditiveProfile)p, i, l)));
        }

        return best;
    }

    private static int Level(Domain domain, string issue, string option) =>
        domain[issue].TryParseLevel(option, out var level) ? level : throw new InvalidOperationException($"{issue} has no option {option}");

    /// <summary>Every outcome, checked against both negotiators (their red lines, the scenario's linkage rules and their disagreement values, the status quo's utilities): the outcomes both accept, and per issue the levels each accepts somewhere.</summary>
    private sealed class Zopa
    {
        public Zopa(Scenario scenario)
        {
            Scenario = scenario;
            Domain = scenario.Domain;
            // The scenario's linkage rules bind every agreement, so they count as each party's constraints here.
            var profiles = scenario.ProfilesWithLinkage();
            var israel = profiles[scenario.Negotiators.ToList().FindIndex(p => p.Name == "Israel")];
            var syria = profiles[scenario.Negotiators.ToList().FindIndex(p => p.Name == "Syria")];
            IsraelAcceptedLevels = Domain.Issues.Select(_ => new HashSet<int>()).ToArray();
            SyriaAcceptedLevels = Domain.Issues.Select(_ => new HashSet<int>()).ToArray();
            var levels = new int[Domain.IssueCount];
            do
            {
                Total++;
                var i = israel.Accepts(levels);
                var s = syria.Accepts(levels);
                for (var k = 0; k < levels.Length; k++)
                {
                    if (i)
                    {
                        IsraelAcceptedLevels[k].Add(levels[k]);
                    }

                    if (s)
                    {
                        SyriaAcceptedLevels[k].Add(levels[k]);
                    }
                }

                if (i && s)
                {
                    Outcomes.Add(new Outcome(levels));
                }
            }
            while (Domain.Advance(levels));
        }

        public Scenario Scenario { get; }

        public Domain Domain { get; }

        public long Total { get; }

        public List<Outcome> Outcomes { get; } = [];

        public HashSet<int>[] IsraelAcceptedLevels { get; }

        public HashSet<int>[] SyriaAcceptedLevels { get; }
    }
}
