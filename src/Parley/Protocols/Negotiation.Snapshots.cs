using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Parley.Protocols;

/// <summary>Snapshots: the state after a prefix of the log, so that a host need not replay the whole log.</summary>
public abstract partial class Negotiation
{
    /// <summary>
    /// The version of the snapshot format (<see cref="Snapshot"/>). A snapshot of any other version
    /// is refused by <see cref="Restore(string)"/>: the host replays the log instead.
    /// </summary>
    public const int SnapshotFormat = 1;

    /// <summary>Whether this protocol can take a snapshot of its state (<see cref="Snapshot"/>).</summary>
    public virtual bool SupportsSnapshots => false;

    /// <summary>
    /// The state after the events appended so far, as JSON: restored into a fresh negotiation with the
    /// same setup (<see cref="Restore(string)"/>), then given the events after it
    /// (<see cref="Replay"/>), it is the negotiation the whole log rebuilds: the same state, the same
    /// next events, the same refusals.
    /// </summary>
    /// <remarks>
    /// Its size depends on the protocol's state, not on the length of the log (a single-text
    /// negotiation keeps a bounded summary of its rounds and versions). Observers and the
    /// in-process agents' history are not part of it: a host attaches its own.
    /// </remarks>
    /// <exception cref="NotSupportedException">The protocol takes no snapshots (<see cref="SupportsSnapshots"/>).</exception>
    public string Snapshot()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer))
        {
            WriteSnapshot(json);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes the <see cref="Snapshot"/> into <paramref name="json"/> as one JSON object: a host that
    /// embeds it in its own snapshot writes it once, instead of writing it as text, parsing it and
    /// writing it again.
    /// </summary>
    /// <exception cref="NotSupportedException">The protocol takes no snapshots (<see cref="SupportsSnapshots"/>).</exception>
    internal void WriteSnapshot(Utf8JsonWriter json)
    {
        if (!SupportsSnapshots)
        {
            throw new NotSupportedException($"The {Protocol} protocol takes no snapshots.");
        }

        if (_replayLog is not null)
        {
            throw new InvalidOperationException("A snapshot is taken between steps, not during a replay.");
        }

        json.WriteStartObject();
        json.WriteNumber("parleySnapshot", SnapshotFormat);
        json.WriteString("protocol", Protocol);
        json.WriteNumber("actors", _actorCount);
        json.WriteNumber("issues", Domain.IssueCount);
        json.WriteNumber("sequence", _sequence);
        json.WriteBoolean("started", _started);
        json.WriteBoolean("over", IsOver);
        json.WriteNumber("endReason", (int)EndReason);
        json.WriteNumber("round", Round);
        json.WriteNumber("time", Time);
        json.WriteNumber("elapsed", Elapsed);
        if (Failure is { } f)
        {
            json.WriteStartObject("failure");
            json.WriteNumber("actor", f.Party);
            json.WriteNumber("kind", (int)f.Kind);
            json.WriteString("reason", f.Reason);
            json.WriteEndObject();
        }

        json.WritePropertyName("state");
        json.WriteStartObject();
        WriteSnapshotState(json);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>
    /// Restores the state a <see cref="Snapshot"/> recorded into this fresh negotiation (built with the
    /// same setup); the events after it are then given to <see cref="Replay"/>.
    /// </summary>
    /// <exception cref="InvalidSnapshotException">Malformed JSON, another format version, another protocol, or a negotiation of another shape; this negotiation is then unusable (make a fresh one and replay the log).</exception>
    public void Restore(string snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        try
        {
            using var doc = JsonDocument.Parse(snapshot);
            Restore(doc.RootElement);
        }
        catch (JsonException e)
        {
            throw new InvalidSnapshotException($"The snapshot is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Restores the state a <see cref="Snapshot"/> recorded, from its parsed JSON.</summary>
    /// <exception cref="InvalidSnapshotException">See <see cref="Restore(string)"/>.</exception>
    public void Restore(JsonElement snapshot)
    {
        if (!SupportsSnapshots)
        {
            throw new NotSupportedException($"The {Protocol} protocol takes no snapshots.");
        }

        if (_sequence != 0 || _started || _replayLog is not null)
        {
            throw new InvalidOperationException("Restore needs a fresh negotiation.");
        }

        try
        {
            if (snapshot.ValueKind != JsonValueKind.Object || !snapshot.TryGetProperty("parleySnapshot", out var format) || format.ValueKind != JsonValueKind.Number)
            {
                throw new InvalidSnapshotException("This is not a Parley snapshot (no parleySnapshot format version).");
            }

            if (format.GetInt32() != SnapshotFormat)
            {
                throw new InvalidSnapshotException($"Snapshot format {format.GetInt32()} is not this version's ({SnapshotFormat}).");
            }

            var protocol = snapshot.GetProperty("protocol").GetString();
            if (!string.Equals(protocol, Protocol, StringComparison.Ordinal))
            {
                throw new InvalidSnapshotException($"A snapshot of a {protocol} negotiation cannot restore a {Protocol} one.");
            }

            if (snapshot.GetProperty("actors").GetInt32() != _actorCount || snapshot.GetProperty("issues").GetInt32() != Domain.IssueCount)
            {
                throw new InvalidSnapshotException("The snapshot is of a negotiation with other actors or issues.");
            }

            ReadSnapshotState(snapshot.GetProperty("state"));
            _sequence = snapshot.GetProperty("sequence").GetInt64();
            _started = snapshot.GetProperty("started").GetBoolean();
            IsOver = snapshot.GetProperty("over").GetBoolean();
            EndReason = (EndReason)snapshot.GetProperty("endReason").GetInt32();
            Round = snapshot.GetProperty("round").GetInt32();
            Time = snapshot.GetProperty("time").GetDouble();
            Elapsed = snapshot.GetProperty("elapsed").GetInt64();
            if (snapshot.TryGetProperty("failure", out var failure))
            {
                var actor = failure.GetProperty("actor").GetInt32();
                Failure = new SessionFailure(actor, Setup.ActorName(actor), (FailureKind)failure.GetProperty("kind").GetInt32(), failure.GetProperty("reason").GetString() ?? "");
            }
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException or ArgumentException)
        {
            throw new InvalidSnapshotException($"The snapshot is malformed: {e.Message}", e);
        }

        // Resume: the live clock continues from the last recorded time, as after a replay.
        _elapsedOffset = Elapsed;
        _startTimestamp = _readsClock ? _time.GetTimestamp() : 0;
    }

    /// <summary>Writes the protocol's own state (inside the snapshot's <c>state</c> object).</summary>
    protected virtual void WriteSnapshotState(Utf8JsonWriter json) =>
        throw new NotSupportedException($"The {Protocol} protocol takes no snapshots.");

    /// <summary>Reads the protocol's own state written by <see cref="WriteSnapshotState"/>.</summary>
    protected virtual void ReadSnapshotState(JsonElement state) =>
        throw new NotSupportedException($"The {Protocol} protocol takes no snapshots.");
}
