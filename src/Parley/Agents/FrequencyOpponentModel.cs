using Parley.Domains;

namespace Parley.Agents;

/// <summary>
/// The frequency opponent model of HardHeaded: an issue whose value an opponent keeps unchanged
/// between consecutive offers gains weight; a value an opponent offers often is a value it likes.
/// </summary>
/// <remarks>
/// van Krimpen, Looije &amp; Hajizadeh (2013), "HardHeaded", in Complex Automated Negotiations,
/// Springer (ANAC 2011 winner). Per opponent: issue weights start equal; after each offer, every
/// issue whose value did not change since that opponent's previous offer gains a learning rate
/// (0.2 / issues) and the weights are renormalised; the count of each offered value grows by one.
/// Estimated utility = Σ weight_i · count_i(value) / max_v count_i(v), averaged over the opponents
/// seen. O(issues) per observation and per estimate, no allocation after <see cref="Start"/>.
/// </remarks>
public sealed class FrequencyOpponentModel : IOpponentModel
{
    private int _issues;
    private int[] _offsets = [];
    private double[][] _weights = [];     // per party, per issue
    private int[][] _counts = [];         // per party, flattened levels
    private int[][] _maxCounts = [];      // per party, per issue
    private int[][] _previous = [];       // per party, the last offer's levels
    private bool[] _seen = [];
    private int _opponentsSeen;
    private double _learningRate;

    /// <inheritdoc />
    public void Start(AgentContext context)
    {
        var domain = context.Domain;
        _issues = domain.IssueCount;
        _offsets = new int[_issues + 1];
        for (var i = 0; i < _issues; i++)
        {
            _offsets[i + 1] = _offsets[i] + domain.Cardinalities[i];
        }

        var parties = context.PartyCount;
        _weights = new double[parties][];
        _counts = new int[parties][];
        _maxCounts = new int[parties][];
        _previous = new int[parties][];
        _seen = new bool[parties];
        _opponentsSeen = 0;
        _learningRate = 0.2 / _issues;
    }

    /// <inheritdoc />
    public void Observe(int party, Outcome offer, double time)
    {
        if (!_seen[party])
        {
            _seen[party] = true;
            _opponentsSeen++;
            _weights[party] = new double[_issues];
            Array.Fill(_weights[party], 1.0 / _issues);
            _counts[party] = new int[_offsets[^1]];
            _maxCounts[party] = new int[_issues];
            _previous[party] = new int[_issues];
            Array.Fill(_previous[party], -1);
        }

        var weights = _weights[party];
        var counts = _counts[party];
        var max = _maxCounts[party];
        var previous = _previous[party];
        var levels = offer.Levels;
        var changed = false;
        for (var i = 0; i < _issues; i++)
        {
            if (previous[i] == levels[i])
            {
                weights[i] += _learningRate;
                changed = true;
            }

            var c = ++counts[_offsets[i] + levels[i]];
            if (c > max[i])
            {
                max[i] = c;
            }

            previous[i] = levels[i];
        }

        if (changed)
        {
            var total = 0.0;
            for (var i = 0; i < _issues; i++)
            {
                total += weights[i];
            }

            for (var i = 0; i < _issues; i++)
            {
                weights[i] /= total;
            }
        }
    }

    /// <inheritdoc />
    public double EstimatedUtility(ReadOnlySpan<int> outcome)
    {
        if (_opponentsSeen == 0)
        {
            return 0;
        }

        var sum = 0.0;
        for (var p = 0; p < _seen.Length; p++)
        {
            if (!_seen[p])
            {
                continue;
            }

            var weights = _weights[p];
            var counts = _counts[p];
            var max = _maxCounts[p];
            for (var i = 0; i < _issues; i++)
            {
                if (max[i] > 0)
                {
                    sum += weights[i] * counts[_offsets[i] + outcome[i]] / max[i];
                }
            }
        }

        return sum / _opponentsSeen;
    }
}
