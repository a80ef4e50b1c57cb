using System.Reflection;
using Parley.Formats.ParleyJson;
using Parley.Scenarios;

namespace Parley.Formats;

/// <summary>
/// The scenarios that ship inside the library (from the repository's scenarios/ folder), addressed
/// by name wherever a scenario path is accepted.
/// </summary>
public static class BuiltInScenarios
{
    private const string Prefix = "Parley.Scenarios.";
    private const string Suffix = ".json";

    /// <summary>The names of the built-in scenarios, sorted.</summary>
    public static IReadOnlyList<string> Names { get; } = typeof(BuiltInScenarios).Assembly
        .GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^Suffix.Length])
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Whether a built-in scenario is named <paramref name="name"/>.</summary>
    public static bool Exists(string name) => Names.Contains(name, StringComparer.Ordinal);

    /// <summary>Loads the built-in scenario <paramref name="name"/>.</summary>
    /// <exception cref="InputException">There is no such built-in scenario.</exception>
    public static Scenario Load(string name)
    {
        using var stream = Open(name)
            ?? throw new InputException(name, "", $"there is no built-in scenario of that name (built-in: {string.Join(", ", Names)})");
        return ParleyScenarioReader.Read(stream, $"built-in:{name}");
    }

    /// <summary>The raw JSON of built-in scenario <paramref name="name"/>, or null.</summary>
    public static Stream? Open(string name) =>
        Assembly.GetExecutingAssembly().GetManifestResourceStream(Prefix + name + Suffix);
}
