using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>
/// The exact Pareto frontier of two profiles over a space too large to enumerate, by CP-SAT (Google OR-Tools):
/// epsilon-constraint steps swept in parallel strips (the default), or a dichotomic (Aneja–Nair) search for the
/// supported points followed by epsilon steps under each proved edge.
/// </summary>
/// <remarks>
/// <para>
/// <b>Model.</b> Each profile is seen as <see cref="NonlinearProfile"/>: its raw utility is a linear sum of level
/// indicators (the additive part) and of constraint indicators, made integers exactly by the smallest power of ten
/// (up to 10^6) that turns every constraint value and every weighted level value into an integer
/// (<see cref="CpSatFrontierModel.ScaleFor"/>: ANAC 2014 and S-1N* values are integers, so their scale is 1; a value
/// such as 0.075 gives 1000). Every read issue gets one Boolean per level class (levels no profile tells apart
/// share one; exactly one true). A constraint indicator is bounded by the levels that make it hold — from above
/// when its value is positive (a maximiser sets it whenever it may), from below when negative — so the model's
/// utility never exceeds the true one and equals it at every optimum; reported utilities are always recomputed
/// from the outcome with the profile itself. GENIUS's cap at 1 becomes <c>min(raw, ⌈maxutility·scale⌉)</c>, a
/// monotone map: the capped frontier is the non-dominated part of the mapped points.
/// </para>
/// <para>
/// <b>Epsilon steps.</b> Call R1, R2 the (capped) integer utilities. First the two lexicographic extremes: A maximises
/// R1 then R2, B maximises R2 then R1. An epsilon step maximises <c>R1·M + R2</c> (M exceeds R2's range, so R1 first)
/// subject to <c>R2 ≥ ε</c>: its optimum P is a frontier point, and no frontier point has R2 in [ε, P.R2) (it would
/// have more R1 than P). The R2 range between A and B is cut into strips (four per thread); each strip is swept from
/// its start, ε = P.R2 + 1 after each point, until a step's optimum lies at or past the strip's end, or is infeasible.
/// So every R2 value is covered by a proof, and strips run on separate threads.
/// </para>
/// <para>
/// <b>Dichotomic search</b> (<see cref="Strategy.Dichotomic"/>). For adjacent known points A (more R1) and B (more R2),
/// with <c>w = (B.R2 − A.R2, A.R1 − B.R1)</c> (both positive) and line <c>c = w·A = w·B</c>: maximise <c>w·R</c>
/// subject to <c>w·R ≥ c + 1</c>. An optimum is a new supported point (a maximiser of a positive weighted sum is
/// Pareto-optimal; it lies strictly between A and B), and both halves are searched again; infeasibility proves the
/// edge, and the unsupported points between A and B are then found by epsilon steps from A.R2 + 1 to B.R2. On the
/// 18 shared nonlinear folders it proves the same frontiers with more solves and more solver work than the strips
/// (docs/performance.md), so it is not the default; the proved hull cut <c>w·R ≤ c</c> and boxes bounding R1 and R2
/// in each step were measured too and slowed the solves.
/// </para>
/// <para>
/// <b>Execution.</b> Regions are independent, so a queue of them is served by <c>threads</c> solving threads; each
/// thread builds one <see cref="CpSatFrontierModel"/> once and re-solves it, changing only the objective, the bounds
/// of its constraints and the hint (the previous point of a sweep). Each solve uses <c>workers</c> CP-SAT workers
/// (1 by default: the models are small after presolve, and one worker per core beats a portfolio fighting for two
/// cores; one worker's deterministic time is reproducible). A point is proved when its solve ends OPTIMAL, and the
/// frontier when every solve ended OPTIMAL or INFEASIBLE; when the time budget runs out, the points found are
/// returned, and the report's gap bounds how much the first party's utility could still rise above a reported point
/// in a region left unproved.
/// </para>
/// </remarks>
internal static class CpSatFrontier
{
    private const long ObjectiveLimit = 1L << 61;
    private const int StripsPerThread = 4;

    public sealed record Point(double[] Utilities, int[] Outcome, bool IsProved);

    public sealed record Result(List<Point> Points, SolverReport Report);

    /// <summary>How the frontier is searched.</summary>
    internal enum Strategy
    {
        /// <summary>Dichotomic search for supported points, then epsilon sweeps below each proved edge.</summary>
        Dichotomic,

        /// <summary>One epsilon-constraint sweep between the two extremes (the classic method; for comparison and tests).</summary>
        Epsilon,
    }

    /// <summary>The frontier of two profiles (see the class remarks).</summary>
    /// <param name="first">The first party's profile (R1).</param>
    /// <param name="second">The second party's profile (R2).</param>
    /// <param name="budget">The elapsed time the search may take; past it the points found are returned unproved, with the gap.</param>
    /// <param name="workers">CP-SAT workers per solve.</param>
    /// <param name="threads">Solves run at once (each on its own model).</param>
    /// <param name="strategy">How the frontier is searched.</param>
    /// <param name="progress">Progress, reported between <paramref name="progressFrom"/> and <paramref name="progressTo"/>.</param>
    /// <param name="progressFrom">The progress value at the start.</param>
    /// <param name="progressTo">The progress value at the end.</param>
    /// <param name="ct">Cancellation (it also stops a running solve).</param>
    public static Result Solve(Profile first, Profile second, TimeSpan budget, int workers, int threads, Strategy strategy, IProgress<double>? progress, double progressFrom, double progressTo, CancellationToken ct)
    {
        var profiles = new[] { NonlinearProfile.From(first), NonlinearProfile.From(second) };
        var domain = profiles[0].Domain;
        var scale = CpSatFrontierModel.ScaleFor(profiles, domain);
        var search = new Search(profiles, scale, budget, Math.Max(1, workers), strategy, progress, progressFrom, progressTo, ct);
        search.Run(Math.Max(1, threads));
        ct.ThrowIfCancellationRequested();

        // Map raw points to utilities (GENIUS's cap may merge some) and keep the non-dominated ones.
        var mapped = new List<Point>();
        foreach (var raw in search.Points)
        {
            var u = new[] { profiles[0].Utility(raw.Outcome), profiles[1].Utility(raw.Outcome) };
            mapped.Add(new Point(u, raw.Outcome, raw.Proved));
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
        var report = new SolverReport(search.Proved, search.Solves, search.Seconds, budget.TotalSeconds, search.Proved ? 0 : search.Gap, scale)
        {
            DeterministicSeconds = search.DeterministicSeconds,
            SupportedPoints = strategy == Strategy.Dichotomic ? search.Supported : null,
        };
        return new Result(kept, report);
    }

    private enum JobKind
    {
        MaxFirst,
        MaxSecond,
        Weighted,
        Box,
    }

    private sealed record RawPoint(long R1, long R2, int[] Outcome, bool Proved);

    /// <summary>
    /// A region to search. <see cref="JobKind.Weighted"/>: the edge between A and B, with weights W1, W2 and line
    /// <c>W1·R1 + W2·R2 = Line</c> through both. <see cref="JobKind.Box"/>: an epsilon step, the lexicographic maximum
    /// of (R1, R2) with <c>R2 ≥ Eps</c>, whose strip ends at <c>R2 = Until</c>; B is the known point at or above it.
    /// </summary>
    private sealed record Job(JobKind Kind, RawPoint? A = null, RawPoint? B = null, long W1 = 0, long W2 = 0, long Line = 0, long Eps = 0, long Until = 0, int[]? Hint = null);

    /// <summary>The shared state of one frontier search: the queue of regions, the points, the proof and the gap.</summary>
    private sealed class Search(NonlinearProfile[] profiles, long scale, TimeSpan budget, int workers, Strategy strategy, IProgress<double>? progress, double progressFrom, double progressTo, CancellationToken ct)
    {
        private readonly object _gate = new();
        private readonly Queue<Job> _pending = new();
        private readonly long _start = Stopwatch.GetTimestamp();
        private int _threads = 1;
        private int _running;
        private int _done;
        private double _progress;
        private Exception? _failure;
        private RawPoint? _first;
        private RawPoint? _second;
        private readonly HashSet<(long R1, long R2)> _supported = [];
        private (long Lo, long Hi)[] _bounds = [];

        public List<RawPoint> Points { get; } = [];

        public bool Proved { get; private set; } = true;

        public double Gap { get; private set; }

        public int Solves { get; private set; }

        public double Seconds { get; private set; }

        public double DeterministicSeconds { get; private set; }

        public int Supported => _supported.Count;

        public void Run(int threads)
        {
            // The bounds and the overflow check come from one model built up front (it also serves the first thread).
            var model = new CpSatFrontierModel(profiles, scale);
            _bounds = model.Bounds;
            var span1 = _bounds[0].Hi - _bounds[0].Lo + 1;
            var span2 = _bounds[1].Hi - _bounds[1].Lo + 1;
            if (Overflows(_bounds[0], span2) || Overflows(_bounds[1], span1))
            {
                throw new AnalysisLimitException($"The utilities of '{model.Domain.Name}' scaled to integers (×{scale}) are too large for the solver's 64-bit objective.");
            }

            _threads = threads;
            _pending.Enqueue(new Job(JobKind.MaxFirst));
            _pending.Enqueue(new Job(JobKind.MaxSecond));
            var others = new Thread[threads - 1];
            for (var t = 0; t < others.Length; t++)
            {
                others[t] = new Thread(() => Loop(null)) { IsBackground = true, Name = $"cp-sat frontier {t + 1}" };
                others[t].Start();
            }

            Loop(model);
            foreach (var t in others)
            {
                t.Join();
            }

            Seconds = Stopwatch.GetElapsedTime(_start).TotalSeconds;
            if (_failure is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(_failure).Throw();
            }
        }

        private static bool Overflows((long Lo, long Hi) range, long factor) =>
            Math.Max(Math.Abs(range.Lo), Math.Abs(range.Hi)) > ObjectiveLimit / factor;

        private void Loop(CpSatFrontierModel? model)
        {
            using var solver = new CpSolver();
            using var registration = ct.Register(solver.StopSearch);
            while (true)
            {
                Job job;
                lock (_gate)
                {
                    while (_pending.Count == 0 && _running > 0 && _failure is null)
                    {
                        Monitor.Wait(_gate);
                    }

                    if (_pending.Count == 0 || _failure is not null || ct.IsCancellationRequested)
                    {
                        Monitor.PulseAll(_gate);
                        return;
                    }

                    job = _pending.Dequeue();
                    _running++;
                }

                try
                {
                    model ??= new CpSatFrontierModel(profiles, scale);
                    Execute(job, model, solver);
                }
                catch (Exception e)
                {
                    lock (_gate)
                    {
                        _failure ??= e;
                    }
                }
                finally
                {
                    lock (_gate)
                    {
                        _running--;
                        _done++;
                        var fraction = (double)_done / (_done + _running + _pending.Count);
                        if (fraction > _progress)
                        {
                            _progress = fraction;
                            progress?.Report(progressFrom + ((progressTo - progressFrom) * fraction));
                        }

                        Monitor.PulseAll(_gate);
                    }
                }
            }
        }

        private void Execute(Job job, CpSatFrontierModel model, CpSolver solver)
        {
            var (lo1, hi1) = _bounds[0];
            var (lo2, hi2) = _bounds[1];
            switch (job.Kind)
            {
                case JobKind.MaxFirst:
                case JobKind.MaxSecond:
                {
                    var firstParty = job.Kind == JobKind.MaxFirst;
                    model.Restrict(lo1, hi1, lo2, hi2);
                    model.Hint(null);
                    if (firstParty)
                    {
                        model.Maximize(hi2 - lo2 + 1, 1);
                    }
                    else
                    {
                        model.Maximize(1, hi1 - lo1 + 1);
                    }

                    var (status, point) = Run(model, solver);
                    if (status == CpSolverStatus.Infeasible)
                    {
                        return; // proved: the red lines leave no outcome, so the frontier is empty
                    }

                    if (status != CpSolverStatus.Optimal)
                    {
                        // The whole space is unproved: the first party's utility is bounded only by its range (or the solver's bound).
                        var bound = firstParty && status == CpSolverStatus.Feasible ? Math.Min(hi1, (long)Math.Floor((solver.BestObjectiveBound - lo2) / (hi2 - lo2 + 1))) : hi1;
                        Unproved(bound, point?.R1 ?? lo1, point);
                        return;
                    }

                    lock (_gate)
                    {
                        Points.Add(point!);
                        _supported.Add((point!.R1, point.R2));
                        if (firstParty)
                        {
                            _first = point;
                        }
                        else
                        {
                            _second = point;
                        }

                        // Once both extremes are known, search between them (if they differ, the first has more R1 and less R2).
                        if (_first is not null && _second is not null && _first.R1 > _second.R1)
                        {
                            if (strategy == Strategy.Dichotomic)
                            {
                                PushWeighted(_first, _second);
                            }
                            else
                            {
                                // Strips of R2 between the extremes, swept in parallel: each ends where the next begins.
                                var (from, to) = (_first.R2 + 1, _second.R2);
                                var strips = (int)Math.Min(StripsPerThread * _threads, to - from);
                                for (var j = 0; j < strips; j++)
                                {
                                    var start = from + ((to - from) * j / strips);
                                    var end = from + ((to - from) * (j + 1) / strips);
                                    Push(new Job(JobKind.Box, _first, _second, Eps: start, Until: end));
                                }
                            }
                        }
                    }

                    return;
                }

                case JobKind.Weighted:
                {
                    var (a, b) = (job.A!, job.B!);

                    // No box: any point above the line lies strictly between A and B (Aneja–Nair); bounds on R1, R2 were measured to slow the solves.
                    model.Restrict(lo1, hi1, lo2, hi2, job.W1, job.W2, job.Line + 1);
                    model.Hint(null);
                    model.Maximize(job.W1, job.W2);
                    var (status, point) = Run(model, solver);
                    switch (status)
                    {
                        case CpSolverStatus.Infeasible:
                            // The edge A–B is proved: any other frontier point between them lies on or under it, found by epsilon steps.
                            if (b.R2 - a.R2 >= 2 && a.R1 - b.R1 >= 2)
                            {
                                Push(new Job(JobKind.Box, a, b, Eps: a.R2 + 1, Until: b.R2));
                            }

                            return;
                        case CpSolverStatus.Optimal:
                            lock (_gate)
                            {
                                Points.Add(point!);
                                _supported.Add((point!.R1, point.R2));
                                PushWeighted(a, point);
                                PushWeighted(point, b);
                            }

                            return;
                        default:
                            Unproved(a.R1 - 1, b.R1, point);
                            return;
                    }
                }

                default:
                {
                    var b = job.B!;
                    model.Restrict(lo1, hi1, job.Eps, hi2);
                    model.Hint(job.Hint);
                    var m = hi2 - lo2 + 1;
                    model.Maximize(m, 1);
                    var (status, point) = Run(model, solver);
                    switch (status)
                    {
                        case CpSolverStatus.Infeasible:
                            return; // proved: no outcome has R2 ≥ ε
                        case CpSolverStatus.Optimal:
                            lock (_gate)
                            {
                                Points.Add(point!);
                                if (point!.R2 < job.Until)
                                {
                                    Push(job with { Eps = point.R2 + 1, Hint = point.Outcome });
                                }

                                // Otherwise proved: the lexicographic maximum lies at or past the strip's end, so no frontier point is inside it.
                            }

                            return;
                        default:
                            var bound = status == CpSolverStatus.Feasible ? Math.Min(hi1, (long)Math.Floor((solver.BestObjectiveBound - lo2) / m)) : hi1;
                            Unproved(bound, b.R1, point);
                            return;
                    }
                }
            }
        }

        /// <summary>Queues the edge A–B, unless no integer point lies strictly between them (then the edge is proved as it is).</summary>
        private void PushWeighted(RawPoint a, RawPoint b)
        {
            if (b.R2 - a.R2 >= 2 && a.R1 - b.R1 >= 2)
            {
                Push(Weighted(a, b));
            }
        }

        private static Job Weighted(RawPoint a, RawPoint b)
        {
            var (w1, w2) = (b.R2 - a.R2, a.R1 - b.R1);
            return new Job(JobKind.Weighted, a, b, w1, w2, (w1 * a.R1) + (w2 * a.R2));
        }

        private void Push(Job job)
        {
            lock (_gate)
            {
                _pending.Enqueue(job);
                Monitor.PulseAll(_gate);
            }
        }

        /// <summary>A region the budget left unproved: keep the point found (unproved) and widen the gap.</summary>
        private void Unproved(long boundR1, long foundR1, RawPoint? point)
        {
            var gap = Math.Max(0, profiles[0].UtilityOfRaw((double)boundR1 / scale) - profiles[0].UtilityOfRaw((double)foundR1 / scale));
            lock (_gate)
            {
                Proved = false;
                Gap = Math.Max(Gap, gap);
                if (point is not null)
                {
                    Points.Add(point with { Proved = false });
                }
            }
        }

        private (CpSolverStatus Status, RawPoint? Point) Run(CpSatFrontierModel model, CpSolver solver)
        {
            ct.ThrowIfCancellationRequested();
            var remaining = budget.TotalSeconds - Stopwatch.GetElapsedTime(_start).TotalSeconds;
            if (remaining <= 0.001)
            {
                return (CpSolverStatus.Unknown, null);
            }

            solver.StringParameters = string.Create(CultureInfo.InvariantCulture, $"max_time_in_seconds:{remaining:R} num_workers:{workers} linearization_level:2");
            var status = solver.Solve(model.Model);
            lock (_gate)
            {
                Solves++;
                DeterministicSeconds += solver.Response?.DeterministicTime ?? 0;
            }

            ct.ThrowIfCancellationRequested();
            if (status == CpSolverStatus.ModelInvalid)
            {
                throw new InvalidOperationException("CP-SAT refused the frontier model: " + model.Model.Validate());
            }

            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                return (status, null);
            }

            var outcome = model.Witness(solver);
            var (r1, r2) = model.Evaluate(outcome);
            return (status, new RawPoint(r1, r2, outcome, status == CpSolverStatus.Optimal));
        }
    }
}
