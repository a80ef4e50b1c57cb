using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Parley.Analysis;
using Parley.Cli.Commands;

namespace Parley.Cli;

/// <summary>Builds the command tree and runs it with Parley's exit-code and error conventions.</summary>
/// <remarks>
/// Every error a user can cause is one line on standard error starting "error: " and exit code 2:
/// a usage error (named after the option it concerns), an <see cref="InputException"/>, or a file
/// the command cannot write at a path the user gave.
/// </remarks>
public static class CliApp
{
    /// <summary>Runs the parley command with <paramref name="args"/>, writing to the given streams.</summary>
    /// <returns>0 on success, 1 on a run-time failure, 2 on bad input or usage, 130 when interrupted (Ctrl-C, SIGTERM).</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var commandError = new ErrorWriter(error);
        var root = BuildRoot(output, commandError);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // "Required command was not provided." comes with every unknown command: only the error
            // that names the word the user typed is worth a line.
            var errors = parsed.Errors.Count > 1
                ? parsed.Errors.Where(e => e.SymbolResult is not CommandResult || !e.Message.StartsWith("Required command", StringComparison.Ordinal)).ToList()
                : [.. parsed.Errors];
            foreach (var e in errors.Count > 0 ? errors : [.. parsed.Errors])
            {
                await error.WriteLineAsync($"error: {OneLine(e)}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'parley --help' (or 'parley <command> --help') for usage.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parsed.InvokeAsync(config).ConfigureAwait(false);
        }
        catch (InputException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The commands read and write only paths the user names (--plot, --trace, -o, --out): a
            // path that cannot be written (a folder, no permission) is bad input, not a crash.
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            // A command that keeps something says what before it lets the cancellation through (or returns
            // Interrupted itself); the others write their files only whole (a temporary name, then a
            // rename), so nothing is left.
            if (!commandError.SaidWhatWasKept)
            {
                await error.WriteLineAsync("interrupted: nothing was written").ConfigureAwait(false);
            }

            return ExitCodes.Interrupted;
        }
        catch (AnalysisLimitException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
        catch (Exception ex) when (Environment.GetEnvironmentVariable("PARLEY_DEBUG") is not "1")
        {
            // A bug: one line that names it (exit 1); PARLEY_DEBUG=1 lets the exception and its stack trace through.
            await error.WriteLineAsync($"internal error ({ex.GetType().Name}): {ex.Message} (set PARLEY_DEBUG=1 for the stack trace; please report it)").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static RootCommand BuildRoot(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Parley: model, analyse, run and mediate negotiations.");
        var io = new CliIO(output, error);
        foreach (var command in CommandCatalog.All(io))
        {
            ParseWholeNumbers(command);
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>
    /// Gives every whole-number option of <paramref name="command"/> (and its subcommands) a parser
    /// whose error names the option and the value in plain words; System.CommandLine's own names
    /// the CLR type ("System.Nullable`1[System.Int32]").
    /// </summary>
    private static void ParseWholeNumbers(Command command)
    {
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int> o when o.CustomParser is null:
                    o.CustomParser = r => WholeNumber(r, o.Name) ?? 0;
                    break;
                case Option<int?> o when o.CustomParser is null:
                    o.CustomParser = r => WholeNumber(r, o.Name);
                    break;
            }
        }

        foreach (var sub in command.Subcommands)
        {
            ParseWholeNumbers(sub);
        }
    }

    private static int? WholeNumber(ArgumentResult result, string option)
    {
        var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var digits = text.Length > 0 && text.AsSpan(text[0] is '-' or '+' ? 1 : 0).Length > 0 && !text.AsSpan(text[0] is '-' or '+' ? 1 : 0).ContainsAnyExceptInRange('0', '9');
        result.AddError(digits
            ? $"{option}: {text} is out of range (a whole number from {int.MinValue.ToString("N0", CultureInfo.InvariantCulture)} to {int.MaxValue.ToString("N0", CultureInfo.InvariantCulture)})"
            : $"{option}: '{text}' is not a whole number");
        return null;
    }

    /// <summary>
    /// A parse error as one line, prefixed with the option it concerns when the message does not
    /// name it: "Argument 'x' not recognized. Must be one of:\n\t'a'\n\t'b'" becomes
    /// "--mediator: Argument 'x' not recognized. Must be one of: 'a', 'b'".
    /// </summary>
    private static string OneLine(ParseError error)
    {
        var lines = error.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var message = lines.Length <= 1 ? error.Message.Trim() : $"{lines[0]} {string.Join(", ", lines[1..])}";
        var option = error.SymbolResult switch
        {
            OptionResult o => o.Option.Name,
            ArgumentResult { Parent: OptionResult o } => o.Option.Name,
            _ => null,
        };
        return option is null || message.Contains(option, StringComparison.Ordinal) ? message : $"{option}: {message}";
    }
}
