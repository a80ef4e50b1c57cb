using System.Buffers;
using System.Text.Json;
using Parley.Domains;

namespace Parley.Remote;

/// <summary>
/// GeniusWeb's JSON wire format, both directions: every object is wrapped by its class name
/// (<c>{"Offer":{"actor":"party1","bid":{"issuevalues":{…}}}}</c>); informs go to a party, actions
/// come from it.
/// </summary>
/// <remarks>
/// <para>Written from GeniusWeb's documentation of its JSON serialisation (the Java and Python
/// reference implementations use Jackson's and pyson's wrapper-object type naming): <c>Settings</c>
/// (<c>id</c>, <c>profile</c>, <c>protocol</c>, <c>progress</c>, <c>parameters</c>),
/// <c>YourTurn</c> (no fields), <c>ActionDone</c> (<c>action</c>), <c>Voting</c> (<c>offers</c>,
/// <c>powers</c>), <c>OptIn</c> (<c>votes</c>), <c>Finished</c> (<c>agreements</c>, a map from
/// party id to bid); actions <c>Offer</c> and <c>Accept</c> (<c>actor</c>, <c>bid</c>),
/// <c>EndNegotiation</c> (<c>actor</c>), <c>Vote</c> (<c>actor</c>, <c>bid</c>, <c>minPower</c>,
/// <c>maxPower</c>) and <c>Votes</c> (<c>actor</c>, <c>votes</c>).</para>
/// <para>Parsing never throws on bad input: it answers with the reason, which the drivers record
/// as the sending party's failure.</para>
/// </remarks>
public static class GeniusWebWire
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16 };

    /// <summary>Writes the <c>Settings</c> inform.</summary>
    public static void WriteSettings(IBufferWriter<byte> output, GeniusWebSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteStartObject("Settings");
        w.WriteString("id", settings.PartyId);
        w.WriteString("profile", settings.Profile);
        w.WriteString("protocol", settings.Protocol);
        w.WriteStartObject("progress");
        var p = settings.Progress;
        if (p.Rounds is { } rounds)
        {
            w.WriteStartObject("ProgressRounds");
            w.WriteNumber("duration", rounds);
            w.WriteNumber("currentRound", p.CurrentRound);
            w.WriteNumber("endtime", p.EndTimeMs);
        }
        else
        {
            w.WriteStartObject("ProgressTime");
            w.WriteNumber("duration", p.DurationMs);
            w.WriteNumber("start", p.StartMs);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartObject("parameters");
        foreach (var (key, value) in settings.Parameters)
        {
            w.WriteString(key, value);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes the <c>YourTurn</c> inform.</summary>
    public static void WriteYourTurn(IBufferWriter<byte> output)
    {
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteStartObject("YourTurn");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes the <c>ActionDone</c> inform of <paramref name="action"/>.</summary>
    public static void WriteActionDone(IBufferWriter<byte> output, GeniusWebAction action, GeniusWebBidCodec codec)
    {
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteStartObject("ActionDone");
        w.WritePropertyName("action");
        WriteAction(w, action, codec);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes the <c>Voting</c> inform (MOPAC): the round's offers and each party's power.</summary>
    public static void WriteVoting(IBufferWriter<byte> output, IReadOnlyList<GeniusWebAction> offers, IReadOnlyDictionary<string, int> powers, GeniusWebBidCodec codec)
    {
        ArgumentNullException.ThrowIfNull(offers);
        ArgumentNullException.ThrowIfNull(powers);
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteStartObject("Voting");
        w.WriteStartArray("offers");
        foreach (var offer in offers)
        {
            WriteAction(w, offer, codec);
        }

        w.WriteEndArray();
        w.WriteStartObject("powers");
        foreach (var (party, power) in powers)
        {
            w.WriteNumber(party, power);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes the <c>OptIn</c> inform (MOPAC): every party's <c>Votes</c>.</summary>
    public static void WriteOptIn(IBufferWriter<byte> output, IReadOnlyList<GeniusWebAction> votes, GeniusWebBidCodec codec)
    {
        ArgumentNullException.ThrowIfNull(votes);
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteStartObject("OptIn");
        w.WriteStartArray("votes");
        foreach (var v in votes)
        {
            WriteAction(w, v, codec);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes the <c>Finished</c> inform with the agreements (party id → bid; empty without one).</summary>
    public static void WriteFinished(IBufferWriter<byte> output, IReadOnlyList<KeyValuePair<string, Outcome>> agreements, GeniusWebBidCodec codec)
    {
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(codec);
        using var w = new Utf8JsonWriter(output);
        w.WriteStartObject();
        w.WriteStartObject("Finished");
        w.WriteStartObject("agreements");
        foreach (var (party, bid) in agreements)
        {
            w.WritePropertyName(party);
            codec.Write(w, bid);
        }

        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>Writes an action (what a party sends).</summary>
    public static void WriteAction(IBufferWriter<byte> output, GeniusWebAction action, GeniusWebBidCodec codec)
    {
        using var w = new Utf8JsonWriter(output);
        WriteAction(w, action, codec);
    }

    /// <summary>Writes an action wrapped by its class name.</summary>
    public static void WriteAction(Utf8JsonWriter writer, GeniusWebAction action, GeniusWebBidCodec codec)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(codec);
        writer.WriteStartObject();
        writer.WriteStartObject(action.TypeName);
        writer.WriteString("actor", action.Actor);
        switch (action.Kind)
        {
            case GeniusWebActionKind.Offer:
            case GeniusWebActionKind.Accept:
                writer.WritePropertyName("bid");
                codec.Write(writer, action.Bid ?? throw new ArgumentException($"{action.Kind} without a bid.", nameof(action)));
                break;
            case GeniusWebActionKind.Vote:
                writer.WritePropertyName("bid");
                codec.Write(writer, action.Bid ?? throw new ArgumentException("Vote without a bid.", nameof(action)));
                writer.WriteNumber("minPower", action.MinPower);
                writer.WriteNumber("maxPower", action.MaxPower);
                break;
            case GeniusWebActionKind.Votes:
                writer.WriteStartArray("votes");
                foreach (var v in action.Votes ?? [])
                {
                    WriteAction(writer, v, codec);
                }

                writer.WriteEndArray();
                break;
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <summary>Parses an action a party sent; null with the reason when it is not a well-formed GeniusWeb action over the codec's domain.</summary>
    public static GeniusWebAction? ParseAction(ReadOnlyMemory<byte> json, GeniusWebBidCodec codec, out string? error)
    {
        ArgumentNullException.ThrowIfNull(codec);
        try
        {
            using var doc = JsonDocument.Parse(json, DocumentOptions);
            return ReadAction(doc.RootElement, codec, out error);
        }
        catch (JsonException ex)
        {
            error = $"malformed JSON: {ex.Message}";
            return null;
        }
    }

    /// <summary>Reads an action wrapped by its class name.</summary>
    public static GeniusWebAction? ReadAction(JsonElement element, GeniusWebBidCodec codec, out string? error)
    {
        ArgumentNullException.ThrowIfNull(codec);
        if (!Unwrap(element, out var type, out var body, out error))
        {
            return null;
        }

        GeniusWebActionKind kind;
        switch (type)
        {
            case "Offer": kind = GeniusWebActionKind.Offer; break;
            case "Accept": kind = GeniusWebActionKind.Accept; break;
            case "EndNegotiation": kind = GeniusWebActionKind.EndNegotiation; break;
            case "Vote": kind = GeniusWebActionKind.Vote; break;
            case "Votes": kind = GeniusWebActionKind.Votes; break;
            default:
                error = $"'{Clip(type)}' is not an action Parley takes (Offer, Accept, EndNegotiation, Vote, Votes)";
                return null;
        }

        if (!body.TryGetProperty("actor", out var actorElement) || actorElement.ValueKind != JsonValueKind.String)
        {
            error = $"{type} without an \"actor\" string";
            return null;
        }

        var actor = actorElement.GetString()!;
        Outcome? bid = null;
        if (kind is GeniusWebActionKind.Offer or GeniusWebActionKind.Accept or GeniusWebActionKind.Vote)
        {
            if (!body.TryGetProperty("bid", out var bidElement))
            {
                error = $"{type} without a \"bid\"";
                return null;
            }

            bid = codec.Read(bidElement, out error);
            if (bid is null)
            {
                return null;
            }
        }

        switch (kind)
        {
            case GeniusWebActionKind.Vote:
                if (!TryInt(body, "minPower", out var min) || !TryInt(body, "maxPower", out var max))
                {
                    error = "Vote without integer \"minPower\" and \"maxPower\"";
                    return null;
                }

                error = null;
                return new GeniusWebAction(kind, actor, bid, min, max);
            case GeniusWebActionKind.Votes:
                if (!body.TryGetProperty("votes", out var votesElement) || votesElement.ValueKind != JsonValueKind.Array)
                {
                    error = "Votes without a \"votes\" array";
                    return null;
                }

                var votes = new List<GeniusWebAction>(votesElement.GetArrayLength());
                foreach (var item in votesElement.EnumerateArray())
                {
                    var vote = ReadAction(item, codec, out error);
                    if (vote is null)
                    {
                        return null;
                    }

                    if (vote.Kind != GeniusWebActionKind.Vote || vote.Actor != actor)
                    {
                        error = $"Votes by '{Clip(actor)}' holds a {vote.Kind} by '{Clip(vote.Actor)}' (only its own Vote actions belong there)";
                        return null;
                    }

                    votes.Add(vote);
                }

                error = null;
                return new GeniusWebAction(kind, actor, null, 0, 0, votes);
            default:
                error = null;
                return new GeniusWebAction(kind, actor, bid);
        }
    }

    /// <summary>Parses an inform (what a party receives). <paramref name="codec"/> may be null before the settings are known; an inform that carries bids then fails.</summary>
    public static GeniusWebInform? ParseInform(ReadOnlyMemory<byte> json, GeniusWebBidCodec? codec, out string? error)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, DocumentOptions);
            return ReadInform(doc.RootElement, codec, out error);
        }
        catch (JsonException ex)
        {
            error = $"malformed JSON: {ex.Message}";
            return null;
        }
    }

    private static GeniusWebInform? ReadInform(JsonElement element, GeniusWebBidCodec? codec, out string? error)
    {
        if (!Unwrap(element, out var type, out var body, out error))
        {
            return null;
        }

        switch (type)
        {
            case "Settings":
                return ReadSettings(body, out error);
            case "YourTurn":
                return new GeniusWebInform(GeniusWebInformKind.YourTurn);
        }

        if (codec is null)
        {
            error = $"{Clip(type)} before Settings";
            return null;
        }

        switch (type)
        {
            case "ActionDone":
                if (!body.TryGetProperty("action", out var a))
                {
                    error = "ActionDone without an \"action\"";
                    return null;
                }

                var action = ReadAction(a, codec, out error);
                return action is null ? null : new GeniusWebInform(GeniusWebInformKind.ActionDone, Action: action);
            case "Voting":
                var offers = ReadActions(body, "offers", codec, out error);
                if (offers is null)
                {
                    return null;
                }

                var powers = new Dictionary<string, int>(StringComparer.Ordinal);
                if (body.TryGetProperty("powers", out var p) && p.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in p.EnumerateObject())
                    {
                        if (property.Value.TryGetInt32(out var power))
                        {
                            powers[property.Name] = power;
                        }
                    }
                }

                return new GeniusWebInform(GeniusWebInformKind.Voting, Offers: offers, Powers: powers);
            case "OptIn":
                var votes = ReadActions(body, "votes", codec, out error);
                return votes is null ? null : new GeniusWebInform(GeniusWebInformKind.OptIn, Votes: votes);
            case "Finished":
                var agreements = new Dictionary<string, Outcome>(StringComparer.Ordinal);
                if (body.TryGetProperty("agreements", out var ag) && ag.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in ag.EnumerateObject())
                    {
                        var bid = codec.Read(property.Value, out error);
                        if (bid is null)
                        {
                            return null;
                        }

                        agreements[property.Name] = bid;
                    }
                }

                error = null;
                return new GeniusWebInform(GeniusWebInformKind.Finished, Agreements: agreements);
            default:
                error = $"'{Clip(type)}' is not an inform Parley knows";
                return null;
        }
    }

    private static GeniusWebInform? ReadSettings(JsonElement body, out string? error)
    {
        if (!TryString(body, "id", out var id) || !TryString(body, "profile", out var profile) || !TryString(body, "protocol", out var protocol))
        {
            error = "Settings needs \"id\", \"profile\" and \"protocol\" strings";
            return null;
        }

        if (!body.TryGetProperty("progress", out var progress) || !Unwrap(progress, out var progressType, out var pb, out error))
        {
            error = "Settings needs a \"progress\" (ProgressRounds or ProgressTime)";
            return null;
        }

        GeniusWebProgress parsed;
        if (progressType == "ProgressRounds" && TryInt(pb, "duration", out var rounds) && rounds > 0)
        {
            TryInt(pb, "currentRound", out var current);
            TryLong(pb, "endtime", out var end);
            parsed = new GeniusWebProgress(rounds, current, 0, 0, end);
        }
        else if (progressType == "ProgressTime" && TryLong(pb, "duration", out var duration) && duration > 0)
        {
            TryLong(pb, "start", out var start);
            parsed = GeniusWebProgress.OfTime(duration, start);
        }
        else
        {
            error = "Settings' progress is neither ProgressRounds nor ProgressTime with a positive duration";
            return null;
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (body.TryGetProperty("parameters", out var ps) && ps.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in ps.EnumerateObject())
            {
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        error = null;
        return new GeniusWebInform(GeniusWebInformKind.Settings, Settings: new GeniusWebSettings(id, profile, protocol, parsed, parameters));
    }

    private static List<GeniusWebAction>? ReadActions(JsonElement body, string name, GeniusWebBidCodec codec, out string? error)
    {
        if (!body.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            error = $"no \"{name}\" array";
            return null;
        }

        var list = new List<GeniusWebAction>(array.GetArrayLength());
        foreach (var item in array.EnumerateArray())
        {
            var action = ReadAction(item, codec, out error);
            if (action is null)
            {
                return null;
            }

            list.Add(action);
        }

        error = null;
        return list;
    }

    private static bool Unwrap(JsonElement element, out string type, out JsonElement body, out string? error)
    {
        type = string.Empty;
        body = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = "expected an object wrapped by its class name, like {\"Offer\":{…}}";
            return false;
        }

        var count = 0;
        foreach (var property in element.EnumerateObject())
        {
            if (++count > 1)
            {
                error = "a wrapped object has exactly one property, its class name";
                return false;
            }

            type = property.Name;
            body = property.Value;
        }

        if (count == 0 || body.ValueKind != JsonValueKind.Object)
        {
            error = "expected an object wrapped by its class name, like {\"Offer\":{…}}";
            return false;
        }

        error = null;
        return true;
    }

    private static bool TryString(JsonElement body, string name, out string value)
    {
        if (body.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String)
        {
            value = e.GetString()!;
            return true;
        }

        value = string.Empty;
        return false;
    }

    private static bool TryInt(JsonElement body, string name, out int value)
    {
        value = 0;
        return body.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out value);
    }

    private static bool TryLong(JsonElement body, string name, out long value)
    {
        value = 0;
        return body.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Number && e.TryGetInt64(out value);
    }

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
