using Parley.Scenarios;

namespace Parley.Formats;

/// <summary>The notes a writer for a format without them adds for the status quo, linkage, constituencies, uncertainty ranges and the real outcome it leaves out.</summary>
internal static class TwoLevelNotes
{
    public static void Add(Scenario scenario, List<string> notes, string format)
    {
        if (scenario.StatusQuo is not null)
        {
            notes.Add($"the status quo left out: {format} has no place for it; each party's disagreement value (its utility of the status quo) is written as its reservation value");
        }

        if (scenario.Linkage is { IsEmpty: false } linkage)
        {
            notes.Add($"{linkage.Rules.Count} linkage rule(s) (compatibility, contingent clauses) left out: {format} has no place for them");
        }

        var ratified = scenario.Negotiators.Where(p => p.Ratification is not null).Select(p => p.Name).ToArray();
        if (ratified.Length > 0)
        {
            notes.Add($"the constituencies of {string.Join(", ", ratified)} left out: {format} has no ratification");
        }

        if (scenario.Uncertainty.Count > 0)
        {
            notes.Add($"{scenario.Uncertainty.Count} uncertainty range(s) left out: {format} has no place for them");
        }

        if (scenario.RealOutcome is not null)
        {
            notes.Add($"the real outcome left out: {format} has no place for it");
        }
    }
}
