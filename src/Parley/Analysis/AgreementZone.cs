using System.Numerics;

namespace Parley.Analysis;

/// <summary>The zone of possible agreement: the outcomes every party accepts (no red line crossed, utility at least the reservation value).</summary>
/// <param name="IsEmpty">Whether no outcome is acceptable to every party (always exact).</param>
/// <param name="OutcomeCount">How many outcomes every party accepts; null when it was not counted (switched off, or the space is too large to count exactly).</param>
public sealed record AgreementZone(bool IsEmpty, BigInteger? OutcomeCount);
