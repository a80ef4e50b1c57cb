using System.Text.Json;
using Json.Schema;

namespace Parley.Tests.Formats.ParleyJson;

/// <summary>docs/schema/parley-scenario.schema.json, loaded once, to validate files against.</summary>
internal static class ScenarioSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(TestPaths.Root, "docs", "schema", "parley-scenario.schema.json"))));

    /// <summary>The schema's complaints about <paramref name="json"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Errors(string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid)
        {
            return [];
        }

        return (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .DefaultIfEmpty("invalid (no detail)")
            .ToArray();
    }
}
