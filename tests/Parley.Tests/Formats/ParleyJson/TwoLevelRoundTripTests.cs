using CsCheck;
using Parley.Analysis.TwoLevel;
using Parley.Formats.ParleyJson;
using Parley.Tests.Analysis.TwoLevel;

namespace Parley.Tests.Formats.ParleyJson;

public sealed class TwoLevelRoundTripTests
{
    [Fact]
    public void WriteThenRead_RandomTwoLevelScenarios_SameBytesAndSameModel() =>
        Gen.Int[0, int.MaxValue - 1].Sample(seed =>
        {
            var scenario = TwoLevelScenarios.Create(seed);
            var text = ParleyScenarioWriter.ToJson(scenario);
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));

            var read = ParleyScenarioReader.Read(stream, $"seed {seed}");

            ParleyScenarioWriter.ToJson(read).ShouldBe(text, $"seed {seed}");
            ScenarioSchema.Errors(text).ShouldBeEmpty($"seed {seed}");
            var a = TwoLevelModel.Create(scenario);
            var b = TwoLevelModel.Create(read);
            for (var p = 0; p < a.PartyCount; p++)
            {
                b.Disagreement(p).ShouldBe(a.Disagreement(p), 1e-12, $"seed {seed}");
                b.StatusQuoUtility(p).ShouldBe(a.StatusQuoUtility(p), 1e-12, $"seed {seed}");
            }

            foreach (var outcome in scenario.Domain.EnumerateOutcomes())
            {
                b.IsFeasible(outcome.Levels).ShouldBe(a.IsFeasible(outcome.Levels), $"seed {seed}");
                b.RatificationAll(outcome.Levels).ShouldBe(a.RatificationAll(outcome.Levels), 1e-12, $"seed {seed}");
            }
        }, iter: 200, threads: 1);
}
