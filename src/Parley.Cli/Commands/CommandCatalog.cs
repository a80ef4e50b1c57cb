using System.CommandLine;

namespace Parley.Cli.Commands;

/// <summary>Every subcommand of parley, in the order --help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All(CliIO io)
    {
        yield return DemoCommand.Create(io);
        yield return MediateCommand.Create(io);
        yield return InspectCommand.Create(io);
        yield return ConvertCommand.Create(io);
        yield return AnalyzeCommand.Create(io);
        yield return ParetoCheckCommand.Create(io);
        yield return NegotiateCommand.Create(io);
        yield return ReplayCommand.Create(io);
        yield return AgentsCommand.Create(io);
        yield return TournamentCommand.Create(io);
        yield return ServeCommand.Create(io);
    }
}
