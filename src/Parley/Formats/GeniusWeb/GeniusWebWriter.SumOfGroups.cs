using System.Globalization;
using System.Text.Json;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Formats.GeniusWeb;

/// <summary>Writing a <see cref="NonlinearProfile"/> as GeniusWeb's <c>SumOfGroupsUtilitySpace</c>.</summary>
/// <remarks>
/// <para>GeniusWeb's parts are disjoint groups of issues, each with a table of utilities over every
/// combination of its issues' values; Parley's constraints may overlap. The conversion:</para>
/// <list type="number">
/// <item>Groups are the connected components of the issues under the constraints: two issues are in one
/// group when some constraint reads both (an issue no constraint reads is a group of its own). Every
/// constraint then lies inside one group, so the utility is exactly a sum over the groups.</item>
/// <item>Each group's table is enumerated: the additive part of its issues plus its constraints, divided
/// by the profile's scale; a constraint over no issue is a constant. A group spanning more than
/// <see cref="MaxGroupEntries"/> combinations is refused, naming its issues.</item>
/// <item>GENIUS's cap at 1 is not a sum: when the groups' largest values can add up above 1 the cap
/// binds, and the whole space becomes one group (refused above <see cref="MaxGroupEntries"/> outcomes).</item>
/// <item>GeniusWeb needs every entry in [0, 1] and the groups' maxima to sum to at most 1. Each group is
/// shifted to a minimum of 0 and the sum of the minima is added to the first group, which changes no
/// outcome's utility. When the utilities themselves leave [0, 1] they are rescaled by a positive
/// affine map, as for linear profiles, with a note.</item>
/// </list>
/// <para>Entries worth exactly 0 are left out (GeniusWeb reads a missing combination as 0).</para>
/// </remarks>
public static partial class GeniusWebWriter
{
    /// <summary>The most combinations one group may span (and the most outcomes when the cap merges every issue into one group).</summary>
    public const long MaxGroupEntries = 250_000;

    /// <summary>
    /// Writes an additive profile as a <c>LinearAdditiveUtilitySpace</c> and a nonlinear one as a
    /// <c>SumOfGroupsUtilitySpace</c> (see the remarks on this class), adding to <paramref name="notes"/>
    /// a line for everything GeniusWeb cannot hold.
    /// </summary>
    /// <exception cref="InputException">The nonlinear profile cannot be written exactly within <see cref="MaxGroupEntries"/> combinations per group.</exception>
    /// <exception cref="NotSupportedException">The profile is of another kind.</exception>
    public static void WriteAnyProfile(Profile profile, string partyName, string path, ICollection<string> notes)
    {
        switch (profile)
        {
            case AdditiveProfile additive:
                WriteProfile(additive, partyName, path, notes);
                break;
            case NonlinearProfile { Constraints.Count: 0, Additive: { } additive, Scale: 1, CapsAtOne: false } plain:
                WriteProfile((AdditiveProfile)additive.WithReservationValue(plain.ReservationValue), partyName, path, notes);
                break;
            case NonlinearProfile nonlinear:
                OutputFiles.Write(path, SumOfGroupsJson(nonlinear, partyName, notes));
                break;
            default:
                throw new NotSupportedException($"A {profile.GetType().Name} has no GeniusWeb form.");
        }
    }

    /// <summary>The groups of issues a profile's utility is a sum over: connected components of the issues under its constraints, each sorted, ordered by first issue.</summary>
    public static IReadOnlyList<int[]> Groups(NonlinearProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var n = profile.Domain.IssueCount;
        var parent = Enumerable.Range(0, n).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var c in profile.Constraints)
        {
            for (var r = 1; r < c.Ranges.Count; r++)
            {
                var a = Find(c.Ranges[0].Issue);
                var b = Find(c.Ranges[r].Issue);
                if (a != b)
                {
                    parent[Math.Max(a, b)] = Math.Min(a, b);
                }
            }
        }

        return Enumerable.Range(0, n).GroupBy(Find).Select(g => g.Order().ToArray()).OrderBy(g => g[0]).ToList();
    }

    private static byte[] SumOfGroupsJson(NonlinearProfile profile, string partyName, ICollection<string> notes)
    {
        var domain = profile.Domain;
        var groups = Groups(profile);
        foreach (var g in groups)
        {
            if (Combinations(domain, g) > MaxGroupEntries)
            {
                throw new InputException(string.Empty, $"party '{partyName}'", string.Create(CultureInfo.InvariantCulture,
                    $"the constraints tie issues {string.Join(", ", g.Select(i => domain.Issues[i].Name))} into one group of {Product(domain, g)} combinations; a GeniusWeb SumOfGroupsUtilitySpace lists every combination of a group, and Parley writes at most {MaxGroupEntries:N0}"));
            }
        }

        var (tables, constant) = GroupTables(profile, groups);
        var capBinds = profile.CapsAtOne && (constant + tables.Sum(t => t.Max())) * (1 / profile.Scale) > 1 + RoundingSlack;
        if (capBinds)
        {
            var all = Enumerable.Range(0, domain.IssueCount).ToArray();
            if (Combinations(domain, all) > MaxGroupEntries)
            {
                throw new InputException(string.Empty, $"party '{partyName}'", string.Create(CultureInfo.InvariantCulture,
                    $"utilities are capped at 1 (GENIUS's maxutility) and the cap can bind, so the utility is not a sum over groups; as one group the {domain.OutcomeCount} outcomes exceed the {MaxGroupEntries:N0} Parley writes"));
            }

            notes.Add("utilities are capped at 1 and the cap can bind: every issue is written as one group.");
            groups = [all];
            tables = [Table(domain, all, profile.Utility)];
            constant = 0;
        }
        else
        {
            for (var g = 0; g < tables.Length; g++)
            {
                for (var e = 0; e < tables[g].Length; e++)
                {
                    tables[g][e] /= profile.Scale;
                }
            }

            constant /= profile.Scale;
        }

        var mins = tables.Select(t => t.Min()).ToArray();
        var lo = constant + mins.Sum();
        var hi = constant + tables.Sum(t => t.Max());
        // Within [0, 1] the utilities are kept as they are; outside, a positive affine map brings them in.
        var flat = false;
        var rescaled = false;
        var span = 1.0;
        if (lo < -RoundingSlack || hi > 1 + RoundingSlack)
        {
            if (hi - lo > 0)
            {
                rescaled = true;
                span = hi - lo;
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"utilities are rescaled to fit GeniusWeb (utilities in [0, 1]): GeniusWeb utility = (Parley utility - {lo:R}) / {span:R}; the preferences are the same."));
            }
            else
            {
                flat = true;
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"every outcome is worth {lo:R}, outside GeniusWeb's [0, 1]; written with all utilities 0 (the same indifference)."));
            }
        }

        var keep = rescaled || flat ? 0 : Math.Max(0, lo);
        for (var g = 0; g < tables.Length; g++)
        {
            for (var e = 0; e < tables[g].Length; e++)
            {
                var v = flat ? 0 : ((tables[g][e] - mins[g]) / span) + (g == 0 ? keep : 0);
                tables[g][e] = Math.Clamp(v, 0, 1);
            }
        }

        if (profile.IsDiscounted)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the discount factor {profile.DiscountFactor:R} is not written: GeniusWeb profiles have none."));
        }

        if (!profile.RedLines.IsEmpty)
        {
            notes.Add($"{profile.RedLines.Lines.Count} red line(s) not written: GeniusWeb profiles cannot hold red lines ({string.Join("; ", profile.RedLines.Lines.Select(l => l.Describe(domain)))}).");
        }

        var encodings = Encode(domain);
        var gwName = SimpleName(partyName);
        if (gwName != partyName)
        {
            notes.Add($"the profile is named '{gwName}' inside the file: GeniusWeb names are letters and digits only.");
        }

        double Written(double u) => flat ? 0 : rescaled ? (u - lo) / span : u;
        var bid = GroupsReservationBid(profile, Written, Written(profile.ReservationValue), notes);

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteStartObject(GeniusWebReader.SumOfGroupsType);
            w.WritePropertyName("domain");
            WriteDomain(w, domain, encodings);
            w.WriteString("name", gwName);
            w.WriteStartObject("partUtilities");
            var levels = new int[domain.IssueCount];
            for (var g = 0; g < groups.Count; g++)
            {
                var issues = groups[g];
                w.WriteStartObject(PartName(domain, issues));
                w.WriteStartObject("partsutils");
                w.WriteStartArray("issues");
                foreach (var i in issues)
                {
                    w.WriteStringValue(domain.Issues[i].Name);
                }

                w.WriteEndArray();
                w.WriteStartArray("utilslist");
                Array.Clear(levels);
                var e = 0;
                do
                {
                    var util = tables[g][e++];
                    if (util != 0)
                    {
                        w.WriteStartObject();
                        w.WriteStartArray("values");
                        foreach (var i in issues)
                        {
                            WriteValue(w, domain.Issues[i], encodings[i], levels[i]);
                        }

                        w.WriteEndArray();
                        WriteDouble(w, "util", util);
                        w.WriteEndObject();
                    }
                }
                while (domain.Advance(levels, issues));

                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            if (bid is null)
            {
                w.WriteNull("reservationBid");
            }
            else
            {
                w.WriteStartObject("reservationBid");
                w.WriteStartObject("issuevalues");
                for (var i = 0; i < domain.IssueCount; i++)
                {
                    w.WritePropertyName(domain.Issues[i].Name);
                    WriteValue(w, domain.Issues[i], encodings[i], bid[i]);
                }

                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>Each group's raw table (additive part of its issues plus its constraints, unscaled) in odometer order, and the constant of the constraints over no issue.</summary>
    private static (double[][] Tables, double Constant) GroupTables(NonlinearProfile profile, IReadOnlyList<int[]> groups)
    {
        var domain = profile.Domain;
        var groupOf = new int[domain.IssueCount];
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var i in groups[g])
            {
                groupOf[i] = g;
            }
        }

        var constant = 0.0;
        var byGroup = groups.Select(_ => new List<HyperRectangle>()).ToArray();
        foreach (var c in profile.Constraints)
        {
            if (c.Ranges.Count == 0)
            {
                constant += c.Value;
            }
            else
            {
                byGroup[groupOf[c.Ranges[0].Issue]].Add(c);
            }
        }

        var tables = new double[groups.Count][];
        for (var g = 0; g < groups.Count; g++)
        {
            var constraints = byGroup[g];
            var issues = groups[g];
            tables[g] = Table(domain, issues, levels =>
            {
                var sum = 0.0;
                if (profile.Additive is { } a)
                {
                    foreach (var i in issues)
                    {
                        sum += a.LevelUtility(i, levels[i]);
                    }
                }

                foreach (var c in constraints)
                {
                    sum += c.Evaluate(levels);
                }

                return sum;
            });
        }

        return (tables, constant);
    }

    private delegate double LevelsFunction(ReadOnlySpan<int> levels);

    private static double[] Table(Domain domain, int[] issues, LevelsFunction f)
    {
        var table = new double[Combinations(domain, issues)];
        var levels = new int[domain.IssueCount];
        var e = 0;
        do
        {
            table[e++] = f(levels);
        }
        while (domain.Advance(levels, issues));
        return table;
    }

    private static long Combinations(Domain domain, int[] issues)
    {
        var size = 1L;
        foreach (var i in issues)
        {
            size *= domain.Issues[i].Cardinality;
            if (size > MaxGroupEntries)
            {
                return long.MaxValue;
            }
        }

        return size;
    }

    private static System.Numerics.BigInteger Product(Domain domain, int[] issues) =>
        issues.Aggregate(System.Numerics.BigInteger.One, (p, i) => p * domain.Issues[i].Cardinality);

    private static string PartName(Domain domain, int[] issues) =>
        issues.Length == 1 ? domain.Issues[issues[0]].Name : string.Join("+", issues.Select(i => domain.Issues[i].Name));

    private static void WriteValue(Utf8JsonWriter w, Issue issue, IssueEncoding encoding, int level)
    {
        if (encoding.Range is { } range)
        {
            w.WriteRawValue(Normalize(range.ValueAt(level)).ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            w.WriteStringValue(issue.FormatLevel(level));
        }
    }

    /// <summary>The outcome whose written utility is the smallest at or above <paramref name="target"/>, or null when the target is 0 or less.</summary>
    private static int[]? GroupsReservationBid(NonlinearProfile profile, Func<double, double> written, double target, ICollection<string> notes)
    {
        var domain = profile.Domain;
        if (target <= RoundingSlack)
        {
            if (target < -RoundingSlack)
            {
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"the reservation value {profile.ReservationValue:R} is below every utility; written as no reservation bid (reservation value 0)."));
            }

            return null;
        }

        if (domain.LongOutcomeCount < 0 || domain.LongOutcomeCount > ReservationSearchLimit)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the reservation value {profile.ReservationValue:R} is not written: the outcome space ({domain.OutcomeCount} outcomes) is too large to search for a reservation bid."));
            return null;
        }

        return SearchReservationBid(domain, profile.ReservationValue, target, levels => written(profile.Utility(levels)), notes);
    }
}
