using Google.OrTools.Sat;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// The exact Pareto frontier of two profiles over a space too large to enumerate, by an epsilon-constraint
/// sweep over one CP-SAT model (Google OR-Tools).
/// </summary>
/// <remarks>
/// <para>
/// Each profile is seen as <see cref="NonlinearProfile"/>: its raw utility is a linear sum of level
/// indicators (the additive part) and of constraint indicators, scaled to integers by a power of ten.
/// Every read issue gets one Boolean per level (exactly one true). A constraint indicator is bounded by
/// the levels that make it hold — from above when its value is positive (a maximiser sets it whenever it
/// may), from below when negative — so the model's utility never exceeds the true one and equals it at
/// every optimum; reported utilities are always recomputed from the outcome with the profile itself.
/// </para>
/// <para>
/// The sweep: maximise <c>R1·M + R2</c> (lexicographically R1, then R2; M exceeds R2's range) subject to
/// <c>R2 ≥ ε</c>; the optimum is a frontier point; set ε to its R2 plus one and repeat until the model is
/// infeasible, which proves that no point is missing. The model is built once: each step changes ε in the
/// constraint's bounds and hints the previous solution. Levels of an issue that no profile tells apart share
/// one Boolean; a capping profile's objective is <c>min(raw, threshold)</c>, so the sweep never visits raw points
/// the cap merges. CP-SAT runs a portfolio of <c>workers</c> (8 by default, even on 2 cores: the portfolio's
/// diversity proves points faster than fewer workers) with linearization level 2 (docs/performance.md). A point is proved when its solve ends OPTIMAL;
/// when the time budget runs out, the best points found are returned with the solver's bound on the gap.
/// GENIUS's cap at 1 is a monotone map of the raw sum: the capped frontier is the non-dominated part of
/// the mapped raw frontier.
/// </para>
/// </remarks>
internal static class CpSatFrontier
{
    private const long MaxScale = 1_000_000;

    public sealed record Point(double[] Utilities, int[] Outcome, bool IsProved);

    public sealed record Result(List<Point> Points, SolverReport Report);

    public static Result Solve(Profile first, Profile second, TimeSpan budget, int workers, IProgress<double>? progress, double progressFrom, double progressTo, CancellationToken ct)
    {
        var profiles = new[] { NonlinearProfile.From(first), NonlinearProfile.From(second) };
        var domain = profiles[0].Domain;
        foreach (var p in profiles)
        {
            if (p.RedLines.Lines.Count > 0 || (p.Additive?.RedLines.Lines.Count ?? 0) > 0)
            {
                throw new AnalysisLimitException($"Domain '{domain.Name}' has {domain.OutcomeCount} outcomes, too many to enumerate, and a profile has red lines, which the CP-SAT frontier does not take yet.");
            }
        }

        var scale = ScaleFor(profiles, domain);
        var model = new CpModel();
        var levels = new BoolVar[domain.IssueCount][];
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
                vars[c] = model.NewBoolVar($"x{i}_{c}");
            }

            levels[i] = new BoolVar[card];
            for (var l = 0; l < card; l++)
            {
                levels[i][l] = vars[classes[i][l]];
            }

            model.AddExactlyOne(vars);
        }

        var raw = new IntVar[2];
        var bounds = new (long Lo, long Hi)[2];
        for (var k = 0; k < 2; k++)
        {
            (raw[k], bounds[k]) = Encode(model, profiles[k], levels, scale, k);
            var threshold = (long)Math.Ceiling(profiles[k].Scale * scale);
            if (profiles[k].CapsAtOne && threshold < bounds[k].Hi)
            {
                // GENIUS's cap: every raw sum from the threshold up is worth 1, so the sweep works on min(raw, threshold)
                // and never visits raw points that the cap merges into one.
                var capped = model.NewIntVar(Math.Min(bounds[k].Lo, threshold), threshold, $"capped{k}");
                model.AddMinEquality(capped, [raw[k], LinearExpr.Constant(threshold)]);
                raw[k] = capped;
                bounds[k] = (Math.Min(bounds[k].Lo, threshold), threshold);
            }
        }

        var m = bounds[1].Hi - bounds[1].Lo + 1;
        if (m <= 0 || Overflows(bounds[0], m))
        {
            throw new AnalysisLimitException($"The utilities of '{domain.Name}' scaled to integers (×{scale}) are too large for the solver's 64-bit objective.");
        }

        model.Maximize(LinearExpr.Term(raw[0], m) + raw[1]);
        var epsilon = model.AddLinearConstraint(raw[1], bounds[1].Lo, bounds[1].Hi);

        var points = new List<(long R1, long R2, int[] Outcome, bool Proved)>();
        var proved = true;
        var solves = 0;
        var seconds = 0.0;
        var gap = 0.0;
        var eps = bounds[1].Lo;
        using var solver = new CpSolver();
        while (eps <= bounds[1].Hi)
        {
            ct.ThrowIfCancellationRequested();
            var remaining = budget.TotalSeconds - seconds;
            if (remaining <= 0.001)
            {
                proved = false;
                gap = Math.Max(gap, GapToUpper(profiles[0], bounds[0].Hi, points.Count > 0 ? points[^1].R1 : bounds[0].Lo, scale));
                break;
            }

            SetLowerBound(epsilon, eps, bounds[1].Hi);
            solver.StringParameters = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"max_time_in_seconds:{remaining:R} num_workers:{Math.Max(1, workers)} linearization_level:2");
            var status = solver.Solve(model);
            solves++;
            seconds += solver.WallTime();
            if (status == CpSolverStatus.ModelInvalid)
            {
                throw new InvalidOperationException("CP-SAT refused the frontier model: " + model.Validate());
            }

            if (status == CpSolverStatus.Infeasible)
            {
                break; // proved: no outcome has R2 ≥ ε, so no frontier point is missing
            }

            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                proved = false; // the budget ran out (or the model was not solved) before anything was found
                var boundR1 = status == CpSolverStatus.Unknown ? bounds[0].Hi : (long)Math.Floor(solver.BestObjectiveBound / m);
                gap = Math.Max(gap, GapToUpper(profiles[0], boundR1, points.Count > 0 ? points[^1].R1 : bounds[0].Lo, scale));
                break;
            }

            var outcome = Witness(solver, levels, domain);
            var r1 = Capped(profiles[0], Scaled(profiles[0].RawUtility(outcome), scale), scale);
            var r2 = Capped(profiles[1], Scaled(profiles[1].RawUtility(outcome), scale), scale);
            var optimal = status == CpSolverStatus.Optimal;
            if (!optimal)
            {
                proved = false;
                var bound = (long)Math.Floor(solver.BestObjectiveBound / m);
                gap = Math.Max(gap, Math.Max(0, profiles[0].UtilityOfRaw((double)bound / scale) - profiles[0].UtilityOfRaw((double)r1 / scale)));
            }

            points.Add((r1, r2, outcome, optimal));
            model.ClearHints();
            for (var i = 0; i < domain.IssueCount; i++)
            {
                if (levels[i] is { } ls)
                {
                    for (var l = 0; l < ls.Length; l++)
                    {
                        if (Array.IndexOf(ls, ls[l]) == l)
                        {
                            model.AddHint(ls[l], ReferenceEquals(ls[l], ls[outcome[i]]));
                        }
                    }
                }
            }

            eps = r2 + 1;
            progress?.Report(progressFrom + ((progressTo - progressFrom) * Math.Clamp((double)(eps - bounds[1].Lo) / m, 0, 1)));
        }

        // Map raw points to utilities (GENIUS's cap may merge some) and keep the non-dominated ones.
        var mapped = new List<Point>();
        foreach (var (_, _, outcome, pointProved) in points)
        {
            var u = new[] { profiles[0].Utility(outcome), profiles[1].Utility(outcome) };
            mapped.Add(new Point(u, outcome, pointProved));
        }

        var kept = new List<Point>();
        foreach (var p in mapped)
        {
            var dominated = false;
            foreach (var q in mapped)
            {
                if (!ReferenceEquals(p, q) && q.Utilities[0] >= p.Utilities[0] && q.Utilities[1] >= p.Utilities[1]
                    && (q.Utilities[0] > p.Utilities[0] || q.Utilities[1] > p.Utilities[1]))
                {
                    dominated = true;
                    break;
                }
            }

            if (!dominated && !kept.Exists(k => k.Utilities[0] == p.Utilities[0] && k.Utilities[1] == p.Utilities[1]))
            {
                kept.Add(p);
            }
        }

        kept.Sort((a, b) => b.Utilities[0] != a.Utilities[0] ? b.Utilities[0].CompareTo(a.Utilities[0]) : b.Utilities[1].CompareTo(a.Utilities[1]));
        return new Result(kept, new SolverReport(proved, solves, seconds, budget.TotalSeconds, proved ? 0 : gap, scale));
    }

    private static double GapToUpper(NonlinearProfile profile, long boundRaw, long foundRaw, long scale) =>
        Math.Max(0, profile.UtilityOfRaw((double)boundRaw / scale) - profile.UtilityOfRaw((double)foundRaw / scale));

    private static bool Overflows((long Lo, long Hi) r1, long m)
    {
        var big = Math.Max(Math.Abs(r1.Lo), Math.Abs(r1.Hi));
        return big > (long.MaxValue / 4) / m;
    }

    private static void SetLowerBound(Constraint constraint, long lo, long hi)
    {
        var d = constraint.Proto.Linear.Domain;
        d.Clear();
        d.Add(lo);
        d.Add(hi);
    }

    private static long Scaled(double raw, long scale) => (long)Math.Round(raw * scale);

    private static long Capped(NonlinearProfile profile, long raw, long scale) =>
        profile.CapsAtOne ? Math.Min(raw, (long)Math.Ceiling(profile.Scale * scale)) : raw;

    private static int[] Witness(CpSolver solver, BoolVar[][] levels, Domain domain)
    {
        var outcome = new int[domain.IssueCount];
        for (var i = 0; i < outcome.Length; i++)
        {
            if (levels[i] is { } ls)
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

        return read;
    }

    /// <summary>The smallest power of ten (up to a million) that makes every value an integer; the solver needs integers.</summary>
    private static long ScaleFor(NonlinearProfile[] profiles, Domain domain)
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
