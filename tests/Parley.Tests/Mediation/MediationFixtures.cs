using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Mediation;

/// <summary>A small two-party border-talks scenario with opposed territorial issues, a shared coordination issue and combination red lines.</summary>
internal static class MediationFixtures
{
    public static Scenario BorderTalks(double reservation = 0.5)
    {
        var channel = new CategoricalIssue("channel", [
            new IssueOption("none", Clause: "No channel is established."),
            new IssueOption("hotline", Clause: "A hotline links the two commands."),
            new IssueOption("joint-cell", Clause: "A joint cell under mediator supervision is established."),
        ], "Coordination channel");
        var deescalation = new CategoricalIssue("de-escalation", [
            new IssueOption("full-halt"),
            new IssueOption("notified", Clause: "Strikes halt except against imminent threats notified through the channel."),
            new IssueOption("freedom"),
        ], "De-escalation");
        var withdrawal = new CategoricalIssue("withdrawal", [
            new IssueOption("full", Clause: "Forces withdraw to the old lines within 90 days."),
            new IssueOption("phased", Clause: "Forces withdraw in phases within 12 months."),
            new IssueOption("none", Clause: "Forces stay."),
        ], "Withdrawal");
        var zones = new CategoricalIssue("zones", [
            new IssueOption("1974"),
            new IssueOption("extended"),
            new IssueOption("three-zones"),
        ], "Demilitarised zones");
        var domain = new Domain("border-talks", [channel, deescalation, withdrawal, zones]);

        // A: wants withdrawal, little demilitarisation; B: the reverse. Both value the channel.
        var a = new AdditiveProfile(
            domain,
            [0.15, 0.15, 0.4, 0.3],
            [new TableValueFunction([0.0, 0.6, 1.0]), new TableValueFunction([1.0, 0.8, 0.0]), new TableValueFunction([1.0, 0.45, 0.0]), new TableValueFunction([1.0, 0.6, 0.0])],
            reservation,
            redLines: [new ForbiddenCombination([new RedLineCondition(3, [1, 2]), new RedLineCondition(2, [2])], "no zones without withdrawal")]);
        var b = new AdditiveProfile(
            domain,
            [0.15, 0.15, 0.35, 0.35],
            [new TableValueFunction([0.0, 0.6, 1.0]), new TableValueFunction([0.0, 0.8, 1.0]), new TableValueFunction([0.0, 0.6, 1.0]), new TableValueFunction([0.0, 0.45, 1.0])],
            reservation,
            redLines: [new ForbiddenCombination([new RedLineCondition(2, [0, 1]), new RedLineCondition(3, [0])], "no withdrawal without a new zone")]);
        return new Scenario("border-talks", domain, [
            new Party("Mediator", PartyRole.Mediator, null),
            new Party("A", PartyRole.Party, a),
            new Party("B", PartyRole.Party, b),
        ]);
    }

    /// <summary>Every complete outcome of a small domain.</summary>
    public static IEnumerable<Outcome> All(Domain domain) => domain.EnumerateOutcomes();
}
