using Parley.Domains;
using Parley.Mediation;
using Parley.Scenarios;

namespace Parley.Workbench;

/// <summary>The analysis views of a case for its mediator: gaps, zones of agreement, the suggested next draft (Mediation/GapAnalysis).</summary>
public static class CaseAnalysis
{
    /// <summary>Analyses <paramref name="case"/> with the profiles its mediator may see (never a declaration a delegation kept to itself).</summary>
    public static MediatorAnalysis ForMediator(MediationCase @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        var used = new List<Party>();
        var missing = new List<string>();
        for (var s = 0; s < @case.Seats.Count; s++)
        {
            if (@case.MediatorProfileOf(s) is { } profile)
            {
                used.Add(new Party(@case.Seats[s], PartyRole.Party, profile));
            }
            else
            {
                missing.Add(@case.Seats[s]);
            }
        }

        if (used.Count < 2)
        {
            return new MediatorAnalysis([.. used.Select(p => p.Name)], missing, [], null, null, [], "the mediator knows fewer than two profiles: nothing to analyse");
        }

        var scenario = new Scenario(@case.Title, @case.Domain, used);
        var gaps = GapAnalysis.Analyse(scenario, PartialOutcome.AllOpen(@case.Domain.IssueCount), new Random(0));
        var issues = new List<IssueAnalysis>();
        for (var i = 0; i < @case.Domain.IssueCount; i++)
        {
            var issue = @case.Domain.Issues[i];
            var preferred = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in used)
            {
                var position = GapAnalysis.Position(p.Name, p.Profile!, PartialOutcome.AllOpen(@case.Domain.IssueCount), i);
                preferred[p.Name] = issue.FormatLevel(position.Level);
            }

            issues.Add(new IssueAnalysis(issue.Name, preferred, [.. gaps.ZonesOfAgreement[i].Select(issue.FormatLevel)]));
        }

        var profiles = used.Select(p => p.Profile!).ToArray();
        var guard = new RedLineGuard(@case.Domain, profiles);
        var floors = profiles.Select(p => p.ReservationValue).ToArray();
        var candidates = new List<CandidatePackage>();
        foreach (var (objective, name) in new[] { (PackageObjective.NashProduct, "nash-product"), (PackageObjective.Maximin, "maximin"), (PackageObjective.SumOfGains, "sum-of-gains") })
        {
            if (PackageSearch.Best(profiles, guard, PartialOutcome.AllOpen(@case.Domain.IssueCount), floors, objective, new Random(0)) is { } found)
            {
                candidates.Add(new CandidatePackage(name, @case.TextOf(found.Outcome), used.ToDictionary(p => p.Name, p => p.Profile!.Utility(found.Outcome), StringComparer.Ordinal)));
            }
        }

        return new MediatorAnalysis(
            [.. used.Select(p => p.Name)],
            missing,
            issues,
            gaps.ClosingPackage is { } closing ? @case.TextOf(closing) : null,
            gaps.NashPackage is { } nash ? @case.TextOf(nash) : null,
            candidates,
            missing.Count > 0 ? $"without the profiles of {string.Join(", ", missing)}" : null);
    }
}
