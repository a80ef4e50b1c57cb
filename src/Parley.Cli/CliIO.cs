namespace Parley.Cli;

/// <summary>The streams a command writes to (the console, or a test's writers).</summary>
/// <param name="Out">Standard output: results, tables, JSON.</param>
/// <param name="Error">Standard error: errors, warnings, progress.</param>
public sealed record CliIO(TextWriter Out, TextWriter Error)
{
    /// <summary>
    /// Whether standard error is a terminal a person watches: progress bars and live lines are drawn
    /// only then, never into a pipe, a file or a test's writer.
    /// </summary>
    public bool ErrorIsTerminal => ReferenceEquals(Error is ErrorWriter e ? e.Inner : Error, Console.Error) && !Console.IsErrorRedirected;
}
