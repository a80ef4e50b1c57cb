using Parley.Analysis.TwoLevel;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Analysis.TwoLevel;

/// <summary>
/// The two-level analysis by brute force, straight from the scenario's profiles, red lines and
/// constituencies (or, for drawn scenarios, from a model's single-outcome functions): every outcome
/// is visited, nothing is pruned.
/// </summary>
internal sealed class BruteTwoLevel
{
    private readonly Func<int, int[], double> _utility;
    private readonly Func<int, int[], double> _ratification;
    private readonly Func<int[], bool> _feasible;
    private readonly double[] _disagreement;

    private BruteTwoLevel(Domain domain, int parties, Func<int, int[], double> utility, Func<int, int[], double> ratification, Func<int[], bool> feasible, double[] disagreement)
    {
        Domain = domain;
        Parties = parties;
        _utility = utility;
        _ratification = ratification;
        _feasible = feasible;
        _disagreement = disagreement;
    }

    public Domain Domain { get; }

    public int Parties { get; }

    /// <summary>From the scenario itself, independently of <see cref="TwoLevelModel"/>.</summary>
    public static BruteTwoLevel FromScenario(Scenario scenario)
    {
        var parties = scenario.Negotiators;
        var k = parties.Count;
        var sq = scenario.StatusQuo;
        var d = new double[k];
        for (var p = 0; p < k; p++)
        {
            var profile = (AdditiveProfile)parties[p].Profile!;
            d[p] = sq is not null && !parties[p].ExplicitReservationValue ? TwoLevelScenarios.StatusQuoUtility(profile, parties[p].StatusQuoValues, sq) : profile.ReservationValue;
        }

        double RatifierUtility(Party party, Ratifier r, int[] o)
        {
            var profile = r.Profile ?? (AdditiveProfile)party.Profile!;
            var values = r.Profile is null ? party.StatusQuoValues : r.StatusQuoValues;
            var baseline = sq is null ? 0 : TwoLevelScenarios.StatusQuoUtility(profile, values, sq);
            return profile.Utility(o) - baseline;
        }

        double Ratify(int p, int[] o)
        {
            var party = parties[p];
            if (party.Ratification is not { } rat)
            {
                return 1;
            }

            var approvals = rat.Ratifiers.Select(r => Ratifier.ApprovalProbability(RatifierUtility(party, r, o), r.Threshold, r.ThresholdWidth)).ToArray();
            return rat.Probability(approvals);
        }

        bool Feasible(int[] o)
        {
            foreach (var party in parties)
            {
                if (party.Profile!.RedLines.Lines.Any(l => l.IsCrossedBy(scenario.Domain, o)))
                {
                    return false;
                }
            }

            return scenario.Linkage is null || !scenario.Linkage.Rules.Any(l => l.IsCrossedBy(scenario.Domain, o));
        }

        return new BruteTwoLevel(scenario.Domain, k, (p, o) => parties[p].Profile!.Utility(o), Ratify, Feasible, d);
    }

    /// <summary>From a (drawn) model's single-outcome functions.</summary>
    public static BruteTwoLevel FromModel(TwoLevelModel model) =>
        new(model.Domain, model.PartyCount, (p, o) => model.Utility(p, o), (p, o) => model.Ratification(p, o), o => model.IsFeasible(o), Enumerable.Range(0, model.PartyCount).Select(model.Disagreement).ToArray());

    public double Disagreement(int party) => _disagreement[party];

    public IEnumerable<int[]> Outcomes() => Domain.EnumerateOutcomes().Select(o => o.Levels.ToArray());

    public bool Feasible(int[] o) => _feasible(o);

    public bool InZone(int[] o) => _feasible(o) && Enumerable.Range(0, Parties).All(p => _utility(p, o) >= _disagreement[p]);

    public double Utility(int p, int[] o) => _utility(p, o);

    public double Ratification(int p, int[] o) => _ratification(p, o);

    public long ZoneCount() => Outcomes().LongCount(InZone);

    public long FeasibleCount() => Outcomes().LongCount(Feasible);

    public long WinSet(int p, double level) => Outcomes().LongCount(o => _feasible(o) && _utility(p, o) >= _disagreement[p] && _ratification(p, o) >= level);

    public long RatifiableCount(double level) => Outcomes().LongCount(o => InZone(o) && Enumerable.Range(0, Parties).All(p => _ratification(p, o) >= level));

    /// <summary>The argmax over the zone of the (ratification-weighted) Nash product; ties by welfare, then index.</summary>
    public int[]? Nash(bool ratificationAware)
    {
        int[]? best = null;
        double bestValue = double.NegativeInfinity, bestWelfare = double.NegativeInfinity;
        foreach (var o in Outcomes())
        {
            if (!InZone(o))
            {
                continue;
            }

            var product = 1.0;
            var welfare = 0.0;
            for (var p = 0; p < Parties; p++)
            {
                var u = _utility(p, o);
                welfare += u;
                product *= u - _disagreement[p];
            }

            if (ratificationAware)
            {
                var all = 1.0;
                for (var p = 0; p < Parties; p++)
                {
                    all *= _ratification(p, o);
                }

                product *= all;
            }

            if (best is null || product > bestValue || (product == bestValue && welfare > bestWelfare))
            {
                best = o;
                bestValue = product;
                bestWelfare = welfare;
            }
        }

        return best;
    }

    /// <summary>The utility vectors of the Pareto frontier of the ratifiable zone.</summary>
    public HashSet<string> RatifiableFrontier(double level)
    {
        var points = Outcomes()
            .Where(o => InZone(o) && Enumerable.Range(0, Parties).All(p => _ratification(p, o) >= level))
            .Select(o => Enumerable.Range(0, Parties).Select(p => _utility(p, o)).ToArray())
            .ToList();
        var front = points.Where(a => !points.Any(b => Dominates(b, a))).Select(Key).ToHashSet();
        return front;
    }

    /// <summary>Whether some zone outcome moves one of <paramref name="issues"/> off the status quo and every party ratifies it at the level.</summary>
    public bool HasRatifiableMove(IReadOnlyList<int> issues, int[] statusQuo, double level) =>
        Outcomes().Any(o => InZone(o) && issues.Any(i => o[i] != statusQuo[i]) && Enumerable.Range(0, Parties).All(p => _ratification(p, o) >= level));

    public static string Key(IEnumerable<double> v) => string.Join("|", v.Select(x => x.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));

    private static bool Dominates(double[] a, double[] b) =>
        a.Zip(b).All(x => x.First >= x.Second) && a.Zip(b).Any(x => x.First > x.Second);
}
