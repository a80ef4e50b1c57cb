using Parley.Domains;
using Parley.Scenarios;

namespace Parley.Tests.Formats;

/// <summary>Compares two scenarios outcome by outcome.</summary>
internal static class ScenarioAssert
{
    /// <summary>Every negotiator's utility of every outcome agrees to <paramref name="tolerance"/>; acceptance and red lines agree exactly.</summary>
    public static void SamePreferences(Scenario expected, Scenario actual, double tolerance = 0, bool compareReservation = true, bool compareRedLines = true)
    {
        SameDomainShape(expected.Domain, actual.Domain);
        var e = expected.Negotiators;
        var a = actual.Negotiators;
        a.Count.ShouldBe(e.Count);
        for (var p = 0; p < e.Count; p++)
        {
            a[p].Name.ShouldBe(e[p].Name);
            var ep = e[p].Profile!;
            var ap = a[p].Profile!;
            if (compareReservation)
            {
                ap.ReservationValue.ShouldBe(ep.ReservationValue, tolerance);
            }

            var levels = new int[expected.Domain.IssueCount];
            do
            {
                var ue = ep.Utility(levels);
                var ua = ap.Utility(levels);
                if (tolerance == 0)
                {
                    ua.ShouldBe(ue, $"party {e[p].Name}, outcome [{string.Join(", ", levels)}]");
                }
                else
                {
                    Math.Abs(ua - ue).ShouldBeLessThanOrEqualTo(tolerance, $"party {e[p].Name}, outcome [{string.Join(", ", levels)}]");
                }

                if (compareRedLines)
                {
                    ap.CrossesRedLine(levels).ShouldBe(ep.CrossesRedLine(levels));
                }
            }
            while (expected.Domain.Advance(levels));
        }
    }

    /// <summary>Everything the Parley format holds is equal.</summary>
    public static void SameScenario(Scenario expected, Scenario actual)
    {
        actual.Name.ShouldBe(expected.Name);
        actual.Domain.Name.ShouldBe(expected.Domain.Name);
        actual.Domain.Description.ShouldBe(expected.Domain.Description);
        SamePreferences(expected, actual);
        for (var i = 0; i < expected.Domain.IssueCount; i++)
        {
            var ei = expected.Domain.Issues[i];
            var ai = actual.Domain.Issues[i];
            ai.Description.ShouldBe(ei.Description);
            if (ei is CategoricalIssue ec)
            {
                ((CategoricalIssue)ai).Options.ShouldBe(ec.Options);
            }

            if (ei is NumericIssue en)
            {
                ((NumericIssue)ai).ClauseTemplate.ShouldBe(en.ClauseTemplate);
            }
        }

        actual.Parties.Count.ShouldBe(expected.Parties.Count);
        for (var p = 0; p < expected.Parties.Count; p++)
        {
            var ep = expected.Parties[p];
            var ap = actual.Parties[p];
            ap.Name.ShouldBe(ep.Name);
            ap.Role.ShouldBe(ep.Role);
            ap.Description.ShouldBe(ep.Description);
            (ap.Profile is null).ShouldBe(ep.Profile is null);
            if (ep.Profile is { } profile)
            {
                ap.Profile!.ReservationValue.ShouldBe(profile.ReservationValue);
                ap.Profile.DiscountFactor.ShouldBe(profile.DiscountFactor);
                ap.Profile.RedLines.Lines.Select(l => l.Describe(actual.Domain) + " | " + l.Reason)
                    .ShouldBe(profile.RedLines.Lines.Select(l => l.Describe(expected.Domain) + " | " + l.Reason));
            }

            ap.Assumptions.Count.ShouldBe(ep.Assumptions.Count);
            for (var k = 0; k < ep.Assumptions.Count; k++)
            {
                ap.Assumptions[k].About.ShouldBe(ep.Assumptions[k].About);
                ap.Assumptions[k].Text.ShouldBe(ep.Assumptions[k].Text);
                (ap.Assumptions[k].Sources ?? []).ShouldBe(ep.Assumptions[k].Sources ?? []);
            }
        }

        actual.Metadata.Title.ShouldBe(expected.Metadata.Title);
        actual.Metadata.Description.ShouldBe(expected.Metadata.Description);
        actual.Metadata.Date.ShouldBe(expected.Metadata.Date);
        actual.Metadata.Location.ShouldBe(expected.Metadata.Location);
        actual.Metadata.Notes.ShouldBe(expected.Metadata.Notes);
        (actual.Metadata.Sources ?? []).ShouldBe(expected.Metadata.Sources ?? []);
        actual.Deadline.ShouldBe(expected.Deadline);
    }

    private static void SameDomainShape(Domain expected, Domain actual)
    {
        actual.IssueCount.ShouldBe(expected.IssueCount);
        for (var i = 0; i < expected.IssueCount; i++)
        {
            actual.Issues[i].Name.ShouldBe(expected.Issues[i].Name);
            actual.Issues[i].Cardinality.ShouldBe(expected.Issues[i].Cardinality);
        }
    }
}
