using System.Runtime.CompilerServices;
using Parley.Agents;
using Parley.Domains;

namespace Parley.Protocols;

/// <summary>
/// The stacked alternating offers protocol (SAOP) for two or more parties, as a state machine.
/// </summary>
/// <remarks>
/// <para>Aydoğan, Festen, Hindriks &amp; Jonker (2017), "Alternating offers protocols for multilateral
/// negotiation". Parties act in a fixed order. The first party must make an offer; after that
/// each party, in turn, accepts the offer on the table, makes a counter-offer (which replaces it
/// and resets the acceptances) or walks away. There is an agreement as soon as every party other
/// than the one that made the offer has accepted it in sequence. A round is one turn of every
/// party.</para>
/// <para>Refusals: not your turn; an offer that is not an outcome of the domain, or that crosses the
/// submitter's own declared red line; accepting with nothing on the table, one's own offer, or an
/// outcome other than the one on the table; any other kind of action. Time: with a round deadline R
/// and n parties, the turn of party j in round r is at t = (r·n + j) / (R·n); with a wall-time
/// deadline T, t = elapsed / T; with both, the larger. The deadline ends the session at t = 1.</para>
/// <para>The step allocates nothing: an offer's event carries the agent's own outcome object.</para>
/// </remarks>
public sealed class SaopNegotiation : Negotiation
{
    private readonly int _n;
    private readonly int _roundLimit;
    private readonly long _timeLimit;
    private readonly Preferences.Profile?[] _redLines;
    private double _turnTime; // normalised time of the current turn from the round limit: (r·n + j) / (R·n) // each party's declared profile when it has red lines to check, else null

    /// <summary>Creates a session that has not started.</summary>
    /// <exception cref="ArgumentException">Fewer than two parties, a mediator, or a deadline that limits nothing or is not positive.</exception>
    public SaopNegotiation(NegotiationSetup setup)
        : base(setup)
    {
        if (setup.PartyCount < 2)
        {
            throw new ArgumentException($"SAOP needs at least two parties (got {setup.PartyCount}).", nameof(setup));
        }

        if (setup.Mediator is not null)
        {
            throw new ArgumentException("SAOP has no mediator.", nameof(setup));
        }

        (_roundLimit, _timeLimit) = DeadlineLimits.Of(setup.Deadline);
        _n = setup.PartyCount;
        _redLines = new Preferences.Profile?[_n];
        for (var i = 0; i < _n; i++)
        {
            _redLines[i] = setup.Profiles[i] is { RedLines.IsEmpty: false } p ? p : null;
        }
    }

    /// <inheritdoc />
    public override string Protocol => "saop";

    /// <summary>The party whose turn it is.</summary>
    public int Turn { get; private set; }

    /// <summary>The offer on the table, or null before the first offer.</summary>
    public Outcome? Table { get; private set; }

    /// <summary>The party that made <see cref="Table"/>, or −1.</summary>
    public int OfferedBy { get; private set; } = -1;

    /// <summary>How many parties have accepted <see cref="Table"/> since it was made.</summary>
    public int Acceptances { get; private set; }

    /// <summary>The number of actions taken.</summary>
    public int Actions { get; private set; }

    /// <summary>The round of the last action, or −1 before the first.</summary>
    public int LastActionRound { get; private set; } = -1;

    /// <summary>The party that walked away, or −1.</summary>
    public int WalkedAwayParty { get; private set; } = -1;

    /// <summary>The agreement, once reached.</summary>
    public Outcome? Agreement { get; private set; }

    /// <summary>Normalised time of the current turn, read now (what the party to move sees).</summary>
    public double CurrentTime => TimeAt(ReadClock());

    /// <summary>What the party to move sees at session time <paramref name="elapsed"/>: round, time, the offer on the table and its acceptances.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public NegotiationState StateAt(long elapsed) => new(Round, TimeAt(elapsed), Table, OfferedBy, Acceptances);

    /// <inheritdoc />
    public override ActionKinds Allowed(int actor)
    {
        if (IsOver || !IsStarted || actor != Turn)
        {
            return ActionKinds.None;
        }

        return Table is null || OfferedBy == actor
            ? ActionKinds.Offer | ActionKinds.WalkAway
            : ActionKinds.Offer | ActionKinds.Accept | ActionKinds.WalkAway;
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // the step: inlined into the in-process driver's turn loop (no call, no frame of its own per turn)
    protected override RefusalKind Decide(int actor, in NegotiationAction action, long elapsed, out string? message)
    {
        // The messages of refusals are built in Refused (cold), so that this hot method stays small.
        message = null;
        if (actor != Turn)
        {
            return Refused(Refusal.NotYourTurn, actor, action, out message);
        }

        var time = TimeAt(elapsed);
        switch (action.Kind)
        {
            case ActionKind.Offer:
                var offer = action.Outcome;
                if (offer is null)
                {
                    return Refused(Refusal.NoOutcome, actor, action, out message);
                }

                if (!Domain.IsValid(offer.Levels))
                {
                    return Refused(Refusal.OutsideDomain, actor, action, out message);
                }

                if (_redLines[actor] is { } own && own.CrossesRedLine(offer.Levels))
                {
                    return Refused(Refusal.CrossesRedLine, actor, action, out message);
                }

                Emit(EventKind.Offered, actor, offer, 0, null, time, elapsed);
                return RefusalKind.None;
            case ActionKind.Accept:
                var table = Table;
                if (table is null)
                {
                    return Refused(Refusal.NothingOnTable, actor, action, out message);
                }

                if (OfferedBy == actor)
                {
                    return Refused(Refusal.OwnOffer, actor, action, out message);
                }

                if (action.Outcome is { } named && !named.Equals(table))
                {
                    return Refused(Refusal.NotTheTable, actor, action, out message);
                }

                Emit(EventKind.Accepted, actor, table, 0, null, time, elapsed);
                if (Acceptances == _n - 1)
                {
                    EmitEnd(EndReason.Agreement, -1, table, null, time, elapsed);
                }

                return RefusalKind.None;
            case ActionKind.WalkAway:
                Emit(EventKind.WalkedAway, actor, null, 0, null, time, elapsed);
                EmitEnd(EndReason.WalkAway, actor, null, null, time, elapsed);
                return RefusalKind.None;
            default:
                return Refused(Refusal.OtherKind, actor, action, out message);
        }
    }

    /// <inheritdoc />
    protected override void Apply(in NegotiationEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.Offered:
                Table = e.Outcome;
                OfferedBy = e.Actor;
                Acceptances = 0;
                Acted();
                break;
            case EventKind.Accepted:
                Acceptances++;
                Acted();
                break;
            case EventKind.WalkedAway:
                Actions++;
                LastActionRound = Round;
                break;
            case EventKind.Ended:
                if ((EndReason)e.Value == EndReason.Agreement)
                {
                    Agreement = e.Outcome;
                }
                else if ((EndReason)e.Value == EndReason.WalkAway)
                {
                    WalkedAwayParty = e.Actor;
                }

                break;
        }
    }

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected override bool IsDeadlineDue(long elapsed) => Round >= _roundLimit || (_timeLimit > 0 && elapsed >= _timeLimit);

    /// <inheritdoc />
    protected override void OnDeadline(long elapsed) => EmitEnd(EndReason.Deadline, -1, null, null, 1.0, elapsed);

    /// <inheritdoc />
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected override double TimeAt(long elapsed)
    {
        var t = _turnTime; // the round part, computed once per turn
        if (_timeLimit > 0)
        {
            var wall = (double)elapsed / _timeLimit;
            if (wall > t)
            {
                t = wall;
            }
        }

        return t > 1 ? 1 : t;
    }

    /// <summary>A refusal with its message (cold path).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private RefusalKind Refused(Refusal why, int actor, in NegotiationAction action, out string? message)
    {
        switch (why)
        {
            case Refusal.NotYourTurn:
                message = actor >= _n ? "SAOP has no mediator" : $"it is {Setup.Parties[Turn]}'s turn, not {Setup.Parties[actor]}'s";
                return RefusalKind.NotYourTurn;
            case Refusal.NoOutcome:
                message = "offered nothing (an Offer action without an outcome)";
                return RefusalKind.Malformed;
            case Refusal.OutsideDomain:
                message = $"offered {action.Outcome}, which is not an outcome of domain '{Domain.Name}' ({Domain.IssueCount} issues with levels 0..cardinality−1)";
                return RefusalKind.OutsideDomain;
            case Refusal.CrossesRedLine:
                message = $"offered {action.Outcome}, which crosses its own declared red line";
                return RefusalKind.CrossesRedLine;
            case Refusal.NothingOnTable:
                message = "accepted when no offer was on the table";
                return RefusalKind.NotExpected;
            case Refusal.OwnOffer:
                message = "accepted its own offer";
                return RefusalKind.NotExpected;
            case Refusal.NotTheTable:
                message = $"accepted {action.Outcome}, which is not the offer on the table ({Table})";
                return RefusalKind.NotExpected;
            default:
                message = Enum.IsDefined(action.Kind)
                    ? $"submitted {action.Kind}, which SAOP does not have (offer, accept or walk away)"
                    : $"returned an unknown action kind ({(int)action.Kind})";
                return RefusalKind.NotExpected;
        }
    }

    /// <summary>The bookkeeping of an action that keeps the session going: the next party's turn, and its time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // once per turn, inside the fold
    private void Acted()
    {
        Actions++;
        LastActionRound = Round;
        if (++Turn == _n)
        {
            Turn = 0;
            Round++;
        }

        _turnTime = _roundLimit == int.MaxValue ? 0 : ((double)Round * _n + Turn) / ((double)_roundLimit * _n);
    }

    private enum Refusal
    {
        NotYourTurn,
        NoOutcome,
        OutsideDomain,
        CrossesRedLine,
        NothingOnTable,
        OwnOffer,
        NotTheTable,
        OtherKind,
    }
}
