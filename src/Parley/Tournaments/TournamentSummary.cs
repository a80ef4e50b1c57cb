namespace Parley.Tournaments;

/// <summary>The figures of a whole tournament: per agent, per agent and scenario, and the utility distributions.</summary>
/// <param name="Sessions">Sessions in the tournament.</param>
/// <param name="Agreements">Sessions that ended in agreement.</param>
/// <param name="Failures">Sessions recorded with an exception.</param>
/// <param name="Agents">Per-agent figures, in the definition's agent order.</param>
/// <param name="Scenarios">Scenario names, in the definition's order.</param>
/// <param name="MeanUtilityByScenario">Mean discounted utility of agent a on scenario s at [a][s]; NaN when it did not play there.</param>
/// <param name="UtilityHistograms">Per agent, counts of its discounted utilities in <see cref="HistogramBins"/> equal bins over [0, 1] (values outside are clamped).</param>
/// <param name="Mediators">In a mediated tournament, per-mediator figures (utility = the parties' mean utility per session; failures = sessions that failed); null otherwise.</param>
public sealed record TournamentSummary(
    long Sessions,
    long Agreements,
    long Failures,
    IReadOnlyList<AgentSummary> Agents,
    IReadOnlyList<string> Scenarios,
    IReadOnlyList<IReadOnlyList<double>> MeanUtilityByScenario,
    IReadOnlyList<IReadOnlyList<long>> UtilityHistograms,
    IReadOnlyList<AgentSummary>? Mediators = null)
{
    /// <summary>The number of histogram bins over [0, 1].</summary>
    public const int HistogramBins = 20;

    /// <summary>In a mediated tournament, the parties' mean discounted utility per session under mediator m on scenario s at [m][s]; null otherwise.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? MediatorMeanUtilityByScenario { get; init; }

    /// <summary>How many agreements were judged for a post-settlement improvement, and for how many one exists; null when none was judged (switched off, or no agreement).</summary>
    public PostSettlementCount? PostSettlement { get; init; }

    /// <summary>In a mediated tournament, per mediator, counts of the parties' mean discounted utility per session in <see cref="HistogramBins"/> bins; null otherwise.</summary>
    public IReadOnlyList<IReadOnlyList<long>>? MediatorUtilityHistograms { get; init; }
}
