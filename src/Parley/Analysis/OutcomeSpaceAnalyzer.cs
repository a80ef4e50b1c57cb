using System.Globalization;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Analysis;

/// <summary>
/// Analyses an outcome space: the exact Pareto frontier, the Nash, Kalai–Smorodinsky, egalitarian and
/// maximum-welfare points, the zone of possible agreement and the per-issue gaps.
/// </summary>
/// <remarks>
/// Additive profiles are never enumerated: the frontier is built issue by issue as a Minkowski sum of
/// per-issue utility vectors, dropping dominated partial sums after each issue; issues tied together by
/// combination red lines are joined into one unit first. Other cases fall back to a parallel, streaming
/// enumeration. The algorithms, their complexity and the tie rules are in docs/analysis.md.
/// </remarks>
public static class OutcomeSpaceAnalyzer
{
    /// <summary>Analyses a scenario's negotiating parties (in scenario order, named as in the scenario).</summary>
    /// <remarks>The scenario's linkage rules (<see cref="Scenario.Linkage"/>) bind every party: they are added to each profile's red lines, and never offered as a red line to drop.</remarks>
    public static AnalysisResult Analyze(Scenario scenario, AnalysisOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var negotiators = scenario.Negotiators;
        var names = new string[negotiators.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = negotiators[i].Name;
        }

        return Analyze(scenario.ProfilesWithLinkage(), names, options, progress, cancellationToken, scenario.Linkage?.Rules);
    }

    /// <summary>Analyses profiles over one domain; parties are named party1, party2, … in list order.</summary>
    public static AnalysisResult Analyze(IReadOnlyList<Profile> profiles, AnalysisOptions? options = null, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var names = new string[profiles.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = "party" + (i + 1).ToString(CultureInfo.InvariantCulture);
        }

        return Analyze(profiles, names, options, progress, cancellationToken);
    }

    /// <summary>Analyses profiles over one domain, naming the parties <paramref name="partyNames"/>.</summary>
    /// <exception cref="ArgumentException">No profiles, names do not match, or the profiles are over different domains.</exception>
    public static AnalysisResult Analyze(
        IReadOnlyList<Profile> profiles,
        IReadOnlyList<string> partyNames,
        AnalysisOptions? options = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default) =>
        Analyze(profiles, partyNames, options, progress, cancellationToken, null);

    private static AnalysisResult Analyze(
        IReadOnlyList<Profile> profiles,
        IReadOnlyList<string> partyNames,
        AnalysisOptions? options,
        IProgress<double>? progress,
        CancellationToken cancellationToken,
        IReadOnlyList<RedLine>? shared)
    {
        options ??= AnalysisOptions.Default;
        if (profiles.Count == 0)
        {
            throw new ArgumentException("Analysis needs at least one profile.", nameof(profiles));
        }

        if (partyNames.Count != profiles.Count)
        {
            throw new ArgumentException($"{profiles.Count} profiles but {partyNames.Count} party names.", nameof(partyNames));
        }

        var domain = profiles[0].Domain;
        foreach (var p in profiles)
        {
            if (!ReferenceEquals(p.Domain, domain))
            {
                throw new ArgumentException("Every profile must be over the same domain.", nameof(profiles));
            }
        }

        var k = profiles.Count;
        var profileArray = profiles.ToArray();
        var reservation = new double[k];
        for (var i = 0; i < k; i++)
        {
            reservation[i] = profileArray[i].ReservationValue;
        }

        var keepTies = options.AllOutcomesPerFrontierPoint;
        var engine = options.ForceSolver && k == 2 ? null : CreateEngine(profileArray, options, cancellationToken);
        SpaceSummary summary;
        CpSatFrontier.Result? solved = null;
        if (engine is null && k == 2 && (options.ForceSolver || domain.LongOutcomeCount < 0 || domain.LongOutcomeCount > options.MaxEnumeratedOutcomes))
        {
            if (Array.Exists(profileArray, p => p is not (AdditiveProfile or NonlinearProfile)))
            {
                throw new AnalysisLimitException($"The outcome space has {domain.OutcomeCount:N0} outcomes, more than {options.MaxEnumeratedOutcomes:N0} to enumerate, and a profile of kind {Array.Find(profileArray, p => p is not (AdditiveProfile or NonlinearProfile))!.GetType().Name} cannot be given to the solver.");
            }

            var threads = options.MaxDegreeOfParallelism is > 0 and var n ? n : Environment.ProcessorCount;
            solved = CpSatFrontier.Solve(profileArray[0], profileArray[1], options.SolverTimeBudget, options.SolverWorkers, threads, CpSatFrontier.Strategy.Epsilon, progress, 0, 0.9, cancellationToken);
            summary = SummaryOf(solved, k);
        }
        else if (engine is not null)
        {
            summary = engine.Frontier(keepTies, Math.Max(1, options.MaxOutcomesPerFrontierPoint), progress, 0, 0.5);
        }
        else
        {
            summary = EnumerationEngine.Run(domain, profileArray, reservation, keepTies, false, options.MaxDegreeOfParallelism, progress, cancellationToken);
        }

        // Solution points and the ideal point, from the frontier points every party accepts.
        var acceptable = new List<int>();
        for (var p = 0; p < summary.Count; p++)
        {
            if (Meets(summary.Vectors, p * k, reservation, k))
            {
                acceptable.Add(p);
            }
        }

        var zoneEmpty = acceptable.Count == 0;
        var zoneProved = solved is null || !zoneEmpty || solved.Report.IsProved;
        double[]? ideal = null;
        SolutionPoint? nash = null, ks = null, egalitarian = null, welfare = null;
        if (!zoneEmpty)
        {
            ideal = new double[k];
            Array.Fill(ideal, double.NegativeInfinity);
            foreach (var p in acceptable)
            {
                for (var i = 0; i < k; i++)
                {
                    ideal[i] = Math.Max(ideal[i], summary.Vectors[(p * k) + i]);
                }
            }

            var idealCopy = ideal;
            nash = Best(summary, acceptable, k, v => SolutionObjectives.Nash(v, reservation));
            ks = Best(summary, acceptable, k, v => SolutionObjectives.KalaiSmorodinsky(v, reservation, idealCopy));
            egalitarian = Best(summary, acceptable, k, v => SolutionObjectives.Egalitarian(v, reservation));
            welfare = Best(summary, acceptable, k, SolutionObjectives.Welfare);
        }

        // GENIUS's "Kalai-Smorodinsky": least asymmetry; on ties the later point (smaller first utility).
        var geniusPoint = -1;
        var leastAsymmetry = double.PositiveInfinity;
        for (var p = 0; p < summary.Count; p++)
        {
            var asymmetry = 0.0;
            for (var i = 0; i < k; i++)
            {
                for (var j = i + 1; j < k; j++)
                {
                    asymmetry += Math.Abs(summary.Vectors[(p * k) + i] - summary.Vectors[(p * k) + j]);
                }
            }

            if (asymmetry <= leastAsymmetry)
            {
                leastAsymmetry = asymmetry;
                geniusPoint = p;
            }
        }

        var geniusKs = geniusPoint < 0 ? null : PointAt(summary, geniusPoint, k);

        // Zone of agreement.
        var zoneCount = summary.ZoneCount;
        if (engine is not null)
        {
            zoneCount = zoneEmpty ? 0 : options.CountAgreementZone ? engine.CountZone(reservation, options.MaxCountingHalf) : null;
        }
        else if (solved is not null)
        {
            zoneCount = zoneEmpty && zoneProved ? 0 : null; // a count of a space this size is out of reach
        }
        else if (!options.CountAgreementZone)
        {
            zoneCount = null;
        }

        progress?.Report(0.7);

        // Gaps and relaxations.
        var gaps = new List<IssueGap>();
        var relaxations = new List<Relaxation>();
        if (options.AnalyzeGaps && solved is null)
        {
            bool[][]? levels = null;
            if (!zoneEmpty)
            {
                levels = engine is not null ? engine.AcceptableLevels(reservation, summary) : summary.AcceptableLevels;
            }
            else
            {
                relaxations.AddRange(FindRelaxations(profileArray, partyNames, summary, reservation, options, shared, cancellationToken));
            }

            gaps.AddRange(BuildGaps(domain, profileArray, levels, zoneEmpty, relaxations));
        }

        progress?.Report(1);
        var pareto = new FrontierPoint[summary.Count];
        for (var p = 0; p < summary.Count; p++)
        {
            var outs = summary.Outcomes[p];
            var max = keepTies ? Math.Min(outs.Count, Math.Max(1, options.MaxOutcomesPerFrontierPoint)) : 1;
            var list = new Outcome[max];
            for (var t = 0; t < max; t++)
            {
                list[t] = new Outcome(outs[t]);
            }

            pareto[p] = new FrontierPoint(summary.Vectors.AsSpan(p * k, k).ToArray(), list) { IsProved = solved is null || solved.Points[p].IsProved };
        }

        var zone = new AgreementZone(zoneEmpty, zoneCount)
        {
            IsProved = zoneProved,
            Witness = zoneEmpty ? null : new Outcome(summary.Outcomes[acceptable[0]][0]),
        };

        return new AnalysisResult(
            domain,
            profileArray,
            partyNames.ToArray(),
            pareto,
            nash,
            ks,
            egalitarian,
            welfare,
            geniusKs,
            ideal,
            zone,
            gaps,
            relaxations,
            solved is not null ? "cp-sat" : engine is not null ? "minkowski" : "enumeration",
            solved?.Report);
    }

    private static SpaceSummary SummaryOf(CpSatFrontier.Result solved, int k)
    {
        var n = solved.Points.Count;
        var vectors = new double[n * k];
        var outcomes = new List<int[]>[n];
        for (var p = 0; p < n; p++)
        {
            for (var i = 0; i < k; i++)
            {
                vectors[(p * k) + i] = solved.Points[p].Utilities[i];
            }

            outcomes[p] = [solved.Points[p].Outcome];
        }

        return new SpaceSummary(vectors, n, outcomes);
    }

    private static MinkowskiEngine? CreateEngine(Profile[] profiles, AnalysisOptions options, CancellationToken ct)
    {
        if (options.ForceEnumeration)
        {
            return null;
        }

        var additive = new AdditiveProfile[profiles.Length];
        for (var i = 0; i < profiles.Length; i++)
        {
            if (profiles[i] is not AdditiveProfile a)
            {
                return null;
            }

            additive[i] = a;
        }

        return MinkowskiEngine.TryCreate(profiles[0].Domain, additive, options.MaxJointOptions, options.MaxDegreeOfParallelism, ct);
    }

    private static bool Meets(double[] v, int offset, double[] r, int k)
    {
        for (var i = 0; i < k; i++)
        {
            if (v[offset + i] < r[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The acceptable frontier point with the highest objective; ties by welfare, then by frontier order (utilities descending).</summary>
    private static SolutionPoint Best(SpaceSummary summary, List<int> candidates, int k, Func<ReadOnlySpan<double>, double> objective)
    {
        var best = -1;
        double bestValue = double.NegativeInfinity, bestSum = double.NegativeInfinity;
        foreach (var p in candidates)
        {
            var v = summary.Vectors.AsSpan(p * k, k);
            var value = objective(v);
            var sum = SolutionObjectives.Welfare(v);
            if (best < 0 || value > bestValue || (value == bestValue && sum > bestSum))
            {
                best = p;
                bestValue = value;
                bestSum = sum;
            }
        }

        return PointAt(summary, best, k);
    }

    private static SolutionPoint PointAt(SpaceSummary summary, int point, int k) =>
        new(summary.Vectors.AsSpan(point * k, k).ToArray(), new Outcome(summary.Outcomes[point][0]));

    private static IEnumerable<Relaxation> FindRelaxations(Profile[] profiles, IReadOnlyList<string> names, SpaceSummary frontier, double[] r, AnalysisOptions options, IReadOnlyList<RedLine>? shared, CancellationToken ct)
    {
        var k = profiles.Length;
        var lowerings = new List<Relaxation>();
        for (var i = 0; i < k; i++)
        {
            // The best utility of party i over frontier points every other party accepts.
            var best = double.NegativeInfinity;
            for (var p = 0; p < frontier.Count; p++)
            {
                var ok = true;
                for (var j = 0; j < k; j++)
                {
                    if (j != i && frontier.Vectors[(p * k) + j] < r[j])
                    {
                        ok = false;
                        break;
                    }
                }

                if (ok)
                {
                    best = Math.Max(best, frontier.Vectors[(p * k) + i]);
                }
            }

            if (double.IsFinite(best))
            {
                var amount = r[i] - best;
                lowerings.Add(new Relaxation(
                    RelaxationKind.LowerReservationValue,
                    i,
                    names[i],
                    null,
                    -1,
                    amount,
                    best,
                    string.Create(CultureInfo.InvariantCulture, $"lower {names[i]}'s reservation value by {amount:0.#####} to {best:0.#####}")));
            }
        }

        lowerings.Sort((a, b) => a.Amount != b.Amount ? a.Amount.CompareTo(b.Amount) : a.Party.CompareTo(b.Party));
        var drops = new List<Relaxation>();
        for (var i = 0; i < k; i++)
        {
            var lines = profiles[i].RedLines.Lines;
            for (var l = 0; l < lines.Count; l++)
            {
                ct.ThrowIfCancellationRequested();
                if (shared is not null && shared.Any(x => ReferenceEquals(x, lines[l])))
                {
                    continue; // a scenario rule binds everyone: it is not the party's to drop
                }

                var keep = new List<RedLine>(lines.Count - 1);
                for (var m = 0; m < lines.Count; m++)
                {
                    if (m != l)
                    {
                        keep.Add(lines[m]);
                    }
                }

                var modified = (Profile[])profiles.Clone();
                modified[i] = profiles[i].WithRedLines(keep);
                if (HasAcceptable(modified, r, options, ct))
                {
                    drops.Add(new Relaxation(
                        RelaxationKind.DropRedLine,
                        i,
                        names[i],
                        lines[l],
                        l,
                        0,
                        r[i],
                        $"drop {names[i]}'s red line \"{lines[l].Describe(profiles[i].Domain)}\""));
                }
            }
        }

        return lowerings.Concat(drops);
    }

    private static bool HasAcceptable(Profile[] profiles, double[] r, AnalysisOptions options, CancellationToken ct)
    {
        var engine = CreateEngine(profiles, options, ct);
        if (engine is not null)
        {
            return engine.HasAcceptable(r);
        }

        var summary = EnumerationEngine.Run(profiles[0].Domain, profiles, r, false, true, options.MaxDegreeOfParallelism, null, ct);
        return summary.ZoneCount > 0;
    }

    private static IEnumerable<IssueGap> BuildGaps(Domain domain, Profile[] profiles, bool[][]? acceptable, bool zoneEmpty, List<Relaxation> relaxations)
    {
        var k = profiles.Length;
        for (var issue = 0; issue < domain.IssueCount; issue++)
        {
            var cardinality = domain.Issues[issue].Cardinality;
            var ideals = new int[k];
            for (var i = 0; i < k; i++)
            {
                ideals[i] = IdealLevel(profiles[i], issue, cardinality);
            }

            var accepted = new List<int>();
            for (var l = 0; l < cardinality; l++)
            {
                if (acceptable is not null && acceptable[issue][l])
                {
                    accepted.Add(l);
                }
            }

            var common = CommonLevels.Of(profiles, domain, issue);

            var blockingLines = new List<Relaxation>();
            foreach (var r in relaxations)
            {
                if (r.RedLine is not null && Mentions(r.RedLine, issue))
                {
                    blockingLines.Add(r);
                }
            }

            var blocking = zoneEmpty && (common.Length == 0 || blockingLines.Count > 0);
            yield return new IssueGap(issue, domain.Issues[issue].Name, ideals, accepted, common, blocking, blockingLines);
        }
    }

    private static int IdealLevel(Profile profile, int issue, int cardinality)
    {
        if (profile is not AdditiveProfile additive)
        {
            return -1;
        }

        var best = -1;
        var bestValue = double.NegativeInfinity;
        for (var l = 0; l < cardinality; l++)
        {
            if (profile.RedLines.IsLevelAllowed(issue, l) && additive.LevelUtility(issue, l) > bestValue)
            {
                best = l;
                bestValue = additive.LevelUtility(issue, l);
            }
        }

        return best;
    }

    private static bool Mentions(RedLine line, int issue) => line switch
    {
        ForbiddenOption f => f.Issue == issue,
        NumericBound b => b.Issue == issue,
        ForbiddenCombination c => c.Conditions.Any(x => x.Issue == issue),
        _ => false,
    };
}
