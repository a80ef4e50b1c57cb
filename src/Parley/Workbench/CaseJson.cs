using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Parley.Workbench;

/// <summary>The JSON of cases: events, records, views and exports (camelCase, enums as strings).</summary>
public static class CaseJson
{
    /// <summary>The serializer options every host uses for the workbench's types.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Serializes an event (with its <c>type</c> discriminator).</summary>
    public static string Serialize(CaseEvent e) => JsonSerializer.Serialize(e, Options);

    /// <summary>Reads an event back.</summary>
    /// <exception cref="JsonException">The text is not a case event.</exception>
    public static CaseEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<CaseEvent>(json, Options) ?? throw new JsonException("null event");

    /// <summary>A case's full record (every event, unredacted: for the mediator's export and re-import).</summary>
    public static string Export(IEnumerable<CaseRecord> records) => JsonSerializer.Serialize(records.ToArray(), Options);

    /// <summary>Reads a full record back.</summary>
    /// <exception cref="JsonException">The text is not a case record.</exception>
    public static IReadOnlyList<CaseRecord> Import(string json) =>
        JsonSerializer.Deserialize<CaseRecord[]>(json, Options) ?? throw new JsonException("null record");

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
