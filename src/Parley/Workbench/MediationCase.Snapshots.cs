using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Parley.Protocols;

namespace Parley.Workbench;

/// <summary>Snapshots of a case: its state after a prefix of its log, so that a host folds only the events after it.</summary>
public sealed partial class MediationCase
{
    /// <summary>
    /// The version of the case snapshot format (<see cref="Snapshot"/>). A snapshot of any other version
    /// is refused by <see cref="Restore"/> (the host replays the whole log instead); the engine's part
    /// carries the engine's own version (<see cref="Negotiation.SnapshotFormat"/>).
    /// </summary>
    public const int SnapshotFormat = 1;

    private readonly HashSet<long> _shareable = [];
    private List<ProfileDeclared>[] _declarations = [];
    private readonly List<CaseEvent> _improvementEvents = [];
    private CaseRecord? _createdRecord;
    private long _earlier;

    /// <summary>
    /// Whether the case holds its whole record: false after <see cref="Restore"/> from the records from
    /// the snapshot on, until <see cref="AttachEarlierRecords"/>. Deciding, applying and the catch-up
    /// after the snapshot need no earlier record; a whole view does.
    /// </summary>
    public bool HasWholeRecord => _earlier == 0;

    /// <summary>
    /// Whether a <see cref="Snapshot"/> can be taken now: after every whole decision (what a host
    /// stores in one append), not between the events of one.
    /// </summary>
    public bool CanSnapshot => _records.Count > 0 && _protocol is EngineProtocol engine && engine.IsBetweenSteps;

    /// <summary>How many records before the snapshot are not held (0 when <see cref="HasWholeRecord"/>).</summary>
    public long EarlierRecordCount => _earlier;

    /// <summary>Attaches the records before the snapshot the case was restored from (sequences 1 … <see cref="EarlierRecordCount"/>).</summary>
    /// <exception cref="ArgumentException">Not exactly those records.</exception>
    public void AttachEarlierRecords(IReadOnlyList<CaseRecord> earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        if (earlier.Count != _earlier)
        {
            throw new ArgumentException($"{earlier.Count} records given; {_earlier} are missing.", nameof(earlier));
        }

        for (var i = 0; i < earlier.Count; i++)
        {
            if (earlier[i].Sequence != i + 1)
            {
                throw new ArgumentException($"Record {earlier[i].Sequence} stands at position {i + 1}.", nameof(earlier));
            }
        }

        _records.InsertRange(0, earlier);
        _earlier = 0;
    }

    private void Track(CaseRecord record)
    {
        if (record.Event is CaseCreated)
        {
            _createdRecord = record;
        }
        else if (record.Event is CommentPosted or AmendmentProposed)
        {
            _shareable.Add(record.Sequence);
        }
        else if (record.Event is ImprovementOffered or ImprovementAnswered or ImprovementConcluded)
        {
            _improvementEvents.Add(record.Event);   // at most one offer: a few events
        }
    }

    /// <summary>
    /// The case's state after its last applied event, as JSON: what <see cref="Restore"/> needs, with the
    /// log, to rebuild the case without folding the events before it.
    /// </summary>
    /// <remarks>
    /// It holds the creation (the scenario), the invitations, what was shared, each seat's profile
    /// declarations that its current and mediator-visible profiles still depend on (those before a
    /// declaration that gives every weight, value, reservation and red line are dropped), the agents,
    /// clause wordings, recorded agreements, the post-settlement improvement's events, and the engine's
    /// snapshot with what the case folds from it.
    /// It does not hold the records (the log does), and it names the last event it covers by sequence,
    /// time, kind and a hash of its body, so that a snapshot is never applied to another log.
    /// </remarks>
    /// <exception cref="InvalidOperationException">No events, or between the events of one decision (<see cref="CanSnapshot"/>).</exception>
    public string Snapshot()
    {
        if (_records.Count == 0 || _createdRecord is null || _protocol is not EngineProtocol engine)
        {
            throw new InvalidOperationException("The case has no events.");
        }

        var last = _records[^1];
        var buffer = new ArrayBufferWriter<byte>(8192);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("parleyCaseSnapshot", SnapshotFormat);
            json.WriteNumber("version", Version);
            json.WriteString("lastAt", last.At);
            json.WriteString("lastKind", last.Event.Kind);
            json.WriteString("lastHash", Fingerprint(last.Event));
            json.WriteString("createdAt", _createdRecord.At);
            json.WritePropertyName("created");
            JsonSerializer.Serialize(json, (CaseEvent)(((CaseCreated)_createdRecord.Event) with { Engine = null }), CaseJson.Options);
            json.WritePropertyName("invitations");
            JsonSerializer.Serialize(json, _invitations.Values.ToArray(), CaseJson.Options);
            json.WriteStartArray("shared");
            foreach (var s in _shared.Order())
            {
                json.WriteNumberValue(s);
            }

            json.WriteEndArray();
            // Which events may be shared (comments, amendments): one bit per event, not a list of them.
            var shareable = new byte[(Version / 8) + 1];
            foreach (var s in _shareable)
            {
                shareable[s >> 3] |= (byte)(1 << (int)(s & 7));
            }

            json.WriteBase64String("shareable", shareable);
            json.WriteNumber("observerAccess", (int)ObserverAccess);
            json.WriteStartArray("agents");
            foreach (var a in _agents)
            {
                json.WriteStringValue(a);
            }

            json.WriteEndArray();
            json.WritePropertyName("declarations");
            JsonSerializer.Serialize(json, _declarations.SelectMany(NeededDeclarations).Select(d => (CaseEvent)d).ToArray(), CaseJson.Options);
            json.WriteStartArray("wording");
            foreach (var ((issue, option), text) in _wording)
            {
                json.WriteStartObject();
                json.WriteString("issue", issue);
                json.WriteString("option", option);
                json.WriteString("text", text);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("agreed");
            foreach (var (issue, option) in _agreed)
            {
                json.WriteStartObject();
                json.WriteString("issue", issue);
                json.WriteString("option", option);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("answeredRound");
            foreach (var (seat, round) in _answeredRound)
            {
                json.WriteStartObject();
                json.WriteNumber("seat", seat);
                json.WriteNumber("round", round);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("improvement");
            JsonSerializer.Serialize(json, _improvementEvents.ToArray(), CaseJson.Options);
            json.WritePropertyName("protocol");
            engine.WriteSnapshot(json);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Rebuilds a case from a <see cref="Snapshot"/> and its log: the records the snapshot covers are
    /// not folded again, the ones after it are applied. The result is the case <see cref="Replay"/>
    /// rebuilds from the whole log.
    /// </summary>
    /// <remarks>
    /// Given the whole log, the case holds it all. Given the records from the snapshot's last event on
    /// (that event, then those after it), the case holds those only (<see cref="HasWholeRecord"/> is
    /// false): it decides, applies and catches a client up after the snapshot without the earlier
    /// records, which <see cref="AttachEarlierRecords"/> adds when a whole view is wanted. Either way
    /// the work does not depend on the length of the history before the snapshot.
    /// </remarks>
    /// <param name="snapshot">The snapshot.</param>
    /// <param name="log">The whole log, or the records from the snapshot's last event on.</param>
    /// <exception cref="InvalidSnapshotException">Another format version (of the case or of the engine), malformed JSON, or a snapshot that does not describe this log (its last event differs, or the log is shorter): replay the whole log instead.</exception>
    public static MediationCase Restore(string snapshot, IReadOnlyList<CaseRecord> log)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(log);
        var c = new MediationCase();
        long version, first;
        try
        {
            using var doc = JsonDocument.Parse(snapshot);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("parleyCaseSnapshot", out var format) || format.ValueKind != JsonValueKind.Number)
            {
                throw new InvalidSnapshotException("This is not a case snapshot (no parleyCaseSnapshot format version).");
            }

            if (format.GetInt32() != SnapshotFormat)
            {
                throw new InvalidSnapshotException($"Case snapshot format {format.GetInt32()} is not this version's ({SnapshotFormat}).");
            }

            version = root.GetProperty("version").GetInt64();
            first = log.Count > 0 ? log[0].Sequence : 0;
            if (version < 1 || (first != 1 && first != version) || version > first - 1 + log.Count)
            {
                throw new InvalidSnapshotException($"The snapshot is of version {version}; the records given are {first} to {first - 1 + log.Count}.");
            }

            var last = log[(int)(version - first)];
            if (last.Sequence != version || last.At != root.GetProperty("lastAt").GetDateTimeOffset()
                || !string.Equals(last.Event.Kind, root.GetProperty("lastKind").GetString(), StringComparison.Ordinal)
                || !string.Equals(Fingerprint(last.Event), root.GetProperty("lastHash").GetString(), StringComparison.Ordinal))
            {
                throw new InvalidSnapshotException($"The snapshot does not describe this log: its event {version} differs.");
            }

            var created = root.GetProperty("created").Deserialize<CaseEvent>(CaseJson.Options) as CaseCreated
                ?? throw new InvalidSnapshotException("The snapshot holds no creation.");
            var createdAt = root.GetProperty("createdAt").GetDateTimeOffset();
            c.ApplyCreated(created, createdAt);
            c._createdRecord = first == 1 ? log[0] : new CaseRecord(1, createdAt, created);
            c._earlier = first - 1;
            for (var i = 0; i <= version - first; i++)
            {
                c._records.Add(log[i]);
            }

            var shareable = root.GetProperty("shareable").GetBytesFromBase64();
            for (var b = 0; b < shareable.Length; b++)
            {
                for (var bit = 0; bit < 8 && shareable[b] != 0; bit++)
                {
                    if ((shareable[b] & (1 << bit)) != 0)
                    {
                        c._shareable.Add((8L * b) + bit);
                    }
                }
            }

            foreach (var invitation in root.GetProperty("invitations").Deserialize<Invitation[]>(CaseJson.Options) ?? [])
            {
                c._invitations[invitation.Id] = invitation;
            }

            foreach (var s in root.GetProperty("shared").EnumerateArray())
            {
                c._shared.Add(s.GetInt64());
            }

            c.ObserverAccess = (ObserverAccess)root.GetProperty("observerAccess").GetInt32();
            var agents = root.GetProperty("agents");
            if (agents.GetArrayLength() != c.Seats.Count)
            {
                throw new InvalidSnapshotException("The snapshot's agents do not match the seats.");
            }

            var seat = 0;
            foreach (var a in agents.EnumerateArray())
            {
                c._agents[seat++] = a.GetString();
            }

            foreach (var e in root.GetProperty("declarations").Deserialize<CaseEvent[]>(CaseJson.Options) ?? [])
            {
                var d = e as ProfileDeclared ?? throw new InvalidSnapshotException("A declaration in the snapshot is not one.");
                c.ApplyDeclaration(d, 0);
            }

            foreach (var w in root.GetProperty("wording").EnumerateArray())
            {
                c._wording[(w.GetProperty("issue").GetString()!, w.GetProperty("option").GetString()!)] = w.GetProperty("text").GetString()!;
            }

            foreach (var a in root.GetProperty("agreed").EnumerateArray())
            {
                c._agreed[a.GetProperty("issue").GetString()!] = a.GetProperty("option").GetString()!;
            }

            foreach (var a in root.GetProperty("answeredRound").EnumerateArray())
            {
                c._answeredRound[a.GetProperty("seat").GetInt32()] = a.GetProperty("round").GetInt32();
            }

            foreach (var e in root.GetProperty("improvement").Deserialize<CaseEvent[]>(CaseJson.Options) ?? [])
            {
                if (e is not (ImprovementOffered or ImprovementAnswered or ImprovementConcluded))
                {
                    throw new InvalidSnapshotException("An event of the post-settlement improvement in the snapshot is not one.");
                }

                c.ApplyImprovement(e);
                c._improvementEvents.Add(e);
            }

            ((EngineProtocol)c._protocol!).ReadSnapshot(root.GetProperty("protocol"));
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or IndexOutOfRangeException or NotSupportedException or InputException)
        {
            throw new InvalidSnapshotException($"The case snapshot cannot be restored: {e.Message}", e);
        }

        for (var i = (int)(version - first) + 1; i < log.Count; i++)
        {
            c.Apply(log[i]);
        }

        return c;
    }

    /// <summary>A hash of an event's stored form: names the last event a snapshot covers.</summary>
    private static string Fingerprint(CaseEvent e) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(CaseJson.Serialize(e))));

    // A declaration that gives every weight, value, reservation, red line and today's values makes the
    // profile anew (only the scenario's discount factor carries over): what came before it no longer matters.
    private bool IsComplete(ProfileDeclared d) =>
        d.Weights?.Count == Domain.IssueCount && d.Values?.Count == Domain.IssueCount && d.Reservation is not null && d.RedLines is not null && d.StatusQuoValues is not null;

    // The declarations a seat's current profile and the mediator's view of it still depend on, in order.
    private IEnumerable<ProfileDeclared> NeededDeclarations(List<ProfileDeclared> chain)
    {
        var shared = chain.FindLastIndex(d => d.SharedWithMediator);
        var complete = chain.FindLastIndex(IsComplete);
        if (shared < 0)
        {
            return chain.Skip(Math.Max(0, complete));
        }

        var before = chain.FindLastIndex(shared, IsComplete);
        var start = Math.Max(0, before);
        return chain.Skip(start).Take(shared + 1 - start).Concat(chain.Skip(Math.Max(complete, shared + 1)));
    }
}
