using System.Globalization;
using Parley.Domains;
using Parley.Scenarios;

namespace Parley.Analysis.TwoLevel;

/// <summary>
/// Draws scenarios within the scenario's uncertainty ranges and analyses each exactly: whether the
/// zone of agreement is empty, its Nash package, which issues have an early harvest, how the
/// candidate packages fare, each side's smallest concession, and the reality check.
/// </summary>
/// <remarks>
/// Draw <c>i</c> uses its own random source derived from the seed and <c>i</c>
/// (<see cref="TwoLevelModel.DrawRandom"/>), and results are sums over draws, so the output is the same
/// for any thread count. Each draw's zone and Nash package are exact (branch and bound,
/// <see cref="TwoLevelModel.NashPackage"/>).
/// </remarks>
public static class RobustnessAnalyzer
{
    // Probabilities are summed in fixed point (2^40 steps of 1, exact to 1e-12) so that the sum is the same
    // whatever the order the parallel draws finish in: a run and its replay print the same digits.
    private const double RatifiedScale = 1L << 40;

    /// <summary>The reality check's definition, as reported.</summary>
    public const string RealityDefinition =
        "share of drawn scenarios in which (1) the articles really agreed, added to today's situation alone, cross no red line or linkage rule, " +
        "are better than today's situation for every party and would be approved at home by every party with a chance of at least 0.5, and " +
        "(2) no package that every party accepts at the table and that changes at least one of the articles left open from today's situation " +
        "would be approved at home by every party with a chance of at least 0.5";

    /// <summary>Runs the uncertainty analysis around <paramref name="analysis"/> (its model and candidate packages).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Fewer than one draw.</exception>
    public static RobustnessResult Run(TwoLevelAnalysis analysis, RobustnessOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Draws, 1);
        var model = analysis.Model;
        var scenarioRanges = ScenarioOf(model).Uncertainty;
        var candidates = analysis.Candidates;
        var real = ScenarioOf(model).RealOutcome;
        PartialOutcome? agreed = null;
        if (real is not null && model.StatusQuo is not null)
        {
            agreed = PartialOutcome.AllOpen(model.Domain.IssueCount);
            foreach (var (issue, level) in real.Agreed)
            {
                agreed = agreed.Settle(issue, level);
            }
        }

        var n = model.Domain.IssueCount;
        var k = model.PartyCount;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism is > 0 ? options.MaxDegreeOfParallelism.Value : Environment.ProcessorCount };
        var total = new Tally(n, k, candidates.Count, scenarioRanges.Count);
        var gate = new object();
        Parallel.For(0, options.Draws, parallel, () => new Tally(n, k, candidates.Count, scenarioRanges.Count), (i, _, tally) =>
        {
            DrawOne(model, candidates, agreed, real, options, i, tally);
            return tally;
        }, tally =>
        {
            lock (gate)
            {
                total.Add(tally);
            }
        });

        double Share(long count) => (double)count / options.Draws;
        var packages = new PackageRobustness[candidates.Count];
        for (var c = 0; c < candidates.Count; c++)
        {
            packages[c] = new PackageRobustness(candidates[c], Share(total.Acceptable[c]), total.Ratified[c] / RatifiedScale / options.Draws, Share(total.Nash[c]));
        }

        var concessions = new IReadOnlyList<ConcessionFrequency>[k];
        for (var p = 0; p < k; p++)
        {
            var party = p;
            concessions[p] = total.Concessions[p]
                .OrderByDescending(e => e.Value)
                .ThenBy(e => e.Key, StringComparer.Ordinal)
                .Select(e => new ConcessionFrequency(e.Key == Beyond ? null : Decode(model, party, e.Key), Share(e.Value)))
                .ToArray();
        }

        RealityCheck? check = null;
        if (agreed is not null)
        {
            check = new RealityCheck(options.Draws, Share(total.Shape), Share(total.AgreedHarvest), Share(total.NoCore), RealityDefinition);
        }

        var bars = new List<SensitivityBar>();
        for (var j = 0; j < scenarioRanges.Count; j++)
        {
            var low = total.LowCount[j] == 0 ? double.NaN : (double)total.LowHits[j] / total.LowCount[j];
            var high = total.HighCount[j] == 0 ? double.NaN : (double)total.HighHits[j] / total.HighCount[j];
            bars.Add(new SensitivityBar(Label(model, scenarioRanges[j]), scenarioRanges[j].Assumption, low, high));
        }

        bars.Sort((a, b) => (double.IsNaN(b.Swing) ? 0 : b.Swing).CompareTo(double.IsNaN(a.Swing) ? 0 : a.Swing));
        var harvest = total.Harvest.Select(h => Share(h)).ToArray();
        return new RobustnessResult(options.Draws, options.Seed, Share(total.ZoneEmpty), harvest, packages, concessions, check, check is not null ? "pRound5Shape" : "pZoneEmpty", bars);
    }

    /// <summary>A short label for an uncertainty range ("weights of Israel", "value of Syria: withdrawal = phased").</summary>
    public static string Label(TwoLevelModel model, UncertainParameter range)
    {
        var domain = model.Domain;
        var owner = range.Ratifier is not null && range.Target != UncertaintyTarget.Threshold ? $"{range.Party} / {range.Ratifier}" : range.Party;
        return range.Target switch
        {
            UncertaintyTarget.Weights => $"{owner}: all weights",
            UncertaintyTarget.Weight => $"{owner}: weight of {domain.Issues[range.Issue].Name}",
            UncertaintyTarget.Values => $"{owner}: all option values",
            UncertaintyTarget.Value => $"{owner}: value of {domain.Issues[range.Issue].Name} = {domain.Issues[range.Issue].FormatLevel(range.Level)}",
            UncertaintyTarget.StatusQuoValues => $"{owner}: all values of today's situation",
            UncertaintyTarget.StatusQuoValue => $"{owner}: value of today's situation on {domain.Issues[range.Issue].Name}",
            UncertaintyTarget.ReservationValue => $"{range.Party}: walk-away value",
            _ => $"{range.Party}: threshold of {range.Ratifier}",
        };
    }

    private const string Beyond = "beyond";

    private static Scenario ScenarioOf(TwoLevelModel model) => model.Scenario;

    private static List<string> Decode(TwoLevelModel model, int party, string key) =>
        key.Length == 0 ? [] : key.Split(',').Select(x => model.DescribeRedLine(party, int.Parse(x, CultureInfo.InvariantCulture))).ToList();

    private static void DrawOne(TwoLevelModel baseModel, IReadOnlyList<PackageEvaluation> candidates, PartialOutcome? agreed, RealOutcome? real, RobustnessOptions options, int draw, Tally tally)
    {
        var scores = tally.Scores;
        var m = baseModel.Draw(TwoLevelModel.DrawRandom(options.Seed, draw), scores);
        var k = m.PartyCount;
        var nash = m.NashPackage();
        var zoneEmpty = nash is null;
        if (zoneEmpty)
        {
            tally.ZoneEmpty++;
        }

        // Early harvest per issue: a single change every party strictly prefers to the status quo.
        if (m.StatusQuo is { } sq)
        {
            var n = m.Domain.IssueCount;
            for (var i = 0; i < n; i++)
            {
                for (var l = 0; l < m.Domain.Issues[i].Cardinality; l++)
                {
                    if (l != sq.Levels[i] && m.IsSingleChangeHarvest(i, l))
                    {
                        tally.Harvest[i]++;
                        break;
                    }
                }
            }
        }

        for (var c = 0; c < candidates.Count; c++)
        {
            var agreement = candidates[c].Agreement;
            var levels = m.Complete(agreement);
            if (m.IsFeasible(agreement) && m.MeetsDisagreement(levels))
            {
                tally.Acceptable[c]++;
                tally.Ratified[c] += (long)Math.Round(m.RatificationAll(levels) * RatifiedScale);
            }

            if (nash is not null && levels.AsSpan().SequenceEqual(nash))
            {
                tally.Nash[c]++;
            }
        }

        for (var p = 0; p < k; p++)
        {
            string key;
            if (!zoneEmpty)
            {
                key = string.Empty;
            }
            else
            {
                var set = m.SmallestConcession(p, options.MaxConcessionSize);
                key = set is null ? Beyond : string.Join(",", set.Select(x => x.ToString(CultureInfo.InvariantCulture)));
            }

            tally.Concessions[p][key] = tally.Concessions[p].GetValueOrDefault(key) + 1;
        }

        var hit = zoneEmpty;
        if (agreed is not null && real is not null)
        {
            var harvest = TwoLevelAnalyzer.Harvest(m, agreed);
            var levels = m.Complete(agreed);
            var agreedOk = harvest is not null;
            for (var p = 0; p < k && agreedOk; p++)
            {
                agreedOk = m.Ratification(p, levels) >= options.RatificationLevel;
            }

            var noCore = !m.HasRatifiableMove(real.Open, options.RatificationLevel);
            tally.AgreedHarvest += agreedOk ? 1 : 0;
            tally.NoCore += noCore ? 1 : 0;
            hit = agreedOk && noCore;
            tally.Shape += hit ? 1 : 0;
        }

        for (var j = 0; j < scores.Length; j++)
        {
            if (scores[j] < 0.5)
            {
                tally.LowCount[j]++;
                tally.LowHits[j] += hit ? 1 : 0;
            }
            else
            {
                tally.HighCount[j]++;
                tally.HighHits[j] += hit ? 1 : 0;
            }
        }
    }

    private sealed class Tally(int issues, int parties, int candidates, int ranges)
    {
        public double[] Scores { get; } = new double[ranges];

        public long ZoneEmpty { get; set; }

        public long[] Harvest { get; } = new long[issues];

        public long[] Acceptable { get; } = new long[candidates];

        public long[] Ratified { get; } = new long[candidates];

        public long[] Nash { get; } = new long[candidates];

        public Dictionary<string, long>[] Concessions { get; } = Enumerable.Range(0, parties).Select(_ => new Dictionary<string, long>(StringComparer.Ordinal)).ToArray();

        public long AgreedHarvest { get; set; }

        public long NoCore { get; set; }

        public long Shape { get; set; }

        public long[] LowCount { get; } = new long[ranges];

        public long[] LowHits { get; } = new long[ranges];

        public long[] HighCount { get; } = new long[ranges];

        public long[] HighHits { get; } = new long[ranges];

        public void Add(Tally o)
        {
            ZoneEmpty += o.ZoneEmpty;
            AgreedHarvest += o.AgreedHarvest;
            NoCore += o.NoCore;
            Shape += o.Shape;
            for (var i = 0; i < Harvest.Length; i++)
            {
                Harvest[i] += o.Harvest[i];
            }

            for (var c = 0; c < Acceptable.Length; c++)
            {
                Acceptable[c] += o.Acceptable[c];
                Ratified[c] += o.Ratified[c];
                Nash[c] += o.Nash[c];
            }

            for (var p = 0; p < Concessions.Length; p++)
            {
                foreach (var (key, count) in o.Concessions[p])
                {
                    Concessions[p][key] = Concessions[p].GetValueOrDefault(key) + count;
                }
            }

            for (var j = 0; j < LowCount.Length; j++)
            {
                LowCount[j] += o.LowCount[j];
                LowHits[j] += o.LowHits[j];
                HighCount[j] += o.HighCount[j];
                HighHits[j] += o.HighHits[j];
            }
        }
    }
}
