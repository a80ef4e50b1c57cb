using System.CommandLine;
using Parley.Analysis;
using Parley.Protocols;
using Parley.Sessions;

namespace Parley.Cli.Commands;

/// <summary><c>parley replay log.jsonl [--json]</c>: rebuilds a session from its event log and prints its result.</summary>
internal static class ReplayCommand
{
    public static Command Create(CliIO io)
    {
        var path = new Argument<string>("log") { Description = "An event log written with --log (JSON Lines)." };
        var json = CommonOptions.JsonOption();
        var command = new Command("replay", "Rebuild a session from its event log, checking every event, and print the result the run printed.");
        command.Arguments.Add(path);
        command.Options.Add(json);
        command.SetAction(async (parse, ct) =>
        {
            var replayed = SessionReplay.Replay(parse.GetValue(path)!);
            if (!replayed.Negotiation.IsOver)
            {
                await io.Error.WriteLineAsync($"note: the log ends before the session did; this is the state after its {replayed.Log.Events.Count:N0} events (the session can resume from here)").ConfigureAwait(false);
            }

            if (parse.GetValue(json))
            {
                await io.Out.WriteLineAsync(replayed.Json).ConfigureAwait(false);
                return ExitCodes.Ok;
            }

            var header = replayed.Log.Header;
            await io.Out.WriteLineAsync($"Replayed {replayed.Log.Events.Count:N0} events of a {header.Protocol} session on {replayed.Log.Scenario.Name} (seed {header.Seed}).").ConfigureAwait(false);
            switch (replayed.Result)
            {
                case SessionResult result when replayed.Details is OutcomeMetrics metrics:
                    var mopacAgreements = (replayed.Negotiation as MopacNegotiation)?.Agreements;
                    var improvement = mopacAgreements is null && result.Agreement is { } agreed ? Parley.Mediation.PostSettlement.ForAgreement(replayed.Log.Scenario, agreed, result.Seed) : null;
                    await NegotiateCommand.WriteSummaryAsync(io.Out, result, metrics, replayed.Log.Scenario, replayed: true, agreements: mopacAgreements, improvement: improvement).ConfigureAwait(false);
                    break;
                default:
                    await io.Out.WriteLineAsync(replayed.Json).ConfigureAwait(false);
                    break;
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
