using Parley.Domains;

namespace Parley.Workbench;

/// <summary>The clauses' wording: the scenario's, or the mediator's latest rewording (<see cref="ClauseWorded"/>).</summary>
public sealed partial class MediationCase
{
    /// <summary>The longest clause a mediator may write, in characters.</summary>
    public const int MaxClauseLength = 4000;

    private readonly Dictionary<(string Issue, string Option), string> _wording = [];

    /// <summary>The wording of <paramref name="option"/> of <paramref name="issue"/>: the mediator's latest, else the scenario's, else null.</summary>
    public string? ClauseOf(string issue, string option)
    {
        ArgumentNullException.ThrowIfNull(issue);
        ArgumentNullException.ThrowIfNull(option);
        if (_wording.TryGetValue((issue, option), out var worded))
        {
            return worded;
        }

        return Domain.TryGetIssueIndex(issue, out var i) && Domain.Issues[i] is CategoricalIssue c && c.TryParseLevel(option, out var level)
            ? c.Options[level].Clause
            : null;
    }

    private CaseDecision DecideWordClause(Audience actor, WordClause word)
    {
        if (!actor.IsMediator)
        {
            return Forbidden("only the mediator words the text");
        }

        if (!Domain.TryGetIssueIndex(word.Issue ?? "", out var i))
        {
            return Invalid($"no article named '{word.Issue}'");
        }

        if (word.Option is null || !Domain.Issues[i].TryParseLevel(word.Option, out _))
        {
            return Invalid($"article '{word.Issue}' has no option '{word.Option}'");
        }

        if (Protocol.RoundOpen || Protocol.SigningOpen)
        {
            return OutOfTurn("the delegations are answering or signing this wording: close the round before rewording the text");
        }

        if (_agreed.TryGetValue(word.Issue!, out var agreed) && string.Equals(agreed, word.Option, StringComparison.Ordinal))
        {
            return OutOfTurn($"article '{word.Issue}' is agreed in this wording; it cannot be reworded alone");
        }

        var text = (word.Text ?? "").Trim();
        if (text.Length == 0)
        {
            return Invalid("a clause needs text");
        }

        if (text.Length > MaxClauseLength)
        {
            return Invalid($"a clause has at most {MaxClauseLength} characters (this one has {text.Length})");
        }

        var previous = ClauseOf(word.Issue!, word.Option) ?? "";
        return string.Equals(previous, text, StringComparison.Ordinal)
            ? Invalid("the clause already reads so")
            : CaseDecision.Accept(new ClauseWorded(word.Issue!, word.Option, text, previous));
    }

    private IssueView WordedIssueView(Issue issue)
    {
        var view = IssueViewOf(issue);
        if (!_wording.Keys.Any(k => string.Equals(k.Issue, issue.Name, StringComparison.Ordinal)))
        {
            return view;
        }

        var clauses = new Dictionary<string, string>(view.Clauses, StringComparer.Ordinal);
        foreach (var ((name, option), text) in _wording)
        {
            if (string.Equals(name, issue.Name, StringComparison.Ordinal))
            {
                clauses[option] = text;
            }
        }

        return view with { Clauses = clauses };
    }
}
