using Parley.Domains;

namespace Parley.Agents;

/// <summary>AC_time(T): accept any offer once normalised time reaches T.</summary>
/// <remarks>Baarslag, Hindriks &amp; Jonker (2011), "Acceptance conditions in automated negotiation". Usually combined with AC_next (see <see cref="AcCombination"/>).</remarks>
public sealed class AcTime : IAcceptanceStrategy
{
    /// <summary>Creates AC_time(<paramref name="threshold"/>).</summary>
    public AcTime(double threshold)
    {
        Threshold = threshold;
    }

    /// <summary>The time T from which every offer is accepted.</summary>
    public double Threshold { get; }

    /// <inheritdoc />
    public void Start(AgentContext context)
    {
    }

    /// <inheritdoc />
    public bool ShouldAccept(NegotiationState state, Outcome offer, Outcome nextBid) => state.Time >= Threshold;
}
