using Parley.Domains;

namespace Parley.Mediation;

/// <summary>
/// Hill-climbing mediator (Klein et al. 2003): tries every single-article change of the current
/// text, in random order, without repeating one; adopts a change only when every party accepts
/// it; stops when no single change is accepted (a local optimum of the parties' joint judgement).
/// </summary>
public sealed class HillClimbingMediator : MediatorStrategy
{
    private int _epoch = -1;
    private List<(int Issue, int Level)> _queue = [];

    /// <inheritdoc />
    public override string Name => "hill-climbing";

    /// <inheritdoc />
    public override Outcome? Propose(MediatorView view)
    {
        var incumbent = view.Incumbent ?? throw new InvalidOperationException("The mediator has no current text.");
        if (_epoch != view.Epoch)
        {
            _epoch = view.Epoch;
            _queue = Neighbourhood(view, incumbent);
        }

        while (_queue.Count > 0)
        {
            var (issue, level) = _queue[^1];
            _queue.RemoveAt(_queue.Count - 1);
            var candidate = incumbent.With(issue, level);
            if (!view.Guard.IsCrossed(candidate.Levels) && !view.WasTried(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override bool Adopt(MediatorView view, Outcome candidate, BallotTally tally) =>
        tally.Unanimous && (tally.Better > 0 || tally.Worse == 0);

    private static List<(int Issue, int Level)> Neighbourhood(MediatorView view, Outcome incumbent)
    {
        var list = new List<(int, int)>();
        for (var i = 0; i < view.Domain.IssueCount; i++)
        {
            if (!view.IsMutable(i))
            {
                continue;
            }

            for (var l = 0; l < view.Domain.Issues[i].Cardinality; l++)
            {
                if (l != incumbent[i] && view.Guard.IsLevelAllowed(i, l))
                {
                    list.Add((i, l));
                }
            }
        }

        var arr = list.ToArray();
        view.Random.Shuffle(arr);
        return [.. arr];
    }
}
