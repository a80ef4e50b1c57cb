using Parley.Agents;
using Parley.Domains;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Mediation;

/// <summary>
/// Runs one mediated negotiation over the single negotiating text: the mediator drafts, the
/// parties answer (votes, feedback or vetoes, or article by article in issue-by-issue mode), the
/// mediator revises, until the deadline or until it has nothing left to propose; then the parties
/// sign the text or the articles they can agree on.
/// </summary>
/// <remarks>
/// Runs on the shared protocol engine, like <see cref="Saop"/>: the deadline (round limit and wall
/// time) is a <see cref="SessionClock"/> on the injected <see cref="TimeProvider"/>; party p's random
/// source is seeded with <see cref="Saop.AgentSeed"/>(seed, p) and the mediator's with
/// (seed, parties), so a run replays exactly from its seed; every call into the mediator or a party
/// goes through an <see cref="AgentCallGuard"/> (with <see cref="MediationOptions.ActionTimeLimit"/>
/// the session runs under the <see cref="SessionWatchdog"/>): an exception or an overrun ends the
/// session with <see cref="MediationEndReason.Failure"/> and a <see cref="SessionFailure"/> naming
/// who failed, and never escapes; events (the mediator's texts, each party's accept or reject) go to
/// the <see cref="ISessionObserver"/> and the <see cref="SessionTrace"/> as SAOP's do. Profiles reach
/// the mediator only when it is trusted; a party's voter sees only its own profile.
/// </remarks>
public sealed class MediationSession
{
    private readonly Scenario _scenario;
    private readonly MediatorStrategy _mediator;
    private readonly Voter[] _voters;
    private readonly Party[] _parties;
    private readonly Profile[] _profiles;
    private readonly MediationOptions _options;
    private readonly TimeProvider _time;
    private readonly Random _mediatorRandom;
    private readonly Random[] _voterRandoms;
    private readonly string[] _actors;
    private readonly int _seed;
    private AgentCallGuard _guard = null!;

    /// <summary>Creates a session.</summary>
    /// <param name="scenario">The scenario; its negotiators are the parties.</param>
    /// <param name="mediator">The mediator's strategy (used for this session only).</param>
    /// <param name="voters">One voter strategy per negotiator, in order, or a single one for all.</param>
    /// <param name="options">Protocol, round limit, agenda.</param>
    /// <param name="seed">The seed every random source derives from.</param>
    /// <param name="time">The clock for <see cref="MediationOptions.TimeLimit"/>; the system clock when null.</param>
    public MediationSession(Scenario scenario, MediatorStrategy mediator, IReadOnlyList<Voter> voters, MediationOptions? options = null, int seed = 0, TimeProvider? time = null)
    {
        _scenario = scenario;
        _mediator = mediator;
        _parties = scenario.Negotiators.ToArray();
        _profiles = _parties.Select(p => p.Profile!).ToArray();
        if (_parties.Length == 0)
        {
            throw new ArgumentException($"Scenario '{scenario.Name}' has no negotiating parties.", nameof(scenario));
        }

        _voters = voters.Count == 1 ? Enumerable.Repeat(voters[0], _parties.Length).ToArray() : voters.ToArray();
        if (_voters.Length != _parties.Length)
        {
            throw new ArgumentException($"Scenario '{scenario.Name}' has {_parties.Length} parties; {voters.Count} voters were given.", nameof(voters));
        }

        _options = options ?? new MediationOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.Rounds);
        _time = time ?? TimeProvider.System;
        _seed = seed;
        _mediatorRandom = new Random(Saop.AgentSeed(seed, _parties.Length));
        _voterRandoms = Enumerable.Range(0, _parties.Length).Select(k => new Random(Saop.AgentSeed(seed, k))).ToArray();
        _actors = [.. _parties.Select(p => p.Name), scenario.Mediator?.Name ?? "mediator"];
        if (_options.Agenda is { } agenda)
        {
            foreach (var i in agenda)
            {
                if ((uint)i >= (uint)scenario.Domain.IssueCount)
                {
                    throw new ArgumentException($"The agenda names issue #{i}; the domain has {scenario.Domain.IssueCount}.", nameof(options));
                }
            }
        }
    }

    private Domain Domain => _scenario.Domain;

    /// <summary>The index of the mediator among the actors of the event stream (after the parties).</summary>
    private int MediatorActor => _parties.Length;

    /// <summary>Runs the session to its end.</summary>
    /// <remarks>Call once: a session and its strategies serve one run.</remarks>
    public MediationResult Run(IMediationObserver? observer = null, CancellationToken cancellationToken = default)
    {
        _guard = new AgentCallGuard(_options.ActionTimeLimit, _time, _actors);
        var run = new RunState(this, observer, cancellationToken);
        return SessionWatchdog.Run(_guard, () => Body(run), failure =>
        {
            run.Failure = failure;
            return Finish(run);
        });
    }

    private MediationResult Body(RunState run)
    {
        run.Clock.Start();
        try
        {
            if (_options.Agenda is null)
            {
                RunPackage(run);
            }
            else
            {
                RunAgenda(run);
            }
        }
        catch (StrategyFailure failure)
        {
            run.Failure = failure.Failure;
        }
        catch (AbandonedRun)
        {
            return null!; // the watchdog abandoned the session and owns its result
        }

        return Finish(run);
    }

    /// <summary>Asks the mediator for its opening text and adopts it; null (and <c>NoText</c> set) when it has none.</summary>
    private Outcome? OpenText(RunState run)
    {
        var first = Call(MediatorActor, () => _mediator.Open(run.View));
        if (first is null)
        {
            run.NoText = true;
            return null;
        }

        run.View.Adopt(first);
        return first;
    }

    private void RunPackage(RunState run)
    {
        var view = run.View;
        if (OpenText(run) is not { } first)
        {
            return;
        }

        var lastUnanimous = first;
        run.Publish(PartialOutcome.From(first), ProvisionalStatuses(first), $"Opening text by the {_mediator.Name} mediator.");
        while (run.NextRound())
        {
            var candidate = Call(MediatorActor, () => _mediator.Propose(view));
            if (candidate is null)
            {
                break;
            }

            CheckDraft(candidate);
            if (view.Guard.IsCrossed(candidate.Levels))
            {
                throw InvalidDraft("drafted a text that crosses a red line");
            }

            view.MarkTried(candidate);
            var incumbent = view.Incumbent!;
            var ballots = new Ballot[_parties.Length];
            var accepts = 0;
            var better = 0;
            var worse = 0;
            var vetoed = new HashSet<int>();
            for (var p = 0; p < _parties.Length; p++)
            {
                var context = new VoteContext(_profiles[p], candidate, incumbent, view.Time, _voterRandoms[p]);
                var utility = _profiles[p].Utility(candidate);
                var voter = _voters[p];
                switch (_options.Protocol)
                {
                    case MediatedProtocol.Feedback:
                        var answer = Call(p, () => voter.Answer(context));
                        better += answer == Feedback.Better ? 1 : 0;
                        worse += answer == Feedback.Worse ? 1 : 0;
                        ballots[p] = new Ballot(_parties[p].Name, answer != Feedback.Worse, answer, [], utility);
                        break;
                    case MediatedProtocol.Veto:
                        var blocks = Call(p, () => voter.Veto(context));
                        vetoed.UnionWith(blocks);
                        ballots[p] = new Ballot(_parties[p].Name, blocks.Count == 0, null, blocks, utility);
                        break;
                    default:
                        var vote = Call(p, () => voter.Vote(context));
                        ballots[p] = new Ballot(_parties[p].Name, vote, null, [], utility);
                        break;
                }

                accepts += ballots[p].Accepted ? 1 : 0;
            }

            var tally = new BallotTally(_parties.Length, accepts, better, worse);
            Outcome? adopted = null;
            if (_options.Protocol == MediatedProtocol.Veto)
            {
                var levels = incumbent.Levels.ToArray();
                var changed = false;
                for (var i = 0; i < levels.Length; i++)
                {
                    if (candidate[i] != incumbent[i] && !vetoed.Contains(i))
                    {
                        levels[i] = candidate[i];
                        changed = true;
                    }
                }

                if (changed && !view.Guard.IsCrossed(levels))
                {
                    adopted = new Outcome(levels);
                }
            }
            else if (Call(MediatorActor, () => _mediator.Adopt(view, candidate, tally)))
            {
                adopted = candidate;
            }

            if (adopted is not null)
            {
                view.Adopt(adopted);
                if (tally.Unanimous || _options.Protocol == MediatedProtocol.Veto)
                {
                    lastUnanimous = adopted;
                }

                run.Publish(PartialOutcome.From(adopted), ProvisionalStatuses(adopted), Describe(incumbent, adopted, tally));
            }

            run.Record(candidate, null, ballots, adopted is not null);
        }

        // Signing: the current text, else the last text every party accepted.
        var final = view.Incumbent!;
        if (!AllSign(final) && !final.Equals(lastUnanimous) && AllSign(lastUnanimous))
        {
            final = lastUnanimous;
        }

        if (AllSign(final))
        {
            final = PostSettle(run, final);
            run.Publish(PartialOutcome.From(final), Enumerable.Repeat(ArticleStatus.Agreed, Domain.IssueCount).ToArray(), "Signed by every party.");
            run.Agreed = PartialOutcome.From(final);
            return;
        }

        run.Agreed = AgreeArticles(run, PartialOutcome.From(final));
        run.PublishFinal(run.Agreed, "Not every party signs the whole text: the articles they all accept are agreed, the rest stay open.");
    }

    private void RunAgenda(RunState run)
    {
        var view = run.View;
        if (OpenText(run) is null)
        {
            return;
        }

        var order = _options.Agenda!.Distinct().Concat(Enumerable.Range(0, Domain.IssueCount)).Distinct().ToArray();
        var settled = PartialOutcome.AllOpen(Domain.IssueCount);
        run.Publish(settled, Enumerable.Repeat(ArticleStatus.Open, Domain.IssueCount).ToArray(), $"Agenda: {string.Join(", ", order.Select(i => Domain.Issues[i].Name))}.");
        foreach (var issue in order)
        {
            if (run.OutOfTime)
            {
                break;
            }

            view.Restrict(settled, issue);
            var attempts = 2 * Domain.Issues[issue].Cardinality;
            var agreed = false;
            var firstAttempt = true;
            while (attempts-- > 0 && run.NextRound())
            {
                // The opening text's clause goes to the table first; then the strategy revises it.
                var opening = view.Incumbent!;
                var candidate = firstAttempt && !view.Guard.IsCrossed(settled.Settle(issue, opening[issue])) && !_mediator.IsTrusted
                    ? opening
                    : Call(MediatorActor, () => _mediator.Propose(view));
                firstAttempt = false;
                if (candidate is null)
                {
                    break;
                }

                CheckDraft(candidate);
                var level = candidate[issue];
                if (view.Guard.IsCrossed(settled.Settle(issue, level)))
                {
                    throw InvalidDraft("drafted a clause that crosses a red line");
                }

                view.MarkTried(candidate);
                var ballots = new Ballot[_parties.Length];
                var accepts = 0;
                for (var p = 0; p < _parties.Length; p++)
                {
                    var context = new ArticleContext(_profiles[p], settled, issue, level, view.Time, _voterRandoms[p]);
                    var voter = _voters[p];
                    var yes = Call(p, () => voter.AcceptArticle(context));
                    ballots[p] = new Ballot(_parties[p].Name, yes, null, [], _profiles[p].Utility(candidate));
                    accepts += yes ? 1 : 0;
                }

                agreed = accepts == _parties.Length;
                var draft = settled.Settle(issue, level);
                var statuses = StatusesOf(settled);
                statuses[issue] = agreed ? ArticleStatus.Agreed : ArticleStatus.Proposed;
                run.Publish(draft, statuses, agreed
                    ? $"Article {issue + 1} ({Domain.Issues[issue].Name}) agreed."
                    : $"Article {issue + 1} ({Domain.Issues[issue].Name}): clause '{Domain.Issues[issue].FormatLevel(level)}' proposed, {_parties.Length - accepts} of {_parties.Length} parties object.");
                run.Record(candidate, issue, ballots, agreed);
                if (agreed)
                {
                    settled = settled.Settle(issue, level);
                    view.Adopt(candidate);
                    break;
                }
            }

            if (!agreed && run.Current.Draft[issue] != PartialOutcome.Open)
            {
                run.Publish(settled, StatusesOf(settled), $"Article {issue + 1} ({Domain.Issues[issue].Name}) stays open: no clause is acceptable to every party on its own.");
            }
        }

        // A trusted mediator may then put a package across the open articles (a cross-issue trade),
        // and reopen agreed articles only if every party signs the reopened package.
        if (_mediator.IsTrusted && !settled.IsComplete && run.NextRound())
        {
            settled = TryPackage(run, settled);
        }

        if (settled.TryComplete(out var whole) && !AllSign(whole))
        {
            settled = settled.Reopen(order[^1]);
        }

        run.Agreed = settled;
        if (settled.IsComplete)
        {
            var deal = PostSettle(run, new Outcome(settled.Levels));
            run.Agreed = PartialOutcome.From(deal);
        }

        run.PublishFinal(run.Agreed, run.Agreed.IsComplete ? "Every article agreed." : "End of the agenda: agreed articles stand; the rest stay open.");
    }

    private PartialOutcome TryPackage(RunState run, PartialOutcome settled)
    {
        var reservations = _profiles.Select(p => p.ReservationValue).ToArray();
        var package = PackageSearch.Best(_profiles, run.View.Guard, settled, reservations, ((TrustedMediator)_mediator).Objective, _mediatorRandom)?.Outcome;
        var note = "Package across the open articles (a cross-issue trade) signed by every party.";
        if (package is null)
        {
            package = PackageSearch.Best(_profiles, run.View.Guard, PartialOutcome.AllOpen(Domain.IssueCount), reservations, ((TrustedMediator)_mediator).Objective, _mediatorRandom)?.Outcome;
            note = "Agreed articles reopened, with every party's consent, for a package every party signs.";
        }

        if (package is null)
        {
            return settled;
        }

        var ballots = new Ballot[_parties.Length];
        var signs = 0;
        for (var p = 0; p < _parties.Length; p++)
        {
            var voter = _voters[p];
            var profile = _profiles[p];
            var yes = Call(p, () => voter.Sign(profile, package));
            ballots[p] = new Ballot(_parties[p].Name, yes, null, [], profile.Utility(package));
            signs += yes ? 1 : 0;
        }

        var all = signs == _parties.Length;
        if (all)
        {
            run.Publish(PartialOutcome.From(package), Enumerable.Repeat(ArticleStatus.Agreed, Domain.IssueCount).ToArray(), note);
        }

        run.Record(package, null, ballots, all);
        return all ? PartialOutcome.From(package) : settled;
    }

    private Outcome PostSettle(RunState run, Outcome deal)
    {
        if (!_mediator.IsTrusted && !_options.PostSettlement)
        {
            return deal;
        }

        for (var step = 0; step < 5; step++)
        {
            var better = PostSettlement.Improve(_profiles, run.View.Guard, deal, _mediatorRandom);
            if (better is null)
            {
                break;
            }

            var ballots = new Ballot[_parties.Length];
            var accepts = 0;
            for (var p = 0; p < _parties.Length; p++)
            {
                var context = new VoteContext(_profiles[p], better, deal, 1.0, _voterRandoms[p]);
                var voter = _voters[p];
                var yes = Call(p, () => voter.Vote(context));
                ballots[p] = new Ballot(_parties[p].Name, yes, null, [], _profiles[p].Utility(better));
                accepts += yes ? 1 : 0;
            }

            var adopted = accepts == _parties.Length;
            if (adopted)
            {
                run.Publish(PartialOutcome.From(better), Enumerable.Repeat(ArticleStatus.Agreed, Domain.IssueCount).ToArray(), "Post-settlement improvement: every party is at least as well off.");
            }

            run.Record(better, null, ballots, adopted);
            if (!adopted)
            {
                break;
            }

            deal = better;
        }

        return deal;
    }

    private PartialOutcome AgreeArticles(RunState run, PartialOutcome text)
    {
        var settled = PartialOutcome.AllOpen(text.Count);
        for (var i = 0; i < text.Count; i++)
        {
            if (text[i] == PartialOutcome.Open)
            {
                continue;
            }

            var all = true;
            for (var p = 0; p < _parties.Length && all; p++)
            {
                var context = new ArticleContext(_profiles[p], settled, i, text[i], 1.0, _voterRandoms[p]);
                var voter = _voters[p];
                all = Call(p, () => voter.AcceptArticle(context));
            }

            if (all)
            {
                settled = settled.Settle(i, text[i]);
            }
        }

        // Articles agreed one by one never make a complete agreement the parties would not sign.
        if (settled.TryComplete(out var whole) && !AllSign(whole))
        {
            settled = settled.Reopen(text.Count - 1);
        }

        return settled;
    }

    private ArticleStatus[] ProvisionalStatuses(Outcome text)
    {
        var statuses = new ArticleStatus[text.Count];
        var settled = PartialOutcome.AllOpen(text.Count);
        for (var i = 0; i < text.Count; i++)
        {
            var all = true;
            foreach (var p in _profiles)
            {
                if (!ArticleAcceptance.Accepts(p, settled, i, text[i]))
                {
                    all = false;
                    break;
                }
            }

            statuses[i] = all ? ArticleStatus.Agreed : ArticleStatus.Proposed;
            if (all)
            {
                settled = settled.Settle(i, text[i]);
            }
        }

        return statuses;
    }

    private static ArticleStatus[] StatusesOf(PartialOutcome settled)
    {
        var statuses = new ArticleStatus[settled.Count];
        for (var i = 0; i < statuses.Length; i++)
        {
            statuses[i] = settled.IsSettled(i) ? ArticleStatus.Agreed : ArticleStatus.Open;
        }

        return statuses;
    }

    private bool AllSign(Outcome text)
    {
        for (var p = 0; p < _parties.Length; p++)
        {
            var voter = _voters[p];
            var profile = _profiles[p];
            if (!Call(p, () => voter.Sign(profile, text)))
            {
                return false;
            }
        }

        return true;
    }

    private string Describe(Outcome from, Outcome to, BallotTally tally)
    {
        var changes = new List<string>();
        for (var i = 0; i < from.Count; i++)
        {
            if (from[i] != to[i])
            {
                changes.Add($"{Domain.Issues[i].Name}: {Domain.Issues[i].FormatLevel(from[i])} → {Domain.Issues[i].FormatLevel(to[i])}");
            }
        }

        var how = tally.Unanimous ? "accepted by every party" : $"adopted by the mediator over {tally.Rejects} objection(s)";
        return $"{string.Join("; ", changes)} ({how}).";
    }

    private MediationResult Finish(RunState run)
    {
        var agreed = run.Failure is null ? run.Agreed ?? PartialOutcome.AllOpen(Domain.IssueCount) : PartialOutcome.AllOpen(Domain.IssueCount);
        var agreement = GapAnalysis.Analyse(_scenario, agreed, new Random(Saop.AgentSeed(0, GapAnalysisStream)));
        var failed = run.Failure is not null || run.NoText;
        var reason = failed ? MediationEndReason.Failure
            : agreed.IsComplete ? MediationEndReason.Agreement
            : agreed.SettledCount > 0 ? MediationEndReason.Partial
            : MediationEndReason.Deadline;
        var utilities = _profiles.Select(p => agreed.TryComplete(out var o) ? p.Utility(o) : p is AdditiveProfile a ? a.SettledUtility(agreed) : 0.0).ToArray();
        if (run.Versions.Count == 0)
        {
            run.Versions.Add(NegotiatingText.Blank(Domain));
        }

        return new MediationResult(
            reason,
            _mediator.Name,
            _voters.Select(v => v.Name).ToArray(),
            _options.Protocol,
            _parties.Select(p => p.Name).ToArray(),
            run.Trace.Count,
            run.Versions,
            run.Trace,
            agreement,
            utilities,
            run.Failure is { } f ? $"{f.PartyName} failed: {f.Reason}" : run.NoText ? "No text avoids every party's red lines." : null)
        {
            Events = run.Events,
            Failure = run.Failure,
            Seed = _seed,
            Elapsed = run.Clock.Elapsed,
        };
    }

    // Every call into a strategy goes through the guard, as in SAOP: exceptions and overruns become
    // a SessionFailure attributed to the actor; an abandoned call unwinds the run without touching it.
    private T Call<T>(int actor, Func<T> action)
    {
        _guard.Enter(actor);
        T value;
        try
        {
            value = action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            if (_guard.Exit(actor))
            {
                throw new StrategyFailure(new SessionFailure(actor, _actors[actor], FailureKind.Exception, $"threw {ex.GetType().Name}: {ex.Message}"), ex);
            }

            throw Refused();
        }

        if (!_guard.Exit(actor))
        {
            throw Refused();
        }

        return value;
    }

    // A text the protocol must not put to the parties is the mediator's failure, as an invalid offer is an agent's in SAOP.
    private void CheckDraft(Outcome candidate)
    {
        if (!Domain.IsValid(candidate.Levels))
        {
            throw InvalidDraft($"drafted a text outside the domain ({candidate})");
        }
    }

    private StrategyFailure InvalidDraft(string reason) =>
        new(new SessionFailure(MediatorActor, _actors[MediatorActor], FailureKind.InvalidAction, reason), null);

    private Exception Refused() => _guard.IsAbandoned ? new AbandonedRun() : new StrategyFailure(_guard.Failure!, null);

    // The stream of the random source GapAnalysis uses when it cannot enumerate (independent of the session's seed).
    private const int GapAnalysisStream = 99;

    private sealed class StrategyFailure(SessionFailure failure, Exception? inner) : Exception(failure.Reason, inner)
    {
        public SessionFailure Failure { get; } = failure;
    }

    private sealed class AbandonedRun : Exception;

    private sealed class RunState
    {
        private readonly MediationSession _session;
        private readonly IMediationObserver? _observer;
        private readonly CancellationToken _cancellation;
        private readonly double[] _utilities;

        public RunState(MediationSession session, IMediationObserver? observer, CancellationToken cancellation)
        {
            _session = session;
            _observer = observer;
            _cancellation = cancellation;
            Clock = new SessionClock(new Deadline(session._options.Rounds, session._options.TimeLimit), session._time);
            Events = session._options.RecordEvents ? new SessionTrace(session.Domain, session._actors, 4 * (session._actors.Length + 1)) : null;
            _utilities = new double[session._actors.Length];
            View = new MediatorView(
                session.Domain,
                new RedLineGuard(session.Domain, session._profiles),
                session._mediatorRandom,
                session._mediator.IsTrusted ? session._profiles : null,
                session._options.Rounds);
        }

        public MediatorView View { get; }

        public List<NegotiatingText> Versions { get; } = [];

        public List<MediationRound> Trace { get; } = [];

        public NegotiatingText Current => Versions.Count > 0 ? Versions[^1] : NegotiatingText.Blank(_session.Domain);

        public PartialOutcome? Agreed { get; set; }

        public SessionFailure? Failure { get; set; }

        public bool NoText { get; set; }

        public SessionClock Clock { get; }

        public SessionTrace? Events { get; }

        public bool OutOfTime
        {
            get
            {
                _cancellation.ThrowIfCancellationRequested();
                return Clock.IsOver(Trace.Count);
            }
        }

        public bool NextRound()
        {
            if (OutOfTime)
            {
                return false;
            }

            View.Round = Trace.Count;
            View.Time = Clock.TimeAt(Trace.Count, 0, 1);
            return true;
        }

        public void Publish(PartialOutcome draft, IReadOnlyList<ArticleStatus> statuses, string note)
        {
            var text = Versions.Count == 0
                ? new NegotiatingText(_session.Domain, draft, statuses, 1, note)
                : Versions[^1].Revise(draft, statuses, note);
            Versions.Add(text);
            _observer?.OnRevision(text);
        }

        public void PublishFinal(PartialOutcome agreed, string note)
        {
            var statuses = StatusesOf(agreed);
            if (Versions.Count > 0 && Versions[^1].Draft.Equals(agreed) && Versions[^1].Statuses.SequenceEqual(statuses))
            {
                return;
            }

            Publish(agreed, statuses, note);
        }

        public void Record(Outcome proposal, int? issue, IReadOnlyList<Ballot> ballots, bool adopted)
        {
            // The event stream: the mediator's text, then each party's answer to it.
            var observer = _session._options.Observer;
            if (Events is not null || observer is not null)
            {
                var profiles = _session._profiles;
                for (var p = 0; p < profiles.Length; p++)
                {
                    _utilities[p] = profiles[p].Utility(proposal.Levels);
                }

                _utilities[^1] = double.NaN;
                Emit(new SessionEvent(Trace.Count, View.Time, _session.MediatorActor, ActionKind.Offer, proposal), observer);
                for (var p = 0; p < ballots.Count; p++)
                {
                    Emit(new SessionEvent(Trace.Count, View.Time, p, ballots[p].Accepted ? ActionKind.Accept : ActionKind.Reject, proposal), observer);
                }
            }

            var round = new MediationRound(Trace.Count + 1, proposal, issue, ballots, adopted, Current.Version, View.Time);
            Trace.Add(round);
            _observer?.OnRound(round, Current);
        }

        private void Emit(in SessionEvent e, ISessionObserver? observer)
        {
            Events?.Add(e, _utilities);
            observer?.OnEvent(e, _utilities);
        }
    }
}
