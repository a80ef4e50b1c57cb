using Parley.Server;
using Parley.Server.Storage;

// `dotnet Parley.Server.dll [--urls URL] [--db sqlite:PATH | --db postgres:CONNECTION] [--snapshot-interval EVENTS]`: the same host
// `parley serve` runs (the tests start this process to kill it).
var options = new ServerOptions();
var hostArgs = new List<string>();
string? export = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--urls" when i + 1 < args.Length:
            options = options with { Urls = args[++i] };
            break;
        case "--db" when i + 1 < args.Length:
            try
            {
                options = options with { Database = DatabaseTarget.Parse(args[++i]) };
            }
            catch (Parley.InputException e)
            {
                await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
                return 2;
            }

            break;
        case "--export" when i + 1 < args.Length:
            export = args[++i];
            break;
        case "--no-seed":
            options = options with { SeedIsraelSyria = false };
            break;
        case "--snapshot-interval" when i + 1 < args.Length:
            if (!int.TryParse(args[++i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var interval) || interval < 1)
            {
                await Console.Error.WriteLineAsync($"--snapshot-interval takes a positive number of events (got '{args[i]}')").ConfigureAwait(false);
                return 2;
            }

            options = options with { SnapshotInterval = interval };
            break;
        case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains('=', StringComparison.Ordinal):
            hostArgs.Add(setting);   // host configuration (--environment=..., as WebApplicationFactory passes)
            break;
        default:
            await Console.Error.WriteLineAsync($"unknown argument '{args[i]}' (usage: [--urls URL] [--db sqlite:PATH|postgres:CONNECTION] [--no-seed] [--snapshot-interval EVENTS] [--export ID])").ConfigureAwait(false);
            return 2;
    }
}

if (export is not null)
{
    try
    {
        await Console.Out.WriteLineAsync(await ServerHost.ExportAsync(options.Database, export).ConfigureAwait(false)).ConfigureAwait(false);
        return 0;
    }
    catch (Parley.InputException e)
    {
        await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
        return 2;
    }
}

using var stop = new CancellationTokenSource();
await ServerHost.RunAsync(options, Console.Out, [.. hostArgs], stop.Token).ConfigureAwait(false);
return 0;

/// <summary>The entry point (named for WebApplicationFactory).</summary>
public partial class Program;
