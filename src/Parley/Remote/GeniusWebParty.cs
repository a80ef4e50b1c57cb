using System.Buffers;
using System.Net.WebSockets;
using Parley.Agents;
using Parley.Domains;
using Parley.Formats.GeniusWeb;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Drivers;
using Parley.Scenarios;

namespace Parley.Remote;

/// <summary>
/// Plays a built-in agent as a GeniusWeb party over one WebSocket, against any GeniusWeb runner
/// (Parley's own included): reads <c>Settings</c>, fetches its profile from the reference, then
/// answers <c>YourTurn</c> (and in MOPAC <c>Voting</c> and <c>OptIn</c>) with actions until
/// <c>Finished</c>.
/// </summary>
/// <remarks>
/// <para>The agent sees what a GeniusWeb party sees: its own profile, the public actions and the
/// deadline. Party order is learned from a <c>parties</c> parameter when the runner sends one
/// (Parley's does: the ids in turn order); otherwise the party takes the first seat and every
/// other actor the second. Normalised time: with <c>ProgressRounds</c>, the party's turn in round r
/// of R with n parties is (r·n + i)/(R·n), as Parley's SAOP reckons it; with <c>ProgressTime</c>, the
/// elapsed share of the duration.</para>
/// <para>A runner message that is not valid GeniusWeb, or a profile that cannot be read, ends the
/// instance with an <see cref="InvalidDataException"/>; the caller closes the socket.</para>
/// </remarks>
public static class GeniusWebParty
{
    /// <summary>The largest message the party accepts from a runner or a profile server: 16 MiB.</summary>
    public const int MaxMessageBytes = 16 << 20;

    /// <summary>Plays <paramref name="agent"/> on <paramref name="socket"/> until the runner sends <c>Finished</c> or closes.</summary>
    /// <param name="socket">An open WebSocket to the runner.</param>
    /// <param name="agent">A fresh agent.</param>
    /// <param name="time">The clock (for <c>ProgressTime</c>).</param>
    /// <param name="seed">The seed of the agent's random source.</param>
    /// <param name="cancellationToken">Stops playing.</param>
    /// <exception cref="InvalidDataException">The runner broke the protocol, or the profile cannot be read.</exception>
    public static async Task PlayAsync(WebSocket socket, IAgent agent, TimeProvider? time = null, int seed = 0, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(socket);
        ArgumentNullException.ThrowIfNull(agent);
        time ??= TimeProvider.System;
        var buffer = new ArrayBufferWriter<byte>(4096);
        var output = new ArrayBufferWriter<byte>(1024);
        GeniusWebBidCodec? codec = null;
        GeniusWebSettings? settings = null;
        AdditiveProfile? profile = null;
        NegotiationHistory? history = null;
        string[] names = [];
        var me = 0;
        var turns = 0;
        Outcome? table = null;
        var offeredBy = -1;
        var acceptances = 0;
        var votes = (IReadOnlyList<MopacVote>)[];
        while (!cancellationToken.IsCancellationRequested)
        {
            var type = await WebSocketMessages.ReceiveAsync(socket, buffer, MaxMessageBytes, cancellationToken).ConfigureAwait(false);
            if (type == WebSocketMessageType.Close)
            {
                return;
            }

            var inform = GeniusWebWire.ParseInform(buffer.WrittenMemory, codec, out var error)
                ?? throw new InvalidDataException($"the runner sent an invalid inform: {error}");
            switch (inform.Kind)
            {
                case GeniusWebInformKind.Settings:
                    settings = inform.Settings!;
                    profile = await FetchProfileAsync(new Uri(settings.Profile), cancellationToken).ConfigureAwait(false);
                    codec = GeniusWebBidCodec.ForReadDomain(profile.Domain);
                    names = settings.Parameters.TryGetValue("parties", out var parties) ? parties.Split(',') : [settings.PartyId, "opponent"];
                    me = Math.Max(0, Array.IndexOf(names, settings.PartyId));
                    var p = settings.Progress;
                    var deadline = p.Rounds is { } r ? new Deadline(r, null) : new Deadline(null, TimeSpan.FromMilliseconds(p.DurationMs));
                    history = new NegotiationHistory(64);
                    agent.Start(new AgentContext(profile, me, names, deadline, history, new Random(Saop.AgentSeed(seed, me)), cancellationToken));
                    break;
                case GeniusWebInformKind.ActionDone:
                    var done = inform.Action!;
                    var actor = IndexOf(names, done.Actor, me);
                    var round = Math.Max(0, turns - 1);
                    var t = TimeNow(settings!, names.Length, me, round, time);
                    switch (done.Kind)
                    {
                        case GeniusWebActionKind.Offer:
                            table = done.Bid;
                            offeredBy = actor;
                            acceptances = 0;
                            history!.Add(new HistoryEntry(round, t, actor, ActionKind.Offer, done.Bid));
                            break;
                        case GeniusWebActionKind.Accept:
                            acceptances++;
                            history!.Add(new HistoryEntry(round, t, actor, ActionKind.Accept, done.Bid));
                            break;
                        case GeniusWebActionKind.EndNegotiation:
                            history!.Add(new HistoryEntry(round, t, actor, ActionKind.WalkAway, null));
                            break;
                    }

                    break;
                case GeniusWebInformKind.YourTurn:
                    if (settings is null)
                    {
                        throw new InvalidDataException("the runner sent YourTurn before Settings");
                    }

                    var mopac = string.Equals(settings.Protocol, "MOPAC", StringComparison.OrdinalIgnoreCase);
                    var now = TimeNow(settings, names.Length, me, turns, time);
                    var state = mopac ? new NegotiationState(turns, now, null, -1, 0) : new NegotiationState(turns, now, table, offeredBy, acceptances);
                    turns++;
                    var move = agent.Act(state);
                    var answer = move.Kind switch
                    {
                        ActionKind.Offer => new GeniusWebAction(GeniusWebActionKind.Offer, settings.PartyId, move.Offer),
                        ActionKind.Accept when !mopac && table is not null => new GeniusWebAction(GeniusWebActionKind.Accept, settings.PartyId, table),
                        _ => new GeniusWebAction(GeniusWebActionKind.EndNegotiation, settings.PartyId),
                    };
                    if (mopac)
                    {
                        votes = [];
                    }

                    await SendAsync(socket, output, answer, codec!, cancellationToken).ConfigureAwait(false);
                    break;
                case GeniusWebInformKind.Voting:
                case GeniusWebInformKind.OptIn:
                    var optIn = inform.Kind == GeniusWebInformKind.OptIn;
                    var offers = optIn ? [.. votes.Select(v => v.Offer)] : inform.Offers!.Select(o => o.Bid!).ToArray();
                    var vt = TimeNow(settings!, names.Length, me, Math.Max(0, turns - 1), time);
                    if (agent is IMopacVoter voter)
                    {
                        votes = voter.Vote(optIn ? [.. inform.Votes!.SelectMany(v => v.Votes ?? []).Select(v => v.Bid!).Distinct()] : offers, votes, optIn, vt);
                    }
                    else if (!optIn)
                    {
                        var own = inform.Offers!.FirstOrDefault(o => o.Actor == settings!.PartyId)?.Bid;
                        var power = inform.Powers is { Count: > 0 } powers ? powers.Count : names.Length;
                        votes = MopacAgentRunner.DefaultVotes(profile!, offers, own is null ? 1.0 : profile!.Utility(own.Levels), power);
                    }

                    var cast = new GeniusWebAction(GeniusWebActionKind.Votes, settings!.PartyId, null, 0, 0, [.. votes.Select(v => new GeniusWebAction(GeniusWebActionKind.Vote, settings.PartyId, v.Offer, v.MinPower, v.MaxPower))]);
                    await SendAsync(socket, output, cast, codec!, cancellationToken).ConfigureAwait(false);
                    break;
                case GeniusWebInformKind.Finished:
                    return;
            }
        }
    }

    /// <summary>Reads a GeniusWeb profile from its reference: <c>ws://</c> (one text message), <c>http://</c> (GET) or <c>file:</c>.</summary>
    /// <exception cref="InvalidDataException">The profile cannot be fetched or read.</exception>
    public static async Task<AdditiveProfile> FetchProfileAsync(Uri reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        byte[] json;
        try
        {
            switch (reference.Scheme)
            {
                case "ws":
                case "wss":
                    using (var socket = new ClientWebSocket())
                    {
                        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                        timeout.CancelAfter(TimeSpan.FromSeconds(30));
                        await socket.ConnectAsync(reference, timeout.Token).ConfigureAwait(false);
                        var buffer = new ArrayBufferWriter<byte>(8192);
                        var type = await WebSocketMessages.ReceiveAsync(socket, buffer, MaxMessageBytes, timeout.Token).ConfigureAwait(false);
                        if (type != WebSocketMessageType.Text)
                        {
                            throw new InvalidDataException($"the profile server at {reference} sent no profile");
                        }

                        json = buffer.WrittenMemory.ToArray();
                        await WebSocketMessages.CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "profile received").ConfigureAwait(false);
                    }

                    break;
                case "http":
                case "https":
                    using (var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) })
                    {
                        json = await http.GetByteArrayAsync(reference, cancellationToken).ConfigureAwait(false);
                    }

                    break;
                case "file":
                    json = await File.ReadAllBytesAsync(reference.LocalPath, cancellationToken).ConfigureAwait(false);
                    break;
                default:
                    throw new InvalidDataException($"cannot fetch a profile from '{reference}' (ws, http or file)");
            }
        }
        catch (Exception ex) when (ex is WebSocketException or HttpRequestException or IOException)
        {
            throw new InvalidDataException($"cannot fetch the profile from {reference}: {ex.Message}", ex);
        }

        try
        {
            using var stream = new MemoryStream(json);
            return GeniusWebReader.ReadProfile(stream, reference.ToString(), out _);
        }
        catch (InputException ex)
        {
            throw new InvalidDataException($"cannot read the profile from {reference}: {ex.Message}", ex);
        }
    }

    private static int IndexOf(string[] names, string id, int me)
    {
        var i = Array.IndexOf(names, id);
        return i >= 0 ? i : me == 0 ? 1 : 0;
    }

    private static double TimeNow(GeniusWebSettings settings, int parties, int me, int round, TimeProvider time)
    {
        var p = settings.Progress;
        double t;
        if (p.Rounds is { } rounds)
        {
            t = ((double)round * parties + me) / ((double)rounds * parties);
        }
        else
        {
            t = (double)(time.GetUtcNow().ToUnixTimeMilliseconds() - p.StartMs) / p.DurationMs;
        }

        return Math.Clamp(t, 0, 1);
    }

    private static async Task SendAsync(WebSocket socket, ArrayBufferWriter<byte> output, GeniusWebAction action, GeniusWebBidCodec codec, CancellationToken cancellationToken)
    {
        output.ResetWrittenCount();
        GeniusWebWire.WriteAction(output, action, codec);
        await socket.SendAsync(output.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
    }
}
