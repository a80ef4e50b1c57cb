using System.Numerics;
using Parley.Domains;

namespace Parley.Preferences;

/// <summary>
/// A profile whose utility is an additive part plus a sum of weighted constraints over sets of issues:
/// <c>u(ω) = min(cap, (Σ_i w_i·v_i(ω_i) + Σ_k c_k(ω)) / scale)</c>, where each constraint
/// <c>c_k</c> is a <see cref="HyperRectangle"/> worth its value when it holds.
/// </summary>
/// <remarks>
/// <para>
/// One model for every kind of preference Parley reads: a GENIUS nonlinear utility space (ANAC 2014)
/// is the constraints with <see cref="Scale"/> = its <c>maxutility</c> and the cap at 1, as GENIUS
/// computes it; a GeniusWeb <c>SumOfGroupsUtilitySpace</c> and NegMAS's mixed utility functions are
/// an additive part plus constraints; a linear additive profile is the additive part alone
/// (<see cref="From"/> gives that view of an <see cref="AdditiveProfile"/>, so code written for this
/// model — the CP-SAT frontier, the writers — takes every profile).
/// </para>
/// <para>
/// Evaluation is built for speed: every constraint's box is compiled into per-issue, per-level bit
/// masks of the constraints a level falls outside of, so an outcome costs one OR of a few words per
/// issue and one add per constraint that holds, with no allocation (docs/performance.md).
/// </para>
/// </remarks>
public sealed class NonlinearProfile : Profile
{
    private readonly HyperRectangle[] _constraints;
    private readonly int _words;          // 64-bit words per mask
    private readonly ulong[] _outside;    // [(offset[issue] + level) * _words + w]: constraints whose box excludes the level
    private readonly ulong[] _valid;      // the bits that stand for a constraint
    private readonly double[] _signed;    // +value for an inclusive rectangle, −value for an exclusive one
    private readonly double _base;        // the sum of exclusive values (they hold unless the outcome is inside)
    private readonly int[] _offsets;
    private readonly int[] _readIssues;   // the issues some constraint reads
    private readonly int[] _rowBases;     // per read issue, the index in _outside of its level 0's mask
    private readonly double _inverseScale;

    /// <summary>Creates a profile.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="additive">The additive part, or null for none (its reservation value, discount and red lines are not used).</param>
    /// <param name="constraints">The weighted constraints.</param>
    /// <param name="scale">The divisor of the raw sum (GENIUS's <c>maxutility</c>); 1 for none.</param>
    /// <param name="capAtOne">Whether a utility above 1 counts as 1, as GENIUS does for nonlinear spaces.</param>
    /// <param name="reservationValue">The utility of no agreement.</param>
    /// <param name="discountFactor">The discount factor (see <see cref="Profile"/>).</param>
    /// <param name="redLines">Red lines.</param>
    /// <exception cref="ArgumentException">A range names an issue or level the domain lacks, the additive part is over another domain, or the scale is not a positive finite number.</exception>
    public NonlinearProfile(
        Domain domain,
        AdditiveProfile? additive,
        IEnumerable<HyperRectangle> constraints,
        double scale = 1,
        bool capAtOne = false,
        double reservationValue = 0,
        double discountFactor = 1,
        IEnumerable<RedLine>? redLines = null)
        : base(domain, reservationValue, discountFactor, redLines)
    {
        if (additive is not null && !ReferenceEquals(additive.Domain, domain))
        {
            throw new ArgumentException("The additive part must be over the profile's domain.", nameof(additive));
        }

        if (!double.IsFinite(scale) || scale <= 0)
        {
            throw new ArgumentException($"The scale is {scale}; it must be a positive finite number.", nameof(scale));
        }

        Additive = additive;
        _constraints = constraints.ToArray();
        Scale = scale;
        CapsAtOne = capAtOne;
        _inverseScale = 1 / scale;

        _offsets = new int[domain.IssueCount + 1];
        for (var i = 0; i < domain.IssueCount; i++)
        {
            _offsets[i + 1] = _offsets[i] + domain.Issues[i].Cardinality;
        }

        var n = _constraints.Length;
        _words = Math.Max(1, (n + 63) / 64);
        _outside = new ulong[_offsets[^1] * _words];
        _valid = new ulong[_words];
        _signed = new double[n];
        var read = new bool[domain.IssueCount];
        for (var c = 0; c < n; c++)
        {
            var rect = _constraints[c];
            _valid[c >> 6] |= 1UL << (c & 63);
            _signed[c] = rect.IsExclusive ? -rect.Value : rect.Value;
            if (rect.IsExclusive)
            {
                _base += rect.Value;
            }

            foreach (var r in rect.Ranges)
            {
                if (r.Issue >= domain.IssueCount)
                {
                    throw new ArgumentException($"Constraint {c + 1} reads issue {r.Issue}, but domain '{domain.Name}' has {domain.IssueCount} issues.", nameof(constraints));
                }

                var cardinality = domain.Issues[r.Issue].Cardinality;
                if (r.MaxLevel >= cardinality)
                {
                    throw new ArgumentException($"Constraint {c + 1} reaches level {r.MaxLevel} of issue '{domain.Issues[r.Issue].Name}', which has {cardinality} levels.", nameof(constraints));
                }

                read[r.Issue] = true;
                for (var l = 0; l < cardinality; l++)
                {
                    if (!r.Contains(l))
                    {
                        _outside[((_offsets[r.Issue] + l) * _words) + (c >> 6)] |= 1UL << (c & 63);
                    }
                }
            }
        }

        _readIssues = Enumerable.Range(0, domain.IssueCount).Where(i => read[i]).ToArray();
        _rowBases = _readIssues.Select(i => _offsets[i] * _words).ToArray();
    }

    /// <summary>The additive part, or null.</summary>
    public AdditiveProfile? Additive { get; }

    /// <summary>The weighted constraints.</summary>
    public IReadOnlyList<HyperRectangle> Constraints => _constraints;

    /// <summary>The divisor of the raw sum.</summary>
    public double Scale { get; }

    /// <summary>Whether utilities above 1 count as 1.</summary>
    public bool CapsAtOne { get; }

    /// <summary>Views any profile in this model: itself, or an additive profile as its additive part with no constraints.</summary>
    /// <exception cref="NotSupportedException">The profile is of another kind.</exception>
    public static NonlinearProfile From(Profile profile) => profile switch
    {
        NonlinearProfile n => n,
        AdditiveProfile a => new NonlinearProfile(a.Domain, a, [], 1, false, a.ReservationValue, a.DiscountFactor, a.RedLines.Lines),
        _ => throw new NotSupportedException($"A {profile.GetType().Name} has no additive-plus-constraints form."),
    };

    /// <summary>The raw sum before scaling and capping: additive part plus the values of the constraints that hold.</summary>
    public double RawUtility(ReadOnlySpan<int> outcome)
    {
        var sum = _base + (Additive?.Utility(outcome) ?? 0);
        var outside = _outside;
        var read = _readIssues;
        var rows = _rowBases;
        var valid = _valid;

        // Up to 256 constraints the masks stay in registers (one accumulator per 64 constraints); beyond, a stack buffer.
        switch (_words)
        {
            case 1:
            {
                var m0 = 0UL;
                for (var j = 0; j < read.Length; j++)
                {
                    m0 |= outside[rows[j] + outcome[read[j]]];
                }

                return sum + Add(~m0 & valid[0], 0);
            }

            case 2:
            {
                ulong m0 = 0, m1 = 0;
                for (var j = 0; j < read.Length; j++)
                {
                    var r = rows[j] + (outcome[read[j]] << 1);
                    m0 |= outside[r];
                    m1 |= outside[r + 1];
                }

                return sum + Add(~m0 & valid[0], 0) + Add(~m1 & valid[1], 64);
            }

            case 3:
            {
                ulong m0 = 0, m1 = 0, m2 = 0;
                for (var j = 0; j < read.Length; j++)
                {
                    var r = rows[j] + (outcome[read[j]] * 3);
                    m0 |= outside[r];
                    m1 |= outside[r + 1];
                    m2 |= outside[r + 2];
                }

                return sum + Add(~m0 & valid[0], 0) + Add(~m1 & valid[1], 64) + Add(~m2 & valid[2], 128);
            }

            case 4:
            {
                ulong m0 = 0, m1 = 0, m2 = 0, m3 = 0;
                for (var j = 0; j < read.Length; j++)
                {
                    var r = rows[j] + (outcome[read[j]] << 2);
                    m0 |= outside[r];
                    m1 |= outside[r + 1];
                    m2 |= outside[r + 2];
                    m3 |= outside[r + 3];
                }

                return sum + Add(~m0 & valid[0], 0) + Add(~m1 & valid[1], 64) + Add(~m2 & valid[2], 128) + Add(~m3 & valid[3], 192);
            }

            default:
            {
                var words = _words;
                Span<ulong> acc = words <= 64 ? stackalloc ulong[words] : new ulong[words];
                for (var j = 0; j < read.Length; j++)
                {
                    var row = outside.AsSpan(rows[j] + (outcome[read[j]] * words), words);
                    for (var w = 0; w < words; w++)
                    {
                        acc[w] |= row[w];
                    }
                }

                for (var w = 0; w < words; w++)
                {
                    sum += Add(~acc[w] & valid[w], w << 6);
                }

                return sum;
            }
        }
    }

    /// <inheritdoc />
    public override double Utility(ReadOnlySpan<int> outcome)
    {
        var u = RawUtility(outcome) * _inverseScale;
        return CapsAtOne && u > 1 ? 1 : u;
    }

    /// <summary>The utility a raw sum stands for (scaled, and capped when the profile caps).</summary>
    public double UtilityOfRaw(double raw)
    {
        var u = raw * _inverseScale;
        return CapsAtOne && u > 1 ? 1 : u;
    }

    /// <summary>The number of constraints that read each count of issues: key issues per constraint, value constraints.</summary>
    public IReadOnlyDictionary<int, int> IssuesPerConstraint()
    {
        var counts = new SortedDictionary<int, int>();
        foreach (var c in _constraints)
        {
            var k = c.IssueCount;
            counts[k] = counts.TryGetValue(k, out var v) ? v + 1 : 1;
        }

        return counts;
    }

    /// <inheritdoc />
    public override Profile WithReservationValue(double reservationValue) =>
        new NonlinearProfile(Domain, Additive, _constraints, Scale, CapsAtOne, reservationValue, DiscountFactor, RedLines.Lines);

    /// <inheritdoc />
    public override Profile WithRedLines(IEnumerable<RedLine> redLines) =>
        new NonlinearProfile(Domain, Additive, _constraints, Scale, CapsAtOne, ReservationValue, DiscountFactor, redLines);

    private double Add(ulong bits, int first)
    {
        var sum = 0.0;
        var signed = _signed;
        while (bits != 0)
        {
            sum += signed[first + BitOperations.TrailingZeroCount(bits)];
            bits &= bits - 1;
        }

        return sum;
    }
}
