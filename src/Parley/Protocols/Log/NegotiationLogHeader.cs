using Parley.Scenarios;

namespace Parley.Protocols.Log;

/// <summary>
/// The first line of an event log: what the negotiation was set up with, so that the log alone
/// rebuilds it (the scenario travels inside, in Parley's own format).
/// </summary>
/// <param name="Protocol">The protocol's identifier (<c>saop</c>, <c>mopac</c>, <c>single-text</c>).</param>
/// <param name="ScenarioJson">The scenario, as Parley's JSON scenario format.</param>
/// <param name="Parties">The parties, in turn order.</param>
/// <param name="Mediator">The mediator's name, for mediated protocols.</param>
/// <param name="Deadline">The deadline.</param>
/// <param name="Seed">The seed.</param>
/// <param name="Settings">What else the host ran with (agent ids, mediator and voter kinds, protocol options), as text.</param>
public sealed record NegotiationLogHeader(
    string Protocol,
    string ScenarioJson,
    IReadOnlyList<string> Parties,
    string? Mediator,
    Deadline Deadline,
    int Seed,
    IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>The format's version, written as <c>"parleyLog"</c>.</summary>
    public const int FormatVersion = 1;

    /// <summary>A setting, or null.</summary>
    public string? Setting(string key) => Settings.TryGetValue(key, out var v) ? v : null;
}
