using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Mediation;

/// <summary>
/// The candidate packages a mediator compares after a round (issue 15): several distinct packages from
/// the zone of agreement, not only the Nash one, each with every party's utility, P(ratified), who moves
/// most and, when the scenario states uncertainty ranges, its robustness across drawn scenarios.
/// </summary>
/// <remarks>
/// The candidates are the analysis's (<see cref="TwoLevelAnalyzer.Analyze(TwoLevelModel, TwoLevelOptions?)"/>:
/// the ratification-aware Nash package, the Nash package, the ratifiable frontier's best package for each
/// party, the early-harvest package), then the zone's maximin package (the largest smallest gain over the
/// disagreement values), the package that closes the round's gap (keeping its agreed articles) and what the
/// round itself agreed; two that stand for the same levels are one. Robustness comes from
/// <see cref="RobustnessAnalyzer"/> with <see cref="Draws"/> draws and the round's seed, so a run and its
/// replay give the same figures.
/// </remarks>
/// <param name="Analysis">The status-quo and ratification analysis, its candidates extended as above.</param>
/// <param name="Robustness">The uncertainty analysis of those candidates, or null when the scenario states no uncertainty range.</param>
public sealed record MediationCandidates(TwoLevelAnalysis Analysis, RobustnessResult? Robustness)
{
    /// <summary>How many scenarios the robustness of the candidates is measured on by default.</summary>
    public const int Draws = 1000;

    /// <summary>The candidate packages, in the order above.</summary>
    public IReadOnlyList<PackageEvaluation> Packages => Analysis.Candidates;

    /// <summary>The robustness of <paramref name="package"/>, when measured.</summary>
    public PackageRobustness? RobustnessOf(PackageEvaluation package) =>
        Robustness?.Packages.FirstOrDefault(r => ReferenceEquals(r.Package, package) || r.Package.Agreement.Equals(package.Agreement));

    /// <summary>Whether <paramref name="scenario"/> has anything to compare candidates on: a status quo, constituencies or linkage rules, with additive profiles.</summary>
    public static bool Applies(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return TwoLevelAnalyzer.Applies(scenario) && scenario.Negotiators.Count > 0 && scenario.Negotiators.All(p => p.Profile is AdditiveProfile);
    }

    /// <summary>
    /// The candidates after <paramref name="result"/> (null: before any round), with robustness over
    /// <paramref name="draws"/> scenarios seeded by <paramref name="seed"/>; null when the scenario does not <see cref="Applies"/>.
    /// </summary>
    public static MediationCandidates? Compare(Scenario scenario, MediationResult? result, int draws = Draws, int seed = 7)
    {
        if (!Applies(scenario))
        {
            return null;
        }

        return Extend(TwoLevelAnalyzer.Analyze(scenario), scenario, result, draws, seed);
    }

    /// <summary>As <see cref="Compare"/>, from an analysis already made of <paramref name="scenario"/>.</summary>
    public static MediationCandidates Extend(TwoLevelAnalysis analysis, Scenario scenario, MediationResult? result, int draws = Draws, int seed = 7)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(draws, 1);
        var model = analysis.Model;
        var best = analysis.Counts?.BestUtility;
        var candidates = new List<PackageEvaluation>(analysis.Candidates);
        void Add(string label, PartialOutcome? agreement)
        {
            if (agreement is null)
            {
                return;
            }

            var levels = model.Complete(agreement);
            if (!candidates.Any(c => model.Complete(c.Agreement).AsSpan().SequenceEqual(levels)))
            {
                candidates.Add(TwoLevelAnalyzer.Evaluate(model, label, agreement, best));
            }
        }

        Add("maximin", Maximin(scenario, model, seed));
        if (result is not null)
        {
            Add("closing (keeps the agreed articles)", result.Agreement.ClosingPackage is { } closing ? PartialOutcome.From(closing) : null);
            Add(result.EndReason == Protocols.EndReason.Agreement ? "this round's agreement" : "this round's agreed articles", result.Agreement.Agreed.SettledCount > 0 ? result.Agreement.Agreed : null);
        }

        var extended = analysis with { Candidates = candidates };
        var robustness = scenario.Uncertainty.Count == 0 ? null : RobustnessAnalyzer.Run(extended, new RobustnessOptions(draws, seed));
        return new MediationCandidates(extended, robustness);
    }

    // The package of the zone of agreement with the largest smallest gain over the disagreement values.
    private static PartialOutcome? Maximin(Scenario scenario, TwoLevelModel model, int seed)
    {
        var profiles = scenario.ProfilesWithLinkage();
        var floors = Enumerable.Range(0, model.PartyCount).Select(model.Disagreement).ToArray();
        var found = PackageSearch.Best(profiles, new RedLineGuard(scenario.Domain, profiles), PartialOutcome.AllOpen(scenario.Domain.IssueCount), floors, PackageObjective.Maximin, new Random(seed));
        return found is null ? null : PartialOutcome.From(found.Outcome);
    }
}
