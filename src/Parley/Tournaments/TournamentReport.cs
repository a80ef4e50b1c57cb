namespace Parley.Tournaments;

/// <summary>What <see cref="Tournament.Run"/> produced.</summary>
/// <param name="Run">What this run did (sessions run, resumed, failed, time).</param>
/// <param name="Summary">The tournament's figures; null when the run was cancelled before every session was recorded.</param>
/// <param name="Folder">The results folder.</param>
public sealed record TournamentReport(TournamentRunResult Run, TournamentSummary? Summary, string Folder);
