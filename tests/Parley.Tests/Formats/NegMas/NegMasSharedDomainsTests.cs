using Parley.Formats.Genius;
using Parley.Formats.GeniusWeb;
using Parley.Formats.NegMas;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Tests.Formats.Genius;
using Xunit.Abstractions;

namespace Parley.Tests.Formats.NegMas;

/// <summary>Every shared GENIUS folder through NegMAS's format and, for the nonlinear ones, GeniusWeb's SumOfGroups: the same utilities, or a refusal for a stated reason.</summary>
public sealed class NegMasSharedDomainsTests(ITestOutputHelper output)
{
    private const int SampledOutcomes = 300;

    [SharedFact]
    public void NegMasRoundTrip_EverySharedFolder_KeepsEveryUtilityOrRefusesABindingCap()
    {
        var written = 0;
        var refused = new List<string>();
        var random = new Random(20261201);
        foreach (var folder in GeniusAllDomainsTests.ScenarioFolders())
        {
            var scenario = GeniusReader.ReadFolder(folder);
            var copy = Path.Combine(Path.GetTempPath(), "parley-negmas-shared-" + Guid.NewGuid().ToString("N"));
            try
            {
                NegMasWriter.WriteScenario(scenario, copy);
                var back = NegMasReader.ReadFolder(copy);
                back.Negotiators.Select(p => p.Name).ShouldBe(scenario.Negotiators.Select(p => OutputSafe(p.Name)));
                for (var k = 0; k < scenario.Profiles.Count; k++)
                {
                    var (a, b) = (scenario.Profiles[k], back.Profiles[k]);
                    b.ReservationValue.ShouldBe(a.ReservationValue, 1e-12);
                    b.DiscountFactor.ShouldBe(a.IsDiscounted ? a.DiscountFactor : 1.0);
                    foreach (var levels in Outcomes(scenario, random))
                    {
                        b.Utility(levels).ShouldBe(a.Utility(levels), 1e-9, folder);
                    }
                }

                written++;
            }
            catch (InputException ex)
            {
                // The one refusal: GENIUS's cap at 1 binds, shown by an outcome whose raw sum is above maxutility,
                // and NegMAS's hyper-rectangles have no cap.
                ex.Problem.ShouldContain("so the cap binds", Case.Sensitive, folder);
                scenario.Profiles.OfType<NonlinearProfile>().Any(p => p.CapsAtOne && p.RawUtility(Parley.Formats.RawUtilityBound.Of(p).Witness) > p.Scale).ShouldBeTrue(folder);
                refused.Add(Path.GetRelativePath(TestPaths.Domains, folder));
            }
            finally
            {
                if (Directory.Exists(copy))
                {
                    Directory.Delete(copy, recursive: true);
                }
            }
        }

        output.WriteLine($"written and read back: {written}; refused because GENIUS's cap binds: {refused.Count}: {string.Join(", ", refused)}");
        (written + refused.Count).ShouldBe(130);
    }

    [SharedFact]
    public void SumOfGroups_SharedNonlinearFolders_AreOneGroupOfTheWholeSpaceAndRefused()
    {
        foreach (var folder in GeniusAllDomainsTests.ScenarioFolders())
        {
            var scenario = GeniusReader.ReadFolder(folder);
            foreach (var profile in scenario.Profiles.OfType<NonlinearProfile>())
            {
                // The constraints of these domains tie every issue together: one group of 10^10 and more combinations.
                var groups = GeniusWebWriter.Groups(profile);
                var target = Path.Combine(Path.GetTempPath(), "parley-sog-never-" + Guid.NewGuid().ToString("N"));
                var one = Should.Throw<InputException>(() => GeniusWebWriter.WriteScenario(new Scenario("s", scenario.Domain, [new Party("p", PartyRole.Party, profile)]), target));
                one.Problem.ShouldContain("into one group of");
                Directory.Exists(target).ShouldBeFalse();
                groups.Max(g => g.Length).ShouldBeGreaterThan(1);
            }
        }
    }

    private static string OutputSafe(string name) => Parley.Formats.OutputFiles.SafeFileName(name, "party");

    private static IEnumerable<int[]> Outcomes(Scenario scenario, Random random)
    {
        var domain = scenario.Domain;
        if (domain.LongOutcomeCount is > 0 and <= 2_000)
        {
            foreach (var o in domain.EnumerateOutcomes())
            {
                yield return o.Levels.ToArray();
            }

            yield break;
        }

        for (var s = 0; s < SampledOutcomes; s++)
        {
            yield return domain.Issues.Select(i => random.Next(i.Cardinality)).ToArray();
        }
    }
}
