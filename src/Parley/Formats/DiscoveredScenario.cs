namespace Parley.Formats;

/// <summary>A scenario found by <see cref="ScenarioDiscovery"/>.</summary>
/// <param name="Name">Its name in results: the path relative to the folder searched, or the built-in name.</param>
/// <param name="Path">Where it was read from.</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="Fingerprint">SHA-256 of its files (names and contents), or <c>built-in:name</c>: a resumed tournament checks it.</param>
public sealed record DiscoveredScenario(string Name, string Path, Scenarios.Scenario Scenario, string Fingerprint);
