using System.CommandLine;
using Parley.Cli.Commands;

namespace Parley.Cli;

/// <summary>Builds the command tree and runs it with Parley's exit-code and error conventions.</summary>
public static class CliApp
{
    /// <summary>Runs the parley command with <paramref name="args"/>, writing to the given streams.</summary>
    /// <returns>0 on success, 1 on a run-time failure, 2 on bad input or usage.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var root = BuildRoot(output, error);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                await error.WriteLineAsync($"error: {e.Message}").ConfigureAwait(false);
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
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static RootCommand BuildRoot(TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Parley: model, analyse, run and mediate negotiations.");
        var io = new CliIO(output, error);
        foreach (var command in CommandCatalog.All(io))
        {
            root.Subcommands.Add(command);
        }

        return root;
    }
}
