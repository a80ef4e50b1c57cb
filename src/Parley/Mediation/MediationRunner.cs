using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Preferences;
using Parley.Protocols;

namespace Parley.Mediation;

/// <summary>
/// The in-process driver of <see cref="SingleTextNegotiation"/>: asks the mediator's strategy and
/// each party's voter for the action the machine expects and submits it.
/// </summary>
/// <remarks>
/// <para>Each turn the runner checks the deadline (<see cref="Negotiation.Tick"/>), then asks the
/// mediator if it may act, otherwise the first party (in party order) that has not yet answered the
/// open ballot, so an in-process run asks exactly as the closed loop of earlier versions did and
/// gives the same results. Party p's random source is seeded with <see cref="Saop.AgentSeed"/>(seed, p)
/// and the mediator's with (seed, parties). The mediator sees a <see cref="MediatorView"/> kept from
/// the event log (the current text, the texts tried, the article on the agenda, the clock) and, only
/// when it is trusted, the parties' profiles; a voter sees only its own profile.</para>
/// <para>Every call into a strategy goes through an <see cref="AgentCallGuard"/> (with an action time
/// limit the run is under the <see cref="SessionWatchdog"/>): an exception, an overrun or an action
/// the machine refuses (a text outside the domain or across a red line, …) is recorded with
/// <see cref="Negotiation.Fail"/> as that actor's failure; nothing escapes but cancellation.</para>
/// <para>In-process parties need their profiles: every party of the setup must have declared one.</para>
/// </remarks>
public sealed class MediationRunner : INegotiationObserver
{
    private readonly SingleTextNegotiation _negotiation;
    private readonly MediatorStrategy _mediator;
    private readonly Voter[] _voters;
    private readonly Profile[] _profiles;
    private readonly Random _mediatorRandom;
    private readonly Random[] _voterRandoms;
    private readonly MediatorView _view;
    private readonly TwoLevelModel?[] _homes;
    private readonly AgentCallGuard _guard;
    private readonly TimeProvider _time;
    private readonly CancellationToken _cancellation;
    private readonly int _n;
    private int _restrictedPosition = -1;
    private bool _firstAttempt;
    private long _start;

    private MediationRunner(SingleTextNegotiation negotiation, MediatorStrategy mediator, IReadOnlyList<Voter> voters, TimeSpan? actionTimeLimit, CancellationToken cancellation)
    {
        var setup = negotiation.Setup;
        _n = setup.PartyCount;
        if (voters.Count != _n)
        {
            throw new ArgumentException($"{_n} parties but {voters.Count} voters: give one voter per party.", nameof(voters));
        }

        _profiles = new Profile[_n];
        for (var p = 0; p < _n; p++)
        {
            _profiles[p] = setup.Profiles[p] ?? throw new ArgumentException($"An in-process voter needs its party's profile; '{setup.Parties[p]}' declared none.", nameof(negotiation));
        }

        if (negotiation.IsStarted)
        {
            throw new ArgumentException("The runner starts the negotiation: give it a fresh one.", nameof(negotiation));
        }

        _negotiation = negotiation;
        _mediator = mediator;
        _voters = [.. voters];
        _time = setup.TimeProvider;
        _cancellation = cancellation;
        _mediatorRandom = new Random(Saop.AgentSeed(setup.Seed, _n));
        _voterRandoms = new Random[_n];
        for (var p = 0; p < _n; p++)
        {
            _voterRandoms[p] = new Random(Saop.AgentSeed(setup.Seed, p));
        }

        // With a status quo each voter judges articles on its own view of the scenario (its profile, the status quo, the linkage rules).
        var model = negotiation.Settings.StatusQuoModel;
        _homes = new TwoLevelModel?[_n];
        for (var p = 0; p < _n && model is not null; p++)
        {
            _homes[p] = StatusQuoArticleAcceptance.PartyView(model, p);
        }

        _view = new MediatorView(setup.Domain, new RedLineGuard(setup.Domain, _profiles), _mediatorRandom, mediator.IsTrusted ? _profiles : null, setup.Deadline.Rounds ?? int.MaxValue)
        {
            ConfidedModel = mediator.IsTrusted ? model : null,
        };
        _guard = new AgentCallGuard(actionTimeLimit, _time, [.. setup.Parties, setup.Mediator!]);
        negotiation.Observe(this);
    }

    /// <summary>
    /// Runs <paramref name="negotiation"/> (fresh, not started) to its end with <paramref name="mediator"/>
    /// and <paramref name="voters"/> (one per party, in order); attach observers to the negotiation before.
    /// </summary>
    /// <returns>The wall time the run took, on the setup's clock.</returns>
    /// <exception cref="ArgumentException">Not one voter per party, a party without a profile, or a negotiation already started.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TimeSpan Run(SingleTextNegotiation negotiation, MediatorStrategy mediator, IReadOnlyList<Voter> voters, TimeSpan? actionTimeLimit = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        ArgumentNullException.ThrowIfNull(mediator);
        ArgumentNullException.ThrowIfNull(voters);
        var run = new MediationRunner(negotiation, mediator, voters, actionTimeLimit, cancellationToken);
        return SessionWatchdog.Run(run._guard, run.Body, run.Abandoned);
    }

    /// <inheritdoc />
    void INegotiationObserver.OnEvent(Negotiation negotiation, in NegotiationEvent e)
    {
        // The mediator's view follows the log: the texts tried, the current text.
        switch (e.Kind)
        {
            case EventKind.TextProposed when _negotiation.Phase == SingleTextPhase.Opening:
                _view.Adopt(e.Outcome!);
                break;
            case EventKind.TextProposed when _negotiation.Phase is SingleTextPhase.Proposing or SingleTextPhase.AgendaProposing:
                _view.MarkTried(e.Outcome!);
                break;
            case EventKind.TextAdopted when _negotiation.Phase is SingleTextPhase.Voting or SingleTextPhase.Deciding:
                _view.Adopt(e.Outcome!);
                break;
            case EventKind.RoundClosed when _negotiation.Phase == SingleTextPhase.ArticleVoting && e.Value == _n:
                _view.Adopt(_negotiation.Candidate!);
                break;
        }
    }

    private TimeSpan Body()
    {
        var negotiation = _negotiation;
        _start = _time.GetTimestamp();
        negotiation.Start();
        try
        {
            while (!negotiation.IsOver)
            {
                _cancellation.ThrowIfCancellationRequested();
                negotiation.Tick();
                if (negotiation.IsOver)
                {
                    break;
                }

                var actor = NextActor();
                var asked = negotiation.ReadClock();
                var action = actor == _n ? AskMediator() : AskParty(actor);
                var result = negotiation.SubmitAt(actor, action, asked);
                if (!result.Accepted && result.Refusal != RefusalKind.SessionOver && result.EventCount == 0)
                {
                    negotiation.Fail(actor, FailureKind.InvalidAction, result.Message ?? result.Refusal.ToString());
                }
            }
        }
        catch (StrategyFailure failure)
        {
            negotiation.Fail(failure.Actor, failure.Kind, failure.Message);
        }
        catch (AbandonedRun)
        {
            return default; // the watchdog abandoned the run and owns its result
        }

        return _time.GetElapsedTime(_start);
    }

    private TimeSpan Abandoned(SessionFailure failure)
    {
        // The abandoned call never returns into the session: the state is the watchdog's now.
        _negotiation.Fail(failure.Party, failure.Kind, failure.Reason);
        return _time.GetElapsedTime(_start);
    }

    private int NextActor()
    {
        if (_negotiation.MayAct(_n))
        {
            return _n;
        }

        for (var p = 0; p < _n; p++)
        {
            if (_negotiation.MayAct(p))
            {
                return p;
            }
        }

        throw new InvalidOperationException($"The single-text negotiation awaits nobody in phase {_negotiation.Phase}.");
    }

    private NegotiationAction AskMediator()
    {
        var negotiation = _negotiation;
        var view = _view;
        var mediator = _mediator;
        Outcome? text;
        switch (negotiation.Phase)
        {
            case SingleTextPhase.Opening:
                text = Call(_n, () => mediator.Open(view));
                break;
            case SingleTextPhase.Proposing:
                SetClock();
                text = Call(_n, () => mediator.Propose(view));
                break;
            case SingleTextPhase.Deciding:
                var candidate = negotiation.Candidate!;
                var tally = negotiation.Tally;
                return NegotiationAction.Decide(Call(_n, () => mediator.Adopt(view, candidate, tally)));
            case SingleTextPhase.AgendaProposing:
                var issue = negotiation.PhaseArticle;
                var settled = negotiation.Settled;
                if (negotiation.AgendaPosition != _restrictedPosition)
                {
                    _restrictedPosition = negotiation.AgendaPosition;
                    view.Restrict(settled, issue);
                    _firstAttempt = true;
                }

                SetClock();

                // The opening text's clause goes to the table first; then the strategy revises it.
                var opening = view.Incumbent!;
                text = _firstAttempt && !view.Guard.IsCrossed(settled.Settle(issue, opening[issue])) && !mediator.IsTrusted
                    ? opening
                    : Call(_n, () => mediator.Propose(view));
                _firstAttempt = false;
                return text is null ? NegotiationAction.Pass() : NegotiationAction.ProposeText(text, issue);
            case SingleTextPhase.Package:
                SetClock();
                var open = negotiation.Settled;
                text = Call(_n, () => mediator.ProposePackage(view, open));
                break;
            case SingleTextPhase.PostProposing:
                var deal = negotiation.PhaseText!;
                var profiles = _profiles;
                text = Call(_n, () => mediator.PostSettle(view, deal, profiles));
                break;
            default:
                throw new InvalidOperationException($"The mediator has nothing to do in phase {negotiation.Phase}.");
        }

        return text is null ? NegotiationAction.Pass() : NegotiationAction.ProposeText(text);
    }

    private void SetClock()
    {
        _view.Round = _negotiation.Round;
        _view.Time = _negotiation.RoundStartTime;
    }

    private NegotiationAction AskParty(int p)
    {
        var negotiation = _negotiation;
        var voter = _voters[p];
        var profile = _profiles[p];
        var random = _voterRandoms[p];
        switch (negotiation.Phase)
        {
            case SingleTextPhase.Voting:
                var context = new VoteContext(profile, negotiation.Candidate!, negotiation.Incumbent!, negotiation.RoundStartTime, random);
                return negotiation.Settings.Protocol switch
                {
                    MediatedProtocol.Feedback => NegotiationAction.Ballot((int)Call(p, () => voter.Answer(context))),
                    MediatedProtocol.Veto => NegotiationAction.Veto(Call(p, () => voter.Veto(context))),
                    _ => NegotiationAction.Vote(Call(p, () => voter.Vote(context))),
                };
            case SingleTextPhase.ArticleVoting:
                var issue = negotiation.PhaseArticle;
                var article = new ArticleContext(profile, negotiation.Settled, issue, negotiation.Candidate![issue], negotiation.RoundStartTime, random) { Home = _homes[p] };
                return NegotiationAction.Vote(Call(p, () => voter.AcceptArticle(article)));
            case SingleTextPhase.ArticleAgreement:
                var i = negotiation.PhaseArticle;
                var clause = new ArticleContext(profile, negotiation.Settled, i, negotiation.PhaseText![i], 1.0, random) { Home = _homes[p] };
                return NegotiationAction.Vote(Call(p, () => voter.AcceptArticle(clause)));
            case SingleTextPhase.PostVoting:
                var improvement = new VoteContext(profile, negotiation.Candidate!, negotiation.PhaseText!, 1.0, random);
                return NegotiationAction.Vote(Call(p, () => voter.Vote(improvement)));
            case SingleTextPhase.PackageSigning:
                var package = negotiation.Candidate!;
                return NegotiationAction.Sign(Call(p, () => voter.Sign(profile, package)));
            default:
                var text = negotiation.PhaseText!;
                return NegotiationAction.Sign(Call(p, () => voter.Sign(profile, text)));
        }
    }

    // Every call into a strategy goes through the guard, as in SAOP: exceptions and overruns become
    // a failure attributed to the actor; an abandoned call unwinds the run without touching it.
    private T Call<T>(int actor, Func<T> call)
    {
        _guard.Enter(actor);
        T value;
        try
        {
            value = call();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            if (_guard.Exit(actor))
            {
                throw new StrategyFailure(actor, FailureKind.Exception, $"threw {ex.GetType().Name}: {ex.Message}", ex);
            }

            throw Refused();
        }

        if (!_guard.Exit(actor))
        {
            throw Refused();
        }

        return value;
    }

    private Exception Refused() =>
        _guard.IsAbandoned ? new AbandonedRun() : new StrategyFailure(_guard.Failure!.Party, _guard.Failure.Kind, _guard.Failure.Reason, null);

    private sealed class StrategyFailure(int actor, FailureKind kind, string message, Exception? inner) : Exception(message, inner)
    {
        public int Actor { get; } = actor;

        public FailureKind Kind { get; } = kind;
    }

    private sealed class AbandonedRun : Exception;
}
