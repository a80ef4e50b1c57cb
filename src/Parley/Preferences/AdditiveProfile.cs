using Parley.Domains;

namespace Parley.Preferences;

/// <summary>
/// A linear additive profile: <c>u(ω) = Σ_i w_i · v_i(ω_i)</c>, the model of GENIUS,
/// GeniusWeb and most of the negotiation literature.
/// </summary>
/// <remarks>
/// On construction the weighted value of every level of every issue is computed once into one
/// flat table, so <see cref="Utility(ReadOnlySpan{int})"/> is one indexed load and add per issue.
/// Weights are kept as given (GENIUS files do not always sum to 1; the readers document what
/// they do about it).
/// </remarks>
public sealed class AdditiveProfile : Profile
{
    private readonly double[] _weights;
    private readonly ValueFunction[] _functions;
    private readonly double[] _table;   // weighted level utilities, flattened issue by issue
    private readonly int[] _offsets;    // start of each issue in _table

    /// <summary>Creates an additive profile.</summary>
    /// <exception cref="ArgumentException">Counts do not match the domain, a weight is negative or not finite, or a function cannot evaluate its issue.</exception>
    public AdditiveProfile(
        Domain domain,
        IEnumerable<double> weights,
        IEnumerable<ValueFunction> valueFunctions,
        double reservationValue = 0,
        double discountFactor = 1,
        IEnumerable<RedLine>? redLines = null)
        : base(domain, reservationValue, discountFactor, redLines)
    {
        _weights = weights.ToArray();
        _functions = valueFunctions.ToArray();
        if (_weights.Length != domain.IssueCount || _functions.Length != domain.IssueCount)
        {
            throw new ArgumentException(
                $"Domain '{domain.Name}' has {domain.IssueCount} issues; the profile gives {_weights.Length} weights and {_functions.Length} value functions.");
        }

        _offsets = new int[domain.IssueCount + 1];
        for (var i = 0; i < domain.IssueCount; i++)
        {
            if (!double.IsFinite(_weights[i]) || _weights[i] < 0)
            {
                throw new ArgumentException($"The weight of issue '{domain.Issues[i].Name}' is {_weights[i]}; weights must be finite and not negative.");
            }

            _functions[i].CheckCompatible(domain.Issues[i]);
            _offsets[i + 1] = _offsets[i] + domain.Issues[i].Cardinality;
        }

        _table = new double[_offsets[^1]];
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var issue = domain.Issues[i];
            for (var l = 0; l < issue.Cardinality; l++)
            {
                _table[_offsets[i] + l] = _weights[i] * _functions[i].EvaluateLevel(issue, l);
            }
        }
    }

    /// <summary>The weight of each issue, in issue order.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The value function of each issue, in issue order.</summary>
    public IReadOnlyList<ValueFunction> ValueFunctions => _functions;

    /// <inheritdoc />
    public override double Utility(ReadOnlySpan<int> outcome)
    {
        var table = _table;
        var offsets = _offsets;
        var sum = 0.0;
        for (var i = 0; i < outcome.Length; i++)
        {
            sum += table[offsets[i] + outcome[i]];
        }

        return sum;
    }

    /// <summary>The weighted utility contributed by level <paramref name="level"/> of issue <paramref name="issue"/>.</summary>
    public double LevelUtility(int issue, int level) => _table[_offsets[issue] + level];

    /// <summary>The weighted utilities of every level of issue <paramref name="issue"/>.</summary>
    public ReadOnlySpan<double> LevelUtilities(int issue) => _table.AsSpan(_offsets[issue], _offsets[issue + 1] - _offsets[issue]);

    /// <summary>The utility of a draft: settled issues count, open ones contribute nothing.</summary>
    public double SettledUtility(PartialOutcome draft)
    {
        var sum = 0.0;
        for (var i = 0; i < draft.Count; i++)
        {
            if (draft[i] >= 0)
            {
                sum += _table[_offsets[i] + draft[i]];
            }
        }

        return sum;
    }

    /// <inheritdoc />
    public override Profile WithReservationValue(double reservationValue) =>
        new AdditiveProfile(Domain, _weights, _functions, reservationValue, DiscountFactor, RedLines.Lines);

    /// <inheritdoc />
    public override Profile WithRedLines(IEnumerable<RedLine> redLines) =>
        new AdditiveProfile(Domain, _weights, _functions, ReservationValue, DiscountFactor, redLines);
}
