namespace Parley.Analysis.TwoLevel;

/// <summary>What <see cref="RobustnessAnalyzer"/> draws and computes.</summary>
/// <param name="Draws">How many scenarios to draw.</param>
/// <param name="Seed">The seed: the same seed gives the same draws, whatever the thread count.</param>
public sealed record RobustnessOptions(int Draws, int Seed)
{
    /// <summary>The probability of ratification at which a package counts as ratifiable.</summary>
    public double RatificationLevel { get; init; } = 0.5;

    /// <summary>The largest concession set (number of a side's red lines dropped) searched for when the zone is empty.</summary>
    public int MaxConcessionSize { get; init; } = 2;

    /// <summary>The most threads used (null: every core).</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}
