using Parley.Formats.Genius;
using Parley.Preferences;
using Parley.Scenarios;
using Xunit.Abstractions;

namespace Parley.Tests.Formats.Genius;

/// <summary>Every folder of ../shared/domains that holds a GENIUS domain either loads completely or is refused for a stated reason.</summary>
public sealed class GeniusAllDomainsTests(ITestOutputHelper output)
{
    private const int SampledOutcomes = 500;

    public static IEnumerable<string> ScenarioFolders() =>
        Directory.GetDirectories(TestPaths.Domains, "*", SearchOption.AllDirectories)
            .Where(dir => Directory.GetFiles(dir, "*.xml").Any(f => GeniusReader.Classify(f) == GeniusFileKind.Domain))
            .Order(StringComparer.Ordinal);

    /// <summary>The nonlinear folders: ANAC 2014 and the S-1N* scenarios hold hyper-rectangle utility spaces.</summary>
    private static bool IsNonlinearScenario(string folder) =>
        Path.GetRelativePath(TestPaths.Domains, folder).Replace('\\', '/').StartsWith("anac/y2014/", StringComparison.Ordinal)
        || Path.GetFileName(folder).StartsWith("S-1N", StringComparison.Ordinal);

    [SharedFact]
    public void ReadFolder_EverySharedFolder_Loads()
    {
        // Arrange
        var folders = ScenarioFolders().ToArray();
        var loaded = new List<string>();
        var refused = new Dictionary<string, string>(StringComparer.Ordinal);
        var random = new Random(20260101);

        // Act
        foreach (var folder in folders)
        {
            try
            {
                var scenario = GeniusReader.ReadFolder(folder);
                AssertEveryProfileFinite(scenario, random);
                loaded.Add(folder);
            }
            catch (InputException ex)
            {
                ex.Message.ShouldContain(ex.File);
                ex.File.ShouldStartWith(folder);
                refused[folder] = ex.Problem;
            }
        }

        // Assert
        output.WriteLine($"GENIUS scenario folders: {folders.Length}, loaded: {loaded.Count}, refused: {refused.Count}");
        foreach (var group in refused.GroupBy(r => Reason(r.Value)).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  refused ({group.Count()}): {group.Key}");
            foreach (var (folder, _) in group)
            {
                output.WriteLine($"    {Path.GetRelativePath(TestPaths.Domains, folder)}");
            }
        }

        folders.Length.ShouldBe(130);
        refused.ShouldBeEmpty();
        foreach (var folder in folders.Where(IsNonlinearScenario))
        {
            GeniusReader.ReadFolder(folder).Profiles.ShouldAllBe(p => p is NonlinearProfile);
        }
    }

    [SharedFact]
    public void WriteScenario_EveryLoadableRealScenario_RoundTripsEveryOutcome()
    {
        // Arrange
        var random = new Random(7);
        var count = 0;
        foreach (var folder in ScenarioFolders())
        {
            var original = GeniusReader.ReadFolder(folder);
            var target = Path.Combine(Path.GetTempPath(), "parley-genius-rt-" + Guid.NewGuid().ToString("N"));
            try
            {
                // Act
                GeniusWriter.WriteScenario(original, target);
                var back = GeniusReader.ReadFolder(target);

                // Assert
                back.Domain.OutcomeCount.ShouldBe(original.Domain.OutcomeCount);
                back.Domain.Issues.Select(i => (i.Name, i.Kind, i.Cardinality)).ShouldBe(original.Domain.Issues.Select(i => (i.Name, i.Kind, i.Cardinality)));
                back.Negotiators.Select(p => p.Name).ShouldBe(original.Negotiators.Select(p => p.Name).Order(StringComparer.Ordinal));
                foreach (var party in original.Negotiators)
                {
                    var a = party.Profile!;
                    var b = back.FindParty(party.Name)!.Profile!;
                    b.ReservationValue.ShouldBe(a.ReservationValue);
                    b.IsDiscounted.ShouldBe(a.IsDiscounted);
                    if (a.IsDiscounted)
                    {
                        b.DiscountFactor.ShouldBe(a.DiscountFactor);
                    }

                    foreach (var outcome in Sample(original.Domain, random))
                    {
                        b.Utility(outcome).ShouldBe(a.Utility(outcome), 1e-12);
                    }
                }

                count++;
            }
            finally
            {
                Directory.Delete(target, recursive: true);
            }
        }

        output.WriteLine($"round-tripped {count} real GENIUS scenarios");
        count.ShouldBeGreaterThan(100);
    }

    private static void AssertEveryProfileFinite(Scenario scenario, Random random)
    {
        scenario.Negotiators.Count.ShouldBeGreaterThan(0);
        foreach (var outcome in Sample(scenario.Domain, random))
        {
            foreach (var profile in scenario.Profiles)
            {
                double.IsFinite(profile.Utility(outcome)).ShouldBeTrue();
            }
        }
    }

    /// <summary>The first and last outcome and up to <see cref="SampledOutcomes"/> random ones.</summary>
    private static IEnumerable<int[]> Sample(Parley.Domains.Domain domain, Random random)
    {
        var n = domain.IssueCount;
        yield return new int[n];
        var last = new int[n];
        for (var i = 0; i < n; i++)
        {
            last[i] = domain.Issues[i].Cardinality - 1;
        }

        yield return last;
        for (var k = 0; k < SampledOutcomes; k++)
        {
            var levels = new int[n];
            for (var i = 0; i < n; i++)
            {
                levels[i] = random.Next(domain.Issues[i].Cardinality);
            }

            yield return levels;
        }
    }

    private static string Reason(string problem) => problem.Length > 90 ? problem[..90] + "…" : problem;
}
