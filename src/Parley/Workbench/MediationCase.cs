using System.Text;
using Parley.Domains;
using Parley.Formats.ParleyJson;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Workbench;

/// <summary>
/// A mediation case as the server stores it: a fold over its event log. The mediator invites
/// delegations and observers, delegations declare confidential profiles, everyone comments,
/// delegations propose amendments, everyone keeps private notes, and the single-text protocol
/// runs rounds and signing.
/// </summary>
/// <remarks>
/// <para><see cref="Decide"/> checks a command against the current state and returns the events it
/// causes (or a refusal, changing nothing); the host stores them, then calls <see cref="Apply"/>.
/// Deciding and applying are separate so that a host can write the events durably (and detect a
/// concurrent writer) before the state moves. The state is a pure function of the log:
/// <see cref="Replay"/> rebuilds it.</para>
/// <para>Views are per audience and computed here, once (<see cref="ViewFor"/>, <see cref="ViewOf"/>): a
/// delegation never sees another delegation's profile, ballots or notes; every host sends only
/// what these functions return. Not thread-safe: the host serialises access.</para>
/// </remarks>
public sealed partial class MediationCase
{
    private readonly List<CaseRecord> _records = [];
    private readonly Dictionary<string, Invitation> _invitations = new(StringComparer.Ordinal);
    private readonly HashSet<long> _shared = [];
    private Profile?[] _profiles = [];
    private Profile?[] _mediatorProfiles = [];
    private IReadOnlyDictionary<string, double>?[] _statusQuoValues = [];
    private IReadOnlyDictionary<string, double>?[] _mediatorStatusQuoValues = [];
    private bool[] _declared = [];
    private string?[] _agents = [];
    private ISingleTextProtocol? _protocol;

    /// <summary>The title.</summary>
    public string Title { get; private set; } = "";

    /// <summary>Where the scenario came from.</summary>
    public string Source { get; private set; } = "";

    /// <summary>The issues and options.</summary>
    public Domain Domain { get; private set; } = null!;

    /// <summary>The scenario the case was made from, or null for a case made from scratch.</summary>
    public Scenario? Scenario { get; private set; }

    /// <summary>The delegations' seats, by name.</summary>
    public IReadOnlyList<string> Seats { get; private set; } = [];

    /// <summary>The version: the number of events applied (the sequence of the last).</summary>
    public long Version => _records.Count;

    /// <summary>The log, in order.</summary>
    public IReadOnlyList<CaseRecord> Records => _records;

    /// <summary>What observers may see.</summary>
    public ObserverAccess ObserverAccess { get; private set; }

    /// <summary>The protocol's state.</summary>
    public SingleTextState Protocol => (_protocol ?? throw new InvalidOperationException("The case has no events.")).State;

    /// <summary>The engine running the case's rounds, votes and signing (its log is stored inside the case's events).</summary>
    public EngineProtocol Engine => _protocol as EngineProtocol ?? throw new InvalidOperationException("The case has no events.");

    /// <summary>The open round's deadline, if any: the one member a host may peek at without holding the case's lock (a timer choosing which cases to tick).</summary>
    public DateTimeOffset? RoundDeadline => _protocol?.Deadline;

    /// <summary>Whether the case is closed.</summary>
    public bool IsClosed => Protocol.Closed;

    /// <summary>The invitations, by id.</summary>
    public IReadOnlyDictionary<string, Invitation> Invitations => _invitations;

    /// <summary>Whether <paramref name="seat"/> has declared a profile.</summary>
    public bool HasDeclared(int seat) => _declared[seat];

    /// <summary>The current profile of <paramref name="seat"/> (confidential: the seat's own view and the protocol use it), or null.</summary>
    public Profile? ProfileOf(int seat) => _profiles[seat];

    /// <summary>The profile of <paramref name="seat"/> as the mediator knows it (its model, or the seat's last shared declaration), or null.</summary>
    public Profile? MediatorProfileOf(int seat) => _mediatorProfiles[seat];

    /// <summary>The values <paramref name="seat"/> gave today's situation, article by article (issue → value in [0, 1]; confidential), or null.</summary>
    public IReadOnlyDictionary<string, double>? StatusQuoValuesOf(int seat) => _statusQuoValues[seat];

    /// <summary>The values of today's situation of <paramref name="seat"/> as the mediator knows them (the seat's last shared declaration), or null.</summary>
    public IReadOnlyDictionary<string, double>? MediatorStatusQuoValuesOf(int seat) => _mediatorStatusQuoValues[seat];

    /// <summary>The built-in agent filling <paramref name="seat"/>, or null when people hold it.</summary>
    public string? AgentOf(int seat) => _agents[seat];

    /// <summary>The seat named <paramref name="name"/>, or −1.</summary>
    public int SeatOf(string name)
    {
        for (var i = 0; i < Seats.Count; i++)
        {
            if (string.Equals(Seats[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The events that create a case from <paramref name="scenario"/> (a built-in scenario or an
    /// uploaded file, already read), with the mediator's first invitation.
    /// </summary>
    public static IReadOnlyList<CaseEvent> Create(string title, string source, Scenario scenario, Invite mediator)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(mediator);
        if (scenario.Negotiators.Count == 0)
        {
            throw new InputException(source, "", "the scenario has no negotiating parties");
        }

        var seats = scenario.Negotiators.Select(p => p.Name).ToArray();
        return [new CaseCreated(title, source, ParleyScenarioWriter.ToJson(scenario)) { Engine = EngineProtocol.StartEvents(scenario.Domain, seats) }, MediatorInvitation(mediator)];
    }

    /// <summary>The events that create a case from scratch: issues, options and seats, with no profiles yet.</summary>
    /// <exception cref="InputException">No issues, an issue without options, repeated names, or no seats.</exception>
    public static IReadOnlyList<CaseEvent> Create(string title, IReadOnlyList<IssueSpec> issues, IReadOnlyList<string> seats, Invite mediator)
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(mediator);
        var domain = BuildDomain(title, issues);
        if (seats.Count == 0 || seats.Any(string.IsNullOrWhiteSpace) || seats.Distinct(StringComparer.Ordinal).Count() != seats.Count)
        {
            throw new InputException("request", "$.seats", "a case needs at least one seat, with distinct, non-empty names");
        }

        return [new CaseCreated(title, "scratch", null, [.. issues], [.. seats]) { Engine = EngineProtocol.StartEvents(domain, [.. seats]) }, MediatorInvitation(mediator)];
    }

    /// <summary>Rebuilds a case from its log.</summary>
    public static MediationCase Replay(IEnumerable<CaseRecord> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        var c = new MediationCase();
        foreach (var r in log)
        {
            c.Apply(r);
        }

        return c;
    }

    /// <summary>The invitation whose token hashes to <paramref name="tokenHash"/>, if any (revoked ones included: check <see cref="Invitation.Revoked"/>).</summary>
    public Invitation? FindByTokenHash(string tokenHash)
    {
        foreach (var i in _invitations.Values)
        {
            if (string.Equals(i.TokenHash, tokenHash, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>Decides <paramref name="command"/> by <paramref name="actor"/> at <paramref name="now"/>: the events it causes, or a refusal.</summary>
    public CaseDecision Decide(Audience actor, CaseCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_protocol is null)
        {
            throw new InvalidOperationException("The case has no events.");
        }

        if (actor.Role == AudienceRole.Delegation && (uint)actor.Seat >= (uint)Seats.Count)
        {
            return CaseDecision.Refuse(CaseRefusalKind.NotFound, "no such seat");
        }

        if (command is not Note && !IsImprovementCommand(command) && IsClosed)
        {
            return CaseDecision.Refuse(CaseRefusalKind.Closed, "the case is closed");
        }

        if (_protocol.Handles(command))
        {
            if (command is OpenRound open && actor.IsMediator && ProblemWithText(open.Text) is { } problem)
            {
                return CaseDecision.Refuse(CaseRefusalKind.Invalid, problem);
            }

            // A deadline that has passed closes its round before anything else happens.
            if (_protocol.IsDue(now))
            {
                return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "the round's deadline has passed; the round closes");
            }

            return _protocol.Decide(actor, command, now);
        }

        return command switch
        {
            Invite invite => DecideInvite(actor, invite),
            Revoke revoke => !actor.IsMediator ? Forbidden("only the mediator revokes invitations")
                : !_invitations.TryGetValue(revoke.Invitation, out var inv) ? CaseDecision.Refuse(CaseRefusalKind.NotFound, "no such invitation")
                : inv.Revoked ? CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "the invitation is already revoked")
                : CaseDecision.Accept(new InvitationRevoked(revoke.Invitation)),
            DeclareProfile declare => DecideDeclare(actor, declare),
            SetObserverAccess access => actor.IsMediator ? CaseDecision.Accept(new ObserverAccessSet(access.Access)) : Forbidden("only the mediator sets what observers see"),
            Comment comment => DecideComment(actor, comment),
            Amend amend => DecideAmend(actor, amend),
            Share share => DecideShare(actor, share),
            Note note => actor.Role == AudienceRole.Observer || !string.IsNullOrWhiteSpace(note.Text)
                ? string.IsNullOrWhiteSpace(note.Text) ? Invalid("a note needs text") : CaseDecision.Accept(new NoteWritten(actor, note.Text))
                : Invalid("a note needs text"),
            AnswerArticles answer => DecideAnswer(actor, answer),
            RecordAgreement agreement => DecideRecordAgreement(actor, agreement),
            WordClause word => DecideWordClause(actor, word),
            FillSeat fill => !actor.IsMediator ? Forbidden("only the mediator fills a seat with an agent")
                : SeatOf(fill.Seat ?? "") is var seat && seat < 0 ? CaseDecision.Refuse(CaseRefusalKind.NotFound, $"no seat named '{fill.Seat}'")
                : !SeatAgents.Names.Contains(fill.Agent ?? "", StringComparer.Ordinal) ? Invalid($"no built-in agent '{fill.Agent}' (known: {string.Join(", ", SeatAgents.Names)})")
                : ProfileOf(seat) is null ? OutOfTurn("the seat has no profile for an agent to vote with")
                : CaseDecision.Accept(new SeatFilledByAgent(seat, fill.Agent!)),
            OfferImprovement => DecideOffer(actor),
            AnswerImprovement answerImprovement => DecideImprovementAnswer(actor, answerImprovement),
            CloseCase close => actor.IsMediator ? CaseDecision.Accept(new CaseClosed(false, string.IsNullOrWhiteSpace(close.Reason) ? "closed by the mediator" : close.Reason)) : Forbidden("only the mediator closes the case"),
            _ => Invalid($"unknown command {command.GetType().Name}"),
        };
    }

    /// <summary>What the clock's passing causes at <paramref name="now"/>: a round closing at its deadline, or nothing.</summary>
    public CaseDecision Tick(DateTimeOffset now) => _protocol is null || IsClosed ? CaseDecision.Accept() : _protocol.Tick(now);

    /// <summary>Applies a stored event (its sequence must be the next one).</summary>
    /// <exception cref="InvalidOperationException">The sequence is not the next one, or the first event is not a creation.</exception>
    public void Apply(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Sequence != _records.Count + 1)
        {
            throw new InvalidOperationException($"Event {record.Sequence} applied at version {_records.Count}.");
        }

        if ((_records.Count == 0) != (record.Event is CaseCreated))
        {
            throw new InvalidOperationException("A case's log begins with its creation, once.");
        }

        _records.Add(record);
        if (record.Event is not (NoteWritten or ImprovementOffered or ImprovementAnswered or ImprovementConcluded))
        {
            _improvementComputed = false;   // derived from the declarations and the engine's agreement
        }

        switch (record.Event)
        {
            case CaseCreated created:
                ApplyCreated(created, record.At);
                _protocol!.Apply(record);
                break;
            case InvitationIssued issued:
                _invitations[issued.Invitation] = new Invitation(issued.Invitation, issued.Role, issued.Seat, issued.Label, issued.TokenHash, false, record.Sequence, issued.Expires);
                break;
            case InvitationRevoked revoked:
                _invitations[revoked.Invitation] = _invitations[revoked.Invitation] with { Revoked = true };
                break;
            case ProfileDeclared declared:
                var profile = BuildProfile(declared.Seat, declared.Weights, declared.Values, declared.Reservation, declared.RedLines, out var problem)
                    ?? throw new InvalidOperationException($"Event {record.Sequence}: {problem}");
                if (ProblemWithStatusQuoValues(declared.StatusQuoValues) is { } sqProblem)
                {
                    throw new InvalidOperationException($"Event {record.Sequence}: {sqProblem}");
                }

                _profiles[declared.Seat] = profile;
                _declared[declared.Seat] = true;
                if (declared.StatusQuoValues is { } sq)
                {
                    _statusQuoValues[declared.Seat] = sq.Count == 0 ? null : new Dictionary<string, double>(sq, StringComparer.Ordinal);
                }

                if (declared.SharedWithMediator)
                {
                    _mediatorProfiles[declared.Seat] = profile;
                    _mediatorStatusQuoValues[declared.Seat] = _statusQuoValues[declared.Seat];
                }

                break;
            case ObserverAccessSet access:
                ObserverAccess = access.Access;
                break;
            case ItemShared shared:
                _shared.Add(shared.Sequence);
                break;
            case ArticlesAnswered answered:
                ApplyAnswers(answered);
                break;
            case AgreementRecorded agreed:
                ApplyAgreement(agreed);
                break;
            case SeatFilledByAgent agent:
                _agents[agent.Seat] = agent.Agent;
                break;
            case ClauseWorded worded:
                _wording[(worded.Issue, worded.Option)] = worded.Text;
                break;
            case ImprovementOffered or ImprovementAnswered or ImprovementConcluded:
                ApplyImprovement(record.Event);
                break;
            default:
                _protocol!.Apply(record);
                break;
        }
    }

    /// <summary>What is wrong with a text (issue name → option name, every issue) against the case's domain, or null when it names an option of every issue.</summary>
    public string? ProblemWithText(IReadOnlyDictionary<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            _ = Domain.OutcomeOf(text);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>The text as issue name → option name.</summary>
    public IReadOnlyDictionary<string, string> TextOf(Outcome outcome) =>
        Domain.Describe(outcome).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static InvitationIssued MediatorInvitation(Invite mediator) =>
        new(mediator.Invitation, AudienceRole.Mediator, -1, mediator.Label, mediator.TokenHash);

    private static CaseDecision Forbidden(string message) => CaseDecision.Refuse(CaseRefusalKind.Forbidden, message);

    private static CaseDecision Invalid(string message) => CaseDecision.Refuse(CaseRefusalKind.Invalid, message);

    private static CaseDecision OutOfTurn(string message) => CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, message);

    private static Domain BuildDomain(string title, IReadOnlyList<IssueSpec> issues)
    {
        if (issues.Count == 0)
        {
            throw new InputException("request", "$.issues", "a case needs at least one issue");
        }

        var list = new List<Issue>();
        for (var i = 0; i < issues.Count; i++)
        {
            var spec = issues[i];
            if (string.IsNullOrWhiteSpace(spec.Name) || spec.Options is null || spec.Options.Count < 2)
            {
                throw new InputException("request", $"$.issues[{i}]", "an issue needs a name and at least two options");
            }

            try
            {
                list.Add(new CategoricalIssue(spec.Name, spec.Options.Select(o => new IssueOption(o)), spec.Description));
            }
            catch (ArgumentException e)
            {
                throw new InputException("request", $"$.issues[{i}]", e.Message);
            }
        }

        try
        {
            return new Domain(string.IsNullOrWhiteSpace(title) ? "case" : title, list);
        }
        catch (ArgumentException e)
        {
            throw new InputException("request", "$.issues", e.Message);
        }
    }

    private void ApplyCreated(CaseCreated created, DateTimeOffset at)
    {
        Title = created.Title;
        Source = created.Source;
        if (created.Scenario is { } json)
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
            Scenario = ParleyScenarioReader.Read(stream, "case");
            Domain = Scenario.Domain;
            Seats = [.. Scenario.Negotiators.Select(p => p.Name)];
            _profiles = [.. Scenario.Negotiators.Select(p => p.Profile)];
        }
        else
        {
            Domain = BuildDomain(created.Title, created.Issues ?? []);
            Seats = [.. created.Seats ?? []];
            _profiles = new Profile?[Seats.Count];
        }

        _mediatorProfiles = [.. _profiles];
        _declared = new bool[Seats.Count];
        _statusQuoValues = new IReadOnlyDictionary<string, double>?[Seats.Count];
        _mediatorStatusQuoValues = new IReadOnlyDictionary<string, double>?[Seats.Count];
        _agents = new string?[Seats.Count];
        _protocol = new EngineProtocol(Domain, Seats, s => _declared[s] ? _profiles[s] : null, at);
    }

    private CaseDecision DecideInvite(Audience actor, Invite invite)
    {
        if (!actor.IsMediator)
        {
            return Forbidden("only the mediator invites");
        }

        if (string.IsNullOrWhiteSpace(invite.Invitation) || _invitations.ContainsKey(invite.Invitation) || invite.TokenHash.Length != 64)
        {
            return Invalid("an invitation needs a fresh id and a token hash");
        }

        var seat = -1;
        if (invite.Role == AudienceRole.Delegation)
        {
            seat = invite.Seat is null ? -1 : SeatOf(invite.Seat);
            if (seat < 0)
            {
                return CaseDecision.Refuse(CaseRefusalKind.NotFound, $"no seat named '{invite.Seat}' (seats: {string.Join(", ", Seats)})");
            }
        }
        else if (invite.Seat is not null)
        {
            return Invalid("only a delegation's invitation names a seat");
        }

        return CaseDecision.Accept(new InvitationIssued(invite.Invitation, invite.Role, seat, invite.Label ?? "", invite.TokenHash, invite.Expires));
    }

    private CaseDecision DecideDeclare(Audience actor, DeclareProfile declare)
    {
        if (actor.Role != AudienceRole.Delegation)
        {
            return Forbidden("only a delegation declares its profile");
        }

        return BuildProfile(actor.Seat, declare.Weights, declare.Values, declare.Reservation, declare.RedLines, out var problem) is null
            ? Invalid(problem)
            : ProblemWithStatusQuoValues(declare.StatusQuoValues) is { } sqProblem ? Invalid(sqProblem)
            : CaseDecision.Accept(new ProfileDeclared(actor.Seat, declare.Weights, declare.Values, declare.Reservation, declare.RedLines, declare.SharedWithMediator, declare.StatusQuoValues));
    }

    // A delegation's values of today's situation: issue names of the case, each value in [0, 1].
    private string? ProblemWithStatusQuoValues(IReadOnlyDictionary<string, double>? values)
    {
        foreach (var (issue, value) in values ?? new Dictionary<string, double>())
        {
            if (!Domain.TryGetIssueIndex(issue ?? "", out _))
            {
                return $"no issue named '{issue}' to value today's situation on";
            }

            if (!double.IsFinite(value) || value < 0 || value > 1)
            {
                return $"the value of today's situation on '{issue}' must be in [0, 1]";
            }
        }

        return null;
    }

    private CaseDecision DecideComment(Audience actor, Comment comment)
    {
        if (actor.Role == AudienceRole.Observer)
        {
            return Forbidden("observers do not comment");
        }

        if (string.IsNullOrWhiteSpace(comment.Text))
        {
            return Invalid("a comment needs text");
        }

        switch (comment.To)
        {
            case CommentAudience.Everyone:
                return CaseDecision.Accept(new CommentPosted(actor, comment.Text, CommentAudience.Everyone, -1));
            case CommentAudience.Mediator when actor.Role == AudienceRole.Delegation:
                return CaseDecision.Accept(new CommentPosted(actor, comment.Text, CommentAudience.Mediator, -1));
            case CommentAudience.Seat when actor.IsMediator:
                var seat = comment.Seat is null ? -1 : SeatOf(comment.Seat);
                return seat < 0
                    ? CaseDecision.Refuse(CaseRefusalKind.NotFound, $"no seat named '{comment.Seat}'")
                    : CaseDecision.Accept(new CommentPosted(actor, comment.Text, CommentAudience.Seat, seat));
            default:
                return Invalid(actor.IsMediator ? "the mediator writes to everyone or to one seat" : "a delegation writes to everyone or to the mediator");
        }
    }

    private CaseDecision DecideAmend(Audience actor, Amend amend)
    {
        if (actor.Role != AudienceRole.Delegation)
        {
            return Forbidden("only a delegation proposes amendments");
        }

        if (!Domain.TryGetIssueIndex(amend.Issue ?? "", out var issue))
        {
            return Invalid($"no issue named '{amend.Issue}'");
        }

        return !Domain.Issues[issue].TryParseLevel(amend.Option ?? "", out _)
            ? Invalid($"'{amend.Option}' is not an option of '{amend.Issue}'")
            : CaseDecision.Accept(new AmendmentProposed(actor.Seat, amend.Issue!, amend.Option!, amend.Rationale ?? ""));
    }

    private CaseDecision DecideShare(Audience actor, Share share)
    {
        if (!actor.IsMediator)
        {
            return Forbidden("only the mediator shares");
        }

        if (share.Sequence < 1 || share.Sequence > _records.Count || _records[(int)share.Sequence - 1].Event is not (CommentPosted or AmendmentProposed))
        {
            return CaseDecision.Refuse(CaseRefusalKind.NotFound, "no comment or amendment with that sequence");
        }

        return _shared.Contains(share.Sequence)
            ? CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "already shared")
            : CaseDecision.Accept(new ItemShared(share.Sequence));
    }

    private Profile? BuildProfile(
        int seat,
        IReadOnlyDictionary<string, double>? weights,
        IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? values,
        double? reservation,
        IReadOnlyList<OptionChoice>? redLines,
        out string problem)
    {
        problem = "";
        var current = _profiles[seat] as AdditiveProfile;
        if (_profiles[seat] is not null && current is null)
        {
            problem = "this seat's profile is not additive and cannot be adjusted";
            return null;
        }

        var n = Domain.IssueCount;
        var w = current is null ? new double[n] : [.. current.Weights];
        var functions = current is null ? new ValueFunction?[n] : [.. current.ValueFunctions];
        if (weights is not null)
        {
            foreach (var (name, weight) in weights)
            {
                if (!Domain.TryGetIssueIndex(name, out var i))
                {
                    problem = $"no issue named '{name}'";
                    return null;
                }

                if (!double.IsFinite(weight) || weight < 0)
                {
                    problem = $"the weight of '{name}' must be a finite number ≥ 0";
                    return null;
                }

                w[i] = weight;
            }
        }

        if (values is not null)
        {
            foreach (var (name, table) in values)
            {
                if (!Domain.TryGetIssueIndex(name, out var i) || table is null)
                {
                    problem = $"no issue named '{name}'";
                    return null;
                }

                var issue = Domain.Issues[i];
                var levels = new double[issue.Cardinality];
                var given = new bool[issue.Cardinality];
                foreach (var (option, value) in table)
                {
                    if (!issue.TryParseLevel(option, out var level))
                    {
                        problem = $"'{option}' is not an option of '{name}'";
                        return null;
                    }

                    if (!double.IsFinite(value) || value < 0 || value > 1)
                    {
                        problem = $"the value of '{name}' = '{option}' must be in [0, 1]";
                        return null;
                    }

                    levels[level] = value;
                    given[level] = true;
                }

                if (Array.IndexOf(given, false) >= 0)
                {
                    problem = $"the values of '{name}' must cover all its {issue.Cardinality} options";
                    return null;
                }

                functions[i] = new TableValueFunction(levels);
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (functions[i] is null)
            {
                problem = $"this seat has no profile yet: give values for every issue (missing '{Domain.Issues[i].Name}')";
                return null;
            }
        }

        var sum = w.Sum();
        if (!(sum > 0))
        {
            problem = "the weights must not all be zero";
            return null;
        }

        for (var i = 0; i < n; i++)
        {
            w[i] /= sum;
        }

        if (reservation is { } r && (!double.IsFinite(r) || r < 0 || r > 1))
        {
            problem = "the reservation value must be in [0, 1]";
            return null;
        }

        var lines = new List<RedLine>();
        if (redLines is null)
        {
            if (current is not null)
            {
                lines.AddRange(current.RedLines.Lines);
            }
        }
        else
        {
            foreach (var choice in redLines)
            {
                if (choice is null || !Domain.TryGetIssueIndex(choice.Issue ?? "", out var i) || !Domain.Issues[i].TryParseLevel(choice.Option ?? "", out var level))
                {
                    problem = $"the red line '{choice?.Issue}' = '{choice?.Option}' names no option of the case";
                    return null;
                }

                lines.Add(new ForbiddenOption(i, level));
            }
        }

        return new AdditiveProfile(Domain, w, functions!, reservation ?? current?.ReservationValue ?? 0, current?.DiscountFactor ?? 1, lines);
    }
}
