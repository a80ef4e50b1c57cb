namespace Parley.Analysis.TwoLevel;

/// <summary>
/// The uncertainty analysis: scenarios drawn within the stated ranges (stochastic multicriteria
/// acceptability analysis, Lahdelma et al. 1998), each analysed exactly.
/// </summary>
/// <param name="Draws">How many scenarios were drawn.</param>
/// <param name="Seed">The seed.</param>
/// <param name="PZoneEmpty">The share of draws whose zone of agreement is empty.</param>
/// <param name="EarlyHarvest">Per issue (in domain order): the share of draws in which a single change to its status quo is an early harvest.</param>
/// <param name="Packages">Each candidate package's robustness.</param>
/// <param name="Concessions">Per party (in order): the smallest concession sets and their frequencies, most frequent first.</param>
/// <param name="RealityCheck">The reality check, when the scenario states a real outcome.</param>
/// <param name="SensitivityMetric">What the sensitivity bars measure ("pRound5Shape" or "pZoneEmpty").</param>
/// <param name="Sensitivity">One bar per uncertainty range, largest swing first.</param>
public sealed record RobustnessResult(
    int Draws,
    int Seed,
    double PZoneEmpty,
    IReadOnlyList<double> EarlyHarvest,
    IReadOnlyList<PackageRobustness> Packages,
    IReadOnlyList<IReadOnlyList<ConcessionFrequency>> Concessions,
    RealityCheck? RealityCheck,
    string SensitivityMetric,
    IReadOnlyList<SensitivityBar> Sensitivity);
