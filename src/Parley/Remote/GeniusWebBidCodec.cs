using System.Globalization;
using System.Text.Json;
using Parley.Domains;

namespace Parley.Remote;

/// <summary>
/// Translates between Parley's outcomes (a level per issue) and GeniusWeb bids (an issue→value map
/// using the scenario's issue and option names): discrete values travel as JSON strings, numbers
/// as JSON numbers.
/// </summary>
/// <remarks>
/// A codec is made for one party's view of the domain, the one its profile describes: an issue
/// the profile writes as a number range travels as numbers, every other issue as the names
/// <see cref="Issue.FormatLevel"/> gives. Decoding refuses a bid that names an issue the domain
/// does not have, a value outside an issue, or that leaves an issue out (SAOP and MOPAC agree on
/// complete outcomes only).
/// </remarks>
public sealed class GeniusWebBidCodec
{
    private readonly Domain _domain;
    private readonly decimal[]?[] _numbers;
    private readonly Dictionary<string, int>[] _names;
    private readonly Dictionary<string, int> _issues;

    /// <summary>Creates a codec over <paramref name="domain"/>.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="numbers">Per issue, the number of each level when the issue travels as numbers; null (or a null entry) for names.</param>
    public GeniusWebBidCodec(Domain domain, IReadOnlyList<decimal[]?>? numbers = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        _domain = domain;
        var n = domain.IssueCount;
        _numbers = new decimal[]?[n];
        _names = new Dictionary<string, int>[n];
        _issues = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var issue = domain.Issues[i];
            _issues[issue.Name] = i;
            _names[i] = new Dictionary<string, int>(issue.Cardinality, StringComparer.Ordinal);
            for (var l = 0; l < issue.Cardinality; l++)
            {
                _names[i].TryAdd(issue.FormatLevel(l), l);
            }

            if (numbers is not null && i < numbers.Count && numbers[i] is { } values)
            {
                if (values.Length != issue.Cardinality)
                {
                    throw new ArgumentException($"Issue '{issue.Name}' has {issue.Cardinality} levels but {values.Length} numbers.", nameof(numbers));
                }

                _numbers[i] = values;
            }
        }
    }

    /// <summary>A codec for a domain read from a GeniusWeb profile: its numeric issues travel as numbers (as the profile's number ranges do).</summary>
    public static GeniusWebBidCodec ForReadDomain(Domain domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var numbers = new decimal[]?[domain.IssueCount];
        for (var i = 0; i < numbers.Length; i++)
        {
            var issue = domain.Issues[i];
            if (issue is not NumericIssue)
            {
                continue;
            }

            var values = new decimal[issue.Cardinality];
            var all = true;
            for (var l = 0; l < values.Length && all; l++)
            {
                all = decimal.TryParse(issue.FormatLevel(l), NumberStyles.Float, CultureInfo.InvariantCulture, out values[l]);
            }

            numbers[i] = all ? values : null;
        }

        return new GeniusWebBidCodec(domain, numbers);
    }

    /// <summary>The domain.</summary>
    public Domain Domain => _domain;

    /// <summary>Writes <paramref name="outcome"/> as a GeniusWeb bid object (<c>{"issuevalues":{…}}</c>).</summary>
    public void Write(Utf8JsonWriter writer, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(outcome);
        writer.WriteStartObject();
        writer.WriteStartObject("issuevalues");
        for (var i = 0; i < _domain.IssueCount; i++)
        {
            var issue = _domain.Issues[i];
            if (_numbers[i] is { } values)
            {
                writer.WriteNumber(issue.Name, values[outcome[i]]);
            }
            else
            {
                writer.WriteString(issue.Name, issue.FormatLevel(outcome[i]));
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Reads a GeniusWeb bid object; returns null and the reason when it is not a complete outcome of the domain.</summary>
    public Outcome? Read(JsonElement bid, out string? error)
    {
        if (bid.ValueKind != JsonValueKind.Object || !bid.TryGetProperty("issuevalues", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            error = "a bid is an object with an \"issuevalues\" object";
            return null;
        }

        var levels = new int[_domain.IssueCount];
        Array.Fill(levels, -1);
        foreach (var property in values.EnumerateObject())
        {
            if (!_issues.TryGetValue(property.Name, out var i))
            {
                error = $"outside the domain: the bid names issue '{Clip(property.Name)}', which domain '{_domain.Name}' does not have";
                return null;
            }

            var level = -1;
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.String)
            {
                if (!_names[i].TryGetValue(value.GetString()!, out level))
                {
                    level = -1;
                }
            }
            else if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
            {
                level = LevelOf(i, number);
            }

            if (level < 0)
            {
                error = $"outside the domain: value {Clip(value.GetRawText())} is not a value of issue '{property.Name}'";
                return null;
            }

            levels[i] = level;
        }

        for (var i = 0; i < levels.Length; i++)
        {
            if (levels[i] < 0)
            {
                error = $"outside the domain: the bid leaves issue '{_domain.Issues[i].Name}' out (a complete outcome is needed)";
                return null;
            }
        }

        error = null;
        return new Outcome(levels);
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";

    private int LevelOf(int issue, decimal number)
    {
        if (_numbers[issue] is { } values)
        {
            for (var l = 0; l < values.Length; l++)
            {
                if (values[l] == number)
                {
                    return l;
                }
            }

            return -1;
        }

        // A number for an issue that travels as names: its name may be the number's text.
        var text = number.ToString(CultureInfo.InvariantCulture);
        return _names[issue].TryGetValue(text, out var level) ? level : -1;
    }
}
