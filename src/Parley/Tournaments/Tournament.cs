namespace Parley.Tournaments;

/// <summary>
/// Runs a tournament into a results folder, resumably: the manifest pins the definition, the
/// journal records each session as it finishes, and the outputs are written from the journal
/// once every session is in it.
/// </summary>
/// <remarks>
/// Run again with the same definition and folder after an interruption, it skips the recorded
/// sessions and runs the rest. Since every session's seed comes from its identity and the outputs
/// are written in session-id order, the outputs are identical (apart from the run-time column)
/// whatever the parallelism and however often the run was interrupted.
/// </remarks>
public static class Tournament
{
    /// <summary>Runs the sessions of <paramref name="plan"/> not yet recorded in <paramref name="folder"/>, then writes the outputs.</summary>
    /// <exception cref="InputException">The folder holds another tournament's results.</exception>
    public static TournamentReport Run(
        TournamentPlan plan,
        SessionRunner runner,
        string folder,
        TournamentRunOptions options,
        IProgress<TournamentProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        TournamentManifest.EnsureMatches(folder, plan);
        var journalPath = Path.Combine(folder, TournamentResults.JournalFileName);
        TournamentRunResult result;
        using (var journal = ResultsJournal.Open(journalPath, plan.Count))
        {
            result = TournamentRunner.Run(plan, runner, journal, options, progress, cancellationToken);
        }

        var summary = result.Completed ? TournamentResults.Write(plan, journalPath, folder) : null;
        return new TournamentReport(result, summary, folder);
    }
}
