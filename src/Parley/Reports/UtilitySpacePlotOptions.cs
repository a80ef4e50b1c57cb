namespace Parley.Reports;

/// <summary>How <see cref="UtilitySpacePlot"/> draws the utility space.</summary>
public sealed record UtilitySpacePlotOptions
{
    /// <summary>The defaults: every outcome up to 20,000, otherwise a seeded sample of 5,000.</summary>
    public static UtilitySpacePlotOptions Default { get; } = new();

    /// <summary>The most outcomes drawn one by one; above it a uniform sample of <see cref="SampleSize"/> is drawn (and stated on the plot).</summary>
    public int MaxOutcomes { get; init; } = 20_000;

    /// <summary>How many outcomes to sample when the space is larger than <see cref="MaxOutcomes"/>.</summary>
    public int SampleSize { get; init; } = 5_000;

    /// <summary>The seed of the sample (plots are reproducible byte for byte).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A title; the domain's name when null.</summary>
    public string? Title { get; init; }

    /// <summary>
    /// Words for people who are not negotiation researchers ("value to Israel", "best balance of
    /// gains (Nash)", "walk-away values"), as the mediator's console shows the plot; default false
    /// (the analyst's terms: utility, Pareto frontier, reservation values).
    /// </summary>
    public bool PlainWords { get; init; }
}
