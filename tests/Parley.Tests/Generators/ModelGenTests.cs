using CsCheck;

namespace Parley.Tests.Generators;

public sealed class ModelGenTests
{
    [Fact]
    public void Scenario_Generated_ProfilesEvaluateEveryOutcomeWithinUnitRange()
    {
        ModelGen.Scenario(parties: 3).Sample(scenario =>
        {
            foreach (var outcome in scenario.Domain.EnumerateOutcomes())
            {
                foreach (var profile in scenario.Profiles)
                {
                    var u = profile.Utility(outcome);
                    u.ShouldBeInRange(-1e-9, 1 + 1e-9);
                }
            }
        }, iter: 50);
    }

    [Fact]
    public void Domain_Generated_IndexRoundTrips()
    {
        ModelGen.Domain().Sample(domain =>
        {
            var levels = new int[domain.IssueCount];
            long i = 0;
            do
            {
                domain.LongIndexOf(levels).ShouldBe(i++);
            }
            while (domain.Advance(levels));
            i.ShouldBe(domain.LongOutcomeCount);
        }, iter: 50);
    }
}
