using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Analysis.TwoLevel;

/// <summary>The part of a compiled scenario that no draw changes: issues, constraints, constituencies, the search order.</summary>
public sealed partial class TwoLevelModel
{
    private sealed class Structure
    {
        public Structure(Scenario scenario)
        {
            Scenario = scenario;
            Domain = scenario.Domain;
            IssueCount = Domain.IssueCount;
            if (scenario.Negotiators.Count == 0)
            {
                throw new ArgumentException("The scenario has no negotiating party.");
            }

            Cardinalities = new int[IssueCount];
            Offsets = new int[IssueCount + 1];
            for (var i = 0; i < IssueCount; i++)
            {
                Cardinalities[i] = Domain.Issues[i].Cardinality;
                Offsets[i + 1] = Offsets[i] + Cardinalities[i] + 1;
            }

            var parties = scenario.Negotiators;
            PartyCount = parties.Count;
            PartyNames = parties.Select(p => p.Name).ToArray();
            StatusQuo = scenario.StatusQuo;
            StatusQuoLevels = StatusQuo is null ? Enumerable.Repeat(Scenarios.StatusQuo.NoClause, IssueCount).ToArray() : StatusQuo.Levels.ToArray();
            ExplicitReservation = new bool[PartyCount];
            Reservation = new double[PartyCount];
            PartyRatifiers = new IReadOnlyList<Ratifier>[PartyCount];
            Ratifications = new Ratification?[PartyCount];
            RatifierStart = new int[PartyCount + 1];
            var dims = new List<(AdditiveProfile Profile, IReadOnlyList<double>? SqValues)>();
            var ratifierDims = new List<(AdditiveProfile Profile, IReadOnlyList<double>? SqValues, int Party, Ratifier Ratifier)>();
            for (var p = 0; p < PartyCount; p++)
            {
                var party = parties[p];
                var profile = party.Profile as AdditiveProfile
                    ?? throw new ArgumentException($"Party '{party.Name}' has a profile that is not additive; the status-quo, ratification and robustness analyses need additive profiles.");
                dims.Add((profile, party.StatusQuoValues));
                ExplicitReservation[p] = party.ExplicitReservationValue || StatusQuo is null;
                Reservation[p] = profile.ReservationValue;
                Ratifications[p] = party.Ratification;
                PartyRatifiers[p] = party.Ratification?.Ratifiers ?? [];
                RatifierStart[p + 1] = RatifierStart[p] + PartyRatifiers[p].Count;
                foreach (var r in PartyRatifiers[p])
                {
                    ratifierDims.Add(r.Profile is null ? (profile, party.StatusQuoValues, p, r) : (r.Profile, r.StatusQuoValues, p, r));
                }
            }

            RatifierCount = ratifierDims.Count;
            RatifierParty = ratifierDims.Select(r => r.Party).ToArray();
            RatifierUsesParty = ratifierDims.Select(r => r.Ratifier.Profile is null).ToArray();
            Widths = ratifierDims.Select(r => r.Ratifier.ThresholdWidth).ToArray();
            BaseThresholdValues = ratifierDims.Select(r => r.Ratifier.Threshold).ToArray();
            dims.AddRange(ratifierDims.Select(r => (r.Profile, r.SqValues)));
            DimensionCount = dims.Count;
            BaseWeights = new double[DimensionCount][];
            BaseValues = new double[DimensionCount][];
            for (var d = 0; d < DimensionCount; d++)
            {
                var (profile, sq) = dims[d];
                BaseWeights[d] = profile.Weights.ToArray();
                var values = new double[Offsets[^1]];
                for (var i = 0; i < IssueCount; i++)
                {
                    var issue = Domain.Issues[i];
                    for (var l = 0; l < Cardinalities[i]; l++)
                    {
                        values[Offsets[i] + l] = profile.ValueFunctions[i].EvaluateLevel(issue, l);
                    }

                    values[Offsets[i] + Cardinalities[i]] = StatusQuoLevels[i] == Scenarios.StatusQuo.NoClause && sq is not null ? sq[i] : 0;
                }

                BaseValues[d] = values;
            }

            Constraints = CompileConstraints(scenario, parties);
            Order = SearchOrder();
            ChecksAtDepth = Checks(Order);
            NaturalOrder = Enumerable.Range(0, IssueCount).ToArray();
            NaturalChecks = Checks(NaturalOrder);
        }

        public Scenario Scenario { get; }

        public Domain Domain { get; }

        public int IssueCount { get; }

        public int[] Cardinalities { get; }

        /// <summary>Start of each issue in a table; each issue has cardinality + 1 entries.</summary>
        public int[] Offsets { get; }

        public int PartyCount { get; }

        public string[] PartyNames { get; }

        public StatusQuo? StatusQuo { get; }

        public int[] StatusQuoLevels { get; }

        public bool[] ExplicitReservation { get; }

        public double[] Reservation { get; }

        public IReadOnlyList<Ratifier>[] PartyRatifiers { get; }

        public Ratification?[] Ratifications { get; }

        public int[] RatifierStart { get; }

        public int RatifierCount { get; }

        public int[] RatifierParty { get; }

        public bool[] RatifierUsesParty { get; }

        public double[] Widths { get; }

        public double[] BaseThresholdValues { get; }

        public int DimensionCount { get; }

        public double[][] BaseWeights { get; }

        public double[][] BaseValues { get; }

        public Constraint[] Constraints { get; }

        /// <summary>The issues in search order.</summary>
        public int[] Order { get; }

        /// <summary>The constraints whose last issue (in search order) is at each depth.</summary>
        public int[][] ChecksAtDepth { get; }

        /// <summary>The issues in their own order (enumeration: partial sums then equal the canonical sums bit for bit).</summary>
        public int[] NaturalOrder { get; }

        /// <summary>The constraints whose last issue in natural order is at each depth.</summary>
        public int[][] NaturalChecks { get; }

        public int RatifierDimension(int party, int ratifier) => PartyCount + RatifierStart[party] + ratifier;

        public double[][] BaseTables() => Tables(BaseWeights, BaseValues);

        public double[] BaseDisagreement() => (double[])Reservation.Clone();

        public double[] BaseThresholds() => (double[])BaseThresholdValues.Clone();

        public double[][] Tables(double[][] weights, double[][] values)
        {
            var tables = new double[DimensionCount][];
            for (var d = 0; d < DimensionCount; d++)
            {
                var t = new double[Offsets[^1]];
                for (var i = 0; i < IssueCount; i++)
                {
                    for (var l = 0; l <= Cardinalities[i]; l++)
                    {
                        t[Offsets[i] + l] = weights[d][i] * values[d][Offsets[i] + l];
                    }
                }

                tables[d] = t;
            }

            return tables;
        }

        /// <summary>The first active constraint crossed by <paramref name="levels"/> (−1: none); a condition on an open issue (level −1) never holds.</summary>
        public int CrossedConstraint(ReadOnlySpan<int> levels, ulong active)
        {
            for (var c = 0; c < Constraints.Length; c++)
            {
                if (c < 64 && (active & (1UL << c)) == 0)
                {
                    continue;
                }

                if (Constraints[c].Holds(levels))
                {
                    return c;
                }
            }

            return -1;
        }

        private int[][] Checks(int[] order)
        {
            var depth = new int[IssueCount];
            for (var t = 0; t < IssueCount; t++)
            {
                depth[order[t]] = t;
            }

            var lists = Enumerable.Range(0, IssueCount).Select(_ => new List<int>()).ToArray();
            for (var c = 0; c < Constraints.Length; c++)
            {
                lists[Constraints[c].Issues.Max(i => depth[i])].Add(c);
            }

            return lists.Select(l => l.ToArray()).ToArray();
        }

        private Constraint[] CompileConstraints(Scenario scenario, IReadOnlyList<Party> parties)
        {
            var list = new List<Constraint>();
            for (var p = 0; p < parties.Count; p++)
            {
                var lines = parties[p].Profile!.RedLines.Lines;
                for (var l = 0; l < lines.Count; l++)
                {
                    list.Add(Compile(lines[l], p, l));
                }
            }

            if (scenario.Linkage is { } linkage)
            {
                for (var l = 0; l < linkage.Rules.Count; l++)
                {
                    list.Add(Compile(linkage.Rules[l], -1, l));
                }
            }

            return list.ToArray();
        }

        private Constraint Compile(RedLine line, int owner, int index)
        {
            var conditions = new List<(int Issue, bool[] Mask)>();
            switch (line)
            {
                case ForbiddenOption f:
                    {
                        var mask = new bool[Cardinalities[f.Issue]];
                        mask[f.Level] = true;
                        conditions.Add((f.Issue, mask));
                        break;
                    }

                case NumericBound b:
                    {
                        var issue = (NumericIssue)Domain.Issues[b.Issue];
                        var mask = new bool[Cardinalities[b.Issue]];
                        for (var l = 0; l < mask.Length; l++)
                        {
                            var x = issue.ValueAt(l);
                            mask[l] = x < b.Min || x > b.Max;
                        }

                        conditions.Add((b.Issue, mask));
                        break;
                    }

                case ForbiddenCombination c:
                    foreach (var cond in c.Conditions)
                    {
                        var mask = new bool[Cardinalities[cond.Issue]];
                        foreach (var l in cond.Levels)
                        {
                            mask[l] = true;
                        }

                        var existing = conditions.FindIndex(x => x.Issue == cond.Issue);
                        if (existing >= 0)
                        {
                            // Two conditions on one issue: both must hold, so the level must be in both.
                            var merged = conditions[existing].Mask;
                            for (var l = 0; l < mask.Length; l++)
                            {
                                merged[l] &= mask[l];
                            }
                        }
                        else
                        {
                            conditions.Add((cond.Issue, mask));
                        }
                    }

                    break;

                default:
                    throw new ArgumentException($"Red line type {line.GetType().Name} is not supported by the two-level analysis.");
            }

            return new Constraint(owner, index, line, conditions.Select(c => c.Issue).ToArray(), conditions.Select(c => c.Mask).ToArray());
        }

        private int[] SearchOrder()
        {
            // Issues whose values spread most across the parties first: the bounds tighten soonest.
            var spread = new double[IssueCount];
            for (var i = 0; i < IssueCount; i++)
            {
                for (var d = 0; d < DimensionCount; d++)
                {
                    double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
                    for (var l = 0; l < Cardinalities[i]; l++)
                    {
                        var v = BaseWeights[d][i] * BaseValues[d][Offsets[i] + l];
                        lo = Math.Min(lo, v);
                        hi = Math.Max(hi, v);
                    }

                    spread[i] += hi - lo;
                }
            }

            return Enumerable.Range(0, IssueCount).OrderByDescending(i => spread[i]).ThenBy(i => i).ToArray();
        }
    }

    /// <summary>A compiled constraint: crossed when every condition's issue takes a marked level.</summary>
    private sealed class Constraint(int owner, int index, RedLine line, int[] issues, bool[][] masks)
    {
        /// <summary>The party whose red line it is, or −1 for a linkage rule.</summary>
        public int Owner { get; } = owner;

        /// <summary>Its index among the owner's red lines (or the linkage rules).</summary>
        public int Index { get; } = index;

        public RedLine Line { get; } = line;

        public int[] Issues { get; } = issues;

        public bool[][] Masks { get; } = masks;

        public bool Holds(ReadOnlySpan<int> levels)
        {
            for (var c = 0; c < Issues.Length; c++)
            {
                var l = levels[Issues[c]];
                if (l < 0 || !Masks[c][l])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
