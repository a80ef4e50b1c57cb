using Parley.Formats.ParleyJson;
using Parley.Scenarios;

namespace Parley.Tests.Mediation;

/// <summary>The small two-level scenario of tests/corpus/two-level.</summary>
internal static class TwoLevelScenarioFixtures
{
    public static Scenario Small() => ParleyScenarioReader.Read(Path.Combine(TestPaths.Root, "tests", "corpus", "two-level", "small.json"));
}
