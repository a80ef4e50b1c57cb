using System.Numerics;

namespace Parley.Analysis;

/// <summary>The zone of possible agreement: the outcomes every party accepts (no red line crossed, utility at least the reservation value).</summary>
/// <param name="IsEmpty">Whether no outcome is acceptable to every party (exact when <see cref="IsProved"/>).</param>
/// <param name="OutcomeCount">How many outcomes every party accepts; null when it was not counted (switched off, or the space is too large to count exactly).</param>
public sealed record AgreementZone(bool IsEmpty, BigInteger? OutcomeCount)
{
    /// <summary>
    /// Whether <see cref="IsEmpty"/> is certain: always for enumeration and the additive construction; for
    /// the CP-SAT frontier, when a witness was found (non-empty) or the frontier was proved (empty). False
    /// means "unknown within the solver's time budget".
    /// </summary>
    public bool IsProved { get; init; } = true;

    /// <summary>An outcome every party accepts, when the zone is not empty.</summary>
    public Parley.Domains.Outcome? Witness { get; init; }
}
