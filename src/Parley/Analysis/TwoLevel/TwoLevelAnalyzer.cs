using Parley.Domains;
using Parley.Scenarios;

namespace Parley.Analysis.TwoLevel;

/// <summary>
/// Analyses a scenario as a mediator's analyst does: against the status quo (Raiffa), with each
/// party's constituencies at home (Putnam's two-level games) and the scenario's linkage rules.
/// </summary>
/// <remarks>
/// The Nash packages come from an exact branch and bound (<see cref="TwoLevelModel"/>); the counts
/// (zone, win-sets, ratifiable zone) and the ratifiable frontier from one parallel enumeration of the
/// feasible outcomes, skipped (left null) above <see cref="TwoLevelModel.MaxEnumeratedOutcomes"/>.
/// Algorithms and definitions: docs/analysis.md.
/// </remarks>
public static class TwoLevelAnalyzer
{
    /// <summary>Whether the scenario has anything this analysis adds: a status quo, constituencies or linkage rules.</summary>
    public static bool Applies(Scenario scenario) =>
        scenario.StatusQuo is not null || (scenario.Linkage is { IsEmpty: false }) || scenario.Negotiators.Any(p => p.Ratification is not null);

    /// <summary>Analyses <paramref name="scenario"/>.</summary>
    /// <exception cref="ArgumentException">A negotiator's profile is not additive.</exception>
    public static TwoLevelAnalysis Analyze(Scenario scenario, TwoLevelOptions? options = null) =>
        Analyze(TwoLevelModel.Create(scenario), options);

    /// <summary>Analyses a compiled scenario (or one drawn from its uncertainty ranges).</summary>
    public static TwoLevelAnalysis Analyze(TwoLevelModel model, TwoLevelOptions? options = null)
    {
        options ??= TwoLevelOptions.Default;
        var harvest = EarlyHarvest(model, options.MaxPairs);
        EnumerationCounts? counts = null;
        if (model.Domain.OutcomeCount <= TwoLevelModel.MaxEnumeratedOutcomes)
        {
            counts = model.Enumerate(options.RatificationLevel, options.MaxDegreeOfParallelism);
        }

        var best = counts?.BestUtility;
        var ratification = new List<PartyRatificationSummary>();
        for (var p = 0; p < model.PartyCount; p++)
        {
            if (model.Ratifiers[p].Count > 0)
            {
                ratification.Add(new PartyRatificationSummary(model.PartyNames[p], model.Ratifiers[p].Select(r => r.Name).ToArray(), counts?.WinSet[p]));
            }
        }

        // One enumeration gives the counts and both Nash packages; without it, branch and bound does.
        var nashLevels = counts is not null ? counts.Nash : model.NashPackage();
        var nash = nashLevels is null ? null : Evaluate(model, "nash", new PartialOutcome(nashLevels), best);
        PackageEvaluation? ratNash = null;
        if (nashLevels is not null && model.HasRatification)
        {
            var levels = counts is not null ? counts.RatificationNash : model.RatificationNashPackage();
            ratNash = levels is null ? null : Evaluate(model, "ratification-nash", new PartialOutcome(levels), best);
        }

        var frontier = counts?.RatifiableFrontier.Select(l => Evaluate(model, "ratifiable-frontier", new PartialOutcome(l), best)).ToArray() ?? [];
        var candidates = new List<PackageEvaluation>();
        void AddCandidate(PackageEvaluation? e)
        {
            // Two candidates that stand for the same levels (a partial agreement whose open issues sit at the status quo, and the complete package that settles them there) are one.
            if (e is not null && !candidates.Any(c => model.Complete(c.Agreement).AsSpan().SequenceEqual(model.Complete(e.Agreement))))
            {
                candidates.Add(e);
            }
        }

        AddCandidate(ratNash);
        AddCandidate(nash);
        for (var p = 0; p < model.PartyCount && frontier.Length > 0; p++)
        {
            var top = frontier.OrderByDescending(f => f.Utilities[p]).First();
            AddCandidate(top with { Label = "ratifiable-best-for-" + model.PartyNames[p] });
        }

        if (harvest.Count > 0)
        {
            AddCandidate(Evaluate(model, "early-harvest", HarvestPackage(model, harvest), best));
        }

        return new TwoLevelAnalysis(model, options, harvest, ratification, counts, nash, ratNash, frontier, candidates);
    }

    /// <summary>
    /// Evaluates a package (complete, or partial with open issues at the status quo) under
    /// <paramref name="model"/>; <paramref name="bestUtility"/>, each party's best feasible utility,
    /// names who moves most (null: not named).
    /// </summary>
    public static PackageEvaluation Evaluate(TwoLevelModel model, string label, PartialOutcome agreement, IReadOnlyList<double>? bestUtility = null)
    {
        var k = model.PartyCount;
        var levels = model.Complete(agreement);
        var utilities = new double[k];
        var gains = new double[k];
        var pr = new double[k];
        var blockers = new IReadOnlyList<string>[k];
        var acceptable = model.IsFeasible(agreement);
        var all = 1.0;
        for (var p = 0; p < k; p++)
        {
            utilities[p] = model.Value(p, agreement);
            gains[p] = utilities[p] - model.Disagreement(p);
            acceptable &= gains[p] >= 0;
            pr[p] = model.Ratification(p, levels);
            all *= pr[p];
            var names = new List<string>();
            for (var r = 0; r < model.Ratifiers[p].Count; r++)
            {
                if (model.Approval(p, r, levels) < 0.5)
                {
                    names.Add(model.Ratifiers[p][r].Name);
                }
            }

            blockers[p] = names;
        }

        string? moves = null;
        if (bestUtility is not null && k > 1)
        {
            var most = double.NegativeInfinity;
            for (var p = 0; p < k; p++)
            {
                var distance = bestUtility[p] - utilities[p];
                if (distance > most)
                {
                    most = distance;
                    moves = model.PartyNames[p];
                }
            }
        }

        return new PackageEvaluation(label, agreement, utilities, gains, acceptable, pr, all, blockers, moves)
        {
            MediatorUtility = MediatorUtility(model, levels),
        };
    }

    /// <summary>
    /// The mediator's own utility of the levels (open issues at the status quo, valued with its
    /// status-quo values), or null when the scenario's mediator has no additive profile. It is shown
    /// beside the parties' numbers and never enters any acceptance.
    /// </summary>
    public static double? MediatorUtility(TwoLevelModel model, ReadOnlySpan<int> levels)
    {
        if (model.Scenario.Mediator is not { Profile: Preferences.AdditiveProfile profile } mediator)
        {
            return null;
        }

        var sum = 0.0;
        for (var i = 0; i < levels.Length; i++)
        {
            sum += levels[i] >= 0 ? profile.LevelUtility(i, levels[i]) : profile.Weights[i] * (mediator.StatusQuoValues?[i] ?? 0);
        }

        return sum;
    }

    /// <summary>
    /// The early harvest: every single change to the status quo that every party strictly prefers to
    /// it and that crosses no red line or linkage rule among its settled articles; then the two-issue
    /// trades that are mutual gains although neither half is (the best
    /// <paramref name="maxPairs"/> by smallest gain). Empty without a status quo.
    /// </summary>
    public static IReadOnlyList<HarvestChange> EarlyHarvest(TwoLevelModel model, int maxPairs)
    {
        var sq = model.StatusQuo;
        if (sq is null)
        {
            return [];
        }

        var n = model.Domain.IssueCount;
        var singles = new List<HarvestChange>();
        var isHarvest = new HashSet<(int, int)>();
        for (var i = 0; i < n; i++)
        {
            for (var l = 0; l < model.Domain.Issues[i].Cardinality; l++)
            {
                if (l == sq.Levels[i])
                {
                    continue;
                }

                var change = PartialOutcome.AllOpen(n).Settle(i, l);
                if (Harvest(model, change) is { } h)
                {
                    singles.Add(h);
                    isHarvest.Add((i, l));
                }
            }
        }

        var pairs = new List<HarvestChange>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                for (var l = 0; l < model.Domain.Issues[i].Cardinality; l++)
                {
                    if (l == sq.Levels[i])
                    {
                        continue;
                    }

                    for (var m = 0; m < model.Domain.Issues[j].Cardinality; m++)
                    {
                        if (m == sq.Levels[j] || isHarvest.Contains((i, l)) || isHarvest.Contains((j, m)))
                        {
                            continue;
                        }

                        if (Harvest(model, PartialOutcome.AllOpen(n).Settle(i, l).Settle(j, m)) is { } h)
                        {
                            pairs.Add(h);
                        }
                    }
                }
            }
        }

        singles.Sort((a, b) => b.MinGain.CompareTo(a.MinGain));
        pairs.Sort((a, b) => b.MinGain.CompareTo(a.MinGain));
        return singles.Concat(pairs.Take(Math.Max(0, maxPairs))).ToArray();
    }

    /// <summary>The largest set of single early-harvest changes that stands together: greedily by smallest gain, one change per issue, kept while the whole stays feasible and a gain for everyone.</summary>
    public static PartialOutcome HarvestPackage(TwoLevelModel model, IReadOnlyList<HarvestChange> harvest)
    {
        var n = model.Domain.IssueCount;
        var package = PartialOutcome.AllOpen(n);
        foreach (var h in harvest.Where(h => h.Agreement.SettledCount == 1).OrderByDescending(h => h.MinGain))
        {
            var issue = Enumerable.Range(0, n).First(h.Agreement.IsSettled);
            if (package.IsSettled(issue))
            {
                continue;
            }

            var next = package.Settle(issue, h.Agreement[issue]);
            if (Harvest(model, next) is not null)
            {
                package = next;
            }
        }

        return package;
    }

    /// <summary>The change as an early harvest, or null if it crosses a rule or some party does not strictly gain over the status quo.</summary>
    public static HarvestChange? Harvest(TwoLevelModel model, PartialOutcome change)
    {
        if (!model.IsFeasible(change))
        {
            return null;
        }

        var k = model.PartyCount;
        var gains = new double[k];
        for (var p = 0; p < k; p++)
        {
            gains[p] = model.Value(p, change) - model.StatusQuoUtility(p);
            if (!(gains[p] > 1e-12))
            {
                return null;
            }
        }

        var levels = model.Complete(change);
        var pr = new double[k];
        for (var p = 0; p < k; p++)
        {
            pr[p] = model.Ratification(p, levels);
        }

        return new HarvestChange(change, gains, pr);
    }
}
