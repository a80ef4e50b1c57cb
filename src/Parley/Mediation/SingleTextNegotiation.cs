using Parley.Agents;
using Parley.Domains;
using Parley.Protocols;
using Parley.Protocols.Views;

namespace Parley.Mediation;

/// <summary>
/// Mediation over a single negotiating text, as a state machine: the mediator drafts, the parties
/// answer (votes, feedback or vetoes, or article by article in issue-by-issue mode), the mediator
/// revises, until the deadline or until it has nothing left to propose; then the parties sign the
/// text or the articles they can all agree on.
/// </summary>
/// <remarks>
/// <para>Actors: the parties 0..n−1 and the mediator n (<see cref="NegotiationSetup.Mediator"/> must be
/// set). <see cref="Phase"/> says who may act (see <see cref="SingleTextPhase"/> and docs/mediation.md):
/// the mediator proposes (<see cref="ActionKind.ProposeText"/>), passes (<see cref="ActionKind.Pass"/>)
/// or decides (<see cref="ActionKind.Decide"/>); the parties answer a ballot
/// (<see cref="ActionKind.Vote"/>) or sign (<see cref="ActionKind.Sign"/>). The ballots of a round are
/// collected concurrently: every party may answer once, in any order; the round closes when all
/// have answered, when a signature round is decided (at the first refusal), or when
/// <see cref="SingleTextSettings.RoundTime"/> runs out, and then every missing ballot counts as an
/// objection (a "no", a "worse", a veto of every changed article).</para>
/// <para>Refusals: not your turn (or already answered), an action of the wrong kind, a text outside
/// the domain, a text that crosses a declared red line (<see cref="RefusalKind.CrossesRedLine"/>:
/// only declared profiles are checked, a party with none is allowed), a malformed ballot. Every
/// version of the text is a <see cref="EventKind.TextAdopted"/> event with a <see cref="TextDetail"/>;
/// every round (a text put to the parties and their answers) ends with
/// <see cref="EventKind.RoundClosed"/>, so that <see cref="Versions"/> and <see cref="Rounds"/> are a
/// fold of the log and a replayed log gives the same <see cref="MediationResult"/>.</para>
/// <para>Deadlines: the round limit counts the texts put to the parties; when it or the wall-time
/// limit is reached, the mediator proposes no more (a round in progress finishes) and the parties
/// sign. Time t of a round is rounds used / round limit, or wall time / time limit, whichever is larger.</para>
/// </remarks>
public sealed partial class SingleTextNegotiation : Negotiation
{
    /// <summary>The most post-settlement improvements put to the parties after one deal.</summary>
    public const int PostSettlementSteps = 5;

    /// <summary>
    /// How many rounds and versions <see cref="Rounds"/> and <see cref="Versions"/> keep at each end
    /// of a long session (and at most in the evenly spaced sample between): a session of up to twice
    /// as many keeps every one, a longer one keeps a bounded summary, so that memory does not grow
    /// with the rounds played. The event log (<see cref="Negotiation.Observe"/>) sees every one.
    /// </summary>
    public const int KeptAtEachEnd = 1_000;

    private static readonly PhaseDetail[] WholeTextPhases = [.. Enum.GetValues<SingleTextPhase>().Select(p => new PhaseDetail(PhaseName(p), -1))];

    private readonly int _n;
    private readonly int _mediator;
    private readonly int _roundLimit;
    private readonly long _timeLimit;
    private readonly long _roundTime;
    private readonly RedLineGuard _guard;
    private readonly bool _allDeclared;
    private readonly int[]? _order;
    private readonly int[] _agendaPosition;
    private readonly PhaseDetail[][] _articlePhases;
    private readonly KeptHistory<NegotiatingText> _versions = new(KeptAtEachEnd);
    private readonly KeptHistory<MediationRound> _rounds = new(KeptAtEachEnd);
    private readonly int[] _answers;
    private readonly int[] _acceptances;
    private readonly IReadOnlyList<int>?[] _vetoes;
    private int _answered;
    private int _accepts;
    private int _better;
    private int _worse;
    private bool _decidedAdopt;
    private bool _adoptedInRound;
    private int _attempts;
    private int _postSteps;
    private long _roundOpenedAt;

    /// <summary>Creates a session that has not started.</summary>
    /// <exception cref="ArgumentException">No mediator in the setup, a deadline that limits nothing, an agenda naming an unknown issue, or a round time that is not positive or without a clock (<see cref="NegotiationSetup.RecordElapsed"/>).</exception>
    public SingleTextNegotiation(NegotiationSetup setup, SingleTextSettings settings)
        : base(setup)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (setup.Mediator is null)
        {
            throw new ArgumentException("A mediated negotiation needs a mediator.", nameof(setup));
        }

        (_roundLimit, _timeLimit) = DeadlineLimits.Of(setup.Deadline);
        if (settings.RoundTime is { } rt && rt <= TimeSpan.Zero)
        {
            throw new ArgumentException($"The round time must be positive (got {rt}).", nameof(settings));
        }

        if (settings.RoundTime is not null && setup.Deadline.Time is null && !setup.RecordElapsed)
        {
            throw new ArgumentException("A round time needs the session's clock: set the setup's RecordElapsed (or a time deadline).", nameof(setup));
        }

        Settings = settings;
        _n = setup.PartyCount;
        _mediator = _n;
        _roundTime = settings.RoundTime?.Ticks ?? 0;
        var declared = setup.Profiles.Where(p => p is not null).Select(p => p!).ToArray();
        _allDeclared = declared.Length == _n;
        _guard = new RedLineGuard(setup.Domain, declared);
        var issues = setup.Domain.IssueCount;
        if (settings.Agenda is { } agenda)
        {
            foreach (var i in agenda)
            {
                if ((uint)i >= (uint)issues)
                {
                    throw new ArgumentException($"The agenda names issue #{i}; the domain has {issues}.", nameof(settings));
                }
            }

            _order = [.. agenda.Distinct().Concat(Enumerable.Range(0, issues)).Distinct()];
        }

        _agendaPosition = new int[issues];
        if (_order is not null)
        {
            for (var k = 0; k < _order.Length; k++)
            {
                _agendaPosition[_order[k]] = k;
            }
        }

        _articlePhases = new PhaseDetail[issues][];
        _answers = new int[_n];
        _acceptances = new int[_n];
        _vetoes = new IReadOnlyList<int>?[_n];
        Settled = PartialOutcome.AllOpen(issues);
        Agreed = Settled;
    }

    /// <summary>The rules: protocol, agenda, trust, round time.</summary>
    public SingleTextSettings Settings { get; }

    /// <inheritdoc />
    public override string Protocol => "single-text";

    /// <summary>
    /// What each audience may see: ballots are secret from the other parties and the public (the
    /// mediator sees them all, it decides on them); the mediator sees the declared profiles only
    /// when the parties confided them (<see cref="SingleTextSettings.Trusted"/>).
    /// </summary>
    public ViewPolicy ViewPolicy => new(SecretBallot: true, MediatorSeesBallots: true, MediatorSeesProfiles: Settings.Trusted);

    /// <summary>The mediator's actor index (the number of parties).</summary>
    public int MediatorActor => _mediator;

    /// <summary>The phase in progress.</summary>
    public SingleTextPhase Phase { get; private set; }

    /// <summary>
    /// The sequence of the <see cref="EventKind.PhaseBegan"/> event that opened the phase in progress:
    /// a host that lets people answer at their own pace submits a ballot only while this is the
    /// phase the person saw, so that a late answer to a closed round is never counted in the next.
    /// </summary>
    public long PhaseStartedAt { get; private set; } = -1;

    /// <inheritdoc />
    public override long StepStartedAt => PhaseStartedAt;

    /// <summary>The article the phase is about (the agenda item, the article put to agreement, the article a failed ratification reopens), or −1.</summary>
    public int PhaseArticle { get; private set; } = -1;

    /// <summary>The text the phase is about: the text to sign, the text whose articles are agreed one by one, the deal a post-settlement improvement must beat; null otherwise.</summary>
    public Outcome? PhaseText { get; private set; }

    /// <summary>The text on the table (the last one the mediator proposed), once there is one.</summary>
    public Outcome? Candidate { get; private set; }

    /// <summary>The current whole text (whole-text mode: the last adopted; issue-by-issue: the opening text, then the last candidate whose clause was agreed).</summary>
    public Outcome? Incumbent { get; private set; }

    /// <summary>The last text every party accepted (whole-text mode), the fallback of the signing phase.</summary>
    public Outcome? LastUnanimous { get; private set; }

    /// <summary>The articles agreed so far (issue-by-issue mode, or article by article after a failed signature).</summary>
    public PartialOutcome Settled { get; private set; }

    /// <summary>What was agreed, once the session is over (every article open on a failure).</summary>
    public PartialOutcome Agreed { get; private set; }

    /// <summary>
    /// The versions of the negotiating text, first to last: every one while there are at most
    /// 2 × <see cref="KeptAtEachEnd"/>, otherwise the first and last <see cref="KeptAtEachEnd"/> and an
    /// evenly spaced sample between (each carries its <see cref="NegotiatingText.Version"/>).
    /// </summary>
    public IReadOnlyList<NegotiatingText> Versions => _versions;

    /// <summary>How many versions of the text were published (the last one's number).</summary>
    public int VersionCount => _versions.Total;

    /// <summary>In how many of all the rounds closed the text (or its unvetoed part) was adopted.</summary>
    public int AdoptedRounds { get; private set; }

    /// <summary>In how many of all the rounds closed each party accepted the text put to it, in party order.</summary>
    public IReadOnlyList<int> Acceptances => _acceptances;

    /// <summary>
    /// The rounds closed so far (a text put to the parties, their answers, and whether it was
    /// adopted), kept as <see cref="Versions"/> are: every one while there are at most
    /// 2 × <see cref="KeptAtEachEnd"/>, otherwise the first and last ones and an evenly spaced sample.
    /// <see cref="Negotiation.Round"/> counts them all.
    /// </summary>
    public IReadOnlyList<MediationRound> Rounds => _rounds;

    /// <summary>Normalised time at which the current round began (what the mediator and the parties see as the round's time).</summary>
    public double RoundStartTime { get; private set; }

    /// <summary>The position of the article on the agenda in the agenda order (issue-by-issue mode).</summary>
    public int AgendaPosition => PhaseArticle >= 0 && _order is not null ? _agendaPosition[PhaseArticle] : -1;

    /// <summary>The issues in the order the agenda takes them up (issue-by-issue mode), or null.</summary>
    public IReadOnlyList<int>? AgendaOrder => _order;

    /// <summary>Whether the mediator passed on the opening text (no text avoids every declared red line).</summary>
    public bool NoText { get; private set; }

    /// <summary>Whether <paramref name="party"/> has answered the ballot (or signature) in progress.</summary>
    public bool HasAnswered(int party) => _answers[party] >= 0;

    /// <summary>How the parties answered so far in the round in progress (missing ballots counting as objections).</summary>
    public BallotTally Tally => new(_n, _accepts, _better, _worse + (Settings.Protocol == MediatedProtocol.Feedback && IsWholeTextBallot ? _n - _answered : 0));

    private bool IsWholeTextBallot => Phase is SingleTextPhase.Voting or SingleTextPhase.Deciding;

    private bool Agenda => _order is not null;

    private bool PostSettles => Settings.Trusted || Settings.PostSettlement;

    /// <inheritdoc />
    public override ActionKinds Allowed(int actor)
    {
        if (IsOver || !IsStarted)
        {
            return ActionKinds.None;
        }

        if (actor == _mediator)
        {
            return Phase switch
            {
                SingleTextPhase.Opening or SingleTextPhase.Proposing or SingleTextPhase.AgendaProposing or SingleTextPhase.Package or SingleTextPhase.PostProposing
                    => ActionKinds.ProposeText | ActionKinds.Pass,
                SingleTextPhase.Deciding => ActionKinds.Decide,
                _ when Settings.MediatorClosesBallots && BallotKind(Phase) is not null => ActionKinds.Pass,
                _ => ActionKinds.None,
            };
        }

        if ((uint)actor >= (uint)_n || _answers[actor] >= 0)
        {
            return ActionKinds.None;
        }

        return BallotKind(Phase) switch
        {
            ActionKind.Vote => ActionKinds.Vote,
            ActionKind.Sign => ActionKinds.Sign,
            _ => ActionKinds.None,
        };
    }

    /// <summary>The name of a phase, as logs and people read it.</summary>
    public static string PhaseName(SingleTextPhase phase) => phase switch
    {
        SingleTextPhase.Opening => "opening",
        SingleTextPhase.Proposing => "proposing",
        SingleTextPhase.Voting => "voting",
        SingleTextPhase.Deciding => "deciding",
        SingleTextPhase.Signing => "signing",
        SingleTextPhase.SigningFallback => "signing the last unanimous text",
        SingleTextPhase.ArticleAgreement => "article agreement",
        SingleTextPhase.Ratifying => "ratifying",
        SingleTextPhase.AgendaProposing => "agenda",
        SingleTextPhase.ArticleVoting => "article vote",
        SingleTextPhase.Package => "package",
        SingleTextPhase.PackageSigning => "package signing",
        SingleTextPhase.PostProposing => "post-settlement",
        SingleTextPhase.PostVoting => "post-settlement vote",
        _ => phase.ToString(),
    };

    private static ActionKind? BallotKind(SingleTextPhase phase) => phase switch
    {
        SingleTextPhase.Voting or SingleTextPhase.ArticleVoting or SingleTextPhase.ArticleAgreement or SingleTextPhase.PostVoting => ActionKind.Vote,
        SingleTextPhase.Signing or SingleTextPhase.SigningFallback or SingleTextPhase.Ratifying or SingleTextPhase.PackageSigning => ActionKind.Sign,
        _ => null,
    };

    // Signature rounds that a single refusal decides close at the first one.
    private static bool ClosesAtFirstNo(SingleTextPhase phase) =>
        phase is SingleTextPhase.Signing or SingleTextPhase.SigningFallback or SingleTextPhase.ArticleAgreement or SingleTextPhase.Ratifying;

    // Rounds that count against the round limit and appear in the trace.
    private static bool IsTraceRound(SingleTextPhase phase) =>
        phase is SingleTextPhase.Voting or SingleTextPhase.Deciding or SingleTextPhase.ArticleVoting or SingleTextPhase.PackageSigning or SingleTextPhase.PostVoting;

    /// <inheritdoc />
    protected override RefusalKind Decide(int actor, in NegotiationAction action, long elapsed, out string? message)
    {
        if (actor == _mediator)
        {
            return DecideMediator(action, elapsed, out message);
        }

        var kind = BallotKind(Phase);
        if (kind is null || _answers[actor] >= 0)
        {
            message = kind is null
                ? $"no ballot is open ({PhaseName(Phase)}: {(Phase == SingleTextPhase.Deciding ? "the mediator decides" : "the mediator's turn")})"
                : $"{Setup.Parties[actor]} has already answered in this round";
            return RefusalKind.NotYourTurn;
        }

        if (action.Kind != kind)
        {
            message = $"submitted {action.Kind}; the {PhaseName(Phase)} phase expects {kind}";
            return RefusalKind.NotExpected;
        }

        if (kind == ActionKind.Vote && Phase == SingleTextPhase.Voting && Settings.Protocol == MediatedProtocol.Veto)
        {
            if (action.Detail is not VetoDetail veto)
            {
                message = "a veto ballot needs the vetoed articles (none to accept every change)";
                return RefusalKind.Malformed;
            }

            for (var k = 0; k < veto.Articles.Count; k++)
            {
                if ((uint)veto.Articles[k] >= (uint)Domain.IssueCount)
                {
                    message = $"vetoed article #{veto.Articles[k]}; the text has {Domain.IssueCount}";
                    return RefusalKind.Malformed;
                }
            }

            if (action.Value != (veto.Articles.Count == 0 ? 1 : 0))
            {
                message = "a veto ballot's value is 1 when it vetoes nothing, 0 otherwise";
                return RefusalKind.Malformed;
            }
        }
        else if (kind == ActionKind.Vote && Phase == SingleTextPhase.Voting && Settings.Protocol == MediatedProtocol.Feedback)
        {
            if (action.Value is < (int)Feedback.Better or > (int)Feedback.Worse || action.Detail is not null)
            {
                message = $"feedback is {(int)Feedback.Better} (better), {(int)Feedback.Same} (same) or {(int)Feedback.Worse} (worse); got {action.Value}";
                return RefusalKind.Malformed;
            }
        }
        else if (action.Value is not (0 or 1) || action.Detail is not null)
        {
            message = $"a {(kind == ActionKind.Sign ? "signature" : "ballot")} is 1 (yes) or 0 (no); got {action.Value}";
            return RefusalKind.Malformed;
        }

        message = null;
        var time = TimeAt(elapsed);
        Emit(kind == ActionKind.Sign ? EventKind.Signed : EventKind.BallotCast, actor, null, action.Value, action.Detail, time, elapsed);
        if (_answered == _n || (ClosesAtFirstNo(Phase) && _accepts < _answered))
        {
            CloseBallots(elapsed);
        }

        return RefusalKind.None;
    }

    private RefusalKind DecideMediator(in NegotiationAction action, long elapsed, out string? message)
    {
        var phase = Phase;
        var time = TimeAt(elapsed);
        if (phase == SingleTextPhase.Deciding)
        {
            if (action.Kind != ActionKind.Decide)
            {
                message = $"submitted {action.Kind}; the mediator must decide on the candidate (Decide 1 to adopt, 0 to drop)";
                return RefusalKind.NotExpected;
            }

            if (action.Value is not (0 or 1))
            {
                message = $"a decision is 1 (adopt) or 0 (drop); got {action.Value}";
                return RefusalKind.Malformed;
            }

            message = null;
            var tally = Tally;
            var incumbent = Incumbent!;
            var candidate = Candidate!;
            Emit(EventKind.Decided, _mediator, null, action.Value, null, time, elapsed);
            if (action.Value == 1)
            {
                EmitText(PartialOutcome.From(candidate), ProvisionalStatuses(candidate), Describe(incumbent, candidate, tally), elapsed);
            }

            CloseRound(elapsed);
            NextProposingRound(elapsed);
            return RefusalKind.None;
        }

        if (Settings.MediatorClosesBallots && BallotKind(phase) is not null && action.Kind == ActionKind.Pass)
        {
            // The mediator closes the ballot now: the missing answers count as objections.
            message = null;
            Emit(EventKind.Passed, _mediator, null, 0, null, time, elapsed);
            CloseBallots(elapsed);
            return RefusalKind.None;
        }

        if (phase is not (SingleTextPhase.Opening or SingleTextPhase.Proposing or SingleTextPhase.AgendaProposing or SingleTextPhase.Package or SingleTextPhase.PostProposing))
        {
            message = $"the parties are answering ({PhaseName(phase)}); the mediator waits";
            return RefusalKind.NotYourTurn;
        }

        if (action.Kind == ActionKind.Pass)
        {
            message = null;
            Emit(EventKind.Passed, _mediator, null, 0, null, time, elapsed);
            switch (phase)
            {
                case SingleTextPhase.Opening:
                    EmitEnd(EndReason.Failure, _mediator, null, new AgreementDetail(PartialOutcome.AllOpen(Domain.IssueCount), "No text avoids every party's red lines."), time, elapsed);
                    break;
                case SingleTextPhase.Proposing:
                    EndProposing(elapsed);
                    break;
                case SingleTextPhase.AgendaProposing:
                    IssueStaysOpen(elapsed);
                    NextIssue(AgendaPosition + 1, elapsed);
                    break;
                case SingleTextPhase.Package:
                    AfterPackage(signed: false, elapsed);
                    break;
                default:
                    AfterPost(PhaseText!, elapsed);
                    break;
            }

            return RefusalKind.None;
        }

        if (action.Kind != ActionKind.ProposeText)
        {
            message = $"submitted {action.Kind}; the mediator proposes a text or passes";
            return RefusalKind.NotExpected;
        }

        var text = action.Outcome;
        if (text is null)
        {
            message = "proposed no text (a ProposeText action without an outcome)";
            return RefusalKind.Malformed;
        }

        if (!Domain.IsValid(text.Levels))
        {
            message = $"drafted a text outside the domain ({text})";
            return RefusalKind.OutsideDomain;
        }

        var article = phase == SingleTextPhase.AgendaProposing ? PhaseArticle : -1;
        if (action.Value != article)
        {
            message = article < 0
                ? $"put article #{action.Value} alone to the table; this phase takes the whole text (article −1)"
                : $"put article #{action.Value} to the table; the agenda is at article #{article} ({Domain.Issues[article].Name})";
            return RefusalKind.Malformed;
        }

        if (article >= 0 ? _guard.IsCrossed(Settled.Settle(article, text[article])) : _guard.IsCrossed(text.Levels))
        {
            message = article >= 0 ? "drafted a clause that crosses a red line" : "drafted a text that crosses a red line";
            message += $" (declared by {string.Join(", ", CrossedBy(text, article))})";
            return RefusalKind.CrossesRedLine;
        }

        message = null;
        Emit(EventKind.TextProposed, _mediator, text, article, null, time, elapsed);
        switch (phase)
        {
            case SingleTextPhase.Opening:
                if (Agenda)
                {
                    EmitText(Settled, new int[Domain.IssueCount], $"Agenda: {string.Join(", ", _order!.Select(i => Domain.Issues[i].Name))}.", elapsed);
                    NextIssue(0, elapsed);
                }
                else
                {
                    EmitText(PartialOutcome.From(text), ProvisionalStatuses(text), $"Opening text by the {Settings.MediatorLabel} mediator.", elapsed);
                    NextProposingRound(elapsed);
                }

                break;
            case SingleTextPhase.Proposing:
                BeginPhase(SingleTextPhase.Voting, -1, null, elapsed);
                break;
            case SingleTextPhase.AgendaProposing:
                BeginPhase(SingleTextPhase.ArticleVoting, article, null, elapsed);
                break;
            case SingleTextPhase.Package:
                BeginPhase(SingleTextPhase.PackageSigning, -1, null, elapsed);
                break;
            default:
                BeginPhase(SingleTextPhase.PostVoting, -1, PhaseText, elapsed);
                break;
        }

        return RefusalKind.None;
    }

    private IEnumerable<string> CrossedBy(Outcome text, int article)
    {
        for (var p = 0; p < _n; p++)
        {
            if (Setup.Profiles[p] is { } profile && (article >= 0 ? profile.RedLines.IsCrossed(Settled.Settle(article, text[article])) : profile.CrossesRedLine(text.Levels)))
            {
                yield return Setup.Parties[p];
            }
        }
    }

    // The ballots are in (or the round time ran out): what follows depends on the phase.
    private void CloseBallots(long elapsed)
    {
        var all = _accepts == _n;
        switch (Phase)
        {
            case SingleTextPhase.Voting:
                if (Settings.Protocol != MediatedProtocol.Veto)
                {
                    BeginPhase(SingleTextPhase.Deciding, -1, null, elapsed);
                    return;
                }

                var tally = Tally;
                var incumbent = Incumbent!;
                var candidate = Candidate!;
                var levels = incumbent.Levels.ToArray();
                var changed = false;
                for (var i = 0; i < levels.Length; i++)
                {
                    if (candidate[i] != incumbent[i] && !IsVetoed(i))
                    {
                        levels[i] = candidate[i];
                        changed = true;
                    }
                }

                if (changed && !_guard.IsCrossed(levels))
                {
                    var merged = new Outcome(levels);
                    EmitText(PartialOutcome.From(merged), ProvisionalStatuses(merged), Describe(incumbent, merged, tally), elapsed);
                }

                CloseRound(elapsed);
                NextProposingRound(elapsed);
                return;
            case SingleTextPhase.ArticleVoting:
                var issue = PhaseArticle;
                var level = Candidate![issue];
                var statuses = StatusesOf(Settled);
                statuses[issue] = (int)(all ? ArticleStatus.Agreed : ArticleStatus.Proposed);
                var name = Domain.Issues[issue].Name;
                EmitText(Settled.Settle(issue, level), statuses, all
                    ? $"Article {issue + 1} ({name}) agreed."
                    : $"Article {issue + 1} ({name}): clause '{Domain.Issues[issue].FormatLevel(level)}' proposed, {_n - _accepts} of {_n} parties object.", elapsed);
                CloseRound(elapsed);
                if (all)
                {
                    NextIssue(AgendaPosition + 1, elapsed);
                }
                else if (_attempts < 2 * Domain.Issues[issue].Cardinality && Round < _roundLimit)
                {
                    BeginPhase(SingleTextPhase.AgendaProposing, issue, null, elapsed);
                }
                else
                {
                    IssueStaysOpen(elapsed);
                    NextIssue(AgendaPosition + 1, elapsed);
                }

                return;
            case SingleTextPhase.PackageSigning:
                var package = Candidate!;
                if (all)
                {
                    var note = Settled.IsExtendedBy(package.Levels)
                        ? "Package across the open articles (a cross-issue trade) signed by every party."
                        : "Agreed articles reopened, with every party's consent, for a package every party signs.";
                    EmitText(PartialOutcome.From(package), AllAgreed(), note, elapsed);
                }

                CloseRound(elapsed);
                AfterPackage(signed: all, elapsed);
                return;
            case SingleTextPhase.PostVoting:
                var deal = all ? Candidate! : PhaseText!;
                if (all)
                {
                    EmitText(PartialOutcome.From(deal), AllAgreed(), "Post-settlement improvement: every party is at least as well off.", elapsed);
                }

                CloseRound(elapsed);
                if (all && _postSteps < PostSettlementSteps)
                {
                    BeginPhase(SingleTextPhase.PostProposing, -1, deal, elapsed);
                }
                else
                {
                    AfterPost(deal, elapsed);
                }

                return;
            case SingleTextPhase.Signing:
            case SingleTextPhase.SigningFallback:
                var signed = PhaseText!;
                var first = Phase == SingleTextPhase.Signing;
                CloseRound(elapsed);
                if (all)
                {
                    BeginSettlement(signed, elapsed);
                }
                else if (first && !signed.Equals(LastUnanimous))
                {
                    BeginPhase(SingleTextPhase.SigningFallback, -1, LastUnanimous, elapsed);
                }
                else
                {
                    NextArticle(0, elapsed);
                }

                return;
            case SingleTextPhase.ArticleAgreement:
                var next = PhaseArticle + 1;
                CloseRound(elapsed);
                NextArticle(next, elapsed);
                return;
            case SingleTextPhase.Ratifying:
                CloseRound(elapsed);
                if (Agenda)
                {
                    AfterRatify(elapsed);
                }
                else
                {
                    FinishPartial(elapsed);
                }

                return;
        }
    }

    private bool IsVetoed(int article)
    {
        for (var p = 0; p < _n; p++)
        {
            if (_answers[p] < 0)
            {
                return true; // a missing ballot blocks every change
            }

            if (_vetoes[p] is { } v && v.Contains(article))
            {
                return true;
            }
        }

        return false;
    }

    private void NextProposingRound(long elapsed)
    {
        if (Round < _roundLimit)
        {
            BeginPhase(SingleTextPhase.Proposing, -1, null, elapsed);
        }
        else
        {
            EndProposing(elapsed);
        }
    }

    private void EndProposing(long elapsed) => BeginPhase(SingleTextPhase.Signing, -1, Incumbent, elapsed);

    // Every party signed `final` (whole-text mode): post-settlement, then the agreement.
    private void BeginSettlement(Outcome final, long elapsed)
    {
        if (PostSettles)
        {
            BeginPhase(SingleTextPhase.PostProposing, -1, final, elapsed);
        }
        else
        {
            FinishAgreement(final, elapsed);
        }
    }

    private void AfterPost(Outcome deal, long elapsed)
    {
        if (Agenda)
        {
            FinishAgenda(PartialOutcome.From(deal), elapsed);
        }
        else
        {
            FinishAgreement(deal, elapsed);
        }
    }

    private void FinishAgreement(Outcome final, long elapsed)
    {
        EmitText(PartialOutcome.From(final), AllAgreed(), "Signed by every party.", elapsed);
        End(PartialOutcome.From(final), elapsed);
    }

    private void NextArticle(int from, long elapsed)
    {
        var text = Incumbent!;
        if (from < text.Count)
        {
            BeginPhase(SingleTextPhase.ArticleAgreement, from, text, elapsed);
            return;
        }

        if (Settled.TryComplete(out var whole))
        {
            // Articles agreed one by one never make a complete agreement the parties would not sign.
            BeginPhase(SingleTextPhase.Ratifying, text.Count - 1, whole, elapsed);
            return;
        }

        FinishPartial(elapsed);
    }

    private void FinishPartial(long elapsed)
    {
        PublishFinal(Settled, "Not every party signs the whole text: the articles they all accept are agreed, the rest stay open.", elapsed);
        End(Settled, elapsed);
    }

    private void NextIssue(int position, long elapsed)
    {
        if (position < _order!.Length && Round < _roundLimit && !(_timeLimit > 0 && elapsed >= _timeLimit))
        {
            BeginPhase(SingleTextPhase.AgendaProposing, _order[position], null, elapsed);
        }
        else
        {
            EndAgenda(elapsed);
        }
    }

    private void IssueStaysOpen(long elapsed)
    {
        var issue = PhaseArticle;
        if (_versions.Count > 0 && _versions.Last.Draft[issue] != PartialOutcome.Open)
        {
            EmitText(Settled, StatusesOf(Settled), $"Article {issue + 1} ({Domain.Issues[issue].Name}) stays open: no clause is acceptable to every party on its own.", elapsed);
        }
    }

    // A trusted mediator may then put a package across the open articles (a cross-issue trade),
    // and reopen agreed articles only if every party signs the reopened package.
    private void EndAgenda(long elapsed)
    {
        if (Settings.Trusted && !Settled.IsComplete && Round < _roundLimit && !(_timeLimit > 0 && elapsed >= _timeLimit))
        {
            BeginPhase(SingleTextPhase.Package, -1, null, elapsed);
        }
        else
        {
            AfterPackage(signed: false, elapsed);
        }
    }

    private void AfterPackage(bool signed, long elapsed)
    {
        if (!signed && Settled.TryComplete(out var whole))
        {
            BeginPhase(SingleTextPhase.Ratifying, _order![^1], whole, elapsed);
        }
        else
        {
            AfterRatify(elapsed);
        }
    }

    private void AfterRatify(long elapsed)
    {
        if (Settled.TryComplete(out var whole) && PostSettles)
        {
            BeginPhase(SingleTextPhase.PostProposing, -1, whole, elapsed);
        }
        else
        {
            FinishAgenda(Settled, elapsed);
        }
    }

    private void FinishAgenda(PartialOutcome agreed, long elapsed)
    {
        PublishFinal(agreed, agreed.IsComplete ? "Every article agreed." : "End of the agenda: agreed articles stand; the rest stay open.", elapsed);
        End(agreed, elapsed);
    }

    private void End(PartialOutcome agreed, long elapsed)
    {
        var time = TimeAt(elapsed);
        if (agreed.TryComplete(out var whole))
        {
            EmitEnd(EndReason.Agreement, -1, whole, null, time, elapsed);
        }
        else
        {
            EmitEnd(agreed.SettledCount > 0 ? EndReason.Partial : EndReason.Deadline, -1, null, new AgreementDetail(agreed), time, elapsed);
        }
    }

    private void PublishFinal(PartialOutcome agreed, string note, long elapsed)
    {
        var statuses = StatusesOf(agreed);
        if (_versions.Count > 0 && _versions.Last.Draft.Equals(agreed) && SameStatuses(_versions.Last.Statuses, statuses))
        {
            return;
        }

        EmitText(agreed, statuses, note, elapsed);
    }

    private static bool SameStatuses(IReadOnlyList<ArticleStatus> a, int[] b)
    {
        for (var i = 0; i < b.Length; i++)
        {
            if ((int)a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    private void BeginPhase(SingleTextPhase phase, int article, Outcome? text, long elapsed)
    {
        PhaseDetail detail;
        if (article < 0)
        {
            detail = WholeTextPhases[(int)phase];
        }
        else
        {
            var cache = _articlePhases[article] ??= new PhaseDetail[WholeTextPhases.Length];
            detail = cache[(int)phase] ??= new PhaseDetail(PhaseName(phase), article);
        }

        Emit(EventKind.PhaseBegan, -1, text, (int)phase, detail, TimeAt(elapsed), elapsed);
    }

    private void EmitText(PartialOutcome draft, int[] statuses, string note, long elapsed)
    {
        var version = _versions.Count == 0 ? 1 : _versions.Last.Version + 1;
        Emit(EventKind.TextAdopted, -1, draft.TryComplete(out var whole) ? whole : null, version, new TextDetail(version, draft, statuses, note), TimeAt(elapsed), elapsed);
    }

    private void CloseRound(long elapsed)
    {
        var missing = _n - _answered;
        var worse = _worse + (Settings.Protocol == MediatedProtocol.Feedback && IsWholeTextBallot ? missing : 0);
        Emit(EventKind.RoundClosed, -1, null, _accepts, new TallyDetail(_accepts, _better, worse, missing), TimeAt(elapsed), elapsed);
    }

    // Provisional statuses of a whole text: an article is agreed when every party's declared profile
    // would accept it on its own (given the articles before it; against the status quo when the settings
    // carry one); with any party undeclared, proposed.
    private int[] ProvisionalStatuses(Outcome text)
    {
        var statuses = new int[text.Count];
        var settled = PartialOutcome.AllOpen(text.Count);
        for (var i = 0; i < text.Count; i++)
        {
            var all = _allDeclared;
            for (var p = 0; p < _n && all; p++)
            {
                all = Settings.StatusQuoModel is { } model
                    ? StatusQuoArticleAcceptance.Accepts(model, p, settled, i, text[i])
                    : ArticleAcceptance.Accepts(Setup.Profiles[p]!, settled, i, text[i]);
            }

            statuses[i] = (int)(all ? ArticleStatus.Agreed : ArticleStatus.Proposed);
            if (all)
            {
                settled = settled.Settle(i, text[i]);
            }
        }

        return statuses;
    }

    private int[] AllAgreed()
    {
        var statuses = new int[Domain.IssueCount];
        Array.Fill(statuses, (int)ArticleStatus.Agreed);
        return statuses;
    }

    private static int[] StatusesOf(PartialOutcome settled)
    {
        var statuses = new int[settled.Count];
        for (var i = 0; i < statuses.Length; i++)
        {
            statuses[i] = (int)(settled.IsSettled(i) ? ArticleStatus.Agreed : ArticleStatus.Open);
        }

        return statuses;
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

        var how = tally.Unanimous ? "accepted by every party" : $"adopted by the mediator over {tally.Rejects} objection{(tally.Rejects == 1 ? string.Empty : "s")}";
        return $"{string.Join("; ", changes)} ({how}).";
    }

    /// <inheritdoc />
    protected override void Apply(in NegotiationEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.PhaseBegan:
                var phase = (SingleTextPhase)e.Value;
                var article = ((PhaseDetail)e.Detail!).Article;
                if (phase == SingleTextPhase.AgendaProposing && article != PhaseArticle)
                {
                    _attempts = 0;
                }

                if (phase is SingleTextPhase.Proposing or SingleTextPhase.AgendaProposing or SingleTextPhase.Package)
                {
                    RoundStartTime = e.Time;
                }

                if (phase == SingleTextPhase.ArticleAgreement && article == 0)
                {
                    Settled = PartialOutcome.AllOpen(Domain.IssueCount);
                }

                Phase = phase;
                PhaseStartedAt = e.Sequence;
                PhaseArticle = article;
                PhaseText = e.Outcome;
                if (BallotKind(phase) is not null)
                {
                    _roundOpenedAt = e.Elapsed;
                    Array.Fill(_answers, -1);
                    Array.Clear(_vetoes);
                    _answered = 0;
                    _accepts = 0;
                    _better = 0;
                    _worse = 0;
                    _adoptedInRound = false;
                    _decidedAdopt = false;
                }

                break;
            case EventKind.TextProposed:
                Candidate = e.Outcome;
                if (Phase == SingleTextPhase.Opening)
                {
                    Incumbent = e.Outcome;
                    LastUnanimous = e.Outcome;
                }
                else if (Phase == SingleTextPhase.AgendaProposing)
                {
                    _attempts++;
                }
                else if (Phase == SingleTextPhase.PostProposing)
                {
                    _postSteps++;
                }

                break;
            case EventKind.BallotCast:
            case EventKind.Signed:
                _answers[e.Actor] = e.Value;
                _answered++;
                if (e.Detail is VetoDetail veto)
                {
                    _vetoes[e.Actor] = veto.Articles;
                    _accepts += veto.Articles.Count == 0 ? 1 : 0;
                }
                else if (Phase == SingleTextPhase.Voting && Settings.Protocol == MediatedProtocol.Feedback)
                {
                    _accepts += e.Value != (int)Feedback.Worse ? 1 : 0;
                    _better += e.Value == (int)Feedback.Better ? 1 : 0;
                    _worse += e.Value == (int)Feedback.Worse ? 1 : 0;
                }
                else
                {
                    _accepts += e.Value == 1 ? 1 : 0;
                }

                break;
            case EventKind.Passed:
                if (Phase == SingleTextPhase.Opening)
                {
                    NoText = true;
                }

                break;
            case EventKind.Decided:
                _decidedAdopt = e.Value == 1;
                break;
            case EventKind.TextAdopted:
                var text = (TextDetail)e.Detail!;
                var statuses = new ArticleStatus[text.Statuses.Count];
                for (var i = 0; i < statuses.Length; i++)
                {
                    statuses[i] = (ArticleStatus)text.Statuses[i];
                }

                _versions.Add(new NegotiatingText(Domain, text.Draft, statuses, text.Version, text.Note));
                if (Phase is SingleTextPhase.Voting or SingleTextPhase.Deciding)
                {
                    Incumbent = e.Outcome;
                    _adoptedInRound = true;
                    if (Settings.Protocol == MediatedProtocol.Veto || _accepts == _n)
                    {
                        LastUnanimous = e.Outcome;
                    }
                }
                else if (Phase is SingleTextPhase.PackageSigning or SingleTextPhase.PostVoting)
                {
                    _adoptedInRound = true;
                }

                break;
            case EventKind.RoundClosed:
                var all = e.Value == _n;
                switch (Phase)
                {
                    case SingleTextPhase.ArticleVoting when all:
                        Settled = Settled.Settle(PhaseArticle, Candidate![PhaseArticle]);
                        Incumbent = Candidate;
                        break;
                    case SingleTextPhase.PackageSigning when all:
                        Settled = PartialOutcome.From(Candidate!);
                        break;
                    case SingleTextPhase.ArticleAgreement when all:
                        Settled = Settled.Settle(PhaseArticle, PhaseText![PhaseArticle]);
                        break;
                    case SingleTextPhase.Ratifying when !all:
                        Settled = Settled.Reopen(PhaseArticle);
                        break;
                }

                if (IsTraceRound(Phase))
                {
                    RecordRound(e, all);
                }

                break;
            case EventKind.Ended:
                Agreed = (EndReason)e.Value == EndReason.Failure ? PartialOutcome.AllOpen(Domain.IssueCount)
                    : e.Outcome is { } deal ? PartialOutcome.From(deal)
                    : e.Detail is AgreementDetail a ? a.Agreed
                    : PartialOutcome.AllOpen(Domain.IssueCount);
                break;
        }
    }

    private void RecordRound(in NegotiationEvent e, bool all)
    {
        var proposal = Candidate!;
        var ballots = new Ballot[_n];
        var feedback = Phase is SingleTextPhase.Voting or SingleTextPhase.Deciding && Settings.Protocol == MediatedProtocol.Feedback;
        for (var p = 0; p < _n; p++)
        {
            var value = _answers[p];
            var utility = Setup.Profiles[p] is { } profile ? profile.Utility(proposal.Levels) : double.NaN;
            var vetoed = _vetoes[p] ?? [];
            var accepted = value >= 0 && (feedback ? value != (int)Feedback.Worse : _vetoes[p] is { } v ? v.Count == 0 : value == 1);
            ballots[p] = new Ballot(Setup.Parties[p], accepted, feedback && value >= 0 ? (Feedback)value : null, vetoed, utility);
            if (accepted)
            {
                _acceptances[p]++;
            }
        }

        var adopted = Phase switch
        {
            SingleTextPhase.Deciding => _decidedAdopt,
            SingleTextPhase.ArticleVoting => all,
            _ => _adoptedInRound,
        };
        if (adopted)
        {
            AdoptedRounds++;
        }

        var version = _versions.Count > 0 ? _versions.Last.Version : 0;
        var issue = Phase == SingleTextPhase.ArticleVoting ? PhaseArticle : (int?)null;
        _rounds.Add(new MediationRound(_rounds.Total + 1, proposal, issue, ballots, adopted, version, RoundStartTime));
        Round = _rounds.Total;
    }

    /// <inheritdoc />
    protected override bool IsDeadlineDue(long elapsed)
    {
        if (BallotKind(Phase) is not null)
        {
            return _roundTime > 0 && elapsed - _roundOpenedAt >= _roundTime;
        }

        return _timeLimit > 0 && elapsed >= _timeLimit && Phase is SingleTextPhase.Proposing or SingleTextPhase.AgendaProposing or SingleTextPhase.Package;
    }

    /// <inheritdoc />
    protected override void OnDeadline(long elapsed)
    {
        switch (Phase)
        {
            case SingleTextPhase.Proposing:
                EndProposing(elapsed);
                break;
            case SingleTextPhase.AgendaProposing:
                IssueStaysOpen(elapsed);
                EndAgenda(elapsed);
                break;
            case SingleTextPhase.Package:
                AfterPackage(signed: false, elapsed);
                break;
            default:
                CloseBallots(elapsed);
                break;
        }
    }

    /// <inheritdoc />
    protected override double TimeAt(long elapsed)
    {
        var t = (double)Round / _roundLimit;
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

    /// <inheritdoc />
    protected override void OnStarted() => BeginPhase(SingleTextPhase.Opening, -1, null, Elapsed);
}
