using Parley.Workbench;

namespace Parley.Server;

/// <summary>
/// Plays the built-in agents the mediator put in delegations' seats (<see cref="SeatAgent"/>): every
/// tick, for each loaded negotiation with an open round, each agent that has not voted answers and
/// votes as its seat, through the same command path as a person (decided by the case, stored, then sent live).
/// </summary>
internal sealed partial class SeatAgentRunner(NegotiationRegistry registry, ServerOptions options, TimeProvider time, ILogger<SeatAgentRunner> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.AgentInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            foreach (var entry in registry.Entries)
            {
                // A racy peek chooses; the case decides under the gate.
                if (entry.Loaded?.Protocol is not { RoundOpen: true })
                {
                    continue;
                }

                var pending = await registry.ReadAsync(entry, c => SeatAgent.In(c).Select(a => (a.Seat, Commands: a.Respond(c))).Where(p => p.Commands.Count > 0).ToList(), stoppingToken).ConfigureAwait(false);
                foreach (var (seat, commands) in pending)
                {
                    foreach (var command in commands)
                    {
                        var outcome = await registry.ExecuteAsync(entry, Audience.Delegation(seat), command, null, stoppingToken).ConfigureAwait(false);
                        if (outcome.Refusal != CaseRefusalKind.None)
                        {
                            LogRefused(logger, entry.Id, seat, outcome.Message ?? "");
                            break;
                        }
                    }
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Negotiation {Negotiation}: the agent in seat {Seat} was refused: {Message}")]
    private static partial void LogRefused(ILogger logger, string negotiation, int seat, string message);
}
