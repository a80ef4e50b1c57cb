namespace Parley.Cli;

/// <summary>The streams a command writes to (the console, or a test's writers).</summary>
/// <param name="Out">Standard output: results, tables, JSON.</param>
/// <param name="Error">Standard error: errors, warnings, progress.</param>
public sealed record CliIO(TextWriter Out, TextWriter Error);
