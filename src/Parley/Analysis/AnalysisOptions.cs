namespace Parley.Analysis;

/// <summary>What <see cref="OutcomeSpaceAnalyzer"/> computes and how.</summary>
public sealed record AnalysisOptions
{
    /// <summary>The defaults: one outcome per frontier point, zone count and gap analysis on, every core.</summary>
    public static AnalysisOptions Default { get; } = new();

    /// <summary>
    /// When true, each frontier point lists every outcome with exactly its utility vector (up to
    /// <see cref="MaxOutcomesPerFrontierPoint"/>); when false (the default), one: the one with the
    /// smallest outcome index among those the construction keeps.
    /// </summary>
    public bool AllOutcomesPerFrontierPoint { get; init; }

    /// <summary>The most outcomes listed per frontier point when <see cref="AllOutcomesPerFrontierPoint"/> is on.</summary>
    public int MaxOutcomesPerFrontierPoint { get; init; } = 1000;

    /// <summary>Whether to count the outcomes every party accepts (the zone of possible agreement).</summary>
    public bool CountAgreementZone { get; init; } = true;

    /// <summary>Whether to run the per-issue gap analysis and, for an empty zone, the relaxation search.</summary>
    public bool AnalyzeGaps { get; init; } = true;

    /// <summary>The most threads the analysis uses (enumeration, the zone count and the CP-SAT frontier's parallel solves); null or below 1 means every core.</summary>
    public int? MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// The largest joint option set Parley builds for issues tied together by combination red lines
    /// before it falls back to enumerating the whole outcome space.
    /// </summary>
    public int MaxJointOptions { get; init; } = 1 << 22;

    /// <summary>The largest half-space Parley enumerates to count the zone of agreement (meet in the middle); above it the count is left unknown.</summary>
    public int MaxCountingHalf { get; init; } = 1 << 23;

    /// <summary>
    /// The most outcomes enumerated for profiles the additive construction cannot take (nonlinear ones);
    /// two-party spaces above it go to the CP-SAT frontier (<see cref="SolverTimeBudget"/>).
    /// </summary>
    public long MaxEnumeratedOutcomes { get; init; } = 10_000_000;

    /// <summary>The time the CP-SAT frontier may take in total (elapsed); past it the best frontier found is reported with its gap.</summary>
    public TimeSpan SolverTimeBudget { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>CP-SAT workers per solve (1 by default: the frontier search runs its independent solves on every core instead, see docs/performance.md).</summary>
    public int SolverWorkers { get; init; } = 1;

    /// <summary>Use the CP-SAT frontier for two parties whatever the space's size (for verification against enumeration).</summary>
    public bool ForceSolver { get; init; }

    /// <summary>Always enumerate every outcome, even for additive profiles (for verification and comparison; slow on large spaces).</summary>
    public bool ForceEnumeration { get; init; }
}
