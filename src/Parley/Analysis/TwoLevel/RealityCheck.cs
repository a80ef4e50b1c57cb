namespace Parley.Analysis.TwoLevel;

/// <summary>How often the drawn scenarios show the real negotiation's shape.</summary>
/// <param name="Draws">The number of drawn scenarios.</param>
/// <param name="PShape">The share of draws showing the whole shape (both parts).</param>
/// <param name="PAgreedIsHarvest">The share in which the articles really agreed are an early harvest every party ratifies.</param>
/// <param name="PNoCorePackage">The share in which no acceptable package that moves an open issue is ratified by every party.</param>
/// <param name="Definition">The definition, in words.</param>
public sealed record RealityCheck(int Draws, double PShape, double PAgreedIsHarvest, double PNoCorePackage, string Definition);
