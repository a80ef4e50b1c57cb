using Parley.Domains;

namespace Parley.Agents;

/// <summary>
/// AC_next(a, b): accept when a·u(offer) + b ≥ u(the bid the agent would make next).
/// </summary>
/// <remarks>Baarslag, Hindriks &amp; Jonker (2011), "Acceptance conditions in automated negotiation" (ACAN 2011). Utilities undiscounted. The usual form is a = 1, b = 0.</remarks>
public sealed class AcNext : IAcceptanceStrategy
{
    private AgentContext? _context;

    /// <summary>Creates AC_next(<paramref name="a"/>, <paramref name="b"/>).</summary>
    public AcNext(double a = 1, double b = 0)
    {
        A = a;
        B = b;
    }

    /// <summary>The scale on the offer's utility.</summary>
    public double A { get; }

    /// <summary>The shift on the offer's utility.</summary>
    public double B { get; }

    /// <inheritdoc />
    public void Start(AgentContext context) => _context = context;

    /// <inheritdoc />
    public bool ShouldAccept(NegotiationState state, Outcome offer, Outcome nextBid)
    {
        var profile = (_context ?? throw new InvalidOperationException("Start was not called.")).Profile;
        return (A * profile.Utility(offer.Levels)) + B >= profile.Utility(nextBid.Levels);
    }
}
