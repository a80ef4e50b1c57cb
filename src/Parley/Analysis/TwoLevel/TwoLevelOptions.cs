namespace Parley.Analysis.TwoLevel;

/// <summary>What <see cref="TwoLevelAnalyzer"/> computes and how.</summary>
public sealed record TwoLevelOptions
{
    /// <summary>The defaults.</summary>
    public static TwoLevelOptions Default { get; } = new();

    /// <summary>The probability of ratification at which a package counts as ratifiable (default 0.5: more likely than not).</summary>
    public double RatificationLevel { get; init; } = 0.5;

    /// <summary>The most two-issue early-harvest trades listed (the single changes are all listed).</summary>
    public int MaxPairs { get; init; } = 20;

    /// <summary>The most threads the enumeration uses (null: every core).</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
