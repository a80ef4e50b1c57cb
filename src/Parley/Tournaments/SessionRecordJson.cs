using System.Buffers;
using System.Text.Json;

namespace Parley.Tournaments;

/// <summary>Writes and reads a <see cref="SessionRecord"/> as one line of JSON (the journal's format).</summary>
/// <remarks>
/// Numbers are written by <see cref="Utf8JsonWriter"/> in the shortest form that round-trips, so a
/// record read back is bit-for-bit the record written. NaN (a metric not computed) is written as null.
/// </remarks>
public static class SessionRecordJson
{
    /// <summary>Writes <paramref name="record"/> as one JSON object followed by a newline.</summary>
    public static void WriteLine(IBufferWriter<byte> output, SessionRecord record)
    {
        using (var w = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true }))
        {
            var o = record.Outcome;
            w.WriteStartObject();
            w.WriteNumber("id", record.Id);
            w.WriteNumber("seed", record.Seed);
            w.WriteNumber("runTime", record.RunTime.TotalSeconds);
            w.WriteNumber("rounds", o.Rounds);
            w.WriteBoolean("agreement", o.Agreement);
            w.WriteNumber("agreeing", o.AgreeingCount);
            w.WriteBoolean("discounted", o.Discounted);
            WriteArray(w, "utilities", o.Utilities);
            WriteArray(w, "discountedUtilities", o.DiscountedUtilities);
            WriteNumberOrNull(w, "distanceToPareto", o.DistanceToPareto);
            WriteNumberOrNull(w, "distanceToNash", o.DistanceToNash);
            WriteNumberOrNull(w, "socialWelfare", o.SocialWelfare);
            w.WriteString("endReason", o.EndReason);
            if (o.Exception is null)
            {
                w.WriteNull("exception");
            }
            else
            {
                w.WriteString("exception", o.Exception);
            }

            if (o.FailedRole is { } role)
            {
                w.WriteNumber("failedRole", role);
            }
            else
            {
                w.WriteNull("failedRole");
            }

            if (o.PostSettlement is { } post)
            {
                w.WriteStartObject("postSettlement");
                w.WriteBoolean("improvable", post.Improvable);
                WriteArray(w, "gains", post.Gains);
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        output.Write("\n"u8);
    }

    /// <summary>Reads a record from one line written by <see cref="WriteLine"/>.</summary>
    /// <exception cref="JsonException">The line is not a complete record.</exception>
    public static SessionRecord Read(ReadOnlySpan<byte> line)
    {
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            // Utf8JsonReader.GetString would throw an InvalidOperationException on such bytes.
            throw new JsonException("the line is not UTF-8 text");
        }

        var r = new Utf8JsonReader(line);
        long? id = null;
        int seed = 0, rounds = 0, agreeing = 0;
        int? failedRole = null;
        double runTime = 0, pareto = double.NaN, nash = double.NaN, welfare = double.NaN;
        bool agreement = false, discounted = false;
        double[]? utilities = null, discountedUtilities = null;
        string? endReason = null, exception = null;
        SessionPostSettlement? postSettlement = null;
        Expect(ref r, JsonTokenType.StartObject);
        while (true)
        {
            Next(ref r);
            if (r.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            string? name = null;
            try
            {
                name = r.GetString();
                Next(ref r);
                switch (name)
                {
                    case "id": id = r.GetInt64(); break;
                    case "seed": seed = r.GetInt32(); break;
                    case "runTime": runTime = r.GetDouble(); break;
                    case "rounds": rounds = r.GetInt32(); break;
                    case "agreement": agreement = r.GetBoolean(); break;
                    case "agreeing": agreeing = r.GetInt32(); break;
                    case "discounted": discounted = r.GetBoolean(); break;
                    case "utilities": utilities = ReadArray(ref r); break;
                    case "discountedUtilities": discountedUtilities = ReadArray(ref r); break;
                    case "distanceToPareto": pareto = NumberOrNaN(ref r); break;
                    case "distanceToNash": nash = NumberOrNaN(ref r); break;
                    case "socialWelfare": welfare = NumberOrNaN(ref r); break;
                    case "endReason": endReason = r.GetString(); break;
                    case "exception": exception = r.TokenType == JsonTokenType.Null ? null : r.GetString(); break;
                    case "failedRole": failedRole = r.TokenType == JsonTokenType.Null ? null : r.GetInt32(); break;
                    case "postSettlement": postSettlement = ReadPostSettlement(ref r); break;
                    default: r.Skip(); break;
                }
            }
            catch (Exception ex) when (ex is InvalidOperationException or FormatException)
            {
                // A value of the wrong type or range ("seed": "x", "rounds": 1e40): Utf8JsonReader's
                // getters throw these, which are not JsonExceptions.
                throw new JsonException(name is null
                    ? "a field name is not valid text (an escaped lone surrogate such as \\ud800)"
                    : $"the field '{name}' holds {Describe(r.TokenType)}, which is not a valid value for it", ex);
            }
        }

        if (id is null || utilities is null || discountedUtilities is null || endReason is null)
        {
            throw new JsonException("the record lacks id, utilities, discountedUtilities or endReason");
        }

        if (!(runTime >= 0 && runTime < TimeSpan.MaxValue.TotalSeconds))
        {
            throw new JsonException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the field 'runTime' holds {runTime:R}, which is not a run time in seconds"));
        }

        var outcome = new SessionOutcome(rounds, agreement, agreeing, discounted, utilities, discountedUtilities, pareto, nash, welfare, endReason, exception, failedRole) { PostSettlement = postSettlement };
        return new SessionRecord(id.Value, seed, TimeSpan.FromSeconds(runTime), outcome);
    }

    /// <summary>Reads only the id of a record line (fast path for finding finished sessions).</summary>
    public static long ReadId(ReadOnlySpan<byte> line)
    {
        var r = new Utf8JsonReader(line);
        Expect(ref r, JsonTokenType.StartObject);
        Next(ref r);
        if (r.TokenType == JsonTokenType.PropertyName && r.ValueTextEquals("id"u8))
        {
            Next(ref r);
            return r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var id)
                ? id
                : throw new JsonException($"the field 'id' holds {Describe(r.TokenType)}, not a whole number");
        }

        return Read(line).Id;
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            if (double.IsFinite(values[i]))
            {
                w.WriteNumberValue(values[i]);
            }
            else
            {
                w.WriteNullValue();
            }
        }

        w.WriteEndArray();
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, value);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static double[] ReadArray(ref Utf8JsonReader r)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array.");
        }

        var values = new List<double>(4);
        while (true)
        {
            Next(ref r);
            if (r.TokenType == JsonTokenType.EndArray)
            {
                return [.. values];
            }

            values.Add(NumberOrNaN(ref r));
        }
    }

    // { "improvable": bool, "gains": [..] } or null (written by journals of this version; older lines have no such field).
    private static SessionPostSettlement? ReadPostSettlement(ref Utf8JsonReader r)
    {
        if (r.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Expected an object.");
        }

        bool? improvable = null;
        double[]? gains = null;
        while (true)
        {
            Next(ref r);
            if (r.TokenType == JsonTokenType.EndObject)
            {
                break;
            }

            var name = r.GetString();
            Next(ref r);
            switch (name)
            {
                case "improvable": improvable = r.GetBoolean(); break;
                case "gains": gains = ReadArray(ref r); break;
                default: r.Skip(); break;
            }
        }

        return improvable is { } i && gains is not null ? new SessionPostSettlement(i, gains) : throw new JsonException("postSettlement lacks improvable or gains");
    }

    private static string Describe(JsonTokenType type) => type switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "text",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.Null => "null",
        _ => "a value",
    };

    private static double NumberOrNaN(ref Utf8JsonReader r) => r.TokenType == JsonTokenType.Null ? double.NaN : r.GetDouble();

    private static void Expect(ref Utf8JsonReader r, JsonTokenType type)
    {
        Next(ref r);
        if (r.TokenType != type)
        {
            throw new JsonException($"Expected {type}, found {r.TokenType}.");
        }
    }

    private static void Next(ref Utf8JsonReader r)
    {
        if (!r.Read())
        {
            throw new JsonException("the record ends early");
        }
    }
}
