namespace Parley.Workbench;

/// <summary>Article-by-article answers and recorded partial agreements.</summary>
public sealed partial class MediationCase
{
    private readonly Dictionary<string, string> _agreed = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _answeredRound = [];

    /// <summary>The articles recorded as agreed so far (issue → option), in the order of the issues.</summary>
    public IReadOnlyDictionary<string, string> AgreedArticles =>
        Domain.Issues.Where(i => _agreed.ContainsKey(i.Name)).ToDictionary(i => i.Name, i => _agreed[i.Name], StringComparer.Ordinal);

    /// <summary>Whether <paramref name="seat"/> has answered the current round's articles.</summary>
    public bool HasAnsweredArticles(int seat) =>
        _answeredRound.TryGetValue(seat, out var round) && round == Protocol.Round && Protocol.Round > 0;

    private CaseDecision DecideAnswer(Audience actor, AnswerArticles answer)
    {
        if (actor.Role != AudienceRole.Delegation)
        {
            return Forbidden("only a delegation answers the articles of a round");
        }

        if (!Protocol.RoundOpen)
        {
            return CaseDecision.Refuse(CaseRefusalKind.OutOfTurn, "no round is open");
        }

        if (answer.Answers is null || answer.Answers.Count == 0)
        {
            return Invalid("answer at least one article");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in answer.Answers)
        {
            if (a is null || !Domain.TryGetIssueIndex(a.Issue ?? "", out _))
            {
                return Invalid($"no article named '{a?.Issue}'");
            }

            if (!seen.Add(a.Issue!))
            {
                return Invalid($"the article '{a.Issue}' is answered twice");
            }
        }

        return CaseDecision.Accept(new ArticlesAnswered(Protocol.Round, actor.Seat, [.. answer.Answers.Select(a => a with { Comment = a.Comment ?? "" })]));
    }

    private CaseDecision DecideRecordAgreement(Audience actor, RecordAgreement record)
    {
        if (!actor.IsMediator)
        {
            return Forbidden("only the mediator records an agreement");
        }

        if (record.Articles is null || record.Articles.Count == 0)
        {
            return Invalid("record at least one agreed article");
        }

        foreach (var (issue, option) in record.Articles)
        {
            if (!Domain.TryGetIssueIndex(issue, out var i))
            {
                return Invalid($"no article named '{issue}'");
            }

            if (!Domain.Issues[i].TryParseLevel(option ?? "", out _))
            {
                return Invalid($"'{option}' is not an option of '{issue}'");
            }
        }

        return CaseDecision.Accept(new AgreementRecorded(Protocol.Round, new Dictionary<string, string>(record.Articles, StringComparer.Ordinal)));
    }

    private void ApplyAnswers(ArticlesAnswered answered) => _answeredRound[answered.Seat] = answered.Round;

    private void ApplyAgreement(AgreementRecorded recorded)
    {
        foreach (var (issue, option) in recorded.Articles)
        {
            _agreed[issue] = option;
        }
    }
}
