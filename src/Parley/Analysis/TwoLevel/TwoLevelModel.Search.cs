using Parley.Domains;
using Parley.Scenarios;

namespace Parley.Analysis.TwoLevel;

/// <summary>
/// Exact searches over the outcome space by depth-first branch and bound: issue by issue, with every
/// constraint checked as soon as its last issue is set and each dimension bounded by the best its
/// remaining issues can add. Leaves are re-evaluated in issue order, so results equal brute force.
/// </summary>
public sealed partial class TwoLevelModel
{
    private const double BoundTolerance = 1e-9;

    /// <summary>
    /// The Nash package: among feasible outcomes every party weakly prefers to its disagreement value,
    /// the one maximising the product of gains; ties by the larger sum of utilities, then the smaller
    /// outcome index. Null when no such outcome exists (the zone of agreement is empty).
    /// </summary>
    public int[]? NashPackage() => new Search(this, SearchMode.Nash, ulong.MaxValue, null, 0).Run();

    /// <summary>
    /// The ratification-aware Nash package: the product of gains times the probability that every party
    /// ratifies, maximised over the zone of agreement (outcomes no party ratifies have objective 0 and
    /// are chosen only when nothing has more); ties as <see cref="NashPackage"/>.
    /// </summary>
    public int[]? RatificationNashPackage() => new Search(this, SearchMode.RatificationNash, ulong.MaxValue, null, 0).Run();

    /// <summary>
    /// The ratification-aware Nash package among the packages that keep the settled articles of
    /// <paramref name="keep"/> (see <see cref="RatificationNashPackage()"/>); null when none of them is in the zone of agreement.
    /// </summary>
    public int[]? RatificationNashPackage(PartialOutcome keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return new Search(this, SearchMode.RatificationNash, ulong.MaxValue, null, 0, keep).Run();
    }

    /// <summary>Whether the zone of agreement is non-empty.</summary>
    public bool HasZone() => new Search(this, SearchMode.Exists, ulong.MaxValue, null, 0).Run() is not null;

    /// <summary>
    /// Whether some complete package that keeps the settled articles of <paramref name="agreement"/> is
    /// acceptable: for every party (<paramref name="party"/> null, the trusted mediator's question), or for
    /// party <paramref name="party"/> alone, judged on what it knows (its own red lines, the linkage rules and
    /// its own disagreement value; the others' red lines are private).
    /// </summary>
    public bool HasAcceptableCompletion(PartialOutcome agreement, int? party = null)
    {
        var active = ulong.MaxValue;
        if (party is { } p)
        {
            for (var c = 0; c < Math.Min(64, _s.Constraints.Length); c++)
            {
                if (_s.Constraints[c].Owner >= 0 && _s.Constraints[c].Owner != p)
                {
                    active &= ~(1UL << c);
                }
            }
        }

        return new Search(this, SearchMode.Exists, active, null, 0, agreement, party).Run() is not null;
    }

    /// <summary>
    /// Whether some acceptable outcome moves at least one of <paramref name="issues"/> away from the
    /// status quo and is ratified by every party with probability at least <paramref name="level"/>.
    /// </summary>
    public bool HasRatifiableMove(IReadOnlyList<int> issues, double level)
    {
        var moved = new bool[_s.IssueCount];
        foreach (var i in issues)
        {
            moved[i] = true;
        }

        return new Search(this, SearchMode.RatifiableMove, ulong.MaxValue, moved, level).Run() is not null;
    }

    /// <summary>
    /// The smallest set of party <paramref name="party"/>'s red lines whose removal makes the zone of
    /// agreement non-empty (empty when it already is), searched by increasing size up to
    /// <paramref name="maxSize"/>, the first in index order at the smallest size; null when no set of
    /// that size suffices.
    /// </summary>
    /// <remarks>Only a party's first 64 constraints can be relaxed.</remarks>
    public IReadOnlyList<int>? SmallestConcession(int party, int maxSize)
    {
        if (HasZone())
        {
            return [];
        }

        var own = new List<int>();
        for (var c = 0; c < Math.Min(64, _s.Constraints.Length); c++)
        {
            if (_s.Constraints[c].Owner == party)
            {
                own.Add(c);
            }
        }

        var chosen = new int[Math.Min(maxSize, own.Count)];
        for (var size = 1; size <= chosen.Length; size++)
        {
            if (TrySubsets(own, chosen, size, 0, 0, ulong.MaxValue))
            {
                return chosen.Take(size).Select(c => _s.Constraints[c].Index).ToArray();
            }
        }

        return null;
    }

    /// <summary>The constraint behind party <paramref name="party"/>'s red line number <paramref name="index"/>, described.</summary>
    public string DescribeRedLine(int party, int index)
    {
        foreach (var c in _s.Constraints)
        {
            if (c.Owner == party && c.Index == index)
            {
                return c.Line.Reason ?? c.Line.Describe(_s.Domain);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(index));
    }

    private bool TrySubsets(List<int> own, int[] chosen, int size, int at, int from, ulong active)
    {
        if (at == size)
        {
            return new Search(this, SearchMode.Exists, active, null, 0).Run() is not null;
        }

        for (var j = from; j <= own.Count - (size - at); j++)
        {
            chosen[at] = own[j];
            if (TrySubsets(own, chosen, size, at + 1, j + 1, active & ~(1UL << own[j])))
            {
                return true;
            }
        }

        return false;
    }

    private enum SearchMode
    {
        Exists,
        Nash,
        RatificationNash,
        RatifiableMove,
    }

    private sealed class Search
    {
        private readonly TwoLevelModel _m;
        private readonly Structure _s;
        private readonly SearchMode _mode;
        private readonly ulong _active;
        private readonly bool[]? _moveIssues;
        private readonly double _level;
        private readonly int _n;
        private readonly int _k;
        private readonly int _dims;
        private readonly int[] _levels;
        private readonly double[][] _partial;
        private readonly double[][] _remaining;
        private readonly int[][] _levelOrder;
        private readonly bool[] _movedAt;
        private readonly bool[] _moveLeft;
        private readonly double[] _approvals;
        private readonly int? _onlyParty;
        private int[]? _best;
        private double _bestValue = double.NegativeInfinity;
        private double _bestWelfare = double.NegativeInfinity;
        private bool _stop;

        public Search(TwoLevelModel model, SearchMode mode, ulong active, bool[]? moveIssues, double level, PartialOutcome? fixedLevels = null, int? onlyParty = null)
        {
            _onlyParty = onlyParty;
            _m = model;
            _s = model._s;
            _mode = mode;
            _active = active;
            _moveIssues = moveIssues;
            _level = level;
            _n = _s.IssueCount;
            _k = _s.PartyCount;
            _dims = mode is SearchMode.RatificationNash or SearchMode.RatifiableMove ? _s.DimensionCount : _k;
            _levels = new int[_n];
            Array.Fill(_levels, -1);
            _partial = new double[_n + 1][];
            _remaining = new double[_n + 1][];
            for (var t = 0; t <= _n; t++)
            {
                _partial[t] = new double[_dims];
                _remaining[t] = new double[_dims];
            }

            var order = _s.Order;
            for (var t = _n - 1; t >= 0; t--)
            {
                var issue = order[t];
                var off = _s.Offsets[issue];
                for (var d = 0; d < _dims; d++)
                {
                    var table = model._tables[d];
                    var max = double.NegativeInfinity;
                    for (var l = 0; l < _s.Cardinalities[issue]; l++)
                    {
                        max = Math.Max(max, table[off + l]);
                    }

                    _remaining[t][d] = _remaining[t + 1][d] + max;
                }
            }

            _levelOrder = new int[_n][];
            for (var t = 0; t < _n; t++)
            {
                var issue = order[t];
                var off = _s.Offsets[issue];
                var card = _s.Cardinalities[issue];
                var levels = new int[card];
                var keys = new double[card];
                for (var l = 0; l < card; l++)
                {
                    levels[l] = l;
                    var sum = 0.0;
                    for (var p = 0; p < _k; p++)
                    {
                        sum += model._tables[p][off + l];
                    }

                    keys[l] = -sum;
                }

                Array.Sort(keys, levels);
                _levelOrder[t] = fixedLevels is not null && fixedLevels.IsSettled(issue) ? [fixedLevels[issue]] : levels;
            }

            _movedAt = new bool[_n + 1];
            _moveLeft = new bool[_n + 1];
            if (moveIssues is not null)
            {
                for (var t = _n - 1; t >= 0; t--)
                {
                    _moveLeft[t] = _moveLeft[t + 1] || moveIssues[order[t]];
                }
            }

            _approvals = new double[Math.Max(1, _s.RatifierCount)];
        }

        public int[]? Run()
        {
            if (!Bound(0))
            {
                return null;
            }

            Visit(0);
            return _best;
        }

        private void Visit(int t)
        {
            if (t == _n)
            {
                Leaf();
                return;
            }

            var issue = _s.Order[t];
            var off = _s.Offsets[issue];
            var checks = _s.ChecksAtDepth[t];
            var constraints = _s.Constraints;
            var from = _partial[t];
            var to = _partial[t + 1];
            foreach (var l in _levelOrder[t])
            {
                _levels[issue] = l;
                var crossed = false;
                foreach (var c in checks)
                {
                    if ((c >= 64 || (_active & (1UL << c)) != 0) && constraints[c].Holds(_levels))
                    {
                        crossed = true;
                        break;
                    }
                }

                if (crossed)
                {
                    continue;
                }

                for (var d = 0; d < _dims; d++)
                {
                    to[d] = from[d] + _m._tables[d][off + l];
                }

                if (_moveIssues is not null)
                {
                    _movedAt[t + 1] = _movedAt[t] || (_moveIssues[issue] && l != _s.StatusQuoLevels[issue]);
                }

                if (Bound(t + 1))
                {
                    Visit(t + 1);
                    if (_stop)
                    {
                        return;
                    }
                }
            }

            _levels[issue] = -1;
        }

        private bool Bound(int t)
        {
            var partial = _partial[t];
            var remaining = _remaining[t];
            var product = 1.0;
            for (var p = 0; p < _k; p++)
            {
                if (_onlyParty is { } only && p != only)
                {
                    continue;
                }

                var gain = partial[p] + remaining[p] - _m._disagreement[p];
                if (gain < -BoundTolerance)
                {
                    return false;
                }

                product *= Math.Max(gain, 0) + BoundTolerance;
            }

            switch (_mode)
            {
                case SearchMode.Nash:
                    return _best is null || product >= _bestValue - BoundTolerance;
                case SearchMode.RatificationNash:
                    return _best is null || product * RatificationBound(partial, remaining) >= _bestValue - BoundTolerance;
                case SearchMode.RatifiableMove:
                    if (!_movedAt[t] && !_moveLeft[t])
                    {
                        return false;
                    }

                    for (var p = 0; p < _k; p++)
                    {
                        if (PartyBound(p, partial, remaining) < _level - BoundTolerance)
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }

        private double RatificationBound(double[] partial, double[] remaining)
        {
            var p = 1.0;
            for (var party = 0; party < _k; party++)
            {
                p *= PartyBound(party, partial, remaining);
            }

            return p;
        }

        private double PartyBound(int party, double[] partial, double[] remaining)
        {
            var count = _s.PartyRatifiers[party].Count;
            if (count == 0)
            {
                return 1;
            }

            var start = _s.RatifierStart[party];
            for (var r = 0; r < count; r++)
            {
                var d = _k + start + r;
                var margin = partial[d] + remaining[d] - _m._statusQuoUtility[d] + BoundTolerance;
                _approvals[r] = Ratifier.ApprovalProbability(margin, _m._thresholds[start + r], _s.Widths[start + r]);
            }

            return _s.Ratifications[party]!.Probability(_approvals.AsSpan(0, count));
        }

        private void Leaf()
        {
            var welfare = 0.0;
            var product = 1.0;
            for (var p = 0; p < _k; p++)
            {
                var u = _m.Sum(p, _levels);
                if (_onlyParty is { } only && p != only)
                {
                    continue;
                }

                if (u < _m._disagreement[p])
                {
                    return;
                }

                welfare += u;
                product *= u - _m._disagreement[p];
            }

            switch (_mode)
            {
                case SearchMode.Exists:
                    _best = (int[])_levels.Clone();
                    _stop = true;
                    return;
                case SearchMode.RatifiableMove:
                    if (!_movedAt[_n])
                    {
                        return;
                    }

                    for (var p = 0; p < _k; p++)
                    {
                        if (_m.Ratification(p, _levels) < _level)
                        {
                            return;
                        }
                    }

                    _best = (int[])_levels.Clone();
                    _stop = true;
                    return;
                case SearchMode.RatificationNash:
                    product *= _m.RatificationAll(_levels);
                    break;
            }

            if (_best is null || product > _bestValue || (product == _bestValue && (welfare > _bestWelfare || (welfare == _bestWelfare && _s.Domain.LongIndexOf(_levels) < _s.Domain.LongIndexOf(_best)))))
            {
                _best = (int[])_levels.Clone();
                _bestValue = product;
                _bestWelfare = welfare;
            }
        }
    }
}
