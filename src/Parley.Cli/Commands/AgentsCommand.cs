using System.CommandLine;
using Parley.Agents;

namespace Parley.Cli.Commands;

/// <summary><c>parley agents</c>: the built-in agents, one line each.</summary>
internal static class AgentsCommand
{
    public static Command Create(CliIO io)
    {
        var command = new Command("agents", "List the built-in negotiating agents (ids for --agents), one line each.");
        command.SetAction(async (parse, ct) =>
        {
            var width = 0;
            foreach (var d in AgentRegistry.All)
            {
                width = Math.Max(width, d.Id.Length);
            }

            foreach (var d in AgentRegistry.All)
            {
                await io.Out.WriteLineAsync($"{d.Id.PadRight(width)}  {d.Description} [{d.Source}]").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
