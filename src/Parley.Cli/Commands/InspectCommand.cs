using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary><c>parley inspect &lt;scenario&gt; [--json]</c>.</summary>
internal static class InspectCommand
{
    public static Command Create(CliIO io)
    {
        var scenario = new Argument<string>("scenario") { Description = "A scenario file, a GENIUS or GeniusWeb folder, or a built-in scenario name." };
        var json = new Option<bool>("--json") { Description = "Print machine-readable JSON." };
        var command = new Command("inspect", "Show a scenario's issues, outcome count, parties, weights, reservation values and red lines.");
        command.Arguments.Add(scenario);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            await io.Out.WriteLineAsync(parse.GetValue(scenario)).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
