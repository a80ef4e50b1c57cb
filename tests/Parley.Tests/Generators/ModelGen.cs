using CsCheck;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Tests.Generators;

/// <summary>CsCheck generators of random domains, additive profiles and scenarios for property tests.</summary>
internal static class ModelGen
{
    /// <summary>A random issue named <paramref name="name"/>: categorical (1-6 options), integer (with step) or real.</summary>
    public static Gen<Issue> Issue(string name, bool allowReal = true) =>
        Gen.Int[0, allowReal ? 2 : 1].SelectMany(kind => kind switch
        {
            0 => Gen.Int[1, 6].Select(n => (Issue)new CategoricalIssue(name, Enumerable.Range(0, n).Select(i => new IssueOption($"{name}-opt{i}", i % 2 == 0 ? $"option {i} of {name}" : null)))),
            1 => Gen.Select(Gen.Int[-20, 20], Gen.Int[0, 6], Gen.Int[1, 3], (lo, span, step) => (Issue)new IntegerIssue(name, lo, lo + (span * step), step)),
            _ => Gen.Select(Gen.Int[-10, 10], Gen.Int[1, 50], Gen.Int[2, 6], (lo, width, levels) => (Issue)new RealIssue(name, lo, lo + (width / 4.0), levels)),
        });

    /// <summary>A random domain of 1..<paramref name="maxIssues"/> issues.</summary>
    public static Gen<Domain> Domain(int maxIssues = 5, bool allowReal = true) =>
        Gen.Int[1, maxIssues].SelectMany(n =>
            Enumerable.Range(0, n).Select(i => Issue($"issue{i}", allowReal)).ToArray() is var gens
                ? Sequence(gens).Select(issues => new Domain("generated", issues))
                : throw new InvalidOperationException());

    /// <summary>A value function for <paramref name="issue"/>: a table for categorical issues, linear for numeric ones.</summary>
    public static Gen<ValueFunction> ValueFunction(Issue issue) => issue switch
    {
        CategoricalIssue c => Gen.Double[0, 1].Array[c.Cardinality].Select(v => (ValueFunction)new TableValueFunction(v)),
        NumericIssue n => Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], (a, b) => (ValueFunction)LinearValueFunction.Through(n.Min, a, n.Max == n.Min ? n.Min + 1 : n.Max, b)),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>A random additive profile over <paramref name="domain"/>, optionally with a reservation value and red lines.</summary>
    public static Gen<AdditiveProfile> Profile(Domain domain, bool withRedLines = false, bool discounted = false) =>
        Gen.Select(
            Gen.Double[0.01, 1].Array[domain.IssueCount],
            Sequence(domain.Issues.Select(ValueFunction).ToArray()),
            Gen.Double[0, 0.6],
            discounted ? Gen.Double[0.3, 1] : Gen.Const(1.0),
            withRedLines ? RedLines(domain) : Gen.Const(Array.Empty<RedLine>()),
            (raw, functions, reservation, discount, lines) =>
            {
                var total = raw.Sum();
                return new AdditiveProfile(domain, raw.Select(w => w / total), functions, reservation, discount, lines);
            });

    /// <summary>0-2 random red lines: forbidden options and two-issue forbidden combinations.</summary>
    public static Gen<RedLine[]> RedLines(Domain domain) =>
        Gen.Int[0, 2].SelectMany(count => Sequence(Enumerable.Range(0, count).Select(_ => RedLine(domain)).ToArray()));

    private static Gen<RedLine> RedLine(Domain domain) =>
        Gen.Int[0, domain.IssueCount - 1].SelectMany(i =>
            Gen.Int[0, domain.Issues[i].Cardinality - 1].SelectMany(l =>
                Gen.Int[0, domain.IssueCount - 1].SelectMany(j =>
                    Gen.Int[0, domain.Issues[j].Cardinality - 1].Select(m =>
                        i == j
                            ? (RedLine)new ForbiddenOption(i, l, "generated")
                            : new ForbiddenCombination([new RedLineCondition(i, [l]), new RedLineCondition(j, [m])], "generated")))));

    /// <summary>A scenario of <paramref name="parties"/> negotiators over a random domain.</summary>
    public static Gen<Scenario> Scenario(int parties = 2, int maxIssues = 5, bool withRedLines = false, bool allowReal = true) =>
        Domain(maxIssues, allowReal).SelectMany(domain =>
            Sequence(Enumerable.Range(0, parties).Select(_ => Profile(domain, withRedLines)).ToArray())
                .Select(profiles => new Scenario(
                    "generated",
                    domain,
                    profiles.Select((p, i) => new Party($"party{i + 1}", PartyRole.Party, p)))));

    /// <summary>One value from each generator, in order.</summary>
    public static Gen<T[]> Sequence<T>(IReadOnlyList<Gen<T>> gens)
    {
        Gen<List<T>> acc = Gen.Const(0).Select(_ => new List<T>(gens.Count));
        foreach (var g in gens)
        {
            acc = acc.SelectMany(list => g.Select(v =>
            {
                var copy = new List<T>(list) { v };
                return copy;
            }));
        }

        return acc.Select(l => l.ToArray());
    }
}
