using System.Globalization;
using System.Text.Json;
using Parley.Domains;
using Parley.Scenarios;

namespace Parley.Protocols.Log;

/// <summary>The JSON of one log line: the header and the events (the format of docs/formats.md, "Event logs").</summary>
public static class NegotiationLogJson
{
    private static readonly string[] KindNames =
    [
        "started", "offered", "accepted", "walkedAway", "textProposed", "ballotCast", "roundClosed", "decided",
        "textAdopted", "signed", "passed", "phaseBegan", "votesCast", "failed", "agreed", "ended",
    ];

    /// <summary>The name of an event kind in the log.</summary>
    public static string KindName(EventKind kind) => KindNames[(int)kind];

    /// <summary>Writes the header object.</summary>
    public static void WriteHeader(Utf8JsonWriter json, NegotiationLogHeader header)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(header);
        json.WriteStartObject();
        json.WriteNumber("parleyLog", NegotiationLogHeader.FormatVersion);
        json.WriteString("protocol", header.Protocol);
        json.WriteStartArray("parties");
        foreach (var p in header.Parties)
        {
            json.WriteStringValue(p);
        }

        json.WriteEndArray();
        if (header.Mediator is { } m)
        {
            json.WriteString("mediator", m);
        }
        else
        {
            json.WriteNull("mediator");
        }

        json.WriteStartObject("deadline");
        if (header.Deadline.Rounds is { } r)
        {
            json.WriteNumber("rounds", r);
        }
        else
        {
            json.WriteNull("rounds");
        }

        if (header.Deadline.Time is { } t)
        {
            json.WriteNumber("timeTicks", t.Ticks);
        }
        else
        {
            json.WriteNull("timeTicks");
        }

        json.WriteEndObject();
        json.WriteNumber("seed", header.Seed);
        json.WriteStartObject("settings");
        foreach (var (k, v) in header.Settings.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json.WriteString(k, v);
        }

        json.WriteEndObject();
        json.WritePropertyName("scenario");
        using (var doc = JsonDocument.Parse(header.ScenarioJson))
        {
            doc.RootElement.WriteTo(json);
        }

        json.WriteEndObject();
    }

    /// <summary>Writes one event object.</summary>
    public static void WriteEvent(Utf8JsonWriter json, in NegotiationEvent e)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteStartObject();
        json.WriteNumber("seq", e.Sequence);
        json.WriteString("kind", KindName(e.Kind));
        json.WriteNumber("actor", e.Actor);
        json.WriteNumber("round", e.Round);
        json.WriteNumber("t", e.Time);
        if (e.Elapsed != 0)
        {
            json.WriteNumber("elapsed", e.Elapsed);
        }

        if (e.Outcome is { } o)
        {
            WriteLevels(json, "outcome", o.Levels);
        }

        if (e.Value != 0)
        {
            json.WriteNumber("value", e.Value);
        }

        switch (e.Detail)
        {
            case null:
                break;
            case FailureDetail f:
                json.WriteStartObject("failure");
                json.WriteString("kind", f.Kind.ToString().ToLowerInvariant());
                json.WriteString("reason", f.Reason);
                json.WriteEndObject();
                break;
            case AgreementDetail a:
                WriteLevels(json, "agreed", a.Agreed.Levels);
                if (a.Message is { } message)
                {
                    json.WriteString("message", message);
                }

                break;
            case TextDetail t:
                json.WriteStartObject("text");
                json.WriteNumber("version", t.Version);
                WriteLevels(json, "draft", t.Draft.Levels);
                WriteInts(json, "statuses", t.Statuses);
                json.WriteString("note", t.Note);
                json.WriteEndObject();
                break;
            case TallyDetail t:
                json.WriteStartObject("tally");
                json.WriteNumber("accepts", t.Accepts);
                json.WriteNumber("better", t.Better);
                json.WriteNumber("worse", t.Worse);
                json.WriteNumber("missing", t.Missing);
                json.WriteEndObject();
                break;
            case PhaseDetail p:
                json.WriteStartObject("phase");
                json.WriteString("name", p.Name);
                json.WriteNumber("article", p.Article);
                json.WriteEndObject();
                break;
            case PartiesDetail g:
                WriteInts(json, "parties", g.Parties);
                break;
            case VetoDetail v:
                WriteInts(json, "vetoed", v.Articles);
                break;
            case MopacVotesDetail m:
                json.WriteStartArray("votes");
                foreach (var vote in m.Votes)
                {
                    json.WriteStartObject();
                    WriteLevels(json, "outcome", vote.Offer.Levels);
                    json.WriteNumber("minPower", vote.MinPower);
                    json.WriteNumber("maxPower", vote.MaxPower);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                break;
            default:
                throw new ArgumentException($"No log form for {e.Detail.GetType().Name}.", nameof(e));
        }

        json.WriteEndObject();
    }

    /// <summary>Reads a header line.</summary>
    /// <exception cref="InputException">Not a Parley event log, or a malformed header (with the file and line).</exception>
    public static NegotiationLogHeader ReadHeader(JsonElement root, string file)
    {
        var at = "line 1";
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("parleyLog", out var version))
        {
            throw new InputException(file, at, "not a Parley event log (the first line has no \"parleyLog\" version)");
        }

        if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != NegotiationLogHeader.FormatVersion)
        {
            throw new InputException(file, at, $"event log version {version} is not supported (this Parley reads version {NegotiationLogHeader.FormatVersion})");
        }

        var protocol = String(root, "protocol", file, at);
        var parties = new List<string>();
        foreach (var p in Array(root, "parties", file, at).EnumerateArray())
        {
            parties.Add(p.ValueKind == JsonValueKind.String ? p.GetString()! : throw new InputException(file, at + ", parties", "party names must be strings"));
        }

        string? mediator = root.TryGetProperty("mediator", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (!root.TryGetProperty("deadline", out var d) || d.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(file, at, "the header has no \"deadline\" object");
        }

        int? rounds = d.TryGetProperty("rounds", out var r) && r.ValueKind == JsonValueKind.Number ? r.TryGetInt32(out var ri) && ri > 0 ? ri : throw new InputException(file, at + ", deadline.rounds", "must be a positive whole number") : null;
        TimeSpan? time = d.TryGetProperty("timeTicks", out var t) && t.ValueKind == JsonValueKind.Number ? t.TryGetInt64(out var ti) && ti > 0 ? TimeSpan.FromTicks(ti) : throw new InputException(file, at + ", deadline.timeTicks", "must be a positive whole number") : null;
        var seed = root.TryGetProperty("seed", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var si) ? si : throw new InputException(file, at, "the header has no whole-number \"seed\"");
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("settings", out var set) && set.ValueKind == JsonValueKind.Object)
        {
            foreach (var kv in set.EnumerateObject())
            {
                settings[kv.Name] = kv.Value.ValueKind == JsonValueKind.String ? kv.Value.GetString()! : kv.Value.GetRawText();
            }
        }

        if (!root.TryGetProperty("scenario", out var scenario) || scenario.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(file, at, "the header has no \"scenario\" object");
        }

        return new NegotiationLogHeader(protocol, scenario.GetRawText(), parties, mediator, new Deadline(rounds, time), seed, settings);
    }

    /// <summary>Reads an event line, checking it against the domain and the number of actors.</summary>
    /// <exception cref="InputException">A malformed event (with the file and line).</exception>
    public static NegotiationEvent ReadEvent(JsonElement e, string file, int line, Domain domain, int actors)
    {
        var at = "line " + line.ToString(CultureInfo.InvariantCulture);
        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new InputException(file, at, "an event must be a JSON object");
        }

        var seq = Long(e, "seq", file, at, required: true);
        var kindName = String(e, "kind", file, at);
        var kindIndex = System.Array.IndexOf(KindNames, kindName);
        if (kindIndex < 0)
        {
            throw new InputException(file, at, $"unknown event kind '{kindName}' (known: {string.Join(", ", KindNames)})");
        }

        var actor = (int)Long(e, "actor", file, at, required: true);
        if (actor < -1 || actor >= actors)
        {
            throw new InputException(file, at, $"actor {actor} does not exist (the negotiation has {actors} actors, numbered from 0; -1 is the protocol)");
        }

        var round = (int)Long(e, "round", file, at, required: true);
        if (!e.TryGetProperty("t", out var tProp) || tProp.ValueKind != JsonValueKind.Number || !tProp.TryGetDouble(out var t) || !double.IsFinite(t) || t < 0 || t > 1)
        {
            throw new InputException(file, at, "\"t\" must be a number between 0 and 1");
        }

        var elapsed = Long(e, "elapsed", file, at, required: false);
        var value = (int)Long(e, "value", file, at, required: false);
        Outcome? outcome = null;
        if (e.TryGetProperty("outcome", out var o))
        {
            outcome = new Outcome(Levels(o, file, at + ", outcome", domain, allowOpen: false));
        }

        ActionDetail? detail = null;
        if (e.TryGetProperty("failure", out var f))
        {
            var kindText = f.TryGetProperty("kind", out var fk) ? fk.GetString() : null;
            var kind = Enum.TryParse<FailureKind>(kindText, ignoreCase: true, out var k) ? k : throw new InputException(file, at + ", failure.kind", $"unknown failure kind '{kindText}'");
            detail = new FailureDetail(kind, f.TryGetProperty("reason", out var fr) && fr.ValueKind == JsonValueKind.String ? fr.GetString()! : string.Empty);
        }
        else if (e.TryGetProperty("agreed", out var a))
        {
            detail = new AgreementDetail(new PartialOutcome(Levels(a, file, at + ", agreed", domain, allowOpen: true)), e.TryGetProperty("message", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() : null);
        }
        else if (e.TryGetProperty("text", out var text))
        {
            var statuses = new List<int>();
            foreach (var st in Array(text, "statuses", file, at + ", text").EnumerateArray())
            {
                statuses.Add(st.TryGetInt32(out var sv) && sv is >= 0 and <= 2 ? sv : throw new InputException(file, at + ", text.statuses", "statuses are 0 (open), 1 (proposed) or 2 (agreed)"));
            }

            detail = new TextDetail(
                (int)Long(text, "version", file, at + ", text", required: true),
                new PartialOutcome(Levels(text.TryGetProperty("draft", out var dr) ? dr : default, file, at + ", text.draft", domain, allowOpen: true)),
                statuses,
                text.TryGetProperty("note", out var note) && note.ValueKind == JsonValueKind.String ? note.GetString()! : string.Empty);
        }
        else if (e.TryGetProperty("tally", out var tally))
        {
            detail = new TallyDetail((int)Long(tally, "accepts", file, at, true), (int)Long(tally, "better", file, at, true), (int)Long(tally, "worse", file, at, true), (int)Long(tally, "missing", file, at, true));
        }
        else if (e.TryGetProperty("phase", out var phase))
        {
            detail = new PhaseDetail(String(phase, "name", file, at + ", phase"), (int)Long(phase, "article", file, at + ", phase", true));
        }
        else if (e.TryGetProperty("parties", out var group))
        {
            var list = new List<int>();
            foreach (var i in group.ValueKind == JsonValueKind.Array ? group.EnumerateArray() : throw new InputException(file, at, "\"parties\" must be an array"))
            {
                list.Add(i.TryGetInt32(out var iv) && iv >= 0 && iv < actors ? iv : throw new InputException(file, at + ", parties", $"parties are numbered 0..{actors - 1}"));
            }

            detail = new PartiesDetail(list);
        }
        else if (e.TryGetProperty("vetoed", out var vetoed))
        {
            var list = new List<int>();
            foreach (var i in vetoed.ValueKind == JsonValueKind.Array ? vetoed.EnumerateArray() : throw new InputException(file, at, "\"vetoed\" must be an array"))
            {
                list.Add(i.TryGetInt32(out var iv) && iv >= 0 && iv < domain.IssueCount ? iv : throw new InputException(file, at + ", vetoed", $"articles are numbered 0..{domain.IssueCount - 1}"));
            }

            detail = new VetoDetail(list);
        }
        else if (e.TryGetProperty("votes", out var votes))
        {
            var list = new List<MopacVote>();
            foreach (var vote in votes.ValueKind == JsonValueKind.Array ? votes.EnumerateArray() : throw new InputException(file, at, "\"votes\" must be an array"))
            {
                list.Add(new MopacVote(
                    new Outcome(Levels(vote.TryGetProperty("outcome", out var vo) ? vo : default, file, at + ", votes.outcome", domain, allowOpen: false)),
                    (int)Long(vote, "minPower", file, at + ", votes", true),
                    (int)Long(vote, "maxPower", file, at + ", votes", true)));
            }

            detail = new MopacVotesDetail(list);
        }

        return new NegotiationEvent(seq, (EventKind)kindIndex, actor, round, t, elapsed, outcome, value, detail);
    }

    private static void WriteInts(Utf8JsonWriter json, string name, IReadOnlyList<int> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }

    private static void WriteLevels(Utf8JsonWriter json, string name, ReadOnlySpan<int> levels)
    {
        json.WriteStartArray(name);
        foreach (var l in levels)
        {
            json.WriteNumberValue(l);
        }

        json.WriteEndArray();
    }

    private static int[] Levels(JsonElement array, string file, string at, Domain domain, bool allowOpen)
    {
        if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != domain.IssueCount)
        {
            throw new InputException(file, at, $"must be an array of {domain.IssueCount} option numbers, one per issue");
        }

        var levels = new int[domain.IssueCount];
        var i = 0;
        foreach (var l in array.EnumerateArray())
        {
            if (!l.TryGetInt32(out var level) || level >= domain.Issues[i].Cardinality || level < (allowOpen ? -1 : 0))
            {
                throw new InputException(file, at, $"issue '{domain.Issues[i].Name}' has options 0..{domain.Issues[i].Cardinality - 1}{(allowOpen ? " (or -1 for open)" : string.Empty)}; got {l.GetRawText()}");
            }

            levels[i++] = level;
        }

        return levels;
    }

    private static string String(JsonElement e, string name, string file, string at) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString()! : throw new InputException(file, at, $"\"{name}\" must be a string");

    private static JsonElement Array(JsonElement e, string name, string file, string at) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array ? p : throw new InputException(file, at, $"\"{name}\" must be an array");

    private static long Long(JsonElement e, string name, string file, string at, bool required)
    {
        if (!e.TryGetProperty(name, out var p))
        {
            return required ? throw new InputException(file, at, $"\"{name}\" is missing") : 0;
        }

        return p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var v) ? v : throw new InputException(file, at, $"\"{name}\" must be a whole number");
    }
}
