using Google.OrTools.Sat;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// One CP-SAT model of two profiles' raw utilities, built once per solving thread and re-solved many times:
/// between solves only the objective, the bounds of a box on (R1, R2), one weighted constraint on
/// <c>w1·R1 + w2·R2</c> and the solution hint change (see <see cref="CpSatFrontier"/>).
/// </summary>
internal sealed class CpSatFrontierModel
{
    private const long MaxScale = 1_000_000;
    private const long Wide = 1L << 60;
    private readonly Constraint _box1;
    private readonly Constraint _box2;
    private readonly Constraint _weighted;

    public CpSatFrontierModel(NonlinearProfile[] profiles, long scale)
    {
        Profiles = profiles;
        Scale = scale;
        var domain = profiles[0].Domain;
        Domain = domain;
        Model = new CpModel();
        Levels = new BoolVar[domain.IssueCount][];
        var read = ReadIssues(profiles, domain);
        var classes = LevelClasses(profiles, domain, read);
        for (var i = 0; i < domain.IssueCount; i++)
        {
            if (!read[i])
            {
                continue;
            }

            // Levels no profile tells apart share one Boolean: fewer variables, no symmetric twins to search.
            var card = domain.Issues[i].Cardinality;
            var count = classes[i].Max() + 1;
            var vars = new BoolVar[count];
            for (var c = 0; c < count; c++)
            {
                vars[c] = Model.NewBoolVar($"x{i}_{c}");
            }

            Levels[i] = new BoolVar[card];
            for (var l = 0; l < card; l++)
            {
                Levels[i][l] = vars[classes[i][l]];
            }

            Model.AddExactlyOne(vars);
        }

        AddRedLines();
        Raw = new IntVar[2];
        Bounds = new (long Lo, long Hi)[2];
        for (var k = 0; k < 2; k++)
        {
            (Raw[k], Bounds[k]) = Encode(Model, profiles[k], Levels, scale, k);
            var threshold = CapThreshold(profiles[k], scale);
            if (profiles[k].CapsAtOne && threshold < Bounds[k].Hi)
            {
                // GENIUS's cap: every raw sum from the threshold up is worth 1, so the search works on min(raw, threshold)
                // and never visits raw points that the cap merges into one.
                var capped = Model.NewIntVar(Math.Min(Bounds[k].Lo, threshold), threshold, $"capped{k}");
                Model.AddMinEquality(capped, [Raw[k], LinearExpr.Constant(threshold)]);
                Raw[k] = capped;
                Bounds[k] = (Math.Min(Bounds[k].Lo, threshold), threshold);
            }
        }

        _box1 = Model.AddLinearConstraint(Raw[0], Bounds[0].Lo, Bounds[0].Hi);
        _box2 = Model.AddLinearConstraint(Raw[1], Bounds[1].Lo, Bounds[1].Hi);
        _weighted = Model.AddLinearConstraint(LinearExpr.Term(Raw[0], 1) + LinearExpr.Term(Raw[1], 1), -Wide, Wide);
    }

    public NonlinearProfile[] Profiles { get; }

    public Domain Domain { get; }

    public long Scale { get; }

    public CpModel Model { get; }

    /// <summary>Per issue, the Boolean of each level (levels of one class share it); null for an issue no profile reads.</summary>
    public BoolVar[][] Levels { get; }

    /// <summary>The (capped) raw utilities R1, R2 as solver integers.</summary>
    public IntVar[] Raw { get; }

    /// <summary>The range each of R1, R2 can take.</summary>
    public (long Lo, long Hi)[] Bounds { get; }

    /// <summary>The raw threshold above which a capping profile's utility is 1.</summary>
    public static long CapThreshold(NonlinearProfile profile, long scale) => (long)Math.Ceiling(profile.Scale * scale);

    /// <summary>Restricts the search to <c>lo1 ≤ R1 ≤ hi1</c>, <c>lo2 ≤ R2 ≤ hi2</c> and <c>wLo ≤ w1·R1 + w2·R2 ≤ wHi</c> (w1 = w2 = 0 for none).</summary>
    public void Restrict(long lo1, long hi1, long lo2, long hi2, long w1 = 0, long w2 = 0, long wLo = -Wide, long wHi = Wide)
    {
        SetDomain(_box1, lo1, hi1);
        SetDomain(_box2, lo2, hi2);
        var linear = _weighted.Proto.Linear;
        linear.Coeffs[0] = w1;
        linear.Coeffs[1] = w2;
        SetDomain(_weighted, w1 == 0 && w2 == 0 ? -Wide : wLo, w1 == 0 && w2 == 0 ? Wide : wHi);
    }

    /// <summary>Maximises <c>a·R1 + b·R2</c>.</summary>
    public void Maximize(long a, long b)
    {
        Model.Model.Objective = null; // replaced, not added to
        Model.Maximize(LinearExpr.Term(Raw[0], a) + LinearExpr.Term(Raw[1], b));
    }

    /// <summary>Hints the solver with an outcome (or clears the hint).</summary>
    public void Hint(int[]? outcome)
    {
        Model.ClearHints();
        if (outcome is null)
        {
            return;
        }

        for (var i = 0; i < Levels.Length; i++)
        {
            if (Levels[i] is { } ls)
            {
                for (var l = 0; l < ls.Length; l++)
                {
                    if (Array.IndexOf(ls, ls[l]) == l)
                    {
                        Model.AddHint(ls[l], ReferenceEquals(ls[l], ls[outcome[i]]));
                    }
                }
            }
        }
    }

    /// <summary>The outcome of the solver's last solution.</summary>
    public int[] Witness(CpSolver solver)
    {
        var outcome = new int[Domain.IssueCount];
        for (var i = 0; i < outcome.Length; i++)
        {
            if (Levels[i] is { } ls)
            {
                for (var l = 0; l < ls.Length; l++)
                {
                    if (solver.BooleanValue(ls[l]))
                    {
                        outcome[i] = l;
                        break;
                    }
                }
            }
        }

        return outcome;
    }

    /// <summary>The outcome's (capped) raw utilities recomputed with the profiles themselves, as solver integers.</summary>
    public (long R1, long R2) Evaluate(int[] outcome) => (Capped(0, outcome), Capped(1, outcome));

    private long Capped(int k, int[] outcome)
    {
        var raw = (long)Math.Round(Profiles[k].RawUtility(outcome) * Scale);
        return Profiles[k].CapsAtOne ? Math.Min(raw, CapThreshold(Profiles[k], Scale)) : raw;
    }

    private static void SetDomain(Constraint constraint, long lo, long hi)
    {
        var d = constraint.Proto.Linear.Domain;
        d.Clear();
        d.Add(lo);
        d.Add(hi);
    }

    /// <summary>For each read issue, a class per level: two levels share a class when every range and every additive table treats them alike.</summary>
    private static int[][] LevelClasses(NonlinearProfile[] profiles, Domain domain, bool[] read)
    {
        var keys = new List<double>[domain.IssueCount][];
        for (var i = 0; i < domain.IssueCount; i++)
        {
            keys[i] = new List<double>[domain.Issues[i].Cardinality];
            for (var l = 0; l < keys[i].Length; l++)
            {
                keys[i][l] = [];
            }
        }

        foreach (var p in profiles)
        {
            foreach (var c in p.Constraints)
            {
                foreach (var r in c.Ranges)
                {
                    for (var l = 0; l < keys[r.Issue].Length; l++)
                    {
                        keys[r.Issue][l].Add(r.Contains(l) ? 1 : 0);
                    }
                }
            }

            if (p.Additive is { } a)
            {
                for (var i = 0; i < domain.IssueCount; i++)
                {
                    var t = a.LevelUtilities(i);
                    for (var l = 0; l < t.Length; l++)
                    {
                        keys[i][l].Add(t[l]);
                    }
                }
            }
        }

        // Red lines tell levels apart too: whether a level is allowed, and which forbidden combination's condition it meets.
        foreach (var p in profiles)
        {
            for (var i = 0; i < domain.IssueCount; i++)
            {
                for (var l = 0; l < keys[i].Length; l++)
                {
                    keys[i][l].Add(p.RedLines.IsLevelAllowed(i, l) ? 1 : 0);
                }
            }

            foreach (var c in MultiIssueLines(p))
            {
                foreach (var condition in c.Conditions)
                {
                    for (var l = 0; l < keys[condition.Issue].Length; l++)
                    {
                        keys[condition.Issue][l].Add(condition.Levels.Contains(l) ? 1 : 0);
                    }
                }
            }
        }

        var classes = new int[domain.IssueCount][];
        for (var i = 0; i < domain.IssueCount; i++)
        {
            classes[i] = new int[keys[i].Length];
            if (!read[i])
            {
                continue;
            }

            var seen = new List<List<double>>();
            for (var l = 0; l < keys[i].Length; l++)
            {
                var found = seen.FindIndex(s => s.SequenceEqual(keys[i][l]));
                if (found < 0)
                {
                    found = seen.Count;
                    seen.Add(keys[i][l]);
                }

                classes[i][l] = found;
            }
        }

        return classes;
    }

    private static bool[] ReadIssues(NonlinearProfile[] profiles, Domain domain)
    {
        var read = new bool[domain.IssueCount];
        foreach (var p in profiles)
        {
            foreach (var c in p.Constraints)
            {
                foreach (var r in c.Ranges)
                {
                    read[r.Issue] = true;
                }
            }

            if (p.Additive is { } a)
            {
                for (var i = 0; i < domain.IssueCount; i++)
                {
                    var t = a.LevelUtilities(i);
                    for (var l = 1; l < t.Length; l++)
                    {
                        if (t[l] != t[0])
                        {
                            read[i] = true;
                        }
                    }
                }
            }
        }

        // An issue a red line reads must be chosen too (its level 0 may be forbidden).
        foreach (var p in profiles)
        {
            for (var i = 0; i < domain.IssueCount; i++)
            {
                for (var l = 0; l < domain.Issues[i].Cardinality; l++)
                {
                    if (!p.RedLines.IsLevelAllowed(i, l))
                    {
                        read[i] = true;
                    }
                }
            }

            foreach (var c in MultiIssueLines(p))
            {
                foreach (var condition in c.Conditions)
                {
                    read[condition.Issue] = true;
                }
            }
        }

        return read;
    }

    /// <summary>The profile's forbidden combinations over more than one condition (single-issue red lines are in <see cref="RedLineSet.IsLevelAllowed"/>).</summary>
    private static IEnumerable<ForbiddenCombination> MultiIssueLines(NonlinearProfile profile) =>
        profile.RedLines.Lines.OfType<ForbiddenCombination>().Where(c => c.Conditions.Count > 1);

    /// <summary>
    /// Every party's red lines as hard constraints (the enumeration drops an outcome that crosses any of them): a
    /// forbidden level's Boolean is false (its class holds only forbidden levels), and a forbidden combination of n
    /// conditions has at most n − 1 of them met.
    /// </summary>
    private void AddRedLines()
    {
        foreach (var p in Profiles)
        {
            for (var i = 0; i < Domain.IssueCount; i++)
            {
                if (Levels[i] is not { } ls)
                {
                    continue;
                }

                for (var l = 0; l < ls.Length; l++)
                {
                    if (!p.RedLines.IsLevelAllowed(i, l))
                    {
                        Model.Add(ls[l] == 0);
                    }
                }
            }

            foreach (var c in MultiIssueLines(p))
            {
                // Σ over conditions of [condition met] ≤ n − 1; a condition is met by exactly one of its level classes at most.
                var met = LinearExpr.NewBuilder();
                foreach (var condition in c.Conditions)
                {
                    var ls = Levels[condition.Issue];
                    var seen = new HashSet<BoolVar>(ReferenceEqualityComparer.Instance);
                    foreach (var l in condition.Levels)
                    {
                        if (seen.Add(ls[l]))
                        {
                            met.AddTerm(ls[l], 1);
                        }
                    }
                }

                Model.Add(met <= c.Conditions.Count - 1);
            }
        }
    }

    /// <summary>The smallest power of ten (up to a million) that makes every value an integer; the solver needs integers.</summary>
    internal static long ScaleFor(NonlinearProfile[] profiles, Domain domain)
    {
        var values = new List<double>();
        foreach (var p in profiles)
        {
            values.AddRange(p.Constraints.Select(c => c.Value));
            if (p.Additive is { } a)
            {
                for (var i = 0; i < domain.IssueCount; i++)
                {
                    foreach (var t in a.LevelUtilities(i))
                    {
                        values.Add(t);
                    }
                }
            }
        }

        for (long s = 1; s <= MaxScale; s *= 10)
        {
            var ok = true;
            foreach (var v in values)
            {
                var x = v * s;
                if (Math.Abs(x) > 1e15 || Math.Abs(x - Math.Round(x)) > 1e-9 * Math.Max(1, Math.Abs(x)))
                {
                    ok = false;
                    break;
                }
            }

            if (ok)
            {
                return s;
            }
        }

        throw new AnalysisLimitException($"Domain '{domain.Name}' has {domain.OutcomeCount} outcomes, too many to enumerate, and its utilities are not multiples of 1e-6 of the raw scale, which the exact CP-SAT frontier needs (it works on integers).");
    }

    private static (IntVar Raw, (long Lo, long Hi) Bounds) Encode(CpModel model, NonlinearProfile profile, BoolVar[][] levels, long scale, int party)
    {
        var domain = profile.Domain;
        var terms = new List<(ILiteral Literal, long Coefficient)>();
        long constant = 0, lo = 0, hi = 0;
        if (profile.Additive is { } a)
        {
            for (var i = 0; i < domain.IssueCount; i++)
            {
                var t = a.LevelUtilities(i);
                var min = long.MaxValue;
                var max = long.MinValue;
                for (var l = 0; l < t.Length; l++)
                {
                    var v = (long)Math.Round(t[l] * scale);
                    min = Math.Min(min, v);
                    max = Math.Max(max, v);
                    if (levels[i] is { } ls)
                    {
                        if (v != 0 && Array.IndexOf(ls, ls[l]) == l)
                        {
                            terms.Add((ls[l], v)); // a class's levels share one value: count it once
                        }
                    }
                    else if (l == 0)
                    {
                        constant += v; // an issue no one reads stays at level 0
                    }
                }

                if (levels[i] is not null)
                {
                    lo += min;
                    hi += max;
                }
            }
        }

        var index = 0;
        foreach (var c in profile.Constraints)
        {
            index++;
            var v = (long)Math.Round(c.Value * scale);
            if (v == 0)
            {
                continue;
            }

            var effective = c.Ranges.Where(r => r.MinLevel > 0 || r.MaxLevel < domain.Issues[r.Issue].Cardinality - 1).ToArray();
            if (effective.Length == 0)
            {
                if (!c.IsExclusive)
                {
                    constant += v; // the box is the whole space: always inside
                }

                continue; // an exclusive rectangle whose box is the whole space never holds
            }

            var z = model.NewBoolVar($"c{party}_{index}");
            terms.Add((z, v));
            if (v > 0)
            {
                hi += v;
            }
            else
            {
                lo += v;
            }

            if (!c.IsExclusive)
            {
                if (v > 0)
                {
                    foreach (var r in effective)
                    {
                        model.Add(LinearExpr.Sum(InRange(levels, r, true)) >= z); // z only when inside every range
                    }
                }
                else
                {
                    var all = new List<ILiteral>();
                    foreach (var r in effective)
                    {
                        all.AddRange(InRange(levels, r, true));
                    }

                    model.Add(LinearExpr.Sum(all) - z <= effective.Length - 1); // inside every range forces z
                }
            }
            else
            {
                if (v > 0)
                {
                    var outside = new List<ILiteral>();
                    foreach (var r in effective)
                    {
                        outside.AddRange(InRange(levels, r, false));
                    }

                    model.Add(LinearExpr.Sum(outside) >= z); // z only when outside some range
                }
                else
                {
                    foreach (var r in effective)
                    {
                        model.Add(LinearExpr.Sum(InRange(levels, r, false)) <= z); // outside any range forces z
                    }
                }
            }
        }

        var raw = model.NewIntVar(lo + constant, hi + constant, $"raw{party}");
        var expr = LinearExpr.NewBuilder();
        foreach (var (literal, coefficient) in terms)
        {
            expr.AddTerm(literal, coefficient);
        }

        expr.Add(constant);
        model.Add(raw == expr);
        return (raw, (lo + constant, hi + constant));
    }

    private static List<ILiteral> InRange(BoolVar[][] levels, IssueRange r, bool inside)
    {
        var list = new List<ILiteral>();
        var ls = levels[r.Issue];
        for (var l = 0; l < ls.Length; l++)
        {
            if (r.Contains(l) == inside && !list.Contains(ls[l]))
            {
                list.Add(ls[l]);
            }
        }

        return list;
    }
}
