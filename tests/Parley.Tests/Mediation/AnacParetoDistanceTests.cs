using System.Globalization;
using Parley.Formats.Genius;
using Parley.Mediation;
using Parley.Scenarios;
using Xunit.Abstractions;

namespace Parley.Tests.Mediation;

/// <summary>
/// On the two-party ANAC domains, the annealing mediator's agreements lie near the Pareto frontier.
/// The figures are in docs/mediation.md (the test prints them).
/// </summary>
public sealed class AnacParetoDistanceTests(ITestOutputHelper output)
{
    /// <summary>The stated bound on the Euclidean distance, in the utility plane, from an agreement to the frontier.</summary>
    private const double MaxDistance = 0.15;

    /// <summary>The stated bound on the mean distance over all domains.</summary>
    private const double MaxMeanDistance = 0.05;

    [SharedFact]
    public void Run_AnnealingMediatorOnTwoPartyAnacDomains_AgreementsLieNearTheParetoFrontier()
    {
        var distances = new List<double>();
        var failures = 0;
        foreach (var folder in Directory.GetDirectories(Path.Combine(TestPaths.Domains, "anac"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            Scenario scenario;
            try
            {
                scenario = GeniusReader.ReadFolder(folder);
            }
            catch (InputException)
            {
                continue;
            }

            if (scenario.Negotiators.Count != 2 || scenario.Domain.LongOutcomeCount is < 0 or > 200_000)
            {
                continue;
            }

            var result = new MediationSession(scenario, new AnnealingMediator(), [new TruthfulVoter()], new MediationOptions { Rounds = 400, PostSettlement = false }, seed: 1).Run();
            if (result.Deal is not { } deal)
            {
                failures++;
                output.WriteLine($"{Path.GetFileName(folder)}: {result.EndReason}");
                continue;
            }

            var profiles = scenario.Profiles;
            var frontier = Frontier(scenario);
            var u = (profiles[0].Utility(deal), profiles[1].Utility(deal));
            var d = frontier.Min(f => Math.Sqrt(((f.A - u.Item1) * (f.A - u.Item1)) + ((f.B - u.Item2) * (f.B - u.Item2))));
            distances.Add(d);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(folder)}: agreement ({u.Item1:0.000}, {u.Item2:0.000}), distance {d:0.0000}"));
        }

        var mean = distances.Average();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"domains with an agreement: {distances.Count}, without: {failures}, mean distance {mean:0.0000}, median {distances.Order().ElementAt(distances.Count / 2):0.0000}, max {distances.Max():0.0000}"));
        distances.Count.ShouldBeGreaterThan(10);
        distances.Max().ShouldBeLessThanOrEqualTo(MaxDistance);
        mean.ShouldBeLessThanOrEqualTo(MaxMeanDistance);
    }

    private static List<(double A, double B)> Frontier(Scenario scenario)
    {
        var a = scenario.Profiles[0];
        var b = scenario.Profiles[1];
        var points = new List<(double A, double B)>();
        foreach (var o in scenario.Domain.EnumerateOutcomes())
        {
            if (!a.CrossesRedLine(o.Levels) && !b.CrossesRedLine(o.Levels))
            {
                points.Add((a.Utility(o), b.Utility(o)));
            }
        }

        points.Sort((x, y) => y.A != x.A ? y.A.CompareTo(x.A) : y.B.CompareTo(x.B));
        var frontier = new List<(double A, double B)>();
        var bestB = double.NegativeInfinity;
        foreach (var p in points)
        {
            if (p.B > bestB)
            {
                frontier.Add(p);
                bestB = p.B;
            }
        }

        return frontier;
    }
}
