using System.CommandLine;
using Parley.Server;
using Parley.Server.Storage;

namespace Parley.Cli.Commands;

/// <summary><c>parley serve [--urls URL] [--db sqlite:PATH | --db postgres:CONNECTION] [--snapshot-interval EVENTS]</c>: starts the mediation server (src/Parley.Server).</summary>
internal static class ServeCommand
{
    public static Command Create(CliIO io)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var db = new Option<string>("--db") { Description = "The database: sqlite:PATH (created on first start) or \"postgres:Host=...;Database=...;Username=...;Password=...\".", DefaultValueFactory = _ => "sqlite:parley.db" };
        var noSeed = new Option<bool>("--no-seed") { Description = "Do not create the Israel–Syria negotiation in an empty database." };
        var snapshots = new Option<int>("--snapshot-interval") { Description = "Store a negotiation's snapshot every this many events (a first use reads the snapshot and the events after it).", DefaultValueFactory = _ => new ServerOptions().SnapshotInterval };
        var export = new Option<string?>("--export") { Description = "Print negotiation ID's full record as JSON (confidential: every delegation's declarations, ballots and notes) and exit; POST /api/negotiations/import reproduces it." };
        var command = new Command("serve", "Run the mediation server: live negotiations between a mediator and delegations, stored in SQLite or PostgreSQL; prints the links of the Israel–Syria negotiation on first start.");
        command.Options.Add(urls);
        command.Options.Add(db);
        command.Options.Add(noSeed);
        command.Options.Add(snapshots);
        command.Options.Add(export);
        command.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(export) is { } id)
            {
                await io.Out.WriteLineAsync(await ServerHost.ExportAsync(DatabaseTarget.Parse(parse.GetValue(db)!), id, ct).ConfigureAwait(false)).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var interval = parse.GetValue(snapshots);
            if (interval < 1)
            {
                throw new InputException("--snapshot-interval", "", $"a snapshot interval is a positive number of events (got {interval})");
            }

            var options = new ServerOptions
            {
                Urls = parse.GetValue(urls)!,
                Database = DatabaseTarget.Parse(parse.GetValue(db)!),
                SeedIsraelSyria = !parse.GetValue(noSeed),
                SnapshotInterval = interval,
            };
            await ServerHost.RunAsync(options, io.Out, null, ct).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
