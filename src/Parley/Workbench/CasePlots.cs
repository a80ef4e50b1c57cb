using Parley.Analysis;
using Parley.Preferences;
using Parley.Reports;

namespace Parley.Workbench;

/// <summary>The mediator's pictures of a case, drawn by the library's plots from the profiles the mediator may see.</summary>
public static class CasePlots
{
    /// <summary>
    /// The utility-space plot (every package, or a seeded sample, with the Pareto frontier, the
    /// solution points and the reservation lines) over the profiles the mediator may see; null when
    /// it knows fewer than two.
    /// </summary>
    public static string? UtilitySpace(MediationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var profiles = new List<Profile>();
        var names = new List<string>();
        for (var s = 0; s < @case.Seats.Count; s++)
        {
            if (@case.MediatorProfileOf(s) is { } p)
            {
                profiles.Add(p);
                names.Add(@case.Seats[s]);
            }
        }

        if (profiles.Count < 2)
        {
            return null;
        }

        var analysis = OutcomeSpaceAnalyzer.Analyze(new Scenarios.Scenario(@case.Title, @case.Domain, [.. names.Select((n, i) => new Scenarios.Party(n, Scenarios.PartyRole.Party, profiles[i]))]));
        return UtilitySpacePlot.Render(analysis, new UtilitySpacePlotOptions { Title = "Value of every package to each side", PlainWords = true });
    }
}
