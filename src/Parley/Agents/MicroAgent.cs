using Parley.Domains;

namespace Parley.Agents;

/// <summary>
/// MiCRO: concede one outcome at a time down one's own preference order, but only while the
/// others have made at least as many distinct offers as oneself; otherwise repeat one of one's
/// earlier offers.
/// </summary>
/// <remarks>
/// de Jonge (2022), "An analysis of the linear bilateral ANAC domains using the MiCRO benchmark
/// strategy", IJCAI 2022 (the ANAC 2022 benchmark; the sessions issue cites it as "Mohammad 2022",
/// after NegMAS's implementation). Rules: with m distinct own offers and n distinct offers
/// received, if n ≥ m and the next outcome in the agent's order is worth at least its
/// reservation value, offer it (a new, slightly worse outcome); otherwise repeat a random earlier
/// offer. Accept an offer worth at least the least-good outcome the agent is currently willing to
/// offer. Distinct offers received are counted with a hash set; everything else is O(1) per turn.
/// </remarks>
public sealed class MicroAgent : IAgent
{
    private AgentContext? _context;
    private readonly HashSet<Outcome> _received = [];
    private int _proposed;   // distinct own offers so far = the next rank to concede to
    private int _seen;

    /// <inheritdoc />
    public void Start(AgentContext context)
    {
        _context = context;
        _received.Clear();
        _proposed = 0;
        _seen = 0;
    }

    /// <inheritdoc />
    public AgentAction Act(NegotiationState state)
    {
        var context = _context ?? throw new InvalidOperationException("Act was called before Start.");
        var history = context.History.Since(_seen);
        for (var i = 0; i < history.Length; i++)
        {
            ref readonly var entry = ref history[i];
            if (entry.Kind == ActionKind.Offer && entry.Actor != context.PartyIndex && entry.Offer is not null)
            {
                _received.Add(entry.Offer);
            }
        }

        _seen = context.History.Count;
        var index = context.Index;
        var reservation = context.Profile.ReservationValue;
        var canConcede = _proposed < index.Count
            && (_proposed == 0 || index.UtilityAt(_proposed) >= reservation)
            && _received.Count >= _proposed;
        var threshold = canConcede ? index.UtilityAt(_proposed) : index.UtilityAt(Math.Max(0, _proposed - 1));
        if (state.Offer is { } offer && state.OfferedBy != context.PartyIndex && context.Profile.Utility(offer.Levels) >= threshold)
        {
            return AgentAction.Accept;
        }

        if (canConcede)
        {
            return AgentAction.Counter(index.OutcomeAt(_proposed++));
        }

        return AgentAction.Counter(index.OutcomeAt(_proposed == 0 ? 0 : context.Random.Next(_proposed)));
    }
}
