namespace Parley.Scenarios;

/// <summary>Who must approve a party's deal at home, and by which rule (two-level games, Putnam 1988).</summary>
/// <param name="Rule">Unanimity of the constituencies, or a qualified majority of their weights.</param>
/// <param name="Quota">The share of the total weight that must approve under a qualified majority (in (0, 1]).</param>
/// <param name="Ratifiers">The constituencies, in the scenario's order; names are unique.</param>
public sealed record Ratification(RatificationRule Rule, double Quota, IReadOnlyList<Ratifier> Ratifiers)
{
    /// <summary>
    /// The probability that the party ratifies, given each constituency's approval probability
    /// (approvals independent).
    /// </summary>
    /// <remarks>Exact: under a qualified majority, every approving subset is weighed (at most 2^16 subsets; more constituencies are refused by the reader).</remarks>
    public double Probability(ReadOnlySpan<double> approvals)
    {
        if (Rule == RatificationRule.Unanimity)
        {
            var p = 1.0;
            foreach (var a in approvals)
            {
                p *= a;
            }

            return p;
        }

        var n = Ratifiers.Count;
        var total = 0.0;
        foreach (var r in Ratifiers)
        {
            total += r.Weight;
        }

        var vetoP = 1.0;
        var free = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (Ratifiers[i].Veto)
            {
                vetoP *= approvals[i];
            }
            else
            {
                free.Add(i);
            }
        }

        if (vetoP == 0)
        {
            return 0;
        }

        var vetoWeight = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (Ratifiers[i].Veto)
            {
                vetoWeight += Ratifiers[i].Weight;
            }
        }

        var need = (Quota * total) - 1e-12;
        var sum = 0.0;
        var subsets = 1 << free.Count;
        for (var mask = 0; mask < subsets; mask++)
        {
            var w = vetoWeight;
            var p = 1.0;
            for (var j = 0; j < free.Count; j++)
            {
                var a = approvals[free[j]];
                if ((mask & (1 << j)) != 0)
                {
                    w += Ratifiers[free[j]].Weight;
                    p *= a;
                }
                else
                {
                    p *= 1 - a;
                }

                if (p == 0)
                {
                    break;
                }
            }

            if (p > 0 && w >= need)
            {
                sum += p;
            }
        }

        return vetoP * sum;
    }
}
