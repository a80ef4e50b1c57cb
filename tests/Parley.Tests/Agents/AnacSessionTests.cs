using Parley.Agents;
using Parley.Formats.Genius;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Scenarios;

namespace Parley.Tests.Agents;

/// <summary>Sessions on the real ANAC and multilateral GENIUS domains in ../shared/domains.</summary>
public sealed class AnacSessionTests
{
    /// <summary>Every two-party ANAC folder, the 2014 nonlinear spaces (10^10 to 10^40 outcomes, indexed by sampling) included.</summary>
    public static TheoryData<string> AnacFolders()
    {
        var data = new TheoryData<string>();
        foreach (var year in Directory.GetDirectories(TestPaths.Domain("anac")).Order(StringComparer.Ordinal))
        {
            foreach (var folder in Directory.GetDirectories(year).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(TestPaths.Domains, folder));
            }
        }

        return data;
    }

    [SharedTheory]
    [MemberData(nameof(AnacFolders))]
    public void BoulwareAgainstConceder_AnacDomain_Agrees(string folder)
    {
        var scenario = GeniusReader.ReadFolder(Path.Combine(TestPaths.Domains, folder));
        var result = Saop.Run(scenario, [BuiltInAgents.Boulware(), BuiltInAgents.Conceder()], new SessionOptions { Deadline = new Deadline(1000, null), Seed = 1, RecordTrace = false });

        if (folder.StartsWith("anac" + Path.DirectorySeparatorChar + "y2014", StringComparison.Ordinal))
        {
            // Nonlinear: the agents offer from a sampled index, so the zone cannot be decided from it; a session
            // must still end without failure, and an agreement must be worth the reservation value to both.
            scenario.Profiles.ShouldAllBe(p => p is NonlinearProfile);
            result.EndReason.ShouldBeOneOf(EndReason.Agreement, EndReason.Deadline);
            if (result.EndReason == EndReason.Agreement)
            {
                for (var i = 0; i < 2; i++)
                {
                    result.Utilities[i].ShouldBeGreaterThanOrEqualTo(scenario.Profiles[i].ReservationValue);
                }
            }

            return;
        }

        if (!HasZoneOfAgreement(scenario))
        {
            // e.g. NiceOrDieC and Lunch: reservation values no outcome satisfies for both sides.
            result.EndReason.ShouldBe(EndReason.Deadline, folder);
            return;
        }

        result.EndReason.ShouldBe(EndReason.Agreement, $"{folder}: {result.EndReason} after {result.Rounds} rounds");
        for (var i = 0; i < 2; i++)
        {
            result.Utilities[i].ShouldBeGreaterThanOrEqualTo(scenario.Profiles[i].ReservationValue);
        }
    }

    private static bool HasZoneOfAgreement(Scenario scenario)
    {
        var (first, second) = (scenario.Profiles[0], scenario.Profiles[1]);
        var index = OutcomeIndex.For(first);
        for (var r = 0; r < index.Count && index.UtilityAt(r) >= first.ReservationValue; r++)
        {
            if (second.Utility(index.LevelsAt(r)) >= second.ReservationValue)
            {
                return true;
            }
        }

        return false;
    }

    [SharedFact]
    public void HardlinerAgainstHardliner_CameraC_EndsAtTheDeadline()
    {
        var scenario = GeniusReader.ReadFolder(TestPaths.Domain("anac", "y2012", "CameraC"));

        var result = Saop.Run(scenario, [BuiltInAgents.Hardliner(), BuiltInAgents.Hardliner()], new SessionOptions { Deadline = new Deadline(1000, null) });

        result.EndReason.ShouldBe(EndReason.Deadline);
        result.Rounds.ShouldBe(1000);
    }

    [SharedTheory]
    [InlineData("Domain1", 3)]
    [InlineData("Domain16", 6)]
    public void TimeDependentAgents_MultilateralDomain_RunToAnEnd(string domain, int parties)
    {
        var all = GeniusReader.ReadFolder(TestPaths.Domain("other", domain));
        var chosen = all.Negotiators.Take(parties).Select(p => p.Name).ToArray();
        var scenario = all.WithNegotiators(chosen);
        var agents = Enumerable.Range(0, parties).Select(i => i % 2 == 0 ? BuiltInAgents.Conceder() : (IAgent)BuiltInAgents.Linear()).ToArray();

        var result = Saop.Run(scenario, agents, new SessionOptions { Deadline = new Deadline(500, null), Seed = 4 });

        result.PartyNames.Count.ShouldBe(parties);
        result.EndReason.ShouldBeOneOf(EndReason.Agreement, EndReason.Deadline);
        if (result.EndReason == EndReason.Agreement)
        {
            var last = result.Trace!.Events.TakeLast(parties - 1).ToArray();
            last.ShouldAllBe(e => e.Kind == ActionKind.Accept);
        }
    }
}
