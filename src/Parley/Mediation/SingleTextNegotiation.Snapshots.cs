using System.Text.Json;
using Parley.Domains;

namespace Parley.Mediation;

/// <summary>The single-text negotiation's snapshot: its phase, the ballot in progress, and the kept rounds and versions.</summary>
public sealed partial class SingleTextNegotiation
{
    /// <inheritdoc />
    public override bool SupportsSnapshots => true;

    /// <inheritdoc />
    protected override void WriteSnapshotState(Utf8JsonWriter json)
    {
        ArgumentNullException.ThrowIfNull(json);
        json.WriteNumber("phase", (int)Phase);
        json.WriteNumber("phaseStartedAt", PhaseStartedAt);
        json.WriteNumber("phaseArticle", PhaseArticle);
        WriteLevels(json, "phaseText", PhaseText);
        WriteLevels(json, "candidate", Candidate);
        WriteLevels(json, "incumbent", Incumbent);
        WriteLevels(json, "lastUnanimous", LastUnanimous);
        WriteLevels(json, "settled", Settled.Levels);
        WriteLevels(json, "agreed", Agreed.Levels);
        json.WriteBoolean("noText", NoText);
        json.WriteNumber("roundStartTime", RoundStartTime);
        json.WriteNumber("adoptedRounds", AdoptedRounds);
        WriteLevels(json, "acceptances", _acceptances);
        WriteLevels(json, "answers", _answers);
        json.WriteStartArray("vetoes");
        foreach (var veto in _vetoes)
        {
            if (veto is null)
            {
                json.WriteNullValue();
            }
            else
            {
                WriteInts(json, veto);
            }
        }

        json.WriteEndArray();
        json.WriteNumber("answered", _answered);
        json.WriteNumber("accepts", _accepts);
        json.WriteNumber("better", _better);
        json.WriteNumber("worse", _worse);
        json.WriteBoolean("decidedAdopt", _decidedAdopt);
        json.WriteBoolean("adoptedInRound", _adoptedInRound);
        json.WriteNumber("attempts", _attempts);
        json.WriteNumber("postSteps", _postSteps);
        json.WriteNumber("roundOpenedAt", _roundOpenedAt);
        json.WritePropertyName("versions");
        _versions.WriteTo(json, WriteVersion);
        json.WritePropertyName("rounds");
        _rounds.WriteTo(json, WriteRound);
    }

    /// <inheritdoc />
    protected override void ReadSnapshotState(JsonElement state)
    {
        Phase = (SingleTextPhase)state.GetProperty("phase").GetInt32();
        if (!Enum.IsDefined(Phase))
        {
            throw new FormatException($"no phase {(int)Phase}");
        }

        PhaseStartedAt = state.GetProperty("phaseStartedAt").GetInt64();
        PhaseArticle = state.GetProperty("phaseArticle").GetInt32();
        PhaseText = ReadOutcome(state.GetProperty("phaseText"));
        Candidate = ReadOutcome(state.GetProperty("candidate"));
        Incumbent = ReadOutcome(state.GetProperty("incumbent"));
        LastUnanimous = ReadOutcome(state.GetProperty("lastUnanimous"));
        Settled = ReadPartial(state.GetProperty("settled"));
        Agreed = ReadPartial(state.GetProperty("agreed"));
        NoText = state.GetProperty("noText").GetBoolean();
        RoundStartTime = state.GetProperty("roundStartTime").GetDouble();
        AdoptedRounds = state.GetProperty("adoptedRounds").GetInt32();
        ReadInto(state.GetProperty("acceptances"), _acceptances);
        ReadInto(state.GetProperty("answers"), _answers);
        var vetoes = state.GetProperty("vetoes");
        if (vetoes.GetArrayLength() != _n)
        {
            throw new FormatException("the vetoes do not name every party");
        }

        var p = 0;
        foreach (var veto in vetoes.EnumerateArray())
        {
            _vetoes[p++] = veto.ValueKind == JsonValueKind.Null ? null : ReadInts(veto);
        }

        _answered = state.GetProperty("answered").GetInt32();
        _accepts = state.GetProperty("accepts").GetInt32();
        _better = state.GetProperty("better").GetInt32();
        _worse = state.GetProperty("worse").GetInt32();
        _decidedAdopt = state.GetProperty("decidedAdopt").GetBoolean();
        _adoptedInRound = state.GetProperty("adoptedInRound").GetBoolean();
        _attempts = state.GetProperty("attempts").GetInt32();
        _postSteps = state.GetProperty("postSteps").GetInt32();
        _roundOpenedAt = state.GetProperty("roundOpenedAt").GetInt64();
        _versions.ReadFrom(state.GetProperty("versions"), ReadVersion);
        _rounds.ReadFrom(state.GetProperty("rounds"), ReadRound);
    }

    private static void WriteLevels(Utf8JsonWriter json, string name, Outcome? outcome)
    {
        if (outcome is null)
        {
            json.WriteNull(name);
        }
        else
        {
            WriteLevels(json, name, outcome.Levels);
        }
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

    private static void WriteInts(Utf8JsonWriter json, IReadOnlyList<int> values)
    {
        json.WriteStartArray();
        foreach (var v in values)
        {
            json.WriteNumberValue(v);
        }

        json.WriteEndArray();
    }

    private static int[] ReadInts(JsonElement array)
    {
        var values = new int[array.GetArrayLength()];
        var i = 0;
        foreach (var v in array.EnumerateArray())
        {
            values[i++] = v.GetInt32();
        }

        return values;
    }

    private static void ReadInto(JsonElement array, int[] into)
    {
        if (array.GetArrayLength() != into.Length)
        {
            throw new FormatException($"{array.GetArrayLength()} values where {into.Length} were expected");
        }

        var i = 0;
        foreach (var v in array.EnumerateArray())
        {
            into[i++] = v.GetInt32();
        }
    }

    private Outcome? ReadOutcome(JsonElement levels)
    {
        if (levels.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var outcome = new Outcome(ReadInts(levels));
        if (!Domain.IsValid(outcome.Levels))
        {
            throw new FormatException($"the text {outcome} is not in the domain");
        }

        return outcome;
    }

    private PartialOutcome ReadPartial(JsonElement levels)
    {
        var partial = new PartialOutcome(ReadInts(levels));
        if (partial.Count != Domain.IssueCount)
        {
            throw new FormatException($"a partial text of {partial.Count} articles; the domain has {Domain.IssueCount}");
        }

        return partial;
    }

    private static void WriteVersion(Utf8JsonWriter json, NegotiatingText text)
    {
        json.WriteStartObject();
        json.WriteNumber("version", text.Version);
        WriteLevels(json, "draft", text.Draft.Levels);
        json.WriteStartArray("statuses");
        foreach (var s in text.Statuses)
        {
            json.WriteNumberValue((int)s);
        }

        json.WriteEndArray();
        if (text.Note is { } note)
        {
            json.WriteString("note", note);
        }
        else
        {
            json.WriteNull("note");
        }

        json.WriteEndObject();
    }

    private NegotiatingText ReadVersion(JsonElement e)
    {
        var statuses = ReadInts(e.GetProperty("statuses")).Select(s => (ArticleStatus)s).ToArray();
        return new NegotiatingText(Domain, ReadPartial(e.GetProperty("draft")), statuses, e.GetProperty("version").GetInt32(), e.GetProperty("note").GetString());
    }

    private static void WriteRound(Utf8JsonWriter json, MediationRound round)
    {
        json.WriteStartObject();
        json.WriteNumber("round", round.Round);
        WriteLevels(json, "proposal", round.Proposal);
        if (round.Issue is { } issue)
        {
            json.WriteNumber("issue", issue);
        }
        else
        {
            json.WriteNull("issue");
        }

        json.WriteStartArray("ballots");
        foreach (var b in round.Ballots)
        {
            json.WriteStartObject();
            json.WriteString("party", b.Party);
            json.WriteBoolean("accepted", b.Accepted);
            if (b.Feedback is { } f)
            {
                json.WriteNumber("feedback", (int)f);
            }
            else
            {
                json.WriteNull("feedback");
            }

            json.WritePropertyName("vetoed");
            WriteInts(json, b.Vetoed);
            if (double.IsNaN(b.Utility))
            {
                json.WriteNull("utility");   // a party without a declared profile
            }
            else
            {
                json.WriteNumber("utility", b.Utility);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteBoolean("adopted", round.Adopted);
        json.WriteNumber("version", round.Version);
        json.WriteNumber("time", round.Time);
        json.WriteEndObject();
    }

    private MediationRound ReadRound(JsonElement e)
    {
        var ballots = new List<Ballot>();
        foreach (var b in e.GetProperty("ballots").EnumerateArray())
        {
            var feedback = b.GetProperty("feedback");
            var utility = b.GetProperty("utility");
            ballots.Add(new Ballot(
                b.GetProperty("party").GetString() ?? "",
                b.GetProperty("accepted").GetBoolean(),
                feedback.ValueKind == JsonValueKind.Null ? null : (Feedback)feedback.GetInt32(),
                ReadInts(b.GetProperty("vetoed")),
                utility.ValueKind == JsonValueKind.Null ? double.NaN : utility.GetDouble()));
        }

        var issue = e.GetProperty("issue");
        return new MediationRound(
            e.GetProperty("round").GetInt32(),
            ReadOutcome(e.GetProperty("proposal")) ?? throw new FormatException("a round without its text"),
            issue.ValueKind == JsonValueKind.Null ? null : issue.GetInt32(),
            ballots,
            e.GetProperty("adopted").GetBoolean(),
            e.GetProperty("version").GetInt32(),
            e.GetProperty("time").GetDouble());
    }
}
