using CsCheck;
using Parley.Domains;
using Parley.Formats.Genius;
using Parley.Formats.GeniusWeb;
using Parley.Formats.NegMas;
using Parley.Preferences;
using Parley.Scenarios;
using Parley.Tests.Generators;

namespace Parley.Tests.Formats;

/// <summary>
/// Round trips between every format that holds nonlinear preferences: GENIUS nonlinear XML ⇄ Parley's
/// model ⇄ GeniusWeb SumOfGroups ⇄ NegMAS YAML, compared outcome by outcome on small generated domains.
/// </summary>
public sealed class NonlinearRoundTripTests
{
    private const double Tolerance = 1e-9;

    /// <summary>1-4 integer issues of step 1 (what GENIUS hyper-rectangles bound), 1-5 values each.</summary>
    private static Gen<Domain> IntegerDomain =>
        Gen.Int[1, 4].SelectMany(n => ModelGen.Sequence(Enumerable.Range(0, n)
                .Select(i => Gen.Select(Gen.Int[-5, 5], Gen.Int[0, 4], (lo, span) => (Issue)new IntegerIssue($"i{i}", lo, lo + span)))
                .ToArray())
            .Select(issues => new Domain("generated", issues)));

    /// <summary>A constraint over up to 3 issues: an inclusive box (or an exclusive one with at least one side), worth 0-9.</summary>
    private static Gen<HyperRectangle> Constraint(Domain domain) =>
        Gen.Select(
            Gen.Select(Gen.Int[0, domain.IssueCount - 1], Gen.Int[0, 4], Gen.Int[0, 4], (i, a, b) =>
            {
                var top = domain.Issues[i].Cardinality - 1;
                return new IssueRange(i, Math.Min(Math.Min(a, b), top), Math.Min(Math.Max(a, b), top));
            }).Array[0, 3],
            Gen.Int[0, 9],
            Gen.Bool,
            (ranges, value, exclusive) => new HyperRectangle(ranges, value, exclusive && ranges.Length > 0));

    /// <summary>A GENIUS nonlinear profile whose utilities stay in [0, 1]: its maxutility is the sum of its values, so the cap never binds.</summary>
    private static Gen<NonlinearProfile> GeniusProfile(Domain domain) =>
        Gen.Select(Constraint(domain).Array[0, 8], Gen.Double[0, 0.5], Gen.Double[0.3, 1], (rects, reservation, discount) =>
            new NonlinearProfile(domain, null, rects, Math.Max(1, rects.Sum(r => r.Value)), capAtOne: true, reservation, discount));

    private static Gen<Scenario> GeniusScenario =>
        IntegerDomain.SelectMany(domain => Gen.Int[1, 2].SelectMany(parties =>
            ModelGen.Sequence(Enumerable.Range(0, parties).Select(_ => GeniusProfile(domain)).ToArray())
                .Select(profiles => new Scenario("generated", domain, profiles.Select((p, i) => new Party($"party{i + 1}", PartyRole.Party, p))))));

    [Fact]
    public void GeniusToParleyToGeniusWebToNegMasToGenius_GeneratedNonlinearScenarios_KeepEveryUtility()
    {
        GeniusScenario.Sample(
            scenario => InFolders(5, folders =>
            {
                // GENIUS nonlinear XML → model.
                GeniusWriter.WriteScenario(scenario, folders[0]);
                var genius = GeniusReader.ReadFolder(folders[0]);
                ScenarioAssert.SamePreferences(scenario, genius, Tolerance);

                // → GeniusWeb SumOfGroupsUtilitySpace → model (GeniusWeb keeps a reservation bid, not a value).
                GeniusWebWriter.WriteScenario(genius, folders[1]);
                var geniusWeb = GeniusWebReader.ReadFolder(folders[1]);
                ScenarioAssert.SamePreferences(genius, geniusWeb, Tolerance, compareReservation: false);
                geniusWeb.Profiles.ShouldAllBe(p => p is NonlinearProfile);

                // → NegMAS hyper-rectangles (YAML) → model.
                NegMasWriter.WriteScenario(geniusWeb, folders[2]);
                var negmas = NegMasReader.ReadFolder(folders[2]);
                ScenarioAssert.SamePreferences(geniusWeb, negmas, Tolerance);

                // → GENIUS nonlinear XML again → model.
                GeniusWriter.WriteScenario(negmas, folders[3]);
                var again = GeniusReader.ReadFolder(folders[3]);
                ScenarioAssert.SamePreferences(scenario, again, Tolerance, compareReservation: false);

                // NegMAS keeps reservation and discount as they are.
                NegMasWriter.WriteScenario(genius, folders[4]);
                var direct = NegMasReader.ReadFolder(folders[4]);
                ScenarioAssert.SamePreferences(genius, direct, Tolerance);
                direct.Profiles.Select(p => p.DiscountFactor).ShouldBe(genius.Profiles.Select(p => p.IsDiscounted ? p.DiscountFactor : 1.0));
            }),
            iter: 150);
    }

    [Fact]
    public void SumOfGroupsAndNegMas_AdditivePlusConstraintsOnMixedIssues_KeepEveryUtility()
    {
        // Profiles mixing an additive part with overlapping constraints over categorical, integer and real issues.
        var cases = ModelGen.Domain(maxIssues: 4).SelectMany(domain =>
            Gen.Select(ModelGen.Profile(domain), Constraint(domain).Array[0, 6], Gen.Double[1, 40], Gen.Double[0, 0.4], (additive, rects, scale, reservation) =>
                new Scenario("mixed", domain, [new Party("p", PartyRole.Party, new NonlinearProfile(domain, additive, rects, scale, false, reservation))])));

        cases.Sample(
            scenario => InFolders(2, folders =>
            {
                NegMasWriter.WriteScenario(scenario, folders[0]);
                ScenarioAssert.SamePreferences(scenario, NegMasReader.ReadFolder(folders[0]), Tolerance);

                // GeniusWeb needs utilities in [0, 1]: the writer maps them there by a positive affine map it states.
                var notes = GeniusWebWriter.WriteScenario(scenario, folders[1]);
                var back = GeniusWebReader.ReadFolder(folders[1]).Profiles[0];
                var original = scenario.Profiles[0];
                var (shift, span) = AffineMap(notes);
                foreach (var outcome in scenario.Domain.EnumerateOutcomes())
                {
                    back.Utility(outcome).ShouldBe((original.Utility(outcome) - shift) / span, Tolerance);
                }
            }),
            iter: 150);
    }

    [Fact]
    public void SumOfGroups_CapThatBinds_IsWrittenAsOneGroupExactly_AndNegMasRefuses()
    {
        var domain = new Domain("capped", [new IntegerIssue("a", 0, 3), new IntegerIssue("b", 0, 3), new IntegerIssue("c", 0, 1)]);
        var profile = new NonlinearProfile(domain, null, [new HyperRectangle([new IssueRange(0, 0, 2)], 6), new HyperRectangle([new IssueRange(1, 1, 3)], 5), new HyperRectangle([new IssueRange(2, 1, 1)], 2)], scale: 8, capAtOne: true);
        var scenario = new Scenario("capped", domain, [new Party("p", PartyRole.Party, profile)]);

        InFolders(2, folders =>
        {
            var notes = GeniusWebWriter.WriteScenario(scenario, folders[0]);
            notes.ShouldContain(n => n.Contains("one group", StringComparison.Ordinal));
            ScenarioAssert.SamePreferences(scenario, GeniusWebReader.ReadFolder(folders[0]), Tolerance, compareReservation: false);

            var ex = Should.Throw<InputException>(() => NegMasWriter.WriteScenario(scenario, folders[1]));
            ex.Problem.ShouldContain("the cap binds");
        });
    }

    [Fact]
    public void SumOfGroups_Groups_AreConnectedComponentsOfIssuesUnderConstraints()
    {
        var domain = new Domain("d", Enumerable.Range(0, 5).Select(i => (Issue)new IntegerIssue($"i{i}", 0, 2)));
        var profile = new NonlinearProfile(domain, null, [
            new HyperRectangle([new IssueRange(0, 0, 1), new IssueRange(3, 1, 1)], 1),
            new HyperRectangle([new IssueRange(3, 0, 0), new IssueRange(1, 2, 2)], 1),
            new HyperRectangle([new IssueRange(4, 0, 0)], 1),
        ]);

        GeniusWebWriter.Groups(profile).ShouldBe([[0, 1, 3], [2], [4]]);
    }

    [Fact]
    public void SumOfGroups_GroupAboveTheLimit_IsRefusedNamingItsIssues()
    {
        var domain = new Domain("wide", Enumerable.Range(0, 4).Select(i => (Issue)new IntegerIssue($"i{i}", 0, 99)));
        var chain = Enumerable.Range(0, 3).Select(i => new HyperRectangle([new IssueRange(i, 0, 5), new IssueRange(i + 1, 0, 5)], 1));
        var scenario = new Scenario("wide", domain, [new Party("p", PartyRole.Party, new NonlinearProfile(domain, null, chain))]);

        InFolders(1, folders =>
        {
            var ex = Should.Throw<InputException>(() => GeniusWebWriter.WriteScenario(scenario, folders[0]));
            ex.Problem.ShouldContain("i0, i1, i2, i3");
            ex.Problem.ShouldContain("100000000 combinations");
        });
    }

    /// <summary>The affine map a GeniusWeb note states ("(Parley utility - shift) / span"), or the identity.</summary>
    private static (double Shift, double Span) AffineMap(IReadOnlyList<string> notes)
    {
        var note = notes.FirstOrDefault(n => n.Contains("(Parley utility - ", StringComparison.Ordinal));
        if (note is null)
        {
            return notes.Any(n => n.Contains("the same indifference", StringComparison.Ordinal)) ? (0, double.PositiveInfinity) : (0, 1);
        }

        var at = note.IndexOf("(Parley utility - ", StringComparison.Ordinal) + "(Parley utility - ".Length;
        var close = note.IndexOf(") / ", at, StringComparison.Ordinal);
        var end = note.IndexOf(';', close);
        return (
            double.Parse(note[at..close], System.Globalization.CultureInfo.InvariantCulture),
            double.Parse(note[(close + 4)..end], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool Keep(string[] folders, string target)
    {
        foreach (var f in folders.Where(Directory.Exists))
        {
            var to = Path.Combine(target, Path.GetFileName(f));
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(f))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)), true);
            }
        }

        return false;
    }

    private static void InFolders(int count, Action<string[]> act)
    {
        var folders = Enumerable.Range(0, count).Select(_ => Path.Combine(Path.GetTempPath(), "parley-nl-rt-" + Guid.NewGuid().ToString("N"))).ToArray();
        try
        {
            act(folders);
        }
        catch when (Environment.GetEnvironmentVariable("PARLEY_DEBUG_KEEP") is { } keep && Keep(folders, keep))
        {
            throw;
        }
        finally
        {
            foreach (var folder in folders.Where(Directory.Exists))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
