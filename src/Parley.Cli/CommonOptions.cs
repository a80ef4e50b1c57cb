using System.CommandLine;
using Spectre.Console;

namespace Parley.Cli;

/// <summary>Arguments and options several commands share, declared once.</summary>
internal static class CommonOptions
{
    public static Argument<string> ScenarioArgument() => new("scenario")
    {
        Description = "A Parley scenario file (.json), a GENIUS folder (domain + profiles), a GeniusWeb profile folder, or a built-in scenario name (e.g. israel-syria-2026).",
    };

    public static Option<string?> ProfilesOption() => new("--profiles")
    {
        Description = "Comma-separated profile (party) names to use, in order, when a folder holds more profiles than the negotiation has parties.",
    };

    public static Option<bool> JsonOption() => new("--json")
    {
        Description = "Print machine-readable JSON on standard output (progress and messages go to standard error).",
    };

    /// <summary>"a, b,c" → ["a", "b", "c"]; null or blank → null.</summary>
    public static IReadOnlyList<string>? SplitList(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Splits an agent list on commas, keeping parameter lists such as <c>time-dependent:e=0.5,k=0.1</c> together.</summary>
    public static IReadOnlyList<string> SplitAgents(string value)
    {
        var result = new List<string>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (result.Count > 0 && part.Contains('=', StringComparison.Ordinal) && !part.Contains(':', StringComparison.Ordinal) && result[^1].Contains(':', StringComparison.Ordinal))
            {
                result[^1] += "," + part;
            }
            else
            {
                result.Add(part);
            }
        }

        return result;
    }

    /// <summary>A Spectre console that writes to the command's output stream.</summary>
    /// <remarks>
    /// When the output is not a terminal (a pipe, a file, a test) nothing is wrapped: lines are as
    /// long as their text (a reader or a program gets whole sentences), and headings drawn by
    /// <see cref="Heading"/> are 120 columns wide.
    /// </remarks>
    public static IAnsiConsole Console(CliIO io)
    {
        var terminal = ReferenceEquals(io.Out, System.Console.Out) && !System.Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(io.Out),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = UnwrappedWidth;
        }

        return console;
    }

    /// <summary>
    /// A heading: a rule across the terminal, or, when the output is not a terminal (where the
    /// console does not wrap and a rule would be thousands of columns long), the title followed by
    /// a rule to column 120.
    /// </summary>
    public static void Heading(IAnsiConsole console, string markup)
    {
        if (console.Profile.Width < UnwrappedWidth)
        {
            console.Write(new Rule(markup).LeftJustified());
            return;
        }

        var title = Markup.Remove(markup);
        console.WriteLine($"── {title} {new string('─', Math.Max(3, HeadingWidth - title.Length - 4))}");
    }

    private const int UnwrappedWidth = 100_000;
    private const int HeadingWidth = 120;
}
