using Parley.Domains;
using Parley.Mediation;
using Parley.Protocols;

namespace Parley.Workbench;

/// <summary>
/// The post-settlement step: after the delegations signed an agreement (complete, or the articles they
/// signed one by one), the mediator may offer the improvement the library computes from the declared
/// profiles (<see cref="CasePostSettlement"/>); every delegation accepts or declines; if all accept, the
/// improved text becomes the signed agreement, and if one declines, the signed agreement stands.
/// </summary>
/// <remarks>
/// The step runs on a case the engine has closed with an agreement: the engine's log ends there, and the
/// step's events (<see cref="ImprovementOffered"/>, <see cref="ImprovementAnswered"/>,
/// <see cref="ImprovementConcluded"/>) are the case's own. The state it adds to the fold is
/// <see cref="OfferedImprovement"/>, <see cref="ImprovementAnswers"/> and <see cref="ImprovementAdopted"/>
/// (and the agreement they leave in force, <see cref="SignedAgreement"/>); <see cref="Improvement"/> is
/// derived from the declared profiles, which no longer change once the case is closed.
/// </remarks>
public sealed partial class MediationCase
{
    private ImprovementOffered? _offered;
    private PartialOutcome? _offeredAgreement;
    private PartialOutcome? _offeredText;
    private bool?[] _improvementAnswers = [];
    private bool? _improvementAdopted;
    private PartialOutcome? _standing;
    private PostSettlementProposal? _improvement;
    private bool _improvementComputed;

    /// <summary>The agreement the delegations signed (every article, or the articles signed one by one), before any post-settlement step; null until the engine has closed the case with an agreement.</summary>
    public PartialOutcome? SignedAgreementBeforeImprovement
    {
        get
        {
            if (_protocol is not EngineProtocol protocol || !IsClosed)
            {
                return null;
            }

            var engine = protocol.Engine;
            return engine.IsOver && engine.EndReason is EndReason.Agreement or EndReason.Partial && engine.Agreed.SettledCount > 0 ? engine.Agreed : null;
        }
    }

    /// <summary>The signed agreement in force: the improved text once every delegation accepted it, otherwise the agreement as signed; null without one.</summary>
    public PartialOutcome? SignedAgreement => _standing ?? SignedAgreementBeforeImprovement;

    /// <summary>The improvement the mediator offered (over the articles of <see cref="SignedAgreementBeforeImprovement"/>), or null.</summary>
    public PartialOutcome? OfferedImprovement => _offeredText;

    /// <summary>Each seat's answer to the offered improvement (null: not yet); empty before an offer.</summary>
    public IReadOnlyList<bool?> ImprovementAnswers => _improvementAnswers;

    /// <summary>Whether the offered improvement was adopted (true), declined (false), or is not concluded (null).</summary>
    public bool? ImprovementAdopted => _improvementAdopted;

    /// <summary>The improvement the library proposes for the signed agreement (computed once, from the declared profiles), or null without a signed agreement.</summary>
    public PostSettlementProposal? Improvement
    {
        get
        {
            if (!_improvementComputed)
            {
                _improvement = CasePostSettlement.Propose(this);
                _improvementComputed = _improvement is not null;
            }

            return _improvement;
        }
    }

    /// <summary>Whether <paramref name="seat"/> is asked to answer an offered improvement now.</summary>
    public bool AwaitsImprovementAnswer(int seat) =>
        _offered is not null && _improvementAdopted is null && (uint)seat < (uint)_improvementAnswers.Length && _improvementAnswers[seat] is null;

    /// <summary>The text of a partial text: each settled article → its option, in issue order.</summary>
    public IReadOnlyDictionary<string, string> TextOf(PartialOutcome text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Domain.IssueCount; i++)
        {
            if (text.IsSettled(i))
            {
                map[Domain.Issues[i].Name] = Domain.Issues[i].FormatLevel(text[i]);
            }
        }

        return map;
    }

    private static bool IsImprovementCommand(CaseCommand command) => command is OfferImprovement or AnswerImprovement;

    private CaseDecision DecideOffer(Audience actor)
    {
        if (!actor.IsMediator)
        {
            return Forbidden("only the mediator offers an improvement of the signed agreement");
        }

        if (SignedAgreementBeforeImprovement is null)
        {
            return OutOfTurn("there is no signed agreement to improve yet");
        }

        if (_offered is not null)
        {
            return OutOfTurn("an improvement has already been offered");
        }

        var improvement = Improvement!;
        return improvement.Improved is not { } improved
            ? OutOfTurn(improvement.Reason ?? "no improvement")
            : CaseDecision.Accept(new ImprovementOffered(TextOf(improvement.Agreement), TextOf(improved)));
    }

    private CaseDecision DecideImprovementAnswer(Audience actor, AnswerImprovement answer)
    {
        if (actor.Role != AudienceRole.Delegation)
        {
            return Forbidden("only a delegation accepts or declines the offered improvement");
        }

        if (_offered is null || _improvementAdopted is not null)
        {
            return OutOfTurn("no improvement is waiting for an answer");
        }

        if (_improvementAnswers[actor.Seat] is not null)
        {
            return OutOfTurn("this delegation has already answered");
        }

        var answered = new ImprovementAnswered(actor.Seat, answer.Yes);
        if (!answer.Yes)
        {
            return CaseDecision.Accept(answered, new ImprovementConcluded(false, _offered.Agreement));
        }

        for (var s = 0; s < _improvementAnswers.Length; s++)
        {
            if (s != actor.Seat && _improvementAnswers[s] is not true)
            {
                return CaseDecision.Accept(answered);
            }
        }

        return CaseDecision.Accept(answered, new ImprovementConcluded(true, _offered.Text));
    }

    private void ApplyImprovement(CaseEvent e)
    {
        switch (e)
        {
            case ImprovementOffered offered:
                _offered = offered;
                _offeredAgreement = PartialOf(offered.Agreement);
                _offeredText = PartialOf(offered.Text);
                _improvementAnswers = new bool?[Seats.Count];
                break;
            case ImprovementAnswered answered:
                _improvementAnswers[answered.Seat] = answered.Yes;
                break;
            case ImprovementConcluded concluded:
                _improvementAdopted = concluded.Adopted;
                _standing = PartialOf(concluded.Agreement);
                break;
            default:
                break;
        }
    }

    private PartialOutcome PartialOf(IReadOnlyDictionary<string, string> text)
    {
        var levels = new int[Domain.IssueCount];
        Array.Fill(levels, PartialOutcome.Open);
        foreach (var (issue, option) in text)
        {
            if (!Domain.TryGetIssueIndex(issue, out var i) || !Domain.Issues[i].TryParseLevel(option, out var level))
            {
                throw new InvalidOperationException($"The post-settlement text names '{issue}' = '{option}', which the case does not have.");
            }

            levels[i] = level;
        }

        return new PartialOutcome(levels);
    }

    /// <summary>The post-settlement step as <paramref name="audience"/> may see it (<see cref="CaseView.PostSettlement"/>), or null when there is nothing for it to see.</summary>
    public PostSettlementView? PostSettlementFor(Audience audience) =>
        PostSettlementFor(audience, audience.Role != AudienceRole.Observer || (ObserverAccess & ObserverAccess.PublicRecord) != 0);

    private PostSettlementView? PostSettlementFor(Audience audience, bool publicRecord)
    {
        if (SignedAgreementBeforeImprovement is null || !publicRecord)
        {
            return null;
        }

        var mediator = audience.IsMediator;
        var agreement = TextOf(SignedAgreement!);
        var signed = TextOf(SignedAgreementBeforeImprovement);
        if (_offered is null)
        {
            if (!mediator)
            {
                return null;
            }

            var proposal = Improvement!;
            return proposal.Improved is not { } improved
                ? new PostSettlementView("none", signed, agreement, null, [], null, null, null, null, 0, proposal.Reason)
                : new PostSettlementView("available", signed, agreement, TextOf(improved), Changes(proposal.Agreement, improved), null, SharedGains(proposal.Agreement, improved), null, null, 0, proposal.Reason);
        }

        var status = _improvementAdopted switch
        {
            null => "offered",
            true => "adopted",
            false => "declined",
        };
        double? myGain = audience.Role == AudienceRole.Delegation && _profiles[audience.Seat] is { } own
            ? PostSettlement.Value(own, _offeredText!) - PostSettlement.Value(own, _offeredAgreement!)
            : null;
        return new PostSettlementView(
            status,
            signed,
            agreement,
            _offered.Text,
            Changes(_offeredAgreement!, _offeredText!),
            myGain,
            mediator ? SharedGains(_offeredAgreement!, _offeredText!) : null,
            audience.Role == AudienceRole.Delegation ? _improvementAnswers[audience.Seat] : null,
            mediator ? BySeat(_improvementAnswers) : null,
            _improvementAnswers.Count(a => a is not null),
            null);
    }

    private string[] Changes(PartialOutcome from, PartialOutcome to) =>
        [.. Enumerable.Range(0, Domain.IssueCount).Where(i => from[i] != to[i]).Select(i => Domain.Issues[i].Name)];

    // The mediator sees the gain of a seat only when that seat shared its declaration with it.
    private Dictionary<string, double> SharedGains(PartialOutcome from, PartialOutcome to)
    {
        var gains = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var s = 0; s < Seats.Count; s++)
        {
            if (_declared[s] && _profiles[s] is { } profile && ReferenceEquals(_mediatorProfiles[s], profile))
            {
                gains[Seats[s]] = PostSettlement.Value(profile, to) - PostSettlement.Value(profile, from);
            }
        }

        return gains;
    }
}
