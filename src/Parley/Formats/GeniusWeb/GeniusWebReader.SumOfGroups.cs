using System.Globalization;
using System.Text.Json;
using Parley.Domains;
using Parley.Preferences;

namespace Parley.Formats.GeniusWeb;

/// <summary>GeniusWeb's <c>SumOfGroupsUtilitySpace</c>: utility as a sum over disjoint groups of issues.</summary>
/// <remarks>
/// <para>The JSON shape (GeniusWeb's <c>geniusweb.profile.utilityspace</c>):</para>
/// <code>
/// {"SumOfGroupsUtilitySpace": {
///   "domain": {...}, "name": "...", "reservationBid": null | {"issuevalues": {...}},
///   "partUtilities": {
///     "part name": {"partsutils": {
///       "issues": ["issue1", "issue2"],
///       "utilslist": [{"values": ["low", "low"], "util": 0.3}, ...]}}}}}
/// </code>
/// <para>GeniusWeb's rules, which the reader enforces: the parts' issues are disjoint and cover the
/// domain; a combination not listed is worth 0; every <c>util</c> lies in [0, 1]; the parts' largest
/// utilities sum to at most 1. A value is a string for an issue with discrete values and a number for
/// an issue with a number range.</para>
/// <para>In Parley each listed combination is a <see cref="HyperRectangle"/> with a one-level range on
/// each of the part's issues, worth its <c>util</c>: a <see cref="NonlinearProfile"/> with no additive
/// part, no scale and no cap. The sum is the same for every outcome, so nothing is approximated.</para>
/// </remarks>
public static partial class GeniusWebReader
{
    /// <summary>GeniusWeb's nonlinear profile type.</summary>
    public const string SumOfGroupsType = "SumOfGroupsUtilitySpace";

    /// <summary>The most combinations one part may list (a part over more issues is refused, naming it).</summary>
    public const int MaxPartEntries = 1_000_000;

    /// <summary>
    /// Reads a GeniusWeb profile of either kind Parley knows: a <c>LinearAdditiveUtilitySpace</c>
    /// (an <see cref="AdditiveProfile"/>) or a <c>SumOfGroupsUtilitySpace</c> (a <see cref="NonlinearProfile"/>).
    /// </summary>
    /// <exception cref="InputException">The file is missing, too large, not JSON, or not a valid profile (with the JSON path).</exception>
    public static Profile ReadAnyProfile(string path, out Domain domain)
    {
        var parsed = Parse(JsonInput.ReadFile(path), path);
        domain = parsed.Domain.Build();
        return parsed.BuildProfile(domain);
    }

    /// <summary>Reads a GeniusWeb profile of either kind from <paramref name="stream"/>; <paramref name="sourceName"/> names it in messages.</summary>
    /// <exception cref="InputException">The input is too large, not JSON, or not a valid profile.</exception>
    public static Profile ReadAnyProfile(Stream stream, string sourceName, out Domain domain)
    {
        var parsed = Parse(JsonInput.ReadStream(stream, sourceName), sourceName);
        domain = parsed.Domain.Build();
        return parsed.BuildProfile(domain);
    }

    private static ParsedProfile Linear(IParsedProfile parsed) =>
        parsed as ParsedProfile ?? throw new InputException(
            parsed.File,
            "$." + parsed.Type,
            $"this is a {parsed.Type}; a linear additive profile ({LinearAdditiveType}) is needed here");

    private static ParsedGroups ParseGroups(JsonInput input, string file, JsonElement body)
    {
        var path = "$." + SumOfGroupsType;
        var f = input.Fields(body, path, "the profile", "domain", "name", "partUtilities", "reservationBid");
        var domain = ParseDomain(input, input.Required(f, path, "domain", "the profile"), path + ".domain");
        var name = JsonInput.TryGet(f, "name", out var n) ? input.String(n, path + ".name", "the profile's name") : Path.GetFileNameWithoutExtension(file);

        var pp = path + ".partUtilities";
        var owner = new string?[domain.Issues.Count];
        var parts = new List<ParsedPart>();
        foreach (var (partName, value) in input.Members(input.Required(f, path, "partUtilities", "the profile"), pp, "the part utilities"))
        {
            var partPath = JsonInput.Prop(pp, partName);
            var members = input.Members(value, partPath, $"part '{partName}'");
            if (members.Count != 1 || members[0].Key != "partsutils")
            {
                throw input.Error(partPath, $"part '{partName}' must be {{\"partsutils\": {{\"issues\": [...], \"utilslist\": [...]}}}}");
            }

            var bp = JsonInput.Prop(partPath, "partsutils");
            var bf = input.Fields(members[0].Value, bp, "a part", "issues", "utilslist");
            var issues = new List<int>();
            var ip = bp + ".issues";
            var k = 0;
            foreach (var e in input.Array(input.Required(bf, bp, "issues", "a part"), ip, $"the issues of part '{partName}'").EnumerateArray())
            {
                var at = JsonInput.Item(ip, k++);
                var issueName = input.String(e, at, "an issue name");
                var i = domain.IndexOf(issueName);
                if (i < 0)
                {
                    throw input.Error(at, $"unknown issue '{issueName}' (the domain's issues: {string.Join(", ", domain.Issues.Select(x => x.Name))})");
                }

                if (owner[i] is { } other)
                {
                    throw input.Error(at, other == partName
                        ? $"issue '{issueName}' is named twice in part '{partName}'"
                        : $"issue '{issueName}' is in part '{other}' already; GeniusWeb's parts do not overlap");
                }

                owner[i] = partName;
                issues.Add(i);
            }

            var size = 1L;
            foreach (var i in issues)
            {
                size *= domain.Issues[i].Size;
                if (size > MaxPartEntries)
                {
                    throw input.Error(ip, string.Create(CultureInfo.InvariantCulture, $"part '{partName}' spans more than {MaxPartEntries:N0} combinations of values, the most Parley reads in one part"));
                }
            }

            var entries = new List<(int[] Levels, double Util)>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var max = 0.0;
            var lp = bp + ".utilslist";
            k = 0;
            foreach (var e in input.Array(input.Required(bf, bp, "utilslist", "a part"), lp, $"the utilities of part '{partName}'", allowEmpty: true).EnumerateArray())
            {
                var at = JsonInput.Item(lp, k++);
                var ef = input.Fields(e, at, "a part utility", "values", "util");
                var vp = at + ".values";
                var values = input.Array(input.Required(ef, at, "values", "a part utility"), vp, "the values");
                if (values.GetArrayLength() != issues.Count)
                {
                    throw input.Error(vp, $"{values.GetArrayLength()} value(s) given; part '{partName}' has {issues.Count} issue(s) ({string.Join(", ", issues.Select(i => domain.Issues[i].Name))})");
                }

                var levels = new int[issues.Count];
                var v = 0;
                foreach (var x in values.EnumerateArray())
                {
                    levels[v] = domain.Issues[issues[v]].LevelOf(input, x, JsonInput.Item(vp, v));
                    v++;
                }

                if (!seen.Add(string.Join(',', levels)))
                {
                    throw input.Error(vp, $"this combination of values is given twice in part '{partName}'");
                }

                var util = Utility(input, input.Required(ef, at, "util", "a part utility"), at + ".util");
                max = Math.Max(max, util);
                entries.Add((levels, util));
            }

            parts.Add(new ParsedPart(partName, issues.ToArray(), entries, max));
        }

        for (var i = 0; i < owner.Length; i++)
        {
            if (owner[i] is null)
            {
                throw input.Error(pp, $"no part holds issue '{domain.Issues[i].Name}'; GeniusWeb's parts cover every issue of the domain");
            }
        }

        var total = parts.Sum(p => p.Max);
        if (total > 1 + 1e-9)
        {
            throw input.Error(pp, string.Create(CultureInfo.InvariantCulture, $"the parts' largest utilities sum to {total:R}; GeniusWeb requires at most 1"));
        }

        var bid = ReadReservationBid(input, f, path, domain, nullMeansNone: true);

        return new ParsedGroups(input, file, name, domain, parts, bid);
    }

    /// <summary>What the readers of both profile kinds give before the domain is built.</summary>
    private interface IParsedProfile
    {
        string File { get; }

        string Type { get; }

        GwDomain Domain { get; }

        Profile BuildProfile(Domain domain);
    }

    /// <summary>One part: its issues (indices into the parsed domain) and its listed combinations (levels of those issues).</summary>
    private sealed record ParsedPart(string Name, int[] Issues, List<(int[] Levels, double Util)> Entries, double Max);

    private sealed record ParsedGroups(
        JsonInput Input,
        string File,
        string Name,
        GwDomain Domain,
        List<ParsedPart> Parts,
        Dictionary<string, (JsonElement Value, string Path)>? ReservationBid) : IParsedProfile
    {
        public string Type => SumOfGroupsType;

        /// <summary>The profile over <paramref name="domain"/>, which has the same issues, possibly in another order.</summary>
        public Profile BuildProfile(Domain domain)
        {
            // Levels were read against the parsed issue; the built issue holds the same values, possibly in another order.
            var map = new int[Domain.Issues.Count][];
            var index = new int[Domain.Issues.Count];
            var own = Domain.Build();
            for (var k = 0; k < Domain.Issues.Count; k++)
            {
                index[k] = domain.IndexOf(Domain.Issues[k].Name);
                var source = own.Issues[k];
                var target = domain.Issues[index[k]];
                map[k] = new int[source.Cardinality];
                for (var l = 0; l < source.Cardinality; l++)
                {
                    map[k][l] = target.TryParseLevel(source.FormatLevel(l), out var t)
                        ? t
                        : throw new InvalidOperationException($"Value '{source.FormatLevel(l)}' of issue '{source.Name}' is missing from the domain it was matched with.");
                }
            }

            var rects = new List<HyperRectangle>();
            foreach (var part in Parts)
            {
                foreach (var (levels, util) in part.Entries)
                {
                    if (util == 0)
                    {
                        continue;
                    }

                    var ranges = new IssueRange[levels.Length];
                    for (var v = 0; v < levels.Length; v++)
                    {
                        var k = part.Issues[v];
                        var l = map[k][levels[v]];
                        ranges[v] = new IssueRange(index[k], l, l);
                    }

                    rects.Add(new HyperRectangle(ranges, util));
                }
            }

            var profile = new NonlinearProfile(domain, null, rects);
            if (ReservationBid is null)
            {
                return profile;
            }

            // A bid that leaves an issue out gets 0 from every part over that issue, as in GeniusWeb.
            var reservation = 0.0;
            var bid = new int[domain.IssueCount];
            var given = new bool[domain.IssueCount];
            for (var i = 0; i < domain.IssueCount; i++)
            {
                if (ReservationBid.TryGetValue(domain.Issues[i].Name, out var entry))
                {
                    var k = Domain.IndexOf(domain.Issues[i].Name);
                    bid[i] = map[k][Domain.Issues[k].LevelOf(Input, entry.Value, entry.Path)];
                    given[i] = true;
                }
            }

            foreach (var part in Parts)
            {
                if (!part.Issues.All(k => given[index[k]]))
                {
                    continue;
                }

                foreach (var (levels, util) in part.Entries)
                {
                    var match = true;
                    for (var v = 0; v < levels.Length && match; v++)
                    {
                        var k = part.Issues[v];
                        match = bid[index[k]] == map[k][levels[v]];
                    }

                    if (match)
                    {
                        reservation += util;
                        break;
                    }
                }
            }

            return profile.WithReservationValue(reservation);
        }
    }
}
