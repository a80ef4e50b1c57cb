using System.Collections.Concurrent;
using Parley.Analysis;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tournaments;

/// <summary>
/// What a tournament prepares once per scenario and shares between all its sessions and threads:
/// the negotiators' names and profiles, and the analysis (Pareto frontier, Nash point) the
/// sessions' results are measured against.
/// </summary>
/// <remarks>
/// The analysis is computed when the entry is made, before any session starts, so that it never
/// counts against the time limit of the session that happens to need it first. A scenario beyond
/// the analyser's limits (<see cref="AnalysisLimitException"/>) leaves the distances empty; any
/// other exception is a bug and escapes.
/// </remarks>
internal sealed class ScenarioEntry
{
    private readonly ConcurrentDictionary<PartialOutcome, SessionPostSettlement?> _postSettlement = new();

    public ScenarioEntry(Scenario scenario)
    {
        Scenario = scenario;
        var negotiators = scenario.Negotiators;
        Names = [.. negotiators.Select(n => n.Name)];
        // The scenario's linkage rules bind every party, so SAOP sessions get them as red lines (mediated
        // sessions add them themselves from the scenario).
        Profiles = [.. scenario.WithLinkageAsRedLines().Negotiators.Select(n => n.Profile!)];
        Discounted = Profiles.Any(p => p.IsDiscounted);
        Analysis = Analyze(Profiles);
    }

    public Scenario Scenario { get; }

    public Domain Domain => Scenario.Domain;

    public string[] Names { get; }

    public Profile[] Profiles { get; }

    public bool Discounted { get; }

    /// <summary>The scenario's analysis, or null when the analyser cannot handle it (its distances are then left empty).</summary>
    public AnalysisResult? Analysis { get; }

    public TournamentScenario Describe() =>
        new(Scenario.Name, Names, [.. Profiles.Select(p => p.ReservationValue)]);

    /// <summary>Distance to the Pareto frontier and to the Nash point (NaN when unknown) and social welfare of a vector of undiscounted utilities.</summary>
    public (double Pareto, double Nash, double Welfare) Measure(IReadOnlyList<double> utilities)
    {
        var welfare = 0.0;
        for (var i = 0; i < utilities.Count; i++)
        {
            welfare += utilities[i];
        }

        if (Analysis is not { } analysis)
        {
            return (double.NaN, double.NaN, welfare);
        }

        var metrics = OutcomeMetrics.Measure(analysis, utilities);
        return (metrics.DistanceToPareto, metrics.DistanceToNash ?? double.NaN, welfare);
    }

    /// <summary>
    /// Whether a post-settlement improvement exists for <paramref name="agreement"/> (complete, or the
    /// articles of a partial agreement) over this scenario's profiles with its linkage rules, and its
    /// gains, as <see cref="Mediation.PostSettlement.Propose"/> gives them; null when it cannot be judged
    /// (a partial agreement over profiles that are not additive). Computed once per distinct agreement
    /// and shared by every session and thread that reaches it.
    /// </summary>
    /// <remarks>
    /// For a complete agreement, when the scenario's proved Pareto frontier is known (it is computed over
    /// the same profiles, red lines and linkage rules included), the search runs over the frontier's points
    /// instead of the outcome space: every outcome every party weakly prefers to the agreement is weakly
    /// dominated by a frontier point that every party also weakly prefers, with at least the same sum of
    /// gains, so the best sum of gains is found among the frontier points; ties are broken as
    /// <see cref="Mediation.PackageSearch"/> breaks them (the larger utility vector, then the first outcome
    /// in index order, which is each point's first outcome). Each gain is recomputed from the profiles.
    /// </remarks>
    public SessionPostSettlement? PostSettlementOf(PartialOutcome agreement)
    {
        if (!agreement.IsComplete && Profiles.Any(p => p is not AdditiveProfile))
        {
            return null;
        }

        return _postSettlement.GetOrAdd(agreement, a =>
        {
            if (a.TryComplete(out var deal) && Analysis is { } analysis && analysis.Pareto.Count > 0 && analysis.Pareto.All(p => p.IsProved))
            {
                return OnFrontier(analysis.Pareto, deal);
            }

            var proposal = Mediation.PostSettlement.Propose(Domain, Names, Profiles, [], a);
            return new SessionPostSettlement(proposal.Improved is not null, proposal.Improved is null ? new double[Names.Length] : [.. proposal.Gains]);
        });
    }

    private SessionPostSettlement OnFrontier(IReadOnlyList<FrontierPoint> pareto, Outcome deal)
    {
        var n = Profiles.Length;
        var floors = new double[n];
        for (var p = 0; p < n; p++)
        {
            floors[p] = Profiles[p].Utility(deal);
        }

        double[]? best = null;
        var bestScore = 0.0;
        var gains = new double[n];
        foreach (var point in pareto)
        {
            var outcome = point.Outcome;
            var score = 0.0;
            var weak = true;
            for (var p = 0; p < n && weak; p++)
            {
                gains[p] = Profiles[p].Utility(outcome) - floors[p];
                weak = gains[p] >= 0;
                score += gains[p];
            }

            if (!weak || score <= 1e-9 || outcome.Equals(deal))
            {
                continue;
            }

            if (best is null || score > bestScore || (score == bestScore && Larger(gains, best)))
            {
                best = (double[])gains.Clone();
                bestScore = score;
            }
        }

        return new SessionPostSettlement(best is not null, best ?? new double[n]);
    }

    // Whether gains a give a larger utility vector than gains b (same floors): first party first.
    private static bool Larger(double[] a, double[] b)
    {
        for (var p = 0; p < a.Length; p++)
        {
            if (a[p] != b[p])
            {
                return a[p] > b[p];
            }
        }

        return false;
    }

    private static AnalysisResult? Analyze(Profile[] profiles)
    {
        try
        {
            // Nonlinear spaces too large to enumerate get the CP-SAT frontier; the analysis runs before any
            // session starts (outside every session's timer). Where the budget runs out, distances are measured
            // against the best frontier found (AnalysisResult.Solver says so).
            var options = new AnalysisOptions { CountAgreementZone = false, AnalyzeGaps = false, MaxDegreeOfParallelism = 1, SolverTimeBudget = TimeSpan.FromSeconds(15) };
            return OutcomeSpaceAnalyzer.Analyze(profiles, options);
        }
        catch (AnalysisLimitException)
        {
            return null; // Beyond the analyser's limits: the distances stay empty and the tournament goes on.
        }
    }
}
