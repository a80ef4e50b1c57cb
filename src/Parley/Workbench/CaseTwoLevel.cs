using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Scenarios;

namespace Parley.Workbench;

/// <summary>
/// The mediator's status-quo, ratification and robustness view of a case: the scenario's status quo,
/// constituencies, linkage and uncertainty ranges, with each seat's profile as the mediator knows it
/// (its model, or the seat's last shared declaration; never a declaration a delegation kept to itself).
/// </summary>
/// <remarks>
/// Two steps, so that a host can take the snapshot under its lock and compute outside it:
/// <see cref="MediatorScenario"/> reads the case, <see cref="Analyze"/> computes on the immutable scenario.
/// </remarks>
public static class CaseTwoLevel
{
    /// <summary>The most uncertainty draws a view may ask for.</summary>
    public const int MaxDraws = 20_000;

    /// <summary>
    /// The case's scenario with each negotiator's profile replaced by the one the mediator may see,
    /// or null when the case has no scenario with a status quo, constituencies or linkage rules (a case
    /// made from scratch), or the mediator knows fewer than two profiles.
    /// </summary>
    public static Scenario? MediatorScenario(MediationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.Scenario is not { } scenario || !TwoLevelAnalyzer.Applies(scenario))
        {
            return null;
        }

        var parties = new List<Party>();
        foreach (var party in scenario.Parties)
        {
            if (party.Role != PartyRole.Party)
            {
                parties.Add(party);
                continue;
            }

            var seat = @case.SeatOf(party.Name);
            if (seat < 0 || @case.MediatorProfileOf(seat) is not { } known)
            {
                return null;
            }

            parties.Add(party with { Profile = known });
        }

        return scenario.WithParties(parties);
    }

    /// <summary>
    /// Analyses <paramref name="scenario"/> (from <see cref="MediatorScenario"/>): the status quo per
    /// issue, the early harvest, the constituencies, the zone's size and the candidate packages, and
    /// with <paramref name="draws"/> above zero their robustness over that many seeded draws.
    /// </summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="draws">How many variations of the uncertain numbers to draw (0: none).</param>
    /// <param name="seed">The seed of the draws.</param>
    /// <param name="maxDegreeOfParallelism">The most threads used (null: every core); a server answering many people passes 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="draws"/> is negative or above <see cref="MaxDraws"/>.</exception>
    /// <exception cref="ArgumentException">A negotiator's profile is not additive.</exception>
    public static MediatorTwoLevelView Analyze(Scenario scenario, int draws, int seed, int? maxDegreeOfParallelism = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfNegative(draws);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(draws, MaxDraws);
        var analysis = TwoLevelAnalyzer.Analyze(scenario, new TwoLevelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism });
        var robustness = draws > 0 ? RobustnessAnalyzer.Run(analysis, new RobustnessOptions(draws, seed) { MaxDegreeOfParallelism = maxDegreeOfParallelism }) : null;
        var model = analysis.Model;
        var domain = model.Domain;
        var names = model.PartyNames;

        var issues = new List<TwoLevelIssueView>();
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var entry = model.StatusQuo?.Entries[i];
            var option = entry is null || entry.Level == StatusQuo.NoClause ? null : domain.Issues[i].FormatLevel(entry.Level);
            issues.Add(new TwoLevelIssueView(domain.Issues[i].Name, option, entry?.Note, robustness?.EarlyHarvest[i]));
        }

        var ratifiers = new List<TwoLevelRatifierView>();
        for (var p = 0; p < model.PartyCount; p++)
        {
            ratifiers.AddRange(model.Ratifiers[p].Select(r => new TwoLevelRatifierView(names[p], r.Name, r.Description, r.Veto)));
        }

        var harvest = analysis.EarlyHarvest.Select(h => new TwoLevelHarvestView(
            Settled(domain, h.Agreement),
            PerParty(names, p => h.Gains[p]),
            PerParty(names, p => h.PRatified[p]))).ToArray();

        var packages = analysis.Candidates.Select(c => Package(model, c, robustness?.Packages.FirstOrDefault(r => r.Package.Agreement.Equals(c.Agreement)))).ToArray();
        var zone = analysis.Counts is { } counts ? new TwoLevelZoneView(counts.Feasible, counts.Zone, counts.Ratifiable) : null;
        var overall = robustness is null ? null : new TwoLevelRobustnessView(robustness.Draws, robustness.Seed, robustness.PZoneEmpty, robustness.RealityCheck?.PShape, robustness.RealityCheck?.Definition);
        return new MediatorTwoLevelView(
            model.StatusQuo?.Date,
            names,
            issues,
            PerParty(names, model.StatusQuoUtility),
            PerParty(names, model.Disagreement),
            ratifiers,
            zone,
            harvest,
            packages,
            overall);
    }

    private static TwoLevelPackageView Package(TwoLevelModel model, PackageEvaluation e, PackageRobustness? robustness)
    {
        var domain = model.Domain;
        var names = model.PartyNames;
        var text = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < domain.IssueCount; i++)
        {
            text[domain.Issues[i].Name] = e.Agreement.IsSettled(i) ? domain.Issues[i].FormatLevel(e.Agreement[i]) : null;
        }

        var levels = model.Complete(e.Agreement);
        var approval = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        var blockers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        for (var p = 0; p < model.PartyCount; p++)
        {
            if (model.Ratifiers[p].Count == 0)
            {
                continue;
            }

            var byRatifier = new Dictionary<string, double>(StringComparer.Ordinal);
            for (var r = 0; r < model.Ratifiers[p].Count; r++)
            {
                byRatifier[model.Ratifiers[p][r].Name] = model.Approval(p, r, levels);
            }

            approval[names[p]] = byRatifier;
            blockers[names[p]] = e.Blockers[p];
        }

        return new TwoLevelPackageView(
            e.Label,
            text,
            PerParty(names, p => e.Utilities[p]),
            PerParty(names, p => e.Gains[p]),
            e.Acceptable,
            PerParty(names, p => e.PRatified[p]),
            approval,
            e.PRatifiedAll,
            blockers,
            e.MovesMost,
            e.MediatorUtility,
            robustness is null ? null : new TwoLevelPackageRobustness(robustness.PAcceptable, robustness.PRatified, robustness.PNash));
    }

    private static Dictionary<string, string> Settled(Domain domain, PartialOutcome agreement)
    {
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < domain.IssueCount; i++)
        {
            if (agreement.IsSettled(i))
            {
                changes[domain.Issues[i].Name] = domain.Issues[i].FormatLevel(agreement[i]);
            }
        }

        return changes;
    }

    private static Dictionary<string, double> PerParty(IReadOnlyList<string> names, Func<int, double> value)
    {
        var map = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var p = 0; p < names.Count; p++)
        {
            map[names[p]] = value(p);
        }

        return map;
    }
}
