namespace Parley.Agents;

/// <summary>
/// An agent composed of a bidding strategy, an acceptance strategy and, optionally, an opponent
/// model: the BOA architecture of GENIUS.
/// </summary>
/// <remarks>
/// On each turn: the opponent model learns from every offer made by another party since the
/// agent's last turn; the bidding strategy names the next bid; the acceptance strategy compares
/// the offer on the table with that bid; the agent accepts or counter-offers. A BOA agent never
/// walks away. Source: Baarslag, Hindriks, Hendrikx, Dirkzwager &amp; Jonker (2014), "Decoupling
/// negotiating agents to explore the space of negotiation strategies", in Novel Insights in
/// Agent-based Complex Automated Negotiation, Springer.
/// </remarks>
public sealed class BoaAgent : IAgent
{
    private AgentContext? _context;
    private int _seen;

    /// <summary>Composes an agent.</summary>
    public BoaAgent(IBiddingStrategy bidding, IAcceptanceStrategy acceptance, IOpponentModel? opponentModel = null)
    {
        Bidding = bidding;
        Acceptance = acceptance;
        OpponentModel = opponentModel;
    }

    /// <summary>The bidding strategy.</summary>
    public IBiddingStrategy Bidding { get; }

    /// <summary>The acceptance strategy.</summary>
    public IAcceptanceStrategy Acceptance { get; }

    /// <summary>The opponent model, if any.</summary>
    public IOpponentModel? OpponentModel { get; }

    /// <inheritdoc />
    public void Start(AgentContext context)
    {
        _context = context;
        _seen = 0;
        OpponentModel?.Start(context);
        Bidding.Start(context, OpponentModel);
        Acceptance.Start(context);
    }

    /// <inheritdoc />
    public AgentAction Act(NegotiationState state)
    {
        var context = _context ?? throw new InvalidOperationException("Act was called before Start.");
        if (OpponentModel is not null)
        {
            var history = context.History.Since(_seen);
            for (var i = 0; i < history.Length; i++)
            {
                ref readonly var entry = ref history[i];
                if (entry.Kind == ActionKind.Offer && entry.Actor != context.PartyIndex && entry.Offer is not null)
                {
                    OpponentModel.Observe(entry.Actor, entry.Offer, entry.Time);
                }
            }

            _seen = context.History.Count;
        }

        var next = Bidding.NextBid(state);
        if (state.Offer is { } offer && state.OfferedBy != context.PartyIndex && Acceptance.ShouldAccept(state, offer, next))
        {
            return AgentAction.Accept;
        }

        return AgentAction.Counter(next);
    }
}
