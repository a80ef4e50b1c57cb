using System.Text.Json;
using Parley.Agents;
using Parley.Domains;
using Parley.Mediation;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Log;

namespace Parley.Workbench;

/// <summary>
/// A case's rounds, votes and signing, run by the engine: a thin adapter over
/// <see cref="SingleTextNegotiation"/> (whole-text mode, yes/no ballots). Every protocol command is
/// an action submitted to the engine; the engine's events are stored inside the case events they
/// stand for (<see cref="CaseEvent.Engine"/>), and the engine's state is rebuilt from them by the
/// engine's own <see cref="Negotiation.Replay"/>.
/// </summary>
/// <remarks>
/// <para>How the case's commands map to the engine's actions (the mediator is actor n, seat s is
/// actor s):</para>
/// <list type="bullet">
/// <item>The first <see cref="OpenRound"/> proposes the opening text (the engine adopts it as the
/// first version of the single negotiating text), then puts it to the delegations; a later one
/// puts a candidate text to them (<see cref="ActionKind.ProposeText"/> twice, then once).</item>
/// <item><see cref="Vote"/> is a ballot (<see cref="ActionKind.Vote"/> 1 or 0). When the ballot is
/// complete, or the mediator closes it (<see cref="CloseRound"/>, or the round's deadline:
/// <see cref="ActionKind.Pass"/> under <see cref="SingleTextSettings.MediatorClosesBallots"/>), the
/// engine asks the mediator to decide; the case's rule decides for it: a text is adopted when every
/// delegation accepted it (<see cref="ActionKind.Decide"/> 1, else 0).</item>
/// <item><see cref="OpenSigning"/> is the mediator passing (nothing more to propose): the engine
/// opens the current text for signature. <see cref="Sign"/> is <see cref="ActionKind.Sign"/>. A
/// refusal does not end the case: the engine goes on as it does for automated mediation (the last
/// text every party accepted, then article by article, then ratification), and the case ends
/// with the engine: an agreement, a partial agreement, or none.</item>
/// </list>
/// <para>Declared profiles change during a case, so the engine is set up without them; the case
/// checks a proposed text against every current declaration itself, without naming whose red line
/// it crosses. Closing a case without agreement (<see cref="CloseCase"/>) is the mediator's
/// decision about the case, not an action in the negotiation, and is not submitted to the engine.</para>
/// <para>The case decides before it stores, and applies after: a command is submitted to the live
/// engine (speculatively) and its events are returned inside the case events; applying those
/// events confirms them. Another node's events are replayed onto the engine on next use (it steps
/// forward, in time proportional to what is new); a decision that was never applied makes the
/// adapter rebuild the engine from the confirmed log. Not thread-safe, reads
/// included (a read may rebuild the engine): the host holds the case's lock for every call but
/// <see cref="Deadline"/>.</para>
/// </remarks>
public sealed partial class EngineProtocol : ISingleTextProtocol
{
    /// <summary>The most rounds of a case: the engine's round limit (when reached, the text goes to signature).</summary>
    public const int RoundLimit = Scenarios.Deadline.DefaultSessionRounds;

    private const string MediatorName = "mediator";
    private const string LogName = "case log";

    private readonly Domain _domain;
    private readonly IReadOnlyList<string> _seats;
    private readonly Func<int, Profile?> _declared;
    private readonly DateTimeOffset _epoch;
    private readonly CaseClock _clock = new();
    private readonly List<NegotiationEvent> _log = [];
    private readonly List<(JsonElement Event, long Record)> _undecoded = [];
    private readonly List<string> _pending = [];
    private readonly List<NegotiationEvent> _pendingEvents = [];
    private SingleTextNegotiation? _engine;
    private Fold _fold = new(0);
    private DateTimeOffset? _deadline;
    private bool _closedByMediator;

    /// <summary>Creates the adapter of a case created at <paramref name="epoch"/> (the engine's time 0).</summary>
    /// <param name="domain">The issues.</param>
    /// <param name="seats">The delegations' seats.</param>
    /// <param name="declared">Each seat's declared profile (whose red lines a text must respect), or null.</param>
    /// <param name="epoch">When the case was created.</param>
    public EngineProtocol(Domain domain, IReadOnlyList<string> seats, Func<int, Profile?> declared, DateTimeOffset epoch)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(declared);
        _domain = domain;
        _seats = seats;
        _declared = declared;
        _epoch = epoch;
    }

    /// <summary>The engine's log so far (confirmed events only; after a restored snapshot, the events after it): what <see cref="Negotiation.Replay"/> rebuilds the engine from.</summary>
    public IReadOnlyList<NegotiationEvent> Log
    {
        get
        {
            Decode();
            return _log;
        }
    }

    /// <summary>The engine, up to date with the log (rebuilt from it if needed).</summary>
    public SingleTextNegotiation Engine => Current();

    /// <inheritdoc />
    public SingleTextState State
    {
        get
        {
            var engine = Current();
            var phase = engine.Phase;
            var signing = !engine.IsOver && IsSigning(phase);
            return new SingleTextState(
                _fold.VotingRounds,
                !engine.IsOver && phase == SingleTextPhase.Voting,
                engine.Candidate,
                _deadline,
                [.. _fold.Ballots],
                _fold.Adopted,
                signing,
                [.. _fold.Signatures],
                _closedByMediator || engine.IsOver,
                engine.IsOver && engine.EndReason == EndReason.Agreement,
                engine.IsOver ? "over" : SingleTextNegotiation.PhaseName(phase),
                signing ? engine.PhaseText : null,
                signing && phase is SingleTextPhase.ArticleAgreement ? engine.PhaseArticle : -1,
                engine.Settled);
        }
    }

    /// <summary>The engine events that start a case's negotiation (stored with its creation).</summary>
    public static IReadOnlyList<JsonElement> StartEvents(Domain domain, IReadOnlyList<string> seats)
    {
        var clock = new CaseClock();
        var engine = Create(domain, seats, clock);
        var fold = new Fold(seats.Count);
        engine.Observe(fold);
        engine.Start();
        return [.. fold.Emitted.Select(e => Element(Write(e)))];
    }

    /// <inheritdoc />
    public DateTimeOffset? Deadline => _deadline;

    /// <inheritdoc />
    public bool Handles(CaseCommand command) => command is OpenRound or Vote or CloseRound or OpenSigning or Sign;

    /// <inheritdoc />
    public bool IsDue(DateTimeOffset now) => !_closedByMediator && _deadline is { } d && now >= d && State.RoundOpen;

    /// <inheritdoc />
    public CaseDecision Decide(Audience actor, CaseCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        var engine = Current();
        if (_closedByMediator || engine.IsOver)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Closed, "the case is closed");
        }

        return command switch
        {
            OpenRound open => DecideOpen(engine, actor, open, now),
            Vote vote => DecideVote(engine, actor, vote, now),
            CloseRound => !actor.IsMediator ? CaseDecision.Refuse(CaseRefusalKind.Forbidden, "only the mediator closes a round")
                : engine.Phase != SingleTextPhase.Voting ? CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "no round is open")
                : CloseBallot(engine, now, "mediator", []),
            OpenSigning => DecideOpenSigning(engine, actor, now),
            Sign sign => DecideSign(engine, actor, sign, now),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a protocol command.", nameof(command)),
        };
    }

    /// <inheritdoc />
    public CaseDecision Tick(DateTimeOffset now)
    {
        var engine = Current();
        return IsDue(now) ? CloseBallot(engine, now, "deadline", []) : CaseDecision.Accept();
    }

    /// <inheritdoc />
    public void Apply(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var e = record.Event;
        if (e.Engine is { } engineEvents)
        {
            for (var i = 0; i < engineEvents.Count; i++)
            {
                if (_pending.Count > 0 && _undecoded.Count == 0 && string.Equals(_pending[0], engineEvents[i].GetRawText(), StringComparison.Ordinal))
                {
                    // The engine already holds it (this node decided it): this confirms the decision.
                    _log.Add(_pendingEvents[0]);
                    _pending.RemoveAt(0);
                    _pendingEvents.RemoveAt(0);
                }
                else
                {
                    // Another writer's event, or a replay: read when the engine is next used. A decision
                    // of this node's that it replaces is dropped (the engine is rebuilt without it).
                    DiscardPending();

                    _undecoded.Add((engineEvents[i], record.Sequence));
                }
            }
        }

        switch (e)
        {
            case RoundOpened opened:
                _deadline = opened.Deadline;
                break;
            case RoundClosed:
                _deadline = null;
                break;
            case CaseClosed:
                _deadline = null;
                _closedByMediator |= e.Engine is null;
                break;
            default:
                break;
        }
    }

    private static SingleTextNegotiation Create(Domain domain, IReadOnlyList<string> seats, TimeProvider clock) =>
        new(
            new NegotiationSetup(domain, seats, null, new Scenarios.Deadline(RoundLimit, null), 0, MediatorName) { TimeProvider = clock, RecordElapsed = true },
            new SingleTextSettings { Protocol = MediatedProtocol.Votes, MediatorClosesBallots = true });

    private static bool IsSigning(SingleTextPhase phase) =>
        phase is SingleTextPhase.Signing or SingleTextPhase.SigningFallback or SingleTextPhase.ArticleAgreement or SingleTextPhase.Ratifying;

    private static string Write(in NegotiationEvent e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var json = new Utf8JsonWriter(buffer))
        {
            NegotiationLogJson.WriteEvent(json, e);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonElement Element(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    // The engine as the confirmed log leaves it: a decision never applied is dropped by rebuilding.
    private SingleTextNegotiation Current()
    {
        if (_engine is not null && _pending.Count == 0)
        {
            if (_undecoded.Count == 0)
            {
                return _engine;
            }

            // Another writer's events: step the engine forward, unless its replay had completed a step
            // ahead of the stored events (they ended between the events of one decision); then rebuild.
            if (_engine.EventCount == _baseSequence + _log.Count)
            {
                StepForward(_engine);
                return _engine;
            }
        }

        _pending.Clear();
        _pendingEvents.Clear();
        Decode();
        _fold = new Fold(_seats.Count);
        var engine = CreateAtBase(_fold);   // the snapshot the case was restored from, if any: the log holds the events after it
        var last = _log.Count > 0 ? _log[^1].Elapsed : engine.Elapsed;
        _clock.Now = _epoch + TimeSpan.FromTicks(last);
        engine.Observe(_fold);
        engine.Replay(_log);
        _fold.Emitted.Clear();
        _engine = engine;
        return engine;
    }

    // Replays the confirmed events the engine does not hold yet (another writer's) onto it.
    private void StepForward(SingleTextNegotiation engine)
    {
        var from = _log.Count;
        Decode();
        var added = _log.GetRange(from, _log.Count - from);
        _clock.Now = _epoch + TimeSpan.FromTicks(added[^1].Elapsed);
        try
        {
            engine.Replay(added);
        }
        catch
        {
            _engine = null; // half-stepped: the next use rebuilds it from the log (and meets the same error)
            throw;
        }

        _fold.Emitted.Clear();
    }

    private void Decode()
    {
        foreach (var (element, record) in _undecoded)
        {
            var read = NegotiationLogJson.ReadEvent(element, LogName, (int)record, _domain, _seats.Count + 1);
            if (read.Sequence != _baseSequence + _log.Count)
            {
                throw new InvalidOperationException($"Event {record}: engine event {read.Sequence} where {_baseSequence + _log.Count} was expected.");
            }

            _log.Add(read);
        }

        _undecoded.Clear();
    }

    // Drops this node's decisions not yet confirmed, and the engine that holds them (rebuilt on next use).
    private void DiscardPending()
    {
        if (_pending.Count > 0)
        {
            _pending.Clear();
            _pendingEvents.Clear();
            _engine = null;
        }
    }

    // Submits an action at `now`; the events it caused join the pending ones. Null when accepted.
    private string? Submit(SingleTextNegotiation engine, int actor, in NegotiationAction action, DateTimeOffset now)
    {
        _clock.Now = now < _epoch ? _epoch : now;
        _fold.Emitted.Clear();
        var result = engine.Submit(actor, action);
        foreach (var e in _fold.Emitted)
        {
            _pendingEvents.Add(e);
            _pending.Add(Write(e));
        }

        _fold.Emitted.Clear();
        return result.Accepted ? null : result.Message ?? result.Refusal.ToString();
    }

    // The pending events from position `from` on, as stored JSON.
    private IReadOnlyList<JsonElement> PendingFrom(int from) => [.. _pending.Skip(from).Select(Element)];

    private CaseDecision Failed(string message)
    {
        // The engine refused a step the case had checked: nothing is returned, and the engine is
        // rebuilt from the log on next use (a first step may have been taken).
        _engine = _pending.Count > 0 ? null : _engine;
        return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, message);
    }

    private CaseDecision DecideOpen(SingleTextNegotiation engine, Audience actor, OpenRound open, DateTimeOffset now)
    {
        if (!actor.IsMediator)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Forbidden, "only the mediator proposes a text");
        }

        if (engine.Phase == SingleTextPhase.Voting)
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, $"round {_fold.VotingRounds} is still open; close it first");
        }

        if (engine.Phase is not (SingleTextPhase.Opening or SingleTextPhase.Proposing))
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "the text is open for signature");
        }

        if (open.Duration is { } duration && duration <= TimeSpan.Zero)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Invalid, "a round's duration must be positive");
        }

        // The text itself is validated by the case (names and completeness) before it comes here.
        var text = _domain.OutcomeOf(open.Text);
        for (var seat = 0; seat < _seats.Count; seat++)
        {
            if (_declared(seat) is { } profile && profile.CrossesRedLine(text.Levels))
            {
                return CaseDecision.Refuse(CaseRefusalKind.Invalid, "the text crosses a red line a delegation declared");
            }
        }

        var propose = new NegotiationAction(ActionKind.ProposeText, text, -1);
        if (engine.Phase == SingleTextPhase.Opening && Submit(engine, _seats.Count, propose, now) is { } opening)
        {
            return Failed(opening);
        }

        if (Submit(engine, _seats.Count, propose, now) is { } refused)
        {
            return Failed(refused);
        }

        return CaseDecision.Accept(new RoundOpened(_fold.VotingRounds, open.Text, open.Duration is { } d ? now + d : null) { Engine = PendingFrom(0) });
    }

    private CaseDecision DecideVote(SingleTextNegotiation engine, Audience actor, Vote vote, DateTimeOffset now)
    {
        if (actor.Role != AudienceRole.Delegation)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Forbidden, "only a delegation votes");
        }

        if (engine.Phase != SingleTextPhase.Voting || (_deadline is { } d && now >= d))
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "no round is open for votes");
        }

        if (engine.HasAnswered(actor.Seat))
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, $"this delegation has already voted in round {_fold.VotingRounds}");
        }

        if (Submit(engine, actor.Seat, new NegotiationAction(ActionKind.Vote, null, vote.Yes ? 1 : 0), now) is { } refused)
        {
            return Failed(refused);
        }

        var ballot = new BallotCast(_fold.VotingRounds, actor.Seat, vote.Yes) { Engine = PendingFrom(0) };
        return engine.Phase == SingleTextPhase.Deciding ? Decided(engine, now, "all-voted", ballot) : CaseDecision.Accept(ballot);
    }

    // Closes the open ballot for the mediator (it passes), then decides by the case's rule.
    private CaseDecision CloseBallot(SingleTextNegotiation engine, DateTimeOffset now, string reason, CaseEvent[] before)
    {
        if (Submit(engine, _seats.Count, new NegotiationAction(ActionKind.Pass), now) is { } refused)
        {
            return Failed(refused);
        }

        return Decided(engine, now, reason, before);
    }

    // The ballot is closed (the engine is deciding): adopt the text when every delegation accepted it.
    private CaseDecision Decided(SingleTextNegotiation engine, DateTimeOffset now, string reason, params CaseEvent[] before)
    {
        var tally = engine.Tally;
        var unanimous = tally.Accepts == _seats.Count;
        var from = before.Sum(e => e.Engine?.Count ?? 0);
        var missing = 0;
        for (var s = 0; s < _seats.Count; s++)
        {
            missing += engine.HasAnswered(s) ? 0 : 1;
        }

        var round = _fold.VotingRounds;
        if (Submit(engine, _seats.Count, new NegotiationAction(ActionKind.Decide, null, unanimous ? 1 : 0), now) is { } refused)
        {
            return Failed(refused);
        }

        var closed = new RoundClosed(round, tally.Accepts, _seats.Count - tally.Accepts - missing, missing, unanimous, reason) { Engine = PendingFrom(from) };
        return CaseDecision.Accept([.. before, closed]);
    }

    private CaseDecision DecideOpenSigning(SingleTextNegotiation engine, Audience actor, DateTimeOffset now)
    {
        if (!actor.IsMediator)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Forbidden, "only the mediator opens signing");
        }

        if (engine.Phase == SingleTextPhase.Voting || IsSigning(engine.Phase))
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, engine.Phase == SingleTextPhase.Voting ? "a round is open" : "signing is already open");
        }

        if (_fold.Adopted is null || engine.Phase != SingleTextPhase.Proposing)
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "no text has been adopted yet");
        }

        if (Submit(engine, _seats.Count, new NegotiationAction(ActionKind.Pass), now) is { } refused)
        {
            return Failed(refused);
        }

        return CaseDecision.Accept(new SigningOpened(TextOf(engine.PhaseText!)) { Engine = PendingFrom(0) });
    }

    private CaseDecision DecideSign(SingleTextNegotiation engine, Audience actor, Sign sign, DateTimeOffset now)
    {
        if (actor.Role != AudienceRole.Delegation)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Forbidden, "only a delegation signs");
        }

        if (!IsSigning(engine.Phase))
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "the text is not open for signature");
        }

        if (engine.HasAnswered(actor.Seat))
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "this delegation has already answered");
        }

        // Article by article, the engine takes a signature as a ballot on the article.
        var kind = engine.Phase == SingleTextPhase.ArticleAgreement ? ActionKind.Vote : ActionKind.Sign;
        if (Submit(engine, actor.Seat, new NegotiationAction(kind, null, sign.Yes ? 1 : 0), now) is { } refused)
        {
            return Failed(refused);
        }

        var signed = new Signed(actor.Seat, sign.Yes) { Engine = PendingFrom(0).Take(1).ToArray() };
        if (_pending.Count == 1)
        {
            return CaseDecision.Accept(signed);
        }

        // The signature closed the phase: the engine ended the negotiation, or opened the next signing.
        CaseEvent next = engine.IsOver
            ? new CaseClosed(engine.EndReason == EndReason.Agreement, EndText(engine)) { Engine = PendingFrom(1) }
            : new SigningOpened(TextOf(engine.PhaseText!), engine.Phase == SingleTextPhase.ArticleAgreement ? _domain.Issues[engine.PhaseArticle].Name : null) { Engine = PendingFrom(1) };
        return CaseDecision.Accept(signed, next);
    }

    private static string EndText(SingleTextNegotiation engine) => engine.EndReason switch
    {
        EndReason.Agreement => "signed",
        EndReason.Partial => "partial agreement: " + string.Join(", ", Enumerable.Range(0, engine.Domain.IssueCount).Where(engine.Agreed.IsSettled).Select(i => engine.Domain.Issues[i].Name)),
        _ => "declined",
    };

    private Dictionary<string, string> TextOf(Outcome text) =>
        _domain.Describe(text).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    // What the case shows besides the engine's own properties, folded from the engine's events.
    private sealed class Fold(int seats) : INegotiationObserver
    {
        public List<NegotiationEvent> Emitted { get; } = [];

        public int VotingRounds { get; set; }

        public bool?[] Ballots { get; set; } = new bool?[seats];

        public bool?[] Signatures { get; set; } = new bool?[seats];

        public Outcome? Adopted { get; set; }

        public void OnEvent(Negotiation negotiation, in NegotiationEvent e)
        {
            Emitted.Add(e);
            var engine = (SingleTextNegotiation)negotiation;
            switch (e.Kind)
            {
                case EventKind.PhaseBegan when (SingleTextPhase)e.Value == SingleTextPhase.Voting:
                    VotingRounds++;
                    Ballots = new bool?[seats];
                    break;
                case EventKind.PhaseBegan when IsSigning((SingleTextPhase)e.Value):
                    Signatures = new bool?[seats];
                    break;
                case EventKind.BallotCast when engine.Phase == SingleTextPhase.ArticleAgreement:
                    Signatures[e.Actor] = e.Value == 1;
                    break;
                case EventKind.BallotCast:
                    Ballots[e.Actor] = e.Value == 1;
                    break;
                case EventKind.Signed:
                    Signatures[e.Actor] = e.Value == 1;
                    break;
                case EventKind.TextAdopted when engine.Phase == SingleTextPhase.Deciding:
                    Adopted = e.Outcome;
                    break;
                default:
                    break;
            }
        }
    }
}
