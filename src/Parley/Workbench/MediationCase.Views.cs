using Parley.Domains;
using Parley.Preferences;

namespace Parley.Workbench;

/// <summary>The per-audience views of a case: the only place that decides who sees what.</summary>
public sealed partial class MediationCase
{
    /// <summary>What <paramref name="audience"/> may see of <paramref name="record"/>: the record, a redacted copy, or null.</summary>
    /// <remarks>
    /// The rules: the scenario's profiles (the mediator's model) reach the mediator, and observers
    /// only with <see cref="ObserverAccess.Profiles"/>; token hashes reach no one; invitations reach
    /// the mediator; a declaration reaches its delegation, and the mediator only when shared;
    /// a ballot, an article-by-article answer and an answer to an offered improvement reach their delegation and the mediator (ballots reach observers, with
    /// <see cref="ObserverAccess.Ballots"/>, once its round has closed); notes reach their author;
    /// a comment or amendment addressed to the mediator reaches it and its author until shared.
    /// Observers see the public record only with <see cref="ObserverAccess.PublicRecord"/>.
    /// </remarks>
    public CaseRecord? ViewOf(CaseRecord record, Audience audience)
    {
        ArgumentNullException.ThrowIfNull(record);
        var mediator = audience.IsMediator;
        var observer = audience.Role == AudienceRole.Observer;
        var publicRecord = !observer || (ObserverAccess & ObserverAccess.PublicRecord) != 0;
        CaseEvent? seen = record.Event switch
        {
            CaseCreated c => mediator || (observer && (ObserverAccess & ObserverAccess.Profiles) != 0) ? c : c with { Scenario = null },
            InvitationIssued i => mediator ? i with { TokenHash = "" } : null,
            InvitationRevoked r => mediator ? r : null,
            ProfileDeclared p => audience.IsSeat(p.Seat) ? p
                : p.SharedWithMediator && (mediator || (observer && (ObserverAccess & ObserverAccess.Profiles) != 0)) ? p
                : mediator ? p with { Weights = null, Values = null, Reservation = null, RedLines = null, StatusQuoValues = null }
                : null,
            ObserverAccessSet a => mediator || observer ? a : null,
            CommentPosted c => c.To switch
            {
                CommentAudience.Everyone => publicRecord ? c : null,
                _ when _shared.Contains(record.Sequence) => publicRecord ? c : null,
                CommentAudience.Mediator => mediator || c.Author == audience ? c : null,
                CommentAudience.Seat => mediator || audience.IsSeat(c.ToSeat) ? c : null,
                _ => null,
            },
            AmendmentProposed a => mediator || audience.IsSeat(a.Seat) || (_shared.Contains(record.Sequence) && publicRecord) ? a : null,
            ItemShared s => publicRecord ? s : null,
            ArticlesAnswered a => mediator || audience.IsSeat(a.Seat) ? a : null,
            ImprovementAnswered a => mediator || audience.IsSeat(a.Seat) ? a : null,
            NoteWritten n => n.Author == audience ? n : null,
            BallotCast b => mediator || audience.IsSeat(b.Seat)
                || (observer && (ObserverAccess & ObserverAccess.Ballots) != 0 && (b.Round < Protocol.Round || !Protocol.RoundOpen)) ? b : null,
            _ => publicRecord ? record.Event : null,
        };
        if (seen is { Engine: not null })
        {
            seen = seen with { Engine = null };   // the engine's events are the storage form, not part of any view
        }

        return seen is null ? null : ReferenceEquals(seen, record.Event) ? record : record with { Event = seen };
    }

    /// <summary>The records after <paramref name="after"/> that <paramref name="audience"/> may see (what a reconnecting client catches up with).</summary>
    public IReadOnlyList<CaseRecord> VisibleRecords(Audience audience, long after = 0)
    {
        var list = new List<CaseRecord>();
        for (var i = (int)Math.Clamp(after, 0, _records.Count); i < _records.Count; i++)
        {
            if (ViewOf(_records[i], audience) is { } seen)
            {
                list.Add(seen);
            }
        }

        return list;
    }

    /// <summary>The whole case as <paramref name="audience"/> may see it.</summary>
    public CaseView ViewFor(Audience audience)
    {
        var state = Protocol;
        var mediator = audience.IsMediator;
        var observer = audience.Role == AudienceRole.Observer;
        var publicRecord = !observer || (ObserverAccess & ObserverAccess.PublicRecord) != 0;
        var status = state.Closed ? (state.Agreement ? "agreement" : "closed")
            : state.SigningOpen ? "signing"
            : state.RoundOpen ? "round-open"
            : state.Round == 0 ? "preparing" : "between-rounds";

        RoundView? round = null;
        if (publicRecord && (state.Round > 0 || state.SigningOpen))
        {
            var seesBallots = mediator || (observer && (ObserverAccess & ObserverAccess.Ballots) != 0 && !state.RoundOpen);
            round = new RoundView(
                state.Round,
                state.RoundOpen,
                state.Candidate is null ? null : TextOf(state.Candidate),
                state.Deadline,
                state.Ballots.Count(b => b is not null),
                audience.Role == AudienceRole.Delegation ? state.Ballots[audience.Seat] : null,
                seesBallots ? BySeat(state.Ballots) : null,
                state.SigningOpen,
                BySeat(state.Signatures),
                state.SigningText is null ? null : TextOf(state.SigningText),
                state.SigningArticle >= 0 ? Domain.Issues[state.SigningArticle].Name : null,
                state.Phase);
        }

        var profiles = new List<ProfileView>();
        for (var s = 0; s < Seats.Count; s++)
        {
            var (profile, statusQuoValues) = audience.IsSeat(s) ? (_profiles[s], _statusQuoValues[s])
                : mediator || (observer && (ObserverAccess & ObserverAccess.Profiles) != 0) ? (_mediatorProfiles[s], _mediatorStatusQuoValues[s])
                : (null, null);
            if (profile is not null)
            {
                profiles.Add(ProfileViewOf(s, profile, state) with { StatusQuoValues = statusQuoValues });
            }
        }

        return new CaseView(
            Title,
            Source,
            Version,
            audience.Role,
            audience.Role == AudienceRole.Delegation ? Seats[audience.Seat] : null,
            status,
            [.. Domain.Issues.Select(WordedIssueView)],
            [.. Seats.Select((name, i) => new SeatView(name, _declared[i]))],
            round,
            publicRecord && state.Adopted is not null ? TextOf(state.Adopted) : null,
            profiles,
            mediator ? [.. _invitations.Values.OrderBy(i => i.Sequence).Select(i => new InvitationView(i.Id, i.Role, i.Seat >= 0 ? Seats[i.Seat] : null, i.Label, i.Revoked, i.Expires))] : null,
            mediator || observer ? ObserverAccess : null,
            VisibleRecords(audience),
            TodayFor(audience),
            PostSettlementFor(audience, publicRecord));
    }

    private static IssueView IssueViewOf(Issue issue)
    {
        var options = new string[issue.Cardinality];
        var clauses = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var l = 0; l < options.Length; l++)
        {
            options[l] = issue.FormatLevel(l);
            if (issue is CategoricalIssue c && c.Options[l].Clause is { } clause)
            {
                clauses[options[l]] = clause;
            }
        }

        return new IssueView(issue.Name, options, clauses);
    }

    private Dictionary<string, bool?> BySeat(IReadOnlyList<bool?> values)
    {
        var map = new Dictionary<string, bool?>(StringComparer.Ordinal);
        for (var s = 0; s < Seats.Count; s++)
        {
            map[Seats[s]] = values[s];
        }

        return map;
    }

    private ProfileView ProfileViewOf(int seat, Profile profile, SingleTextState state)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var values = new Dictionary<string, IReadOnlyDictionary<string, double>>(StringComparer.Ordinal);
        if (profile is AdditiveProfile additive)
        {
            for (var i = 0; i < Domain.IssueCount; i++)
            {
                var issue = Domain.Issues[i];
                weights[issue.Name] = additive.Weights[i];
                var table = new Dictionary<string, double>(StringComparer.Ordinal);
                for (var l = 0; l < issue.Cardinality; l++)
                {
                    table[issue.FormatLevel(l)] = additive.ValueFunctions[i].EvaluateLevel(issue, l);
                }

                values[issue.Name] = table;
            }
        }

        var lines = new List<OptionChoice>();
        var other = 0;
        foreach (var line in profile.RedLines.Lines)
        {
            if (line is ForbiddenOption f)
            {
                lines.Add(new OptionChoice(Domain.Issues[f.Issue].Name, Domain.Issues[f.Issue].FormatLevel(f.Level)));
            }
            else
            {
                other++;
            }
        }

        return new ProfileView(
            Seats[seat],
            weights,
            values,
            profile.ReservationValue,
            lines,
            other,
            state.Candidate is { } c ? profile.Utility(c) : null,
            state.Adopted is { } a ? profile.Utility(a) : null);
    }
}
