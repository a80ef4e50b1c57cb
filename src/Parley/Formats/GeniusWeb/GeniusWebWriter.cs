using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Parley.Domains;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Formats.GeniusWeb;

/// <summary>
/// Writes additive profiles as GeniusWeb <c>LinearAdditiveUtilitySpace</c> JSON, which
/// <see cref="GeniusWebReader"/> (and GeniusWeb) read back.
/// </summary>
/// <remarks>
/// <para>GeniusWeb needs weights that sum to exactly 1 and utilities in [0, 1]. When a profile
/// has neither, it is rescaled by a positive affine map (the same preferences: every comparison,
/// and the reservation value, keeps its place) and a note says so. The weights are written as
/// decimals whose sum is exactly 1.</para>
/// <para>An integer or real issue is written as a number range when its values are linear in the
/// number (GeniusWeb's <c>NumberValueSetUtilities</c> interpolates linearly between two points);
/// otherwise as discrete values named by their numbers, which keeps every utility exact.</para>
/// <para>GeniusWeb has no reservation value, only a reservation bid: the writer picks the outcome
/// whose utility is the smallest at or above the reservation value (searching spaces of up to
/// 4,000,000 outcomes). A reservation value of 0 or less is written as no reservation bid.</para>
/// <para>Red lines, discount factors, mediators, observers, descriptions, clauses and metadata have
/// no place in GeniusWeb: <see cref="WriteScenario"/> returns a note for each thing left out.</para>
/// </remarks>
public static partial class GeniusWebWriter
{
    /// <summary>How far outside [0, 1] a value may stray by floating-point rounding before the profile is rescaled.</summary>
    private const double RoundingSlack = 1e-12;

    /// <summary>The largest outcome space searched for a reservation bid.</summary>
    public const long ReservationSearchLimit = 4_000_000;

    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="profile"/> as a GeniusWeb profile named after <paramref name="partyName"/> to <paramref name="path"/>.</summary>
    /// <remarks>What GeniusWeb cannot hold (red lines, discounting) is left out silently; use the overload with notes, or <see cref="WriteScenario"/>, to learn what.</remarks>
    public static void WriteProfile(AdditiveProfile profile, string partyName, string path) =>
        WriteProfile(profile, partyName, path, new List<string>());

    /// <summary>Writes <paramref name="profile"/> as a GeniusWeb profile, adding to <paramref name="notes"/> a line for everything GeniusWeb cannot hold.</summary>
    public static void WriteProfile(AdditiveProfile profile, string partyName, string path, ICollection<string> notes)
    {
        OutputFiles.Write(path, ProfileJson(profile, partyName, notes));
    }

    /// <summary>
    /// Writes every negotiator of <paramref name="scenario"/> to <paramref name="folder"/> (created if
    /// needed) as <c>&lt;party name&gt;.json</c>, plus the domain as <c>&lt;domain name&gt;.json</c>.
    /// </summary>
    /// <returns>Notes, one a line, of what GeniusWeb cannot hold and what was changed to fit it.</returns>
    public static IReadOnlyList<string> WriteScenario(Scenario scenario, string folder)
    {
        var notes = new List<string>();
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var written = new List<string>();
        foreach (var party in scenario.Parties)
        {
            if (party.Role != PartyRole.Party)
            {
                notes.Add($"{party.Role.ToString().ToLowerInvariant()} '{party.Name}' is not written: GeniusWeb profiles are for negotiating parties only.");
                continue;
            }

            if (party.Profile is not AdditiveProfile and not NonlinearProfile)
            {
                notes.Add($"party '{party.Name}' is not written: GeniusWeb holds additive profiles and sums over groups of issues only.");
                continue;
            }

            var fileName = OutputFiles.SafeFileName(party.Name, "party");
            if (fileName != party.Name)
            {
                notes.Add($"party '{party.Name}' is written as '{fileName}.json' (a file name cannot hold every character).");
            }

            if (!used.Add(fileName))
            {
                throw new InputException(folder, $"party '{party.Name}'", $"two parties would be written to the same file '{fileName}.json'");
            }

            var partyNotes = new List<string>();
            WriteAnyProfile(party.Profile, party.Name, Path.Combine(folder, fileName + ".json"), partyNotes);
            notes.AddRange(partyNotes.Select(n => $"party '{party.Name}': {n}"));
            written.Add(fileName);
        }

        if (written.Count > 1 && !written.SequenceEqual(written.OrderBy(x => x, StringComparer.Ordinal)))
        {
            notes.Add("GeniusWeb folders are read in file-name order, so the parties will come back as: " + string.Join(", ", written.OrderBy(x => x, StringComparer.Ordinal)) + ".");
        }

        var domainFile = OutputFiles.SafeFileName(scenario.Domain.Name, "domain");
        if (used.Contains(domainFile))
        {
            notes.Add($"the domain file is not written: a party is named like the domain ('{domainFile}'); every profile holds the domain anyway.");
        }
        else
        {
            OutputFiles.Write(Path.Combine(folder, domainFile + ".json"), DomainJson(scenario.Domain, Encode(scenario.Domain)));
        }

        if (scenario.Metadata != ScenarioMetadata.Empty || scenario.Deadline is not null || HasTexts(scenario.Domain) || scenario.Parties.Any(p => p.Description is not null || p.Assumptions.Count > 0))
        {
            notes.Add("metadata, deadline, descriptions, clauses and modelling assumptions are not written: GeniusWeb profiles have no place for them.");
        }

        TwoLevelNotes.Add(scenario, notes, "GeniusWeb");

        return notes;
    }

    private static bool HasTexts(Domain domain) =>
        domain.Description is not null || domain.Issues.Any(i => i.Description is not null
            || (i is CategoricalIssue c && c.Options.Any(o => o.Description is not null || o.Clause is not null))
            || (i is NumericIssue n && n.ClauseTemplate is not null));

    /// <summary>
    /// The profile as GeniusWeb JSON for a remote party, with how each issue's values travel in bids:
    /// <paramref name="numbers"/>[i] holds the number of each level when issue i is written as a
    /// number range (bid values are then JSON numbers), and is null when it is written as discrete
    /// values (bid values are then the strings <see cref="Issue.FormatLevel"/> gives).
    /// </summary>
    internal static byte[] WireProfile(AdditiveProfile profile, string partyName, out decimal[]?[] numbers)
    {
        var json = ProfileJson(profile, partyName, new List<string>(), out var written);
        numbers = new decimal[]?[written.Length];
        for (var i = 0; i < written.Length; i++)
        {
            if (written[i].Range is { } range)
            {
                var values = new decimal[range.Count];
                for (var l = 0; l < values.Length; l++)
                {
                    values[l] = Normalize(range.ValueAt(l));
                }

                numbers[i] = values;
            }
        }

        return json;
    }

    private static byte[] ProfileJson(AdditiveProfile profile, string partyName, ICollection<string> notes) =>
        ProfileJson(profile, partyName, notes, out _);

    private static byte[] ProfileJson(AdditiveProfile profile, string partyName, ICollection<string> notes, out IssueEncoding[] written)
    {
        var domain = profile.Domain;
        var encodings = Encode(domain);
        var n = domain.IssueCount;

        // Unweighted values per level, and the affine map that brings them into GeniusWeb's bounds.
        var values = new double[n][];
        var offsets = new double[n];
        var scales = new double[n];
        var outOfRange = false;
        for (var i = 0; i < n; i++)
        {
            var issue = domain.Issues[i];
            values[i] = new double[issue.Cardinality];
            for (var l = 0; l < issue.Cardinality; l++)
            {
                values[i][l] = profile.ValueFunctions[i].EvaluateLevel(issue, l);
                outOfRange |= values[i][l] is < -RoundingSlack or > 1 + RoundingSlack;
            }
        }

        for (var i = 0; i < n; i++)
        {
            scales[i] = 1;
            if (outOfRange)
            {
                var lo = values[i].Min();
                var hi = values[i].Max();
                if (lo < 0 || hi > 1)
                {
                    offsets[i] = lo;
                    scales[i] = hi > lo ? hi - lo : 1;
                }
            }
        }

        var total = 0.0;
        var shift = 0.0;
        for (var i = 0; i < n; i++)
        {
            total += profile.Weights[i] * scales[i];
            shift += profile.Weights[i] * offsets[i];
        }

        if (shift == 0 && Math.Abs(total - 1) <= RoundingSlack)
        {
            // Already GeniusWeb's scale up to rounding: keep the weights as they are.
            total = 1;
        }

        var weights = new double[n];
        if (total <= 0)
        {
            notes.Add("every weight is 0; written with equal weights and all utilities 0 (the same indifference).");
            for (var i = 0; i < n; i++)
            {
                weights[i] = 1.0 / n;
                Array.Clear(values[i]);
            }

            total = 1;
            shift = 0;
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                weights[i] = profile.Weights[i] * scales[i] / total;
                for (var l = 0; l < values[i].Length; l++)
                {
                    // Within rounding slack of [0, 1] a value is clamped (a change of at most 1e-12).
                    values[i][l] = Math.Clamp((values[i][l] - offsets[i]) / scales[i], 0, 1);
                }
            }
        }

        if (shift != 0 || Math.Abs(total - 1) > 1e-12)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"utilities are rescaled to fit GeniusWeb (weights summing to 1, utilities in [0, 1]): GeniusWeb utility = (Parley utility - {shift:R}) / {total:R}; the preferences are the same."));
        }

        var decimalWeights = ExactWeights(weights);
        if (profile.IsDiscounted)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the discount factor {profile.DiscountFactor:R} is not written: GeniusWeb profiles have none."));
        }

        if (!profile.RedLines.IsEmpty)
        {
            notes.Add($"{profile.RedLines.Lines.Count} red line(s) not written: GeniusWeb profiles cannot hold red lines ({string.Join("; ", profile.RedLines.Lines.Select(l => l.Describe(domain)))}).");
        }

        // Numeric issues whose values are not linear in the number are written as discrete values.
        var asNumbers = new bool[n];
        for (var i = 0; i < n; i++)
        {
            if (encodings[i].Range is { } range)
            {
                asNumbers[i] = IsLinear(values[i], range);
                if (!asNumbers[i])
                {
                    notes.Add($"issue '{domain.Issues[i].Name}' is written as discrete values: its value function is not linear, and GeniusWeb's number utilities are.");
                }
            }
            else if (domain.Issues[i] is NumericIssue)
            {
                notes.Add($"issue '{domain.Issues[i].Name}' is written as discrete values: it has a single value or numbers GeniusWeb cannot hold as a range.");
            }
        }

        var gwEncodings = encodings.Select((e, i) => asNumbers[i] ? e : e with { Range = null }).ToArray();
        written = gwEncodings;
        var gwName = SimpleName(partyName);
        if (gwName != partyName)
        {
            notes.Add($"the profile is named '{gwName}' inside the file: GeniusWeb names are letters and digits only.");
        }

        // Search with the weights exactly as a reader will parse them back from their decimal text.
        var readWeights = decimalWeights.Select(d => double.Parse(d.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToArray();
        var bid = ReservationBid(profile, readWeights, values, (profile.ReservationValue - shift) / total, notes);

        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteStartObject(GeniusWebReader.LinearAdditiveType);
            w.WriteStartObject("issueUtilities");
            for (var i = 0; i < n; i++)
            {
                w.WriteStartObject(domain.Issues[i].Name);
                if (gwEncodings[i].Range is { } range)
                {
                    w.WriteStartObject("NumberValueSetUtilities");
                    WriteDecimal(w, "lowValue", range.Low);
                    WriteDouble(w, "lowUtility", values[i][0]);
                    WriteDecimal(w, "highValue", range.Last);
                    WriteDouble(w, "highUtility", values[i][^1]);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteStartObject("DiscreteValueSetUtilities");
                    w.WriteStartObject("valueUtilities");
                    for (var l = 0; l < values[i].Length; l++)
                    {
                        WriteDouble(w, domain.Issues[i].FormatLevel(l), values[i][l]);
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteStartObject("issueWeights");
            for (var i = 0; i < n; i++)
            {
                WriteDecimal(w, domain.Issues[i].Name, decimalWeights[i]);
            }

            w.WriteEndObject();
            w.WritePropertyName("domain");
            WriteDomain(w, domain, gwEncodings);
            w.WriteString("name", gwName);
            if (bid is null)
            {
                w.WriteNull("reservationBid");
            }
            else
            {
                w.WriteStartObject("reservationBid");
                w.WriteStartObject("issuevalues");
                for (var i = 0; i < n; i++)
                {
                    if (gwEncodings[i].Range is { } range)
                    {
                        w.WritePropertyName(domain.Issues[i].Name);
                        w.WriteRawValue(Normalize(range.ValueAt(bid[i])).ToString(CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        w.WriteString(domain.Issues[i].Name, domain.Issues[i].FormatLevel(bid[i]));
                    }
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

    private static byte[] DomainJson(Domain domain, IssueEncoding[] encodings)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            WriteDomain(w, domain, encodings);
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void WriteDomain(Utf8JsonWriter w, Domain domain, IssueEncoding[] encodings)
    {
        w.WriteStartObject();
        w.WriteString("name", SimpleName(domain.Name));
        w.WriteStartObject("issuesValues");
        for (var i = 0; i < domain.IssueCount; i++)
        {
            var issue = domain.Issues[i];
            w.WriteStartObject(issue.Name);
            if (encodings[i].Range is { } range)
            {
                w.WriteStartObject("range");
                WriteDecimal(w, "low", range.Low);
                WriteDecimal(w, "high", range.Last);
                WriteDecimal(w, "step", range.Step);
                w.WriteEndObject();
            }
            else
            {
                w.WriteStartArray("values");
                for (var l = 0; l < issue.Cardinality; l++)
                {
                    w.WriteStringValue(issue.FormatLevel(l));
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
        }

        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>How each issue can be written: a number range when it is numeric with at least two levels and decimal bounds.</summary>
    private static IssueEncoding[] Encode(Domain domain)
    {
        var result = new IssueEncoding[domain.IssueCount];
        for (var i = 0; i < domain.IssueCount; i++)
        {
            result[i] = new IssueEncoding(domain.Issues[i] switch
            {
                IntegerIssue n when n.Cardinality >= 2 => new NumberRange(n.LowerBound, n.Step, n.Cardinality),
                RealIssue r when r.Cardinality >= 2 && ToDecimal(r.Min) is { } low && ToDecimal((r.Max - r.Min) / (r.Cardinality - 1)) is { } step && step > 0
                    && ToDecimal(r.Max) is not null => new NumberRange(low, step, r.Cardinality),
                _ => null,
            });
        }

        return result;
    }

    private static decimal? ToDecimal(double x)
    {
        if (!double.IsFinite(x) || Math.Abs(x) > 1e20)
        {
            return null;
        }

        return decimal.TryParse(x.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    private static bool IsLinear(double[] values, NumberRange range)
    {
        var first = values[0];
        var last = values[^1];
        var x0 = (double)range.Low;
        var span = (double)range.Last - x0;
        for (var l = 0; l < values.Length; l++)
        {
            var expected = first + ((last - first) * ((double)range.ValueAt(l) - x0) / span);
            if (Math.Abs(expected - values[l]) > 1e-12)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Weights as decimals (their shortest round-trip text) adjusted so that they sum to exactly 1.</summary>
    private static decimal[] ExactWeights(double[] weights)
    {
        var result = new decimal[weights.Length];
        var largest = 0;
        var sum = 0m;
        for (var i = 0; i < weights.Length; i++)
        {
            result[i] = ToDecimal(weights[i]) ?? 0m;
            sum += result[i];
            if (result[i] > result[largest])
            {
                largest = i;
            }
        }

        result[largest] += 1m - sum;
        return result;
    }

    /// <summary>The outcome with the smallest utility at or above <paramref name="target"/>, or null when the target is 0 or less.</summary>
    private static int[]? ReservationBid(AdditiveProfile profile, double[] weights, double[][] values, double target, ICollection<string> notes)
    {
        var domain = profile.Domain;
        if (target <= 0)
        {
            if (target < 0)
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

        // Weighted level utilities exactly as GeniusWebReader will rebuild them: weight × value.
        var table = new double[domain.IssueCount][];
        for (var i = 0; i < domain.IssueCount; i++)
        {
            table[i] = new double[values[i].Length];
            for (var l = 0; l < values[i].Length; l++)
            {
                table[i][l] = weights[i] * values[i][l];
            }
        }

        return SearchReservationBid(domain, profile.ReservationValue, target, levels =>
        {
            var u = 0.0;
            for (var i = 0; i < levels.Length; i++)
            {
                u += table[i][levels[i]];
            }

            return u;
        }, notes);
    }

    /// <summary>
    /// One pass over every outcome keeps both the cheapest outcome whose <paramref name="utility"/> is at or
    /// above <paramref name="target"/> and the best outcome (the fallback, with a note, when none reaches it).
    /// </summary>
    private static int[] SearchReservationBid(Domain domain, double reservationValue, double target, Func<int[], double> utility, ICollection<string> notes)
    {
        var levels = new int[domain.IssueCount];
        int[]? best = null;
        var bestUtility = double.PositiveInfinity;
        var top = new int[domain.IssueCount];
        var maxUtility = double.NegativeInfinity;
        do
        {
            var u = utility(levels);
            if (u > maxUtility)
            {
                maxUtility = u;
                Array.Copy(levels, top, levels.Length);
            }

            if (u >= target - RoundingSlack && u < bestUtility)
            {
                bestUtility = u;
                best = (int[])levels.Clone();
            }
        }
        while (domain.Advance(levels));

        if (best is null)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the reservation value {reservationValue:R} is above every outcome's utility; written as a reservation bid at the best outcome (utility {maxUtility:R} on GeniusWeb's scale)."));
            return top;
        }

        if (Math.Abs(bestUtility - target) > 1e-12)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the reservation value {target:R} (GeniusWeb's scale) is written as a reservation bid of utility {bestUtility:R}, the nearest at or above it."));
        }

        return best;
    }

    private static void WriteDouble(Utf8JsonWriter w, string name, double value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(value.ToString("R", CultureInfo.InvariantCulture));
    }

    private static void WriteDecimal(Utf8JsonWriter w, string name, decimal value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(Normalize(value).ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The same number without trailing zeros (9.00 becomes 9).</summary>
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

    private static string SimpleName(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(c);
            }
        }

        return sb.Length > 0 ? sb.ToString() : "profile";
    }

    /// <summary>A number range: <c>Low + k·Step</c> for k in [0, Count).</summary>
    private sealed record NumberRange(decimal Low, decimal Step, int Count)
    {
        public decimal Last => Low + ((Count - 1) * Step);

        public decimal ValueAt(int level) => Low + (level * Step);
    }

    private sealed record IssueEncoding(NumberRange? Range);
}
