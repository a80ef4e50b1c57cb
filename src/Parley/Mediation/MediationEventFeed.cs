using Parley.Agents;
using Parley.Protocols;

namespace Parley.Mediation;

/// <summary>
/// Turns a <see cref="SingleTextNegotiation"/>'s event log into what mediation displays and traces
/// read: <see cref="IMediationObserver"/>'s revisions and rounds, and the SAOP-style
/// <see cref="SessionTrace"/> (per round, the mediator's text and each party's answer, with every
/// party's utility of the text).
/// </summary>
/// <remarks>
/// An <see cref="INegotiationObserver"/>: attach it to a negotiation driven in process
/// (<see cref="MediationRunner"/>), hosted (<see cref="Protocols.Drivers.NegotiationHost"/>) or replayed;
/// it is told the same events in every case. A revision is reported at each
/// <see cref="EventKind.TextAdopted"/>, a round at the <see cref="EventKind.RoundClosed"/> that
/// ends it. Utilities use declared profiles only (NaN for a party without one).
/// </remarks>
public sealed class MediationEventFeed : INegotiationObserver
{
    private readonly IMediationObserver? _observer;
    private readonly ISessionObserver? _sessionObserver;
    private double[] _utilities = [];
    private int _rounds;

    /// <summary>Creates a feed.</summary>
    /// <param name="observer">Told of every revision and round; null for none.</param>
    /// <param name="trace">Receives the event stream; null for none.</param>
    /// <param name="sessionObserver">Told of every entry of the event stream as it is made; null for none.</param>
    public MediationEventFeed(IMediationObserver? observer, SessionTrace? trace = null, ISessionObserver? sessionObserver = null)
    {
        _observer = observer;
        Trace = trace;
        _sessionObserver = sessionObserver;
    }

    /// <summary>The event stream being filled, if any.</summary>
    public SessionTrace? Trace { get; }

    /// <inheritdoc />
    public void OnEvent(Negotiation negotiation, in NegotiationEvent e)
    {
        if (negotiation is not SingleTextNegotiation text)
        {
            return;
        }

        if (e.Kind == EventKind.TextAdopted)
        {
            _observer?.OnRevision(text.Versions[^1]);
            return;
        }

        if (e.Kind != EventKind.RoundClosed || text.Round == _rounds)
        {
            return;
        }

        _rounds = text.Round;
        var round = text.Rounds[^1];
        if (Trace is not null || _sessionObserver is not null)
        {
            Record(text, round);
        }

        _observer?.OnRound(round, text.Versions.Count > 0 ? text.Versions[^1] : NegotiatingText.Blank(text.Domain));
    }

    private void Record(SingleTextNegotiation negotiation, MediationRound round)
    {
        var setup = negotiation.Setup;
        var n = setup.PartyCount;
        if (_utilities.Length != n + 1)
        {
            _utilities = new double[n + 1];
        }

        for (var p = 0; p < n; p++)
        {
            _utilities[p] = setup.Profiles[p] is { } profile ? profile.Utility(round.Proposal.Levels) : double.NaN;
        }

        _utilities[n] = double.NaN;
        var index = round.Round - 1;
        Emit(new SessionEvent(index, round.Time, n, ActionKind.Offer, round.Proposal));
        for (var p = 0; p < round.Ballots.Count; p++)
        {
            Emit(new SessionEvent(index, round.Time, p, round.Ballots[p].Accepted ? ActionKind.Accept : ActionKind.Reject, round.Proposal));
        }
    }

    private void Emit(in SessionEvent e)
    {
        Trace?.Add(e, _utilities);
        _sessionObserver?.OnEvent(e, _utilities);
    }
}
