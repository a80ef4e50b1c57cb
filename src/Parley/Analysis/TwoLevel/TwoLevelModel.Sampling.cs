using Parley.Scenarios;

namespace Parley.Analysis.TwoLevel;

/// <summary>Drawing scenarios within the uncertainty ranges.</summary>
public sealed partial class TwoLevelModel
{
    /// <summary>
    /// A model with the same structure whose numbers are drawn within the scenario's uncertainty ranges,
    /// in the order the ranges are listed (one uniform number from <paramref name="random"/> per varied
    /// number, so a seed replays a draw exactly).
    /// </summary>
    /// <remarks>
    /// Every range applies to the scenario's own number (not to an earlier draw). Weights that vary are
    /// renormalised to the party's original total; values are clamped to [0, 1]. A constituency that
    /// uses its party's profile follows the party's drawn numbers.
    /// </remarks>
    public TwoLevelModel Draw(Random random) => Draw(random, []);

    /// <summary>
    /// As <see cref="Draw(Random)"/>, and writes into <paramref name="scores"/> (one entry per uncertainty
    /// range, when long enough) the mean of the uniform numbers each range used: where in its range the
    /// draw fell (0 low, 1 high), for sensitivity analysis.
    /// </summary>
    public TwoLevelModel Draw(Random random, Span<double> scores)
    {
        var s = _s;
        var weights = s.BaseWeights.Select(w => (double[])w.Clone()).ToArray();
        var values = s.BaseValues.Select(v => (double[])v.Clone()).ToArray();
        var disagreement = s.BaseDisagreement();
        var thresholds = s.BaseThresholds();
        var reweighted = new bool[s.DimensionCount];
        var ranges = s.Scenario.Uncertainty;
        for (var j = 0; j < ranges.Count; j++)
        {
            var u = ranges[j];
            var used = 0;
            var total = 0.0;
            double Next()
            {
                var x = random.NextDouble();
                used++;
                total += x;
                return x;
            }

            var party = Array.IndexOf(s.PartyNames, u.Party);
            if (party < 0)
            {
                continue;
            }

            // The dimension varied: the party's profile, or a constituency's own profile.
            var p = u.Ratifier is not null && u.Target != UncertaintyTarget.Threshold
                ? s.RatifierDimension(party, IndexOf(s.PartyRatifiers[party], u.Ratifier))
                : party;

            switch (u.Target)
            {
                case UncertaintyTarget.Weights:
                    for (var i = 0; i < s.IssueCount; i++)
                    {
                        weights[p][i] = Math.Max(0, u.Draw(s.BaseWeights[p][i], Next()));
                    }

                    reweighted[p] = true;
                    break;
                case UncertaintyTarget.Weight:
                    weights[p][u.Issue] = Math.Max(0, u.Draw(s.BaseWeights[p][u.Issue], Next()));
                    reweighted[p] = true;
                    break;
                case UncertaintyTarget.Values:
                    for (var i = 0; i < s.IssueCount; i++)
                    {
                        for (var l = 0; l < s.Cardinalities[i]; l++)
                        {
                            var at = s.Offsets[i] + l;
                            values[p][at] = Math.Clamp(u.Draw(s.BaseValues[p][at], Next()), 0, 1);
                        }
                    }

                    break;
                case UncertaintyTarget.Value:
                    {
                        var at = s.Offsets[u.Issue] + u.Level;
                        values[p][at] = Math.Clamp(u.Draw(s.BaseValues[p][at], Next()), 0, 1);
                        break;
                    }

                case UncertaintyTarget.StatusQuoValues:
                    for (var i = 0; i < s.IssueCount; i++)
                    {
                        if (s.StatusQuoLevels[i] == StatusQuo.NoClause)
                        {
                            var at = s.Offsets[i] + s.Cardinalities[i];
                            values[p][at] = Math.Clamp(u.Draw(s.BaseValues[p][at], Next()), 0, 1);
                        }
                    }

                    break;
                case UncertaintyTarget.StatusQuoValue:
                    {
                        var at = s.Offsets[u.Issue] + s.Cardinalities[u.Issue];
                        values[p][at] = Math.Clamp(u.Draw(s.BaseValues[p][at], Next()), 0, 1);
                        break;
                    }

                case UncertaintyTarget.ReservationValue:
                    disagreement[party] = u.Draw(s.Reservation[party], Next());
                    break;
                case UncertaintyTarget.Threshold:
                    {
                        var r = s.RatifierStart[party] + IndexOf(s.PartyRatifiers[party], u.Ratifier);
                        thresholds[r] = u.Draw(s.BaseThresholdValues[r], Next());
                        break;
                    }
            }

            if (j < scores.Length)
            {
                scores[j] = used == 0 ? 0.5 : total / used;
            }
        }

        for (var p = 0; p < s.DimensionCount; p++)
        {
            if (!reweighted[p])
            {
                continue;
            }

            double before = 0, after = 0;
            for (var i = 0; i < s.IssueCount; i++)
            {
                before += s.BaseWeights[p][i];
                after += weights[p][i];
            }

            if (after > 0)
            {
                for (var i = 0; i < s.IssueCount; i++)
                {
                    weights[p][i] *= before / after;
                }
            }
        }

        for (var r = 0; r < s.RatifierCount; r++)
        {
            if (s.RatifierUsesParty[r])
            {
                weights[s.PartyCount + r] = weights[s.RatifierParty[r]];
                values[s.PartyCount + r] = values[s.RatifierParty[r]];
            }
        }

        return new TwoLevelModel(s, s.Tables(weights, values), disagreement, thresholds);
    }

    /// <summary>The random source of draw <paramref name="draw"/> under <paramref name="seed"/>: independent of the order draws run in (SplitMix64 of both).</summary>
    public static Random DrawRandom(int seed, int draw)
    {
        var z = unchecked(((ulong)(uint)seed << 32) ^ (ulong)(uint)draw) + 0x9E3779B97F4A7C15UL;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return new Random(unchecked((int)z ^ (int)(z >> 32)));
    }

    private static int IndexOf(IReadOnlyList<Ratifier> ratifiers, string? name)
    {
        for (var i = 0; i < ratifiers.Count; i++)
        {
            if (ratifiers[i].Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"No constituency named '{name}'.");
    }
}
