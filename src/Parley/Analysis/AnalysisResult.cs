using System.Numerics;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Analysis;

/// <summary>The analysis of an outcome space: frontier, bargaining solutions, zone of agreement and gaps.</summary>
/// <remarks>
/// Immutable. Utilities are undiscounted (time 0) and in the order of <see cref="PartyNames"/>.
/// Solution points are null when the zone of agreement is empty. See docs/analysis.md for the
/// definitions and the tie-breaking rules.
/// </remarks>
public sealed class AnalysisResult
{
    private readonly double[] _frontierFlat;

    internal AnalysisResult(
        Domain domain,
        IReadOnlyList<Profile> profiles,
        IReadOnlyList<string> partyNames,
        IReadOnlyList<FrontierPoint> pareto,
        SolutionPoint? nash,
        SolutionPoint? kalaiSmorodinsky,
        SolutionPoint? egalitarian,
        SolutionPoint? maxWelfare,
        SolutionPoint? geniusKalaiSmorodinsky,
        IReadOnlyList<double>? idealUtilities,
        AgreementZone agreementZone,
        IReadOnlyList<IssueGap> gaps,
        IReadOnlyList<Relaxation> relaxations,
        string method,
        SolverReport? solver = null)
    {
        Domain = domain;
        Profiles = profiles;
        PartyNames = partyNames;
        Pareto = pareto;
        Nash = nash;
        KalaiSmorodinsky = kalaiSmorodinsky;
        Egalitarian = egalitarian;
        MaxWelfare = maxWelfare;
        GeniusKalaiSmorodinsky = geniusKalaiSmorodinsky;
        IdealUtilities = idealUtilities;
        AgreementZone = agreementZone;
        Gaps = gaps;
        Relaxations = relaxations;
        Method = method;
        Solver = solver;
        var k = profiles.Count;
        _frontierFlat = new double[pareto.Count * k];
        for (var p = 0; p < pareto.Count; p++)
        {
            for (var i = 0; i < k; i++)
            {
                _frontierFlat[(p * k) + i] = pareto[p].Utilities[i];
            }
        }

        var reservations = new double[k];
        for (var i = 0; i < k; i++)
        {
            reservations[i] = profiles[i].ReservationValue;
        }

        ReservationValues = reservations;
    }

    /// <summary>The domain analysed.</summary>
    public Domain Domain { get; }

    /// <summary>The profiles analysed, in party order.</summary>
    public IReadOnlyList<Profile> Profiles { get; }

    /// <summary>The parties' names, in the order of every utility vector.</summary>
    public IReadOnlyList<string> PartyNames { get; }

    /// <summary>The parties' reservation values, in party order.</summary>
    public IReadOnlyList<double> ReservationValues { get; }

    /// <summary>The number of outcomes in the domain (crossing red lines or not).</summary>
    public BigInteger OutcomeCount => Domain.OutcomeCount;

    /// <summary>
    /// The Pareto frontier of the outcomes that cross no party's red line (reservation values do not
    /// restrict it): each distinct non-dominated utility vector once, sorted by the first party's
    /// utility descending, then the next party's, and so on.
    /// </summary>
    public IReadOnlyList<FrontierPoint> Pareto { get; }

    /// <summary>The Nash bargaining solution: the acceptable outcome maximising Π (u_i − r_i).</summary>
    public SolutionPoint? Nash { get; }

    /// <summary>The Kalai–Smorodinsky solution: the acceptable outcome maximising min_i (u_i − r_i)/(ideal_i − r_i).</summary>
    public SolutionPoint? KalaiSmorodinsky { get; }

    /// <summary>The egalitarian solution: the acceptable outcome maximising min_i (u_i − r_i).</summary>
    public SolutionPoint? Egalitarian { get; }

    /// <summary>The utilitarian solution: the acceptable outcome maximising Σ u_i.</summary>
    public SolutionPoint? MaxWelfare { get; }

    /// <summary>
    /// The point GENIUS's analysis (BidSpace) calls Kalai–Smorodinsky, kept for comparison with GENIUS
    /// logs: the frontier point with the least asymmetry Σ_{i&lt;j} |u_i − u_j|, over the whole frontier,
    /// ignoring reservation values and the ideal point (ties: the smaller first-party utility). It equals
    /// <see cref="KalaiSmorodinsky"/> when every ideal utility is 1 and the reservation values are equal,
    /// and the frontier has a point on the diagonal; otherwise it can differ. Null only when nothing is feasible.
    /// </summary>
    public SolutionPoint? GeniusKalaiSmorodinsky { get; }

    /// <summary>Each party's best utility over the outcomes every party accepts (the ideal point); null when the zone is empty.</summary>
    public IReadOnlyList<double>? IdealUtilities { get; }

    /// <summary>The zone of possible agreement.</summary>
    public AgreementZone AgreementZone { get; }

    /// <summary>The per-issue gap analysis, in domain issue order (empty when switched off).</summary>
    public IReadOnlyList<IssueGap> Gaps { get; }

    /// <summary>
    /// For an empty zone: every single change (one reservation value lowered, or one red line dropped)
    /// that opens it, least costly first (reservation changes by amount ascending, then red-line drops in
    /// party and line order). Empty when the zone is not empty.
    /// </summary>
    public IReadOnlyList<Relaxation> Relaxations { get; }

    /// <summary>The least costly relaxation that opens an empty zone, if any.</summary>
    public Relaxation? LeastCostlyRelaxation => Relaxations.Count > 0 ? Relaxations[0] : null;

    /// <summary>How the frontier was built: "minkowski" (issue by issue), "enumeration" or "cp-sat" (the solver's epsilon-constraint sweep).</summary>
    public string Method { get; }

    /// <summary>What the CP-SAT solver proved, when the frontier came from it (<see cref="Method"/> "cp-sat"); null otherwise.</summary>
    public SolverReport? Solver { get; }

    /// <summary>The frontier's utility vectors, flattened point by point (for metrics).</summary>
    internal ReadOnlySpan<double> FrontierFlat => _frontierFlat;
}
