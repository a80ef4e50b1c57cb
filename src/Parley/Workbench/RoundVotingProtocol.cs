using Parley.Domains;
using Parley.Preferences;

namespace Parley.Workbench;

/// <summary>
/// The single-text protocol the server runs until the engine's single-text negotiation replaces it
/// behind <see cref="ISingleTextProtocol"/>: the mediator proposes a whole text; every delegation
/// votes once per round, concurrently; the round closes when all have voted, at its deadline, or
/// when the mediator closes it; a text every delegation accepted becomes the negotiating text; the
/// mediator then opens it for signature, and the case ends signed when every delegation signs.
/// </summary>
/// <remarks>A text that crosses a red line a delegation declared is refused (the delegation's red line is not named to the mediator).</remarks>
public sealed class RoundVotingProtocol : ISingleTextProtocol
{
    private readonly Domain _domain;
    private readonly int _seats;
    private readonly Func<int, Profile?> _declared;
    private int _round;
    private bool _open;
    private Outcome? _candidate;
    private DateTimeOffset? _deadline;
    private bool?[] _ballots;
    private Outcome? _adopted;
    private bool _signing;
    private bool?[] _signatures;
    private bool _closed;
    private bool _agreement;

    /// <summary>Creates the protocol for <paramref name="seats"/> delegations.</summary>
    /// <param name="domain">The issues.</param>
    /// <param name="seats">The number of delegations.</param>
    /// <param name="declared">Each seat's declared profile (whose red lines a text must respect), or null.</param>
    public RoundVotingProtocol(Domain domain, int seats, Func<int, Profile?> declared)
    {
        ArgumentNullException.ThrowIfNull(domain);
        _domain = domain;
        _seats = seats;
        _declared = declared;
        _ballots = new bool?[seats];
        _signatures = new bool?[seats];
    }

    /// <inheritdoc />
    public SingleTextState State => new(_round, _open, _candidate, _deadline, [.. _ballots], _adopted, _signing, [.. _signatures], _closed, _agreement);

    /// <inheritdoc />
    public bool Handles(CaseCommand command) => command is OpenRound or Vote or CloseRound or OpenSigning or Sign;

    /// <inheritdoc />
    public CaseDecision Decide(Audience actor, CaseCommand command, DateTimeOffset now)
    {
        if (_closed)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Closed, "the case is closed");
        }

        return command switch
        {
            OpenRound open => DecideOpen(actor, open, now),
            Vote vote => DecideVote(actor, vote, now),
            CloseRound => actor.IsMediator
                ? _open ? CaseDecision.Accept(Close("mediator")) : CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "no round is open")
                : CaseDecision.Refuse(CaseRefusalKind.Forbidden, "only the mediator closes a round"),
            OpenSigning => DecideOpenSigning(actor),
            Sign sign => DecideSign(actor, sign),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a protocol command.", nameof(command)),
        };
    }

    /// <inheritdoc />
    public CaseDecision Tick(DateTimeOffset now) =>
        !_closed && _open && _deadline is { } d && now >= d ? CaseDecision.Accept(Close("deadline")) : CaseDecision.Accept();

    /// <inheritdoc />
    public void Apply(CaseEvent e)
    {
        switch (e)
        {
            case RoundOpened r:
                _round = r.Round;
                _open = true;
                _candidate = _domain.OutcomeOf(r.Text);
                _deadline = r.Deadline;
                _ballots = new bool?[_seats];
                break;
            case BallotCast b:
                _ballots[b.Seat] = b.Yes;
                break;
            case RoundClosed c:
                _open = false;
                _deadline = null;
                if (c.Adopted)
                {
                    _adopted = _candidate;
                }

                break;
            case SigningOpened:
                _signing = true;
                _signatures = new bool?[_seats];
                break;
            case Signed s:
                _signatures[s.Seat] = s.Yes;
                break;
            case CaseClosed closed:
                _closed = true;
                _open = false;
                _signing = false;
                _agreement = closed.Agreement;
                break;
            default:
                break;
        }
    }

    private CaseDecision DecideOpen(Audience actor, OpenRound open, DateTimeOffset now)
    {
        if (!actor.IsMediator)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Forbidden, "only the mediator proposes a text");
        }

        if (_open)
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, $"round {_round} is still open; close it first");
        }

        if (_signing)
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "the text is open for signature");
        }

        if (open.Duration is { } duration && duration <= TimeSpan.Zero)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Invalid, "a round's duration must be positive");
        }

        // The text itself is validated by the case (names and completeness) before it comes here.
        for (var seat = 0; seat < _seats; seat++)
        {
            if (_declared(seat) is { } profile && profile.CrossesRedLine(_domain.OutcomeOf(open.Text).Levels))
            {
                return CaseDecision.Refuse(CaseRefusalKind.Invalid, "the text crosses a red line a delegation declared");
            }
        }

        return CaseDecision.Accept(new RoundOpened(_round + 1, open.Text, open.Duration is { } d ? now + d : null));
    }

    private CaseDecision DecideVote(Audience actor, Vote vote, DateTimeOffset now)
    {
        if (actor.Role != AudienceRole.Delegation)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Forbidden, "only a delegation votes");
        }

        if (!_open || (_deadline is { } d && now >= d))
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "no round is open for votes");
        }

        if (_ballots[actor.Seat] is not null)
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, $"this delegation has already voted in round {_round}");
        }

        var ballot = new BallotCast(_round, actor.Seat, vote.Yes);
        var missing = 0;
        for (var s = 0; s < _seats; s++)
        {
            if (s != actor.Seat && _ballots[s] is null)
            {
                missing++;
            }
        }

        return missing == 0 ? CaseDecision.Accept(ballot, Close("all-voted", actor.Seat, vote.Yes)) : CaseDecision.Accept(ballot);
    }

    private CaseDecision DecideOpenSigning(Audience actor)
    {
        if (!actor.IsMediator)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Forbidden, "only the mediator opens signing");
        }

        if (_open || _signing)
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, _open ? "a round is open" : "signing is already open");
        }

        return _adopted is null
            ? CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "no text has been adopted yet")
            : CaseDecision.Accept(new SigningOpened(TextOf(_adopted)));
    }

    private CaseDecision DecideSign(Audience actor, Sign sign)
    {
        if (actor.Role != AudienceRole.Delegation)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Forbidden, "only a delegation signs");
        }

        if (!_signing)
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "the text is not open for signature");
        }

        if (_signatures[actor.Seat] is not null)
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "this delegation has already answered");
        }

        var signed = new Signed(actor.Seat, sign.Yes);
        if (!sign.Yes)
        {
            return CaseDecision.Accept(signed, new CaseClosed(false, "declined"));
        }

        for (var s = 0; s < _seats; s++)
        {
            if (s != actor.Seat && _signatures[s] is null)
            {
                return CaseDecision.Accept(signed);
            }
        }

        return CaseDecision.Accept(signed, new CaseClosed(true, "signed"));
    }

    private RoundClosed Close(string reason, int seat = -1, bool yes = false)
    {
        int y = 0, n = 0, m = 0;
        for (var s = 0; s < _seats; s++)
        {
            var b = s == seat ? yes : _ballots[s];
            if (b is null)
            {
                m++;
            }
            else if (b.Value)
            {
                y++;
            }
            else
            {
                n++;
            }
        }

        return new RoundClosed(_round, y, n, m, y == _seats, reason);
    }

    private IReadOnlyDictionary<string, string> TextOf(Outcome text) =>
        _domain.Describe(text).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
