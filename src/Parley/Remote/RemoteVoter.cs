using System.Buffers;
using System.Net.WebSockets;
using Parley.Domains;
using Parley.Formats.GeniusWeb;
using Parley.Mediation;
using Parley.Preferences;
using Parley.Scenarios;

namespace Parley.Remote;

/// <summary>
/// A party seat of a mediated (single-text) session played by a remote GeniusWeb party: every
/// question the mediation puts to the party (vote on a candidate text, sign the final text) goes
/// to it as a GeniusWeb <c>Voting</c> inform holding one <c>Offer</c> by the mediator, and its
/// <c>Votes</c> answer it: a <c>Vote</c> for that bid is a yes, no vote a no.
/// </summary>
/// <remarks>
/// <para>GeniusWeb has no single-text protocol; this mapping uses its MOPAC voting messages, which
/// every MOPAC party already answers. The party is connected on the first question: it receives
/// <c>Settings</c> (protocol <c>MOPAC</c>, its own profile behind a per-session reference, the
/// deadline in rounds of the mediation), then one <c>Voting</c> per question, and
/// <c>Finished</c> when the voter is disposed. The feedback protocol reads a yes as "better" and a
/// no as "worse"; the veto protocol reads a no as a veto of every changed article; issue-by-issue
/// questions (one article of a partial text) are put as the whole current text with that article
/// changed.</para>
/// <para>A fault (no connection, a malformed or foreign answer, silence past the action time limit,
/// an oversized message, a closed connection) throws <see cref="RemotePartyException"/>, which the
/// mediation runner records as the party's failure with the reason.</para>
/// </remarks>
public sealed class RemoteVoter : Voter, IDisposable
{
    private readonly Uri _address;
    private readonly AdditiveProfile _profile;
    private readonly string _id;
    private readonly string _mediatorId;
    private readonly IReadOnlyList<string> _parties;
    private readonly int _rounds;
    private readonly RemotePartyOptions _options;
    private readonly GeniusWebBidCodec _codec;
    private readonly byte[] _profileJson;
    private readonly TimeProvider _time;
    private readonly ArrayBufferWriter<byte> _out = new(1024);
    private readonly ArrayBufferWriter<byte> _in = new(1024);
    private ClientWebSocket? _socket;
    private ProfileLease? _lease;
    private Outcome? _incumbent;

    /// <summary>Creates the seat of <paramref name="party"/> (its index among the scenario's negotiators) for the party at <paramref name="address"/>.</summary>
    /// <exception cref="ArgumentException">The party's profile is not additive (GeniusWeb parties read LinearAdditiveUtilitySpace only).</exception>
    public RemoteVoter(Uri address, Scenario scenario, int party, int rounds, RemotePartyOptions? options = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(scenario);
        _address = address;
        _profile = scenario.Negotiators[party].Profile as AdditiveProfile
            ?? throw new ArgumentException($"party '{scenario.Negotiators[party].Name}' has no additive profile to send a GeniusWeb party", nameof(party));
        var names = scenario.Negotiators.Select(p => p.Name).Append(scenario.Mediator?.Name ?? "mediator").ToArray();
        var ids = GeniusWebIds.For(names);
        _id = ids[party];
        _mediatorId = ids[^1];
        _parties = ids.Take(scenario.Negotiators.Count).ToArray();
        _rounds = Math.Max(1, rounds);
        _options = options ?? new RemotePartyOptions();
        _time = time ?? TimeProvider.System;
        _profileJson = GeniusWebWriter.WireProfile(_profile, _id, out var numbers);
        _codec = new GeniusWebBidCodec(scenario.Domain, numbers);
    }

    /// <inheritdoc />
    public override string Name => _address.ToString();

    /// <inheritdoc />
    public override bool Vote(VoteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _incumbent = context.Incumbent;
        return Ask(context.Candidate);
    }

    /// <inheritdoc />
    public override Feedback Answer(VoteContext context) => Vote(context) ? Feedback.Better : Feedback.Worse;

    /// <inheritdoc />
    public override IReadOnlyList<int> Veto(VoteContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Vote(context))
        {
            return [];
        }

        var changed = new List<int>();
        for (var i = 0; i < context.Candidate.Count; i++)
        {
            if (context.Candidate[i] != context.Incumbent[i])
            {
                changed.Add(i);
            }
        }

        return changed;
    }

    /// <inheritdoc />
    public override bool AcceptArticle(ArticleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var levels = new int[_profile.Domain.IssueCount];
        for (var i = 0; i < levels.Length; i++)
        {
            levels[i] = context.Settled.IsSettled(i) ? context.Settled[i] : _incumbent?[i] ?? 0;
        }

        levels[context.Issue] = context.Level;
        return Ask(new Outcome(levels));
    }

    /// <inheritdoc />
    public override bool Sign(Profile profile, Outcome text) => Ask(text);

    /// <summary>Sends <c>Finished</c> and closes the connection.</summary>
    public void Dispose()
    {
        if (_socket is { } socket)
        {
            try
            {
                _out.ResetWrittenCount();
                GeniusWebWire.WriteFinished(_out, [], _codec);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                socket.SendAsync(_out.WrittenMemory, WebSocketMessageType.Text, true, timeout.Token).AsTask().GetAwaiter().GetResult();
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                // The party is gone already.
            }

            WebSocketMessages.CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "session over").GetAwaiter().GetResult();
            _socket = null;
        }

        _lease?.Dispose();
        _lease = null;
    }

    private bool Ask(Outcome text) => AskAsync(text).GetAwaiter().GetResult();

    private async Task<bool> AskAsync(Outcome text)
    {
        var socket = _socket ?? await ConnectAsync().ConfigureAwait(false);
        var offer = new GeniusWebAction(GeniusWebActionKind.Offer, _mediatorId, text);
        var powers = _parties.ToDictionary(p => p, _ => 1, StringComparer.Ordinal);
        _out.ResetWrittenCount();
        GeniusWebWire.WriteVoting(_out, [offer], powers, _codec);
        await SendAsync(socket).ConfigureAwait(false);
        using var timeout = new CancellationTokenSource(_options.ActionTimeLimit, _time);
        WebSocketMessageType type;
        try
        {
            type = await WebSocketMessages.ReceiveAsync(socket, _in, _options.MaxMessageBytes, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            throw Fault($"silent for {_options.ActionTimeLimit.TotalMilliseconds:0.###} ms after being asked to vote (the action time limit)");
        }
        catch (MessageTooLargeException ex)
        {
            throw Fault("sent " + ex.Message);
        }
        catch (Exception ex) when (ex is WebSocketException or IOException)
        {
            throw Fault($"the connection dropped: {ex.Message}");
        }

        if (type == WebSocketMessageType.Close)
        {
            throw Fault("closed the connection before the session ended");
        }

        var answer = GeniusWebWire.ParseAction(_in.WrittenMemory, _codec, out var error) ?? throw Fault($"sent an invalid answer: {error}");
        if (answer.Actor != _id)
        {
            throw Fault($"acted for another actor: '{answer.Actor}', but it plays '{_id}'");
        }

        if (answer.Kind != GeniusWebActionKind.Votes)
        {
            throw Fault($"answered a Voting with {answer.Kind} (a Votes action is expected)");
        }

        return answer.Votes!.Any(v => text.Equals(v.Bid));
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _time);
        try
        {
            await socket.ConnectAsync(_address, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            socket.Dispose();
            throw Fault($"could not connect to {_address}: {(timeout.IsCancellationRequested ? "no connection in time" : ex.Message)}");
        }

        _socket = socket;
        _lease = (_options.Profiles ?? ProfileEndpoint.Shared).Publish(_profileJson);
        var parameters = new Dictionary<string, string>(_options.Parameters, StringComparer.Ordinal) { ["parties"] = string.Join(',', _parties) };
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        _out.ResetWrittenCount();
        GeniusWebWire.WriteSettings(_out, new GeniusWebSettings(_id, _lease.Reference.ToString(), "MOPAC", GeniusWebProgress.OfRounds(_rounds, now + (long)TimeSpan.FromDays(1).TotalMilliseconds), parameters));
        await SendAsync(socket).ConfigureAwait(false);
        return socket;
    }

    private async Task SendAsync(ClientWebSocket socket)
    {
        _options.OnSent?.Invoke(_out.WrittenMemory);
        try
        {
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout);
            await socket.SendAsync(_out.WrittenMemory, WebSocketMessageType.Text, true, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
        {
            throw Fault($"the connection broke while sending: {ex.Message}");
        }
    }

    private RemotePartyException Fault(string reason) => new($"remote party {_address}: {reason}");
}
