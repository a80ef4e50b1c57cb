using System.Globalization;
using Parley.Preferences;

namespace Parley.Scenarios;

/// <summary>
/// What a scenario must satisfy before a negotiation is run on it: at least two negotiating
/// parties, and some outcome that crosses nobody's red line. Each failure is an
/// <see cref="InputException"/> saying what is wrong and whose it is.
/// </summary>
public static class NegotiationPreconditions
{
    /// <summary>Checks <paramref name="scenario"/>; <paramref name="source"/> (its file or name) starts the message.</summary>
    /// <exception cref="InputException">Fewer than two negotiating parties, or red lines that leave no outcome.</exception>
    public static void Check(Scenario scenario, string source)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var negotiators = scenario.Negotiators;
        if (negotiators.Count < 2)
        {
            var who = negotiators.Count == 0 ? "none" : $"only {negotiators[0].Name}";
            throw new InputException(source, string.Empty, $"a negotiation needs at least two negotiating parties, and this scenario has {who}; add a party (a profile), or choose two with --profiles");
        }

        foreach (var party in negotiators)
        {
            if (RedLineSet.AnyOutcomeAllowed([party.Profile!.RedLines]) == false)
            {
                throw new InputException(source, string.Empty, $"{party.Name}'s red lines rule out every outcome ({Lines(scenario, party)}); relax one of them");
            }
        }

        var sets = negotiators.Select(p => p.Profile!.RedLines).ToArray();
        if (RedLineSet.AnyOutcomeAllowed(sets) != false)
        {
            return;
        }

        // Name the issue on which single-issue lines leave nothing, when there is one, and the parties whose lines do it.
        var domain = scenario.Domain;
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var any = false;
            for (var l = 0; l < domain.Issues[i].Cardinality && !any; l++)
            {
                any = sets.All(s => s.IsLevelAllowed(i, l));
            }

            if (!any)
            {
                var issue = i;
                var whose = negotiators.Where(p => Enumerable.Range(0, domain.Issues[issue].Cardinality).Any(l => !p.Profile!.RedLines.IsLevelAllowed(issue, l))).ToArray();
                throw new InputException(source, string.Empty, $"the red lines of {Names(whose)} leave no option of issue '{domain.Issues[i].Name}' ({string.Join("; ", whose.Select(p => $"{p.Name}: {Lines(scenario, p, issue)}"))}), so no outcome is possible; relax one of them");
            }
        }

        var bound = negotiators.Where(p => !p.Profile!.RedLines.IsEmpty).ToArray();
        throw new InputException(source, string.Empty, $"the red lines of {Names(bound)} together rule out every outcome; relax one of them (see 'parley analyze')");
    }

    private static string Names(IReadOnlyList<Party> parties) => parties.Count switch
    {
        1 => parties[0].Name,
        2 => $"{parties[0].Name} and {parties[1].Name}",
        _ => string.Join(", ", parties.Take(parties.Count - 1).Select(p => p.Name)) + " and " + parties[^1].Name,
    };

    private static string Lines(Scenario scenario, Party party, int? issue = null)
    {
        var lines = party.Profile!.RedLines.Lines
            .Where(l => issue is null || Concerns(l, issue.Value))
            .Select(l => l.Describe(scenario.Domain))
            .ToArray();
        return lines.Length <= 3
            ? string.Join(", ", lines)
            : string.Join(", ", lines.Take(3)) + string.Create(CultureInfo.InvariantCulture, $" and {lines.Length - 3} more");
    }

    private static bool Concerns(RedLine line, int issue) => line switch
    {
        ForbiddenOption f => f.Issue == issue,
        NumericBound b => b.Issue == issue,
        ForbiddenCombination c => c.Conditions.Count == 1 && c.Conditions[0].Issue == issue,
        _ => false,
    };
}
