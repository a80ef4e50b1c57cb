using Parley.Domains;

namespace Parley.Agents;

/// <summary>AC_const(α): accept when u(offer) ≥ α.</summary>
/// <remarks>
/// Baarslag, Hindriks &amp; Jonker (2011), "Acceptance conditions in automated negotiation". Utilities
/// undiscounted. With α above the highest reachable utility (e.g. 1.1 on a normalised profile) the
/// agent never accepts: the benchmark uses that to run sessions to their deadline.
/// </remarks>
public sealed class AcConst : IAcceptanceStrategy
{
    private AgentContext? _context;

    /// <summary>Creates AC_const(<paramref name="alpha"/>).</summary>
    public AcConst(double alpha)
    {
        Alpha = alpha;
    }

    /// <summary>The utility threshold.</summary>
    public double Alpha { get; }

    /// <inheritdoc />
    public void Start(AgentContext context) => _context = context;

    /// <inheritdoc />
    public bool ShouldAccept(NegotiationState state, Outcome offer, Outcome nextBid) =>
        (_context ?? throw new InvalidOperationException("Start was not called.")).Profile.Utility(offer.Levels) >= Alpha;
}
