using System.Text.Json;
using Parley.Domains;
using Parley.Mediation;

namespace Parley.Workbench;

/// <summary>The adapter's part of a case snapshot: the engine's own snapshot and what the case folds from the engine's events.</summary>
public sealed partial class EngineProtocol
{
    private JsonElement? _baseEngine;
    private (int VotingRounds, bool?[] Ballots, bool?[] Signatures, Outcome? Adopted) _baseFold;
    private long _baseSequence;
    private SingleTextNegotiation? _restored;   // the engine the snapshot was checked on, used by the first rebuild

    /// <summary>
    /// Whether the stored engine events end between two of the engine's steps. They do after every
    /// whole decision; not between the events of one decision (a signature and the closing it
    /// causes are stored in two case events), where the engine's replay completes the step ahead of
    /// the log, and a snapshot would run ahead of the events that follow.
    /// </summary>
    internal bool IsBetweenSteps
    {
        get
        {
            var engine = Current();
            return engine.EventCount == _baseSequence + _log.Count;
        }
    }

    /// <summary>Writes the confirmed state (the engine's snapshot, the fold, the round's deadline) as a JSON object.</summary>
    internal void WriteSnapshot(Utf8JsonWriter json)
    {
        var engine = Current();
        if (engine.EventCount != _baseSequence + _log.Count)
        {
            throw new InvalidOperationException("A snapshot is taken after a whole decision, not between its events.");
        }

        json.WriteStartObject();
        json.WritePropertyName("engine");
        engine.WriteSnapshot(json);   // written once, in place (the same JSON as engine.Snapshot())

        json.WriteNumber("votingRounds", _fold.VotingRounds);
        WriteAnswers(json, "ballots", _fold.Ballots);
        WriteAnswers(json, "signatures", _fold.Signatures);
        if (_fold.Adopted is { } adopted)
        {
            json.WriteStartArray("adopted");
            foreach (var l in adopted.Levels)
            {
                json.WriteNumberValue(l);
            }

            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("adopted");
        }

        if (_deadline is { } deadline)
        {
            json.WriteString("deadline", deadline);
        }
        else
        {
            json.WriteNull("deadline");
        }

        json.WriteBoolean("closedByMediator", _closedByMediator);
        json.WriteEndObject();
    }

    /// <summary>Restores a fresh adapter (no events applied but the creation's) from what <see cref="WriteSnapshot"/> wrote; the events after it are then applied as usual.</summary>
    internal void ReadSnapshot(JsonElement state)
    {
        var engine = state.GetProperty("engine").Clone();
        var probe = Create(_domain, _seats, _clock);
        probe.Restore(engine);   // refuses another format version or shape now, not at first use
        var adopted = state.GetProperty("adopted");
        Outcome? outcome = null;
        if (adopted.ValueKind != JsonValueKind.Null)
        {
            var levels = adopted.EnumerateArray().Select(l => l.GetInt32()).ToArray();
            outcome = _domain.IsValid(levels) ? new Outcome(levels) : throw new FormatException("the adopted text is not in the domain");
        }

        _baseFold = (state.GetProperty("votingRounds").GetInt32(), ReadAnswers(state.GetProperty("ballots")), ReadAnswers(state.GetProperty("signatures")), outcome);
        var deadline = state.GetProperty("deadline");
        _deadline = deadline.ValueKind == JsonValueKind.Null ? null : deadline.GetDateTimeOffset();
        _closedByMediator = state.GetProperty("closedByMediator").GetBoolean();
        _baseEngine = engine;
        _baseSequence = probe.EventCount;
        _restored = probe;
        _log.Clear();
        _undecoded.Clear();
        _pending.Clear();
        _pendingEvents.Clear();
        _engine = null;
    }

    // A fresh engine at the snapshot's state: the one restored when the snapshot was read, the first
    // time (so a first use parses the engine's snapshot once), a new restore after that.
    private SingleTextNegotiation CreateAtBase(Fold fold)
    {
        var engine = _restored ?? Create(_domain, _seats, _clock);
        var restored = _restored is not null;
        _restored = null;
        if (_baseEngine is not { } snapshot)
        {
            return engine;
        }

        if (!restored)
        {
            engine.Restore(snapshot);
        }

        fold.VotingRounds = _baseFold.VotingRounds;
        fold.Ballots = [.. _baseFold.Ballots];
        fold.Signatures = [.. _baseFold.Signatures];
        fold.Adopted = _baseFold.Adopted;
        return engine;
    }

    private static void WriteAnswers(Utf8JsonWriter json, string name, bool?[] answers)
    {
        json.WriteStartArray(name);
        foreach (var a in answers)
        {
            if (a is { } yes)
            {
                json.WriteBooleanValue(yes);
            }
            else
            {
                json.WriteNullValue();
            }
        }

        json.WriteEndArray();
    }

    private bool?[] ReadAnswers(JsonElement array)
    {
        if (array.GetArrayLength() != _seats.Count)
        {
            throw new FormatException($"{array.GetArrayLength()} answers for {_seats.Count} seats");
        }

        return [.. array.EnumerateArray().Select(a => a.ValueKind == JsonValueKind.Null ? (bool?)null : a.GetBoolean())];
    }
}
