using System.Buffers;
using System.Net.WebSockets;
using Parley.Domains;
using Parley.Formats.GeniusWeb;
using Parley.Preferences;
using Parley.Protocols;
using Parley.Protocols.Drivers;
using Parley.Protocols.Views;

namespace Parley.Remote;

/// <summary>
/// Plays one seat of a hosted SAOP or MOPAC negotiation with a remote GeniusWeb party: Parley
/// connects to the party's WebSocket, sends <c>Settings</c> with a per-session profile reference,
/// translates the engine's events into informs and the party's actions into
/// <see cref="NegotiationAction"/>s submitted through the <see cref="NegotiationHost"/>.
/// </summary>
/// <remarks>
/// <para>Sequence (SAOP): <c>Settings</c>; then, for every action of any party, <c>ActionDone</c>;
/// <c>YourTurn</c> when the party is to act; <c>Finished</c> with the agreements at the end. MOPAC:
/// <c>YourTurn</c> opens the offer phase, <c>Voting</c> (the round's offers, every active party's
/// power, 1 each) the voting phase and <c>OptIn</c> (every party's votes) the opt-in phase; the
/// party answers each with <c>Offer</c> or <c>EndNegotiation</c>, then <c>Votes</c>, then
/// <c>Votes</c> again.</para>
/// <para>The party sees only its own view of the setup (<see cref="NegotiationViews"/>): its own
/// profile, served once behind an unguessable reference, and the public events.</para>
/// <para>Faults end the party's session as its failure (<see cref="Negotiation.Fail"/>), with the
/// reason: it cannot be reached; it closes or drops the connection before the end; it sends
/// malformed JSON, something other than an action, an action for another actor, an action when
/// it is not asked to act (a flood of messages is that) or an outcome outside the domain; a
/// message longer than <see cref="RemotePartyOptions.MaxMessageBytes"/>; silence longer than
/// <see cref="RemotePartyOptions.ActionTimeLimit"/> after being asked to act. Every path closes the
/// socket, withdraws the profile, stops the timer and waits for the reading task, so nothing
/// outlives the call.</para>
/// </remarks>
public static class RemoteParty
{
    /// <summary>Whether <paramref name="agent"/> names a remote party (a <c>ws://</c>, <c>wss://</c>, <c>http://</c> or <c>https://</c> URL) rather than a built-in agent.</summary>
    public static bool IsRemote(string agent) =>
        agent is not null
        && (agent.StartsWith("ws://", StringComparison.OrdinalIgnoreCase) || agent.StartsWith("wss://", StringComparison.OrdinalIgnoreCase)
            || agent.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || agent.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    /// <summary>Plays party <paramref name="party"/> with the remote party at <paramref name="address"/> until the session ends.</summary>
    /// <param name="host">The host of a <see cref="SaopNegotiation"/> or <see cref="MopacNegotiation"/>.</param>
    /// <param name="party">The seat.</param>
    /// <param name="address">The party's WebSocket URL (<c>ws://</c>), or a GeniusWeb parties-server URL (<c>http://</c>) whose GET answers one.</param>
    /// <param name="options">Budgets and limits.</param>
    /// <param name="cancellationToken">Stops playing (the party is then left without a Finished).</param>
    public static async Task PlayAsync(NegotiationHost host, int party, Uri address, RemotePartyOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(address);
        options ??= new RemotePartyOptions();
        var negotiation = host.Negotiation;
        var protocol = negotiation switch
        {
            SaopNegotiation => "SAOP",
            MopacNegotiation => "MOPAC",
            _ => throw new ArgumentException($"A remote GeniusWeb party plays SAOP or MOPAC, not {negotiation.Protocol}.", nameof(host)),
        };

        var setup = host.Read(n => NegotiationViews.For(Audience.OfParty(party), n.Setup, ViewPolicy.Open));
        var ids = GeniusWebIds.For(setup.Parties);
        if (setup.Profiles[party] is not AdditiveProfile profile)
        {
            host.Fail(party, FailureKind.Exception, $"{address}: its profile cannot be sent: GeniusWeb parties read additive (LinearAdditiveUtilitySpace) profiles only");
            return;
        }

        var json = GeniusWebWriter.WireProfile(profile, ids[party], out var numbers);
        var codec = new GeniusWebBidCodec(setup.Domain, numbers);
        var session = new Session(host, party, ids, codec, options, protocol == "MOPAC", address);
        await session.RunAsync(json, protocol, setup, cancellationToken).ConfigureAwait(false);
    }

    private sealed class Session
    {
        private readonly NegotiationHost _host;
        private readonly int _party;
        private readonly IReadOnlyList<string> _ids;
        private readonly GeniusWebBidCodec _codec;
        private readonly RemotePartyOptions _options;
        private readonly bool _mopac;
        private readonly Uri _address;
        private readonly ArrayBufferWriter<byte> _out = new(1024);
        private readonly List<GeniusWebAction> _roundOffers = [];
        private readonly Dictionary<int, GeniusWebAction> _roundVotes = [];
        private readonly SemaphoreSlim _sendLock = new(1, 1);
        private ClientWebSocket? _socket;
        private int _accepted;
        private int _promptedAt = -1;
        private int _prompted; // 1 while a prompt (YourTurn, Voting, OptIn) waits for the party's one answer
        private ITimer? _silence;

        public Session(NegotiationHost host, int party, IReadOnlyList<string> ids, GeniusWebBidCodec codec, RemotePartyOptions options, bool mopac, Uri address)
        {
            _host = host;
            _party = party;
            _ids = ids;
            _codec = codec;
            _options = options;
            _mopac = mopac;
            _address = address;
        }

        private TimeProvider Time => _host.Negotiation.Setup.TimeProvider;

        public async Task RunAsync(byte[] profileJson, string protocol, NegotiationSetup setup, CancellationToken cancellationToken)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task? reading = null;
            ProfileLease? lease = null;
            try
            {
                var socket = await ConnectAsync(cancellationToken).ConfigureAwait(false);
                if (socket is null)
                {
                    return;
                }

                _socket = socket;
                lease = (_options.Profiles ?? ProfileEndpoint.Shared).Publish(profileJson);
                // The parties' ids in turn order travel as a parameter (GeniusWeb parties ignore parameters they do not know).
                var parameters = new Dictionary<string, string>(_options.Parameters, StringComparer.Ordinal) { ["parties"] = string.Join(',', _ids) };
                var settings = new GeniusWebSettings(_ids[_party], lease.Reference.ToString(), protocol, ProgressOf(setup), parameters);
                _out.ResetWrittenCount();
                GeniusWebWire.WriteSettings(_out, settings);
                if (!await SendAsync(stop.Token).ConfigureAwait(false))
                {
                    return;
                }

                reading = Task.Run(() => ReadLoopAsync(stop.Token), CancellationToken.None);
                await FollowAsync(stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // Stopped by the caller, or the party's reading failed and ended the session.
            }
            finally
            {
                _silence?.Dispose();
                await stop.CancelAsync().ConfigureAwait(false);
                if (_socket is { } s)
                {
                    await WebSocketMessages.CloseAsync(s, WebSocketCloseStatus.NormalClosure, "session over").ConfigureAwait(false);
                }

                if (reading is not null)
                {
                    await reading.ConfigureAwait(false);
                }

                lease?.Dispose();
                _sendLock.Dispose();
            }
        }

        private async Task<ClientWebSocket?> ConnectAsync(CancellationToken cancellationToken)
        {
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            var target = _address;
            var socket = new ClientWebSocket();
            try
            {
                if (target.Scheme is "http" or "https")
                {
                    using var http = new HttpClient();
                    var answer = (await http.GetStringAsync(target, linked.Token).ConfigureAwait(false)).Trim().Trim('"');
                    if (!Uri.TryCreate(answer, UriKind.Absolute, out var ws) || ws.Scheme is not ("ws" or "wss"))
                    {
                        socket.Dispose();
                        Fail(FailureKind.Exception, $"GET {target} answered '{Clip(answer)}', not a ws:// URL of a party instance");
                        return null;
                    }

                    target = ws;
                }

                await socket.ConnectAsync(target, linked.Token).ConfigureAwait(false);
                return socket;
            }
            catch (Exception ex) when (ex is WebSocketException or HttpRequestException or OperationCanceledException or IOException)
            {
                socket.Dispose();
                if (cancellationToken.IsCancellationRequested)
                {
                    return null;
                }

                var why = timeout.IsCancellationRequested ? $"no connection within {_options.ConnectTimeout.TotalSeconds:0.###} s" : ex.Message;
                Fail(FailureKind.Exception, $"could not connect to {target}: {why}");
                return null;
            }
        }

        private GeniusWebProgress ProgressOf(NegotiationSetup setup)
        {
            var now = Time.GetUtcNow().ToUnixTimeMilliseconds();
            var time = setup.Deadline.Time;
            if (setup.Deadline.Rounds is { } rounds)
            {
                // Without a wall-clock limit the end time is a day away: GeniusWeb's ProgressRounds needs one.
                return GeniusWebProgress.OfRounds(rounds, now + (long)(time ?? TimeSpan.FromDays(1)).TotalMilliseconds);
            }

            return GeniusWebProgress.OfTime((long)time!.Value.TotalMilliseconds, now);
        }

        private async Task FollowAsync(CancellationToken cancellationToken)
        {
            long seen = 0;
            var phases = 0;
            while (true)
            {
                await _host.WaitForEventsAsync(seen, cancellationToken).ConfigureAwait(false);
                var events = _host.EventsFrom(seen);
                foreach (var e in events)
                {
                    seen++;
                    if (e.Kind == EventKind.PhaseBegan)
                    {
                        phases++;
                        if (e.Value == MopacNegotiation.OfferPhase)
                        {
                            _roundOffers.Clear();
                        }
                        else if (e.Value == MopacNegotiation.VotingPhase)
                        {
                            _roundVotes.Clear();
                        }
                    }

                    var done = ActionOf(e);
                    if (done is null)
                    {
                        continue;
                    }

                    if (done.Kind == GeniusWebActionKind.Offer)
                    {
                        _roundOffers.Add(done);
                    }
                    else if (done.Kind == GeniusWebActionKind.Votes)
                    {
                        _roundVotes[e.Actor] = done;
                    }

                    _out.ResetWrittenCount();
                    GeniusWebWire.WriteActionDone(_out, done, _codec);
                    if (!await SendAsync(cancellationToken).ConfigureAwait(false))
                    {
                        return;
                    }
                }

                var (over, may, count, phase) = _host.Read(n => (n.IsOver, n.MayAct(_party), n.EventCount, n is MopacNegotiation m ? m.Phase : 0));
                if (over && count == seen)
                {
                    await FinishAsync(cancellationToken).ConfigureAwait(false);
                    return;
                }

                if (count != seen || !may)
                {
                    continue;
                }

                // One prompt per turn (SAOP: per own action; MOPAC: per phase).
                var key = _mopac ? phases : Volatile.Read(ref _accepted);
                if (key == _promptedAt)
                {
                    continue;
                }

                _promptedAt = key;
                _out.ResetWrittenCount();
                if (_mopac && phase == MopacNegotiation.VotingPhase)
                {
                    var powers = new Dictionary<string, int>(StringComparer.Ordinal);
                    var active = _host.Read(n => Enumerable.Range(0, n.Setup.PartyCount).Where(((MopacNegotiation)n).IsActive).ToArray());
                    foreach (var p in active)
                    {
                        powers[_ids[p]] = 1;
                    }

                    GeniusWebWire.WriteVoting(_out, _roundOffers, powers, _codec);
                }
                else if (_mopac && phase == MopacNegotiation.OptInPhase)
                {
                    GeniusWebWire.WriteOptIn(_out, [.. _roundVotes.OrderBy(v => v.Key).Select(v => v.Value)], _codec);
                }
                else
                {
                    GeniusWebWire.WriteYourTurn(_out);
                }

                ArmSilenceTimer();
                Volatile.Write(ref _prompted, 1); // before sending, so that a quick answer finds it
                if (!await SendAsync(cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
            }
        }

        private void ArmSilenceTimer()
        {
            var expected = Volatile.Read(ref _accepted);
            _silence?.Dispose();
            _silence = Time.CreateTimer(
                _ =>
                {
                    if (Volatile.Read(ref _accepted) == expected && _host.Read(n => n.MayAct(_party)))
                    {
                        Fail(FailureKind.Timeout, $"silent for {_options.ActionTimeLimit.TotalMilliseconds:0.###} ms after being asked to act (the action time limit)");
                    }
                },
                null,
                _options.ActionTimeLimit,
                Timeout.InfiniteTimeSpan);
        }

        private async Task FinishAsync(CancellationToken cancellationToken)
        {
            var agreements = _host.Read(n =>
            {
                var list = new List<KeyValuePair<string, Outcome>>();
                for (var p = 0; p < n.Setup.PartyCount; p++)
                {
                    var deal = n switch
                    {
                        SaopNegotiation s => s.Agreement,
                        MopacNegotiation m => m.Agreements[p],
                        _ => null,
                    };
                    if (deal is not null)
                    {
                        list.Add(new(_ids[p], deal));
                    }
                }

                return list;
            });
            _out.ResetWrittenCount();
            GeniusWebWire.WriteFinished(_out, agreements, _codec);
            await SendAsync(cancellationToken).ConfigureAwait(false);
        }

        private GeniusWebAction? ActionOf(NegotiationEvent e) => e.Kind switch
        {
            EventKind.Offered => new GeniusWebAction(GeniusWebActionKind.Offer, _ids[e.Actor], e.Outcome),
            EventKind.Accepted => new GeniusWebAction(GeniusWebActionKind.Accept, _ids[e.Actor], e.Outcome),
            EventKind.WalkedAway => new GeniusWebAction(GeniusWebActionKind.EndNegotiation, _ids[e.Actor]),
            EventKind.VotesCast when e.Detail is MopacVotesDetail votes => new GeniusWebAction(
                GeniusWebActionKind.Votes,
                _ids[e.Actor],
                null,
                0,
                0,
                [.. votes.Votes.Select(v => new GeniusWebAction(GeniusWebActionKind.Vote, _ids[e.Actor], v.Offer, v.MinPower, v.MaxPower))]),
            _ => null,
        };

        private async Task<bool> SendAsync(CancellationToken cancellationToken)
        {
            var socket = _socket!;
            await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                _options.OnSent?.Invoke(_out.WrittenMemory);
                await socket.SendAsync(_out.WrittenMemory, WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
            {
                Fail(FailureKind.Exception, $"the connection broke while sending: {ex.Message}");
                return false;
            }
            finally
            {
                _sendLock.Release();
            }
        }

        private async Task ReadLoopAsync(CancellationToken cancellationToken)
        {
            var buffer = new ArrayBufferWriter<byte>(1024);
            var socket = _socket!;
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    var type = await WebSocketMessages.ReceiveAsync(socket, buffer, _options.MaxMessageBytes, cancellationToken).ConfigureAwait(false);
                    if (type == WebSocketMessageType.Close)
                    {
                        Fail(FailureKind.Exception, "closed the connection before the session ended");
                        return;
                    }

                    if (type != WebSocketMessageType.Text)
                    {
                        Fail(FailureKind.InvalidAction, "sent a binary message (GeniusWeb actions are JSON text)");
                        return;
                    }

                    if (!Handle(buffer.WrittenMemory))
                    {
                        return;
                    }
                }
            }
            catch (MessageTooLargeException ex)
            {
                Fail(FailureKind.InvalidAction, $"sent {ex.Message}");
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The session is over or the caller stopped.
            }
            catch (Exception ex) when (ex is WebSocketException or IOException or ObjectDisposedException)
            {
                if (!cancellationToken.IsCancellationRequested)
                {
                    Fail(FailureKind.Exception, $"the connection dropped: {ex.Message}");
                }
            }
        }

        private bool Handle(ReadOnlyMemory<byte> message)
        {
            var action = GeniusWebWire.ParseAction(message, _codec, out var error);
            if (action is null)
            {
                var what = error switch
                {
                    not null when error.StartsWith("malformed JSON: ", StringComparison.Ordinal) => "sent malformed JSON: " + error["malformed JSON: ".Length..],
                    not null when error.StartsWith("outside the domain: ", StringComparison.Ordinal) => "offered an outcome outside the domain: " + error["outside the domain: ".Length..],
                    _ => "sent an invalid action: " + error,
                };
                Fail(FailureKind.InvalidAction, what);
                return false;
            }

            if (action.Actor != _ids[_party])
            {
                Fail(FailureKind.InvalidAction, $"acted for another actor: {action.Kind} by '{Clip(action.Actor)}', but it plays '{_ids[_party]}'");
                return false;
            }

            // GeniusWeb: a party acts only when asked, once per prompt. An action before the prompt is
            // out of turn even when the protocol's state would take it (the first mover acting on Settings).
            if (Interlocked.Exchange(ref _prompted, 0) == 0)
            {
                Fail(FailureKind.InvalidAction, $"acted out of turn ({action.Kind}): it had not been asked to act");
                return false;
            }

            NegotiationAction submitted;
            switch (action.Kind)
            {
                case GeniusWebActionKind.Offer:
                    submitted = NegotiationAction.Offer(action.Bid!);
                    break;
                case GeniusWebActionKind.Accept:
                    submitted = NegotiationAction.Accept(action.Bid!);
                    break;
                case GeniusWebActionKind.EndNegotiation:
                    submitted = NegotiationAction.WalkAway();
                    break;
                case GeniusWebActionKind.Votes:
                    submitted = NegotiationAction.CastVotes([.. action.Votes!.Select(v => new MopacVote(v.Bid!, v.MinPower, v.MaxPower))]);
                    break;
                default:
                    Fail(FailureKind.InvalidAction, $"sent a lone {action.Kind} (MOPAC votes travel in a Votes action)");
                    return false;
            }

            var result = _host.Submit(_party, submitted);
            if (result.Accepted)
            {
                Interlocked.Increment(ref _accepted);
                return true;
            }

            switch (result.Refusal)
            {
                case RefusalKind.SessionOver:
                    return true;
                case RefusalKind.NotYourTurn:
                    Fail(FailureKind.InvalidAction, $"acted out of turn ({action.Kind}): {result.Message}");
                    return false;
                case RefusalKind.OutsideDomain:
                    Fail(FailureKind.InvalidAction, $"offered an outcome outside the domain: {result.Message}");
                    return false;
                default:
                    Fail(FailureKind.InvalidAction, $"{action.Kind} refused ({result.Refusal}): {result.Message}");
                    return false;
            }
        }

        private void Fail(FailureKind kind, string reason) => _host.Fail(_party, kind, $"remote party {_address}: {reason}");

        private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
    }
}
