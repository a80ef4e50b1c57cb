namespace Parley.Scenarios;

/// <summary>What a scenario is about and where its facts come from.</summary>
/// <param name="Title">A title for people.</param>
/// <param name="Description">What is being negotiated, by whom.</param>
/// <param name="Date">When the negotiation takes place (free text, ISO date preferred).</param>
/// <param name="Location">Where it takes place.</param>
/// <param name="Sources">References for the facts and the modelling assumptions.</param>
/// <param name="Notes">Modelling notes and caveats.</param>
public sealed record ScenarioMetadata(
    string? Title = null,
    string? Description = null,
    string? Date = null,
    string? Location = null,
    IReadOnlyList<string>? Sources = null,
    string? Notes = null)
{
    /// <summary>No metadata.</summary>
    public static ScenarioMetadata Empty { get; } = new();
}
