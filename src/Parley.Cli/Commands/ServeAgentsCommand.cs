using System.CommandLine;
using System.Net;
using Parley.Remote;

namespace Parley.Cli.Commands;

/// <summary>
/// <c>parley serve-agents [--urls http://127.0.0.1:9000] [--agents a,b]</c>: the built-in agents as
/// GeniusWeb parties until Ctrl-C (the server itself is <see cref="PartyServer"/> in the library).
/// </summary>
internal static class ServeAgentsCommand
{
    public static Command Create(CliIO io)
    {
        var urls = new Option<string>("--urls") { Description = "The address to listen on (http://host:port; port 0 picks a free one).", DefaultValueFactory = _ => "http://127.0.0.1:9000" };
        var agents = new Option<string?>("--agents") { Description = "The built-in agents to offer, comma-separated (default: all)." };
        var command = new Command("serve-agents", "Offer the built-in agents as GeniusWeb parties: GET /parties lists them, GET /run/<id> gives a fresh instance's ws:// URL.");
        command.Options.Add(urls);
        command.Options.Add(agents);
        command.SetAction(async (parse, ct) =>
        {
            var address = parse.GetValue(urls)!;
            if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Scheme != "http" || uri.AbsolutePath != "/")
            {
                throw new InputException("--urls", address, "expected http://host:port (one address)");
            }

            var ids = parse.GetValue(agents) is { } list ? CommonOptions.SplitAgents(list) : null;
            PartyServer server;
            try
            {
                server = new PartyServer(uri.Host, uri.Port, ids);
            }
            catch (ArgumentException ex)
            {
                throw new InputException("--agents", string.Empty, ex.Message);
            }
            catch (HttpListenerException ex)
            {
                throw new InputException("--urls", address, $"cannot listen there: {ex.Message}");
            }

            using (server)
            {
                await io.Out.WriteLineAsync($"Serving {server.Parties.Count} GeniusWeb parties; party list: {server.PartiesAddress}").ConfigureAwait(false);
                foreach (var id in server.Parties.Order(StringComparer.Ordinal))
                {
                    await io.Out.WriteLineAsync($"  {id}: {server.PartyAddress(id)} (ws: {server.PartySocketAddress(id)})").ConfigureAwait(false);
                }

                await io.Out.WriteLineAsync("Press Ctrl-C to stop.").ConfigureAwait(false);
                await io.Out.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C: stop serving.
                }

                await io.Out.WriteLineAsync($"Stopped after {server.PlayedInstances} session(s).").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
