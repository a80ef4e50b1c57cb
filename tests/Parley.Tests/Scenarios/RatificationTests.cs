using CsCheck;
using Parley.Scenarios;

namespace Parley.Tests.Scenarios;

public sealed class RatificationTests
{
    [Fact]
    public void Probability_QualifiedMajority_EqualsARecursiveSumOverApprovingSets() =>
        Gen.Int[0, int.MaxValue - 1].Sample(seed =>
        {
            var rng = new Random(seed);
            var n = rng.Next(1, 7);
            var ratifiers = Enumerable.Range(0, n).Select(i => new Ratifier($"r{i}", null, 0, 0, rng.Next(0, 5), rng.Next(4) == 0)).ToArray();
            var quota = 0.1 + (rng.NextDouble() * 0.9);
            var approvals = Enumerable.Range(0, n).Select(_ => rng.Next(4) == 0 ? rng.Next(2) : rng.NextDouble()).ToArray();
            var total = ratifiers.Sum(r => r.Weight);

            double Recurse(int i, double weight)
            {
                if (i == n)
                {
                    return weight >= (quota * total) - 1e-12 ? 1 : 0;
                }

                var yes = approvals[i] * Recurse(i + 1, weight + ratifiers[i].Weight);
                var no = ratifiers[i].Veto ? 0 : (1 - approvals[i]) * Recurse(i + 1, weight);
                return yes + no;
            }

            var rule = new Ratification(RatificationRule.QualifiedMajority, quota, ratifiers);
            rule.Probability(approvals).ShouldBe(Recurse(0, 0), 1e-12, $"seed {seed}");
            new Ratification(RatificationRule.Unanimity, 1, ratifiers).Probability(approvals).ShouldBe(approvals.Aggregate(1.0, (a, b) => a * b), 1e-12);
        }, iter: 500, threads: 1);

    [Theory]
    [InlineData(0.0, 0.0, 0.0, 1.0)]
    [InlineData(-0.01, 0.0, 0.0, 0.0)]
    [InlineData(0.0, 0.0, 0.1, 0.5)]
    [InlineData(0.05, 0.0, 0.1, 0.75)]
    [InlineData(0.2, 0.0, 0.1, 1.0)]
    [InlineData(-0.2, 0.0, 0.1, 0.0)]
    public void ApprovalProbability_UniformThreshold_IsItsDistributionFunction(double margin, double threshold, double width, double expected) =>
        Ratifier.ApprovalProbability(margin, threshold, width).ShouldBe(expected, 1e-12);
}
