using Parley.Analysis;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tournaments;

/// <summary>
/// What a tournament prepares once per scenario and shares between all its sessions and threads:
/// the negotiators' names and profiles, and the analysis (Pareto frontier, Nash point) the
/// sessions' results are measured against, computed the first time it is needed.
/// </summary>
internal sealed class ScenarioEntry
{
    private readonly Lazy<AnalysisResult?> _analysis;

    public ScenarioEntry(Scenario scenario)
    {
        Scenario = scenario;
        var negotiators = scenario.Negotiators;
        Names = [.. negotiators.Select(n => n.Name)];
        Profiles = [.. negotiators.Select(n => n.Profile!)];
        Discounted = Profiles.Any(p => p.IsDiscounted);
        _analysis = new Lazy<AnalysisResult?>(Analyze, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public Scenario Scenario { get; }

    public Domain Domain => Scenario.Domain;

    public string[] Names { get; }

    public Profile[] Profiles { get; }

    public bool Discounted { get; }

    /// <summary>The scenario's analysis, or null when the analyser cannot handle it (its distances are then left empty).</summary>
    public AnalysisResult? Analysis => _analysis.Value;

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

    private AnalysisResult? Analyze()
    {
        try
        {
            // Nonlinear spaces too large to enumerate get the CP-SAT frontier; its budget is kept well inside a
            // session's time limit, since the first session of a scenario waits for this analysis. Where it runs
            // out, distances are measured against the best frontier found (AnalysisResult.Solver says so).
            var options = new AnalysisOptions { CountAgreementZone = false, AnalyzeGaps = false, MaxDegreeOfParallelism = 1, SolverTimeBudget = TimeSpan.FromSeconds(15) };
            return OutcomeSpaceAnalyzer.Analyze(Profiles, options);
        }
#pragma warning disable CA1031 // A scenario the analyser cannot handle leaves its distances empty; the tournament goes on.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
