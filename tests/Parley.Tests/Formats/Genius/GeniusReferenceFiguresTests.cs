using Parley.Formats.Genius;

namespace Parley.Tests.Formats.Genius;

/// <summary>
/// The Nash point GENIUS's own analysis (BidSpace) reports for some shared scenarios
/// (../shared/domains/README.md), found here by brute force over every outcome: a check that the
/// reader computes utilities as GENIUS does, including AMPOvsCity's duplicate items.
/// </summary>
public sealed class GeniusReferenceFiguresTests
{
    [SharedTheory]
    [InlineData("anac/y2012/CameraC", 0.82065, 0.88080)]
    [InlineData("anac/y2011/Energy", 0.62500, 0.75429)]
    [InlineData("anac/y2010/Travel", 0.88241, 0.80202)]
    [InlineData("other/AMPOvsCity", 0.70600, 0.78300)]
    public void ReadFolder_ReferenceScenario_HasGeniusNashPoint(string folder, double nash1, double nash2)
    {
        // Arrange
        var scenario = GeniusReader.ReadFolder(Path.Combine(TestPaths.Domains, folder));
        var (a, b) = (scenario.Profiles[0], scenario.Profiles[1]);
        var levels = new int[scenario.Domain.IssueCount];
        double best = -1, bestA = 0, bestB = 0;

        // Act: the outcome maximising the product of utilities
        do
        {
            var ua = a.Utility(levels);
            var ub = b.Utility(levels);
            if (ua * ub > best)
            {
                (best, bestA, bestB) = (ua * ub, ua, ub);
            }
        }
        while (scenario.Domain.Advance(levels));

        // Assert
        bestA.ShouldBe(nash1, 5e-6);
        bestB.ShouldBe(nash2, 5e-6);
    }
}
