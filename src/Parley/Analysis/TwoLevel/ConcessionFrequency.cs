namespace Parley.Analysis.TwoLevel;

/// <summary>How often one set of a side's red lines is the smallest whose dropping opens the zone of agreement.</summary>
/// <param name="RedLines">The red lines (their reasons or descriptions); empty: no concession needed (the zone is not empty); null: no set up to the searched size suffices.</param>
/// <param name="Frequency">The share of draws.</param>
public sealed record ConcessionFrequency(IReadOnlyList<string>? RedLines, double Frequency);
