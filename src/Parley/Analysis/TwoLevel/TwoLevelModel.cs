using Parley.Domains;
using Parley.Scenarios;

namespace Parley.Analysis.TwoLevel;

/// <summary>
/// A scenario compiled for the status-quo, ratification and robustness analyses: every party's and
/// every constituency's weighted values in flat tables (with one extra entry per issue for its
/// "no clause" status quo), the disagreement points, and every constraint that binds an agreement
/// (the parties' red lines and the scenario's linkage rules).
/// </summary>
/// <remarks>
/// Immutable. <see cref="Draw(Random)"/> returns a model with the same structure and numbers drawn within the
/// scenario's uncertainty ranges. A partial agreement is valued as the status quo with the agreed
/// articles replaced; without a status quo an open article contributes nothing (the reservation
/// value stays the disagreement point). Only additive profiles are supported.
/// </remarks>
public sealed partial class TwoLevelModel
{
    private readonly Structure _s;
    private readonly double[][] _tables;      // per dimension (parties, then constituencies): per issue, cardinality + 1 entries (the last: "no clause")
    private readonly double[] _disagreement;  // per party
    private readonly double[] _statusQuoUtility; // per dimension
    private readonly double[] _thresholds;    // per constituency

    private TwoLevelModel(Structure structure, double[][] tables, double[] disagreement, double[] thresholds)
    {
        _s = structure;
        _tables = tables;
        _disagreement = disagreement;
        _thresholds = thresholds;
        _statusQuoUtility = new double[tables.Length];
        for (var d = 0; d < tables.Length; d++)
        {
            _statusQuoUtility[d] = structure.StatusQuo is null ? 0 : Sum(d, structure.StatusQuoLevels);
        }

        if (structure.StatusQuo is not null)
        {
            for (var p = 0; p < structure.PartyCount; p++)
            {
                if (!structure.ExplicitReservation[p])
                {
                    _disagreement[p] = _statusQuoUtility[p];
                }
            }
        }
    }

    /// <summary>The scenario's domain.</summary>
    public Domain Domain => _s.Domain;

    /// <summary>The negotiating parties' names, in scenario order.</summary>
    public IReadOnlyList<string> PartyNames => _s.PartyNames;

    /// <summary>The number of negotiating parties.</summary>
    public int PartyCount => _s.PartyCount;

    /// <summary>The status quo, if the scenario states one.</summary>
    public StatusQuo? StatusQuo => _s.StatusQuo;

    /// <summary>Each party's constituencies (empty for a party without ratification).</summary>
    public IReadOnlyList<IReadOnlyList<Ratifier>> Ratifiers => _s.PartyRatifiers;

    /// <summary>The scenario this model was compiled from.</summary>
    public Scenario Scenario => _s.Scenario;

    /// <summary>Whether any party has constituencies.</summary>
    public bool HasRatification => _s.RatifierCount > 0;

    /// <summary>Compiles <paramref name="scenario"/>'s negotiators.</summary>
    /// <exception cref="ArgumentException">A negotiator's profile (or a constituency's) is not additive, or the scenario has no negotiator.</exception>
    public static TwoLevelModel Create(Scenario scenario)
    {
        var structure = new Structure(scenario);
        return new TwoLevelModel(structure, structure.BaseTables(), structure.BaseDisagreement(), structure.BaseThresholds());
    }

    /// <summary>Party <paramref name="party"/>'s disagreement value: its utility of the status quo, or its explicit reservation value.</summary>
    public double Disagreement(int party) => _disagreement[party];

    /// <summary>Party <paramref name="party"/>'s utility of the status quo (0 without one).</summary>
    public double StatusQuoUtility(int party) => _statusQuoUtility[party];

    /// <summary>Party <paramref name="party"/>'s utility of a complete outcome.</summary>
    public double Utility(int party, ReadOnlySpan<int> outcome) => Sum(party, outcome);

    /// <summary>
    /// Party <paramref name="party"/>'s value of a partial agreement: the status quo with the agreed
    /// articles replaced (without a status quo, open articles contribute nothing).
    /// </summary>
    public double Value(int party, PartialOutcome agreement) => Sum(party, Complete(agreement));

    /// <summary>What the partial agreement gains party <paramref name="party"/> over its disagreement value.</summary>
    public double Gain(int party, PartialOutcome agreement) => Value(party, agreement) - _disagreement[party];

    /// <summary>The levels a partial agreement stands for: settled articles, and the status quo (or <see cref="StatusQuo.NoClause"/>) elsewhere.</summary>
    public int[] Complete(PartialOutcome agreement)
    {
        var levels = new int[_s.IssueCount];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = agreement.IsSettled(i) ? agreement[i] : _s.StatusQuo is null ? StatusQuo.NoClause : _s.StatusQuoLevels[i];
        }

        return levels;
    }

    /// <summary>The probability that constituency <paramref name="ratifier"/> of party <paramref name="party"/> approves the levels (open articles at the status quo).</summary>
    public double Approval(int party, int ratifier, ReadOnlySpan<int> levels)
    {
        var d = _s.RatifierDimension(party, ratifier);
        var r = d - _s.PartyCount;
        return Ratifier.ApprovalProbability(Sum(d, levels) - _statusQuoUtility[d], _thresholds[r], _s.Widths[r]);
    }

    /// <summary>The probability that party <paramref name="party"/> ratifies the levels (1 for a party without constituencies).</summary>
    public double Ratification(int party, ReadOnlySpan<int> levels)
    {
        var count = _s.PartyRatifiers[party].Count;
        if (count == 0)
        {
            return 1;
        }

        Span<double> approvals = stackalloc double[count];
        for (var r = 0; r < count; r++)
        {
            approvals[r] = Approval(party, r, levels);
        }

        return _s.Ratifications[party]!.Probability(approvals);
    }

    /// <summary>The probability that every party ratifies (approvals independent).</summary>
    public double RatificationAll(ReadOnlySpan<int> levels)
    {
        var p = 1.0;
        for (var i = 0; i < _s.PartyCount; i++)
        {
            p *= Ratification(i, levels);
        }

        return p;
    }

    /// <summary>Whether a complete outcome crosses no party's red line and no linkage rule.</summary>
    public bool IsFeasible(ReadOnlySpan<int> outcome) => _s.CrossedConstraint(outcome, ulong.MaxValue) < 0;

    /// <summary>
    /// Whether a partial agreement crosses no red line or linkage rule among its settled articles
    /// (a rule over an open article is not crossed: the party does not sign today's situation).
    /// </summary>
    public bool IsFeasible(PartialOutcome agreement)
    {
        var levels = new int[_s.IssueCount];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = agreement.IsSettled(i) ? agreement[i] : StatusQuo.NoClause;
        }

        return _s.CrossedConstraint(levels, ulong.MaxValue) < 0;
    }

    /// <summary>Whether every party accepts a complete outcome at the table: feasible, and each utility at least its disagreement value.</summary>
    public bool IsAcceptable(ReadOnlySpan<int> outcome)
    {
        if (!IsFeasible(outcome))
        {
            return false;
        }

        for (var p = 0; p < _s.PartyCount; p++)
        {
            if (Sum(p, outcome) < _disagreement[p])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether every party's utility of the levels is at least its disagreement value.</summary>
    public bool MeetsDisagreement(ReadOnlySpan<int> levels)
    {
        for (var p = 0; p < _s.PartyCount; p++)
        {
            if (Sum(p, levels) < _disagreement[p])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether changing the status quo on <paramref name="issue"/> alone to <paramref name="level"/> is
    /// an early harvest: no single-issue red line or rule forbids it and every party strictly gains.
    /// </summary>
    public bool IsSingleChangeHarvest(int issue, int level)
    {
        if (_s.StatusQuo is null)
        {
            return false;
        }

        var off = _s.Offsets[issue];
        var sqAt = off + (_s.StatusQuoLevels[issue] < 0 ? _s.Cardinalities[issue] : _s.StatusQuoLevels[issue]);
        for (var p = 0; p < _s.PartyCount; p++)
        {
            var gain = _tables[p][off + level] - _tables[p][sqAt];
            if (!(gain > 1e-12))
            {
                return false;
            }
        }

        foreach (var c in _s.Constraints)
        {
            if (c.Issues.Length == 1 && c.Issues[0] == issue && c.Masks[0][level])
            {
                return false;
            }
        }

        return true;
    }

    private double Sum(int dimension, ReadOnlySpan<int> levels)
    {
        var table = _tables[dimension];
        var offsets = _s.Offsets;
        var cards = _s.Cardinalities;
        var sum = 0.0;
        for (var i = 0; i < levels.Length; i++)
        {
            var l = levels[i];
            sum += table[offsets[i] + (l < 0 ? cards[i] : l)];
        }

        return sum;
    }
}
