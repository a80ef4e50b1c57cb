using Parley.Agents;
using Parley.Domains;

namespace Parley.Protocols;

/// <summary>
/// MOPAC, GeniusWeb's multiple-offers protocol for multilateral negotiation, as a state machine:
/// every round has an offer phase, a voting phase and an opt-in phase, and any group of parties
/// whose votes on one offer are consistent with the group's size leaves the table with that deal.
/// </summary>
/// <remarks>
/// <para>Phases, each collected concurrently (any order), closing when every active party has
/// acted: <b>offer</b> — each active party offers an outcome or walks away; <b>voting</b> — each
/// submits votes, each for one of this round's offers with the smallest and largest group
/// (power, one per party) it accepts the deal in; <b>opt-in</b> — each may add votes, never
/// withdraw one. Then, for each offer in the order made, the largest group of still-active voters
/// whose every member's [minPower, maxPower] holds the group's size (at least 2; ties broken by
/// party order) reaches an agreement (<see cref="EventKind.Agreed"/>) and leaves. The session
/// ends when fewer than two parties remain, or at the deadline (rounds: one round is one
/// offer-vote-opt-in cycle). End reason: agreement when every party has a deal, partial when some
/// have, otherwise walk-away (all walked away) or deadline.</para>
/// <para>The reference is GeniusWeb's MOPAC description (Aydoğan et al.); this is Parley's own
/// implementation of the rules above.</para>
/// </remarks>
public sealed class MopacNegotiation : Negotiation
{
    /// <summary>The phase codes of <see cref="EventKind.PhaseBegan"/>.</summary>
    public const int OfferPhase = 0, VotingPhase = 1, OptInPhase = 2;

    private static readonly string[] PhaseNames = ["offer", "voting", "opt-in"];

    private readonly int _n;
    private readonly int _roundLimit;
    private readonly long _timeLimit;
    private readonly bool[] _active;
    private readonly bool[] _acted;
    private readonly Outcome?[] _offers;
    private readonly MopacVote[]?[] _votes;
    private readonly Outcome?[] _agreements;
    private long _phaseStartedAt = -1;

    /// <summary>Creates a session that has not started.</summary>
    /// <exception cref="ArgumentException">Fewer than two parties, a mediator, or a deadline that limits nothing.</exception>
    public MopacNegotiation(NegotiationSetup setup)
        : base(setup)
    {
        if (setup.PartyCount < 2 || setup.Mediator is not null)
        {
            throw new ArgumentException("MOPAC needs two or more parties and no mediator.", nameof(setup));
        }

        (_roundLimit, _timeLimit) = DeadlineLimits.Of(setup.Deadline);
        _n = setup.PartyCount;
        _active = new bool[_n];
        _acted = new bool[_n];
        _offers = new Outcome?[_n];
        _votes = new MopacVote[]?[_n];
        _agreements = new Outcome?[_n];
    }

    /// <inheritdoc />
    public override string Protocol => "mopac";

    /// <summary>The phase in progress (<see cref="OfferPhase"/>, <see cref="VotingPhase"/>, <see cref="OptInPhase"/>).</summary>
    public int Phase { get; private set; }

    /// <inheritdoc />
    public override long StepStartedAt => _phaseStartedAt;

    /// <summary>Whether party <paramref name="party"/> is still at the table.</summary>
    public bool IsActive(int party) => _active[party];

    /// <summary>The offers of this round, by party (null: none, or inactive).</summary>
    public IReadOnlyList<Outcome?> Offers => _offers;

    /// <summary>Party <paramref name="party"/>'s votes in this round, as far as cast.</summary>
    public IReadOnlyList<MopacVote> VotesOf(int party) => _votes[party] ?? [];

    /// <summary>The number of actions (offers, walk-aways and vote sets) taken.</summary>
    public int Actions { get; private set; }

    /// <summary>Each party's agreement, or null.</summary>
    public IReadOnlyList<Outcome?> Agreements => _agreements;

    /// <inheritdoc />
    public override ActionKinds Allowed(int actor)
    {
        if (IsOver || !IsStarted || actor >= _n || !_active[actor] || _acted[actor])
        {
            return ActionKinds.None;
        }

        return Phase == OfferPhase ? ActionKinds.Offer | ActionKinds.WalkAway : ActionKinds.Votes;
    }

    /// <inheritdoc />
    protected override void OnStarted()
    {
        for (var p = 0; p < _n; p++)
        {
            _active[p] = true;
        }

        BeginPhase(OfferPhase, 0, 0);
    }

    /// <inheritdoc />
    protected override RefusalKind Decide(int actor, in NegotiationAction action, long elapsed, out string? message)
    {
        if (Allowed(actor) == ActionKinds.None)
        {
            message = actor >= _n ? "MOPAC has no mediator"
                : !_active[actor] ? $"{Setup.Parties[actor]} has left the table"
                : $"{Setup.Parties[actor]} has already acted in the {PhaseNames[Phase]} phase";
            return RefusalKind.NotYourTurn;
        }

        var time = TimeAt(elapsed);
        if (Phase == OfferPhase)
        {
            if (action.Kind == ActionKind.WalkAway)
            {
                message = null;
                Emit(EventKind.WalkedAway, actor, null, 0, null, time, elapsed);
                AfterAction(time, elapsed);
                return RefusalKind.None;
            }

            if (action.Kind != ActionKind.Offer || action.Outcome is null)
            {
                message = "in the offer phase a party offers an outcome or walks away";
                return action.Kind == ActionKind.Offer ? RefusalKind.Malformed : RefusalKind.NotExpected;
            }

            if (!Domain.IsValid(action.Outcome.Levels))
            {
                message = $"offered {action.Outcome}, which is not an outcome of domain '{Domain.Name}'";
                return RefusalKind.OutsideDomain;
            }

            if (Setup.Profiles[actor] is { } own && own.CrossesRedLine(action.Outcome.Levels))
            {
                message = $"offered {action.Outcome}, which crosses its own declared red line";
                return RefusalKind.CrossesRedLine;
            }

            message = null;
            Emit(EventKind.Offered, actor, action.Outcome, 0, null, time, elapsed);
            AfterAction(time, elapsed);
            return RefusalKind.None;
        }

        if (action.Kind != ActionKind.Votes || action.Detail is not MopacVotesDetail detail)
        {
            message = $"in the {PhaseNames[Phase]} phase a party submits its votes (possibly none)";
            return RefusalKind.NotExpected;
        }

        if (CheckVotes(actor, detail.Votes) is { } problem)
        {
            message = problem;
            return RefusalKind.Malformed;
        }

        message = null;
        Emit(EventKind.VotesCast, actor, null, detail.Votes.Count, detail, time, elapsed);
        AfterAction(time, elapsed);
        return RefusalKind.None;
    }

    /// <inheritdoc />
    protected override void Apply(in NegotiationEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.PhaseBegan:
                _phaseStartedAt = e.Sequence;
                if (e.Value == OfferPhase && Phase == OptInPhase)
                {
                    Round++;
                }

                Phase = e.Value;
                Array.Clear(_acted);
                if (Phase == OfferPhase)
                {
                    Array.Clear(_offers);
                    Array.Clear(_votes);
                }

                break;
            case EventKind.Offered:
                Actions++;
                _offers[e.Actor] = e.Outcome;
                _acted[e.Actor] = true;
                break;
            case EventKind.WalkedAway:
                Actions++;
                _active[e.Actor] = false;
                _acted[e.Actor] = true;
                break;
            case EventKind.VotesCast:
                Actions++;
                _votes[e.Actor] = [.. ((MopacVotesDetail)e.Detail!).Votes];
                _acted[e.Actor] = true;
                break;
            case EventKind.Agreed:
                foreach (var p in ((PartiesDetail)e.Detail!).Parties)
                {
                    _agreements[p] = e.Outcome;
                    _active[p] = false;
                }

                break;
        }
    }

    /// <inheritdoc />
    protected override bool IsDeadlineDue(long elapsed) => Round >= _roundLimit || (_timeLimit > 0 && elapsed >= _timeLimit);

    /// <inheritdoc />
    protected override void OnDeadline(long elapsed) => End(1.0, elapsed, deadline: true);

    /// <inheritdoc />
    protected override double TimeAt(long elapsed)
    {
        var t = _roundLimit == int.MaxValue ? 0 : (Round + (Phase / 3.0)) / _roundLimit;
        if (_timeLimit > 0)
        {
            t = Math.Max(t, (double)elapsed / _timeLimit);
        }

        return Math.Min(t, 1);
    }

    private string? CheckVotes(int actor, IReadOnlyList<MopacVote> votes)
    {
        var seen = new HashSet<Outcome>();
        foreach (var v in votes)
        {
            if (v is null || v.Offer is null)
            {
                return "a vote without an offer";
            }

            if (Array.IndexOf(_offers, v.Offer) < 0 && !_offers.Any(o => v.Offer.Equals(o)))
            {
                return $"voted for {v.Offer}, which was not offered in this round";
            }

            if (!seen.Add(v.Offer))
            {
                return $"voted twice for {v.Offer}";
            }

            if (v.MinPower < 2 || v.MaxPower < v.MinPower)
            {
                return $"a vote needs 2 ≤ minPower ≤ maxPower (got {v.MinPower}..{v.MaxPower})";
            }
        }

        if (Phase == OptInPhase && _votes[actor] is { } earlier)
        {
            foreach (var old in earlier)
            {
                if (!votes.Any(v => v.Offer.Equals(old.Offer) && v.MinPower <= old.MinPower && v.MaxPower >= old.MaxPower))
                {
                    return $"the opt-in phase may only add or widen votes; the vote for {old.Offer} ({old.MinPower}..{old.MaxPower}) is missing or narrowed";
                }
            }
        }

        return null;
    }

    private void AfterAction(double time, long elapsed)
    {
        for (var p = 0; p < _n; p++)
        {
            if (_active[p] && !_acted[p])
            {
                return;
            }
        }

        switch (Phase)
        {
            case OfferPhase:
                if (ActiveCount() < 2)
                {
                    End(time, elapsed, deadline: false);
                    return;
                }

                BeginPhase(VotingPhase, time, elapsed);
                return;
            case VotingPhase:
                BeginPhase(OptInPhase, time, elapsed);
                return;
            default:
                Settle(time, elapsed);
                if (ActiveCount() < 2)
                {
                    End(time, elapsed, deadline: false);
                    return;
                }

                if (Round + 1 >= _roundLimit || (_timeLimit > 0 && elapsed >= _timeLimit))
                {
                    End(1.0, elapsed, deadline: true);
                    return;
                }

                BeginPhase(OfferPhase, time, elapsed); // the next round begins (Apply counts it)
                return;
        }
    }

    private void Settle(double time, long elapsed)
    {
        for (var offerer = 0; offerer < _n; offerer++)
        {
            if (_offers[offerer] is not { } offer)
            {
                continue;
            }

            var group = ConsensusGroup(offer);
            if (group is not null)
            {
                Emit(EventKind.Agreed, -1, offer, group.Count, new PartiesDetail(group), time, elapsed);
            }
        }
    }

    private List<int>? ConsensusGroup(Outcome offer)
    {
        var voters = new List<(int Party, int Min, int Max)>();
        for (var p = 0; p < _n; p++)
        {
            if (!_active[p] || _votes[p] is not { } votes)
            {
                continue;
            }

            foreach (var v in votes)
            {
                if (v.Offer.Equals(offer))
                {
                    voters.Add((p, v.MinPower, v.MaxPower));
                }
            }
        }

        for (var size = voters.Count; size >= 2; size--)
        {
            var group = new List<int>();
            foreach (var (party, min, max) in voters)
            {
                if (min <= size && size <= max)
                {
                    group.Add(party);
                    if (group.Count == size)
                    {
                        return group;
                    }
                }
            }
        }

        return null;
    }

    private int ActiveCount()
    {
        var count = 0;
        for (var p = 0; p < _n; p++)
        {
            count += _active[p] ? 1 : 0;
        }

        return count;
    }

    private void BeginPhase(int phase, double time, long elapsed) =>
        Emit(EventKind.PhaseBegan, -1, null, phase, new PhaseDetail(PhaseNames[phase], -1), time, elapsed);

    private void End(double time, long elapsed, bool deadline)
    {
        var agreed = _agreements.Count(a => a is not null);
        var reason = agreed == _n ? EndReason.Agreement
            : agreed > 0 ? EndReason.Partial
            : deadline ? EndReason.Deadline
            : EndReason.WalkAway;
        EmitEnd(reason, -1, null, null, time, elapsed);
    }
}
